/**
 * The tables of the participant-safety check find runs of words by a 30-bit key and must confirm every
 * candidate against the words themselves: two different runs (or words) that share a key must never be
 * taken for each other, or a hash collision could refuse a safe export or let a leak through. Keys are
 * given by the caller, so a collision is forced here by filing different runs under one key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntTable } from '../../../shared/domain/export/int-table';
import { forEachRun, readWords, RunTable, runKey, SentenceTable, Vocabulary, wordIds } from '../../../shared/domain/export/text-search';

describe('IntTable', () => {
  it('files, replaces and finds values, and answers -1 for a key never filed', () => {
    const table = new IntTable();
    table.set(7, 70);
    table.set(0, 1);
    table.set(7, 71);
    expect(table.get(7)).toBe(71);
    expect(table.get(0)).toBe(1);
    expect(table.get(8)).toBe(-1);
    expect(table.size).toBe(2);
  });

  it('behaves as a Map for any keys, growing past the room it was made with', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3fffffff }), fc.nat()), { maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 0x3fffffff })), (entries, probes) => {
        const table = new IntTable(2);
        const map = new Map<number, number>();
        for (const [key, value] of entries) {
          table.set(key, value);
          map.set(key, value);
        }
        expect(table.size).toBe(map.size);
        for (const key of [...map.keys(), ...probes]) expect(table.get(key)).toBe(map.get(key) ?? -1);
      }),
    );
  });

  it('keeps keys apart that land on the same slot', () => {
    // Keys that differ only above the table's mask, and keys in a row, probe past each other.
    const table = new IntTable(4);
    const keys = [1, 1 + (1 << 20), 1 + (1 << 25), 2, 3, 1 + (1 << 29)];
    keys.forEach((key, index) => { table.set(key, index); });
    keys.forEach((key, index) => { expect(table.get(key)).toBe(index); });
  });

  it('refuses keys it cannot hold', () => {
    const table = new IntTable();
    expect(() => { table.set(-1, 0); }).toThrow(RangeError);
    expect(() => { table.set(0.5, 0); }).toThrow(RangeError);
    expect(() => { table.set(2 ** 31, 0); }).toThrow(RangeError);
  });
});

describe('RunTable', () => {
  // Three runs of two words: [1 2] at 0, [3 4] at 3, [5 6] at 6; -2 separates them as in the corpus.
  const corpus = [1, 2, -2, 3, 4, -2, 5, 6, -2, 1, 2];

  it('finds each run filed under a shared key by its own words, never another run of that key', () => {
    const table = new RunTable(corpus, 2);
    const key = 42;
    table.add(key, 0);
    table.add(key, 3);
    expect(table.find(key, [3, 4], 0)).toBe(3);
    expect(table.find(key, [9, 1, 2], 1)).toBe(0);
    // [5 6] was never filed: the same key does not make it a match.
    expect(table.find(key, [5, 6], 0)).toBe(-1);
    expect(table.find(7, [1, 2], 0)).toBe(-1);
  });

  it('keeps a run at its first offset when it is filed again', () => {
    const table = new RunTable(corpus, 2);
    table.add(runKey(corpus, 0, 2), 0);
    table.add(runKey(corpus, 9, 2), 9);
    expect(table.find(runKey([1, 2], 0, 2), [1, 2], 0)).toBe(0);
  });

  it('finds, with the real keys, exactly the runs of a text that the corpus holds', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 60 }), fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 30 }), (ids, text) => {
        const table = new RunTable(ids, 3);
        forEachRun(ids, 3, (key, at) => { table.add(key, at); });
        forEachRun(text, 3, (key, at) => {
          const offset = table.find(key, text, at);
          const first = ids.findIndex((_, start) => start + 3 <= ids.length && ids.slice(start, start + 3).join() === text.slice(at, at + 3).join());
          expect(offset).toBe(first);
        });
      }),
    );
  });
});

describe('SentenceTable', () => {
  it('reports only the sentences whose words are there, among those that share a key', () => {
    const corpus = [1, 2, 3, -2, 1, 2, 4, 5];
    type Sentence = { start: number; length: number; name: string };
    const table = new SentenceTable<Sentence>(corpus, 2);
    // Both start with [1 2], so they share a key; only the words tell them apart.
    table.add({ start: 0, length: 3, name: 'first' });
    table.add({ start: 4, length: 4, name: 'second' });
    const found: string[] = [];
    const text = [9, 1, 2, 4, 5];
    table.at(runKey(text, 1, 2), text, 1, (sentence, at) => found.push(`${sentence.name}@${at}`));
    expect(found).toEqual(['second@1']);
  });
});

describe('Vocabulary', () => {
  it('gives two words that share a hash their own ids', () => {
    const vocabulary = new Vocabulary();
    const text = 'alpha beta gamma';
    // Forced: every word filed under hash 5.
    const alpha = vocabulary.resolve(text, 0, 5, 5, true, true);
    const beta = vocabulary.resolve(text, 6, 10, 5, true, true);
    expect(beta).not.toBe(alpha);
    expect(vocabulary.resolve(text, 0, 5, 5, true, false)).toBe(alpha);
    expect(vocabulary.resolve(text, 6, 10, 5, true, false)).toBe(beta);
    // A third word under that hash is unknown, not taken for either.
    expect(vocabulary.resolve(text, 11, 16, 5, true, false)).toBe(-1);
  });

  it('reads words folded for case, accents and Arabic diacritics to the ids of the words they fold to', () => {
    const vocabulary = new Vocabulary();
    const sink = { ids: [] as number[] };
    readWords('Sécurité publique الشُّرطة', vocabulary, true, sink);
    expect(sink.ids).toEqual([0, 1, 2]);
    expect(wordIds('SECURITE, Publique! الشرطة', vocabulary)).toEqual([0, 1, 2]);
    expect(wordIds('securite privee', vocabulary)).toEqual([0, -1]);
  });
});

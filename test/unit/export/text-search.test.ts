/**
 * The tables of the participant-safety check find runs of words by a 30-bit key and must confirm every
 * candidate against the words themselves: two different runs that share a key must never be taken for
 * each other, or a hash collision could refuse a safe export or let a leak through. Keys are given by the
 * caller, so a collision is forced here by filing different runs under one key (and words.test.ts forces
 * two words to share a hash).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntSet, IntTable } from '../../../shared/domain/export/int-table';
import { containsRun, forEachRun, RunTable, runKey, SentenceTable } from '../../../shared/domain/export/text-search';
import { PARAGRAPH_SEPARATOR } from '../../../shared/domain/export/word-chars';
import { Words } from '../../../shared/domain/export/words';

/** Paragraphs of words, read as the check reads printed text. */
function wordsOf(...paragraphs: string[]): Words {
  const words = new Words();
  words.readParagraphs(paragraphs.join(PARAGRAPH_SEPARATOR));
  return words;
}

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

describe('IntSet', () => {
  it('behaves as a Set for any keys, growing past the room it was made with', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0x3fffffff }), { maxLength: 300 }), fc.array(fc.integer({ min: 0, max: 0x3fffffff })), (keys, probes) => {
        const set = new IntSet(2);
        for (const key of keys) set.add(key);
        const expected = new Set(keys);
        expect(set.size).toBe(expected.size);
        for (const key of [...keys, ...probes]) expect(set.has(key)).toBe(expected.has(key));
      }),
    );
  });
});

describe('IntSet.visit', () => {
  it('adds a key (answering 0) or answers whether it is there, with the same operations', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 0x3fffffff }), fc.boolean()), { maxLength: 200 }), (steps) => {
        const set = new IntSet(2);
        const expected = new Set<number>();
        for (const [key, add] of steps) {
          const answer = set.visit(key, add ? 1 : 0);
          expect(answer).toBe(add ? 0 : expected.has(key) ? 1 : 0);
          if (add) expected.add(key);
          expect(set.size).toBe(expected.size);
        }
      }),
    );
  });
});

describe('RunTable', () => {
  // Runs of two words: "one two" at 0, "three four" at 2, "five six" at 4 (each a paragraph), "one two" again at 6.
  const corpus = wordsOf('one two', 'three four', 'five six', 'one two');

  it('finds each run filed under a shared key by its own words, never another run of that key', () => {
    const table = new RunTable(corpus, 2);
    const key = 42;
    table.add(key, 0);
    table.add(key, 2);
    const text = wordsOf('x three four one two five six');
    expect(table.find(key, text, 1)).toBe(2);
    expect(table.find(key, text, 3)).toBe(0);
    // "five six" was never filed: the same key does not make it a match.
    expect(table.find(key, text, 5)).toBe(-1);
    expect(table.find(7, text, 3)).toBe(-1);
  });

  it('keeps a run at its first offset when it is filed again', () => {
    const table = new RunTable(corpus, 2);
    table.add(runKey(corpus, 0, 2), 0);
    table.add(runKey(corpus, 6, 2), 6);
    const text = wordsOf('One, TWO!');
    expect(table.find(runKey(text, 0, 2), text, 0)).toBe(0);
  });

  it('finds, with the real keys, exactly the runs of a text that the corpus holds', () => {
    const vocabulary = ['a', 'b', 'c', 'd', 'e'];
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 4 }), { maxLength: 60 }), fc.array(fc.nat({ max: 4 }), { maxLength: 30 }), (ids, text) => {
        const corpusWords = wordsOf(ids.map((n) => vocabulary[n]).join(' '));
        const textWords = wordsOf(text.map((n) => vocabulary[n]).join(' '));
        const table = new RunTable(corpusWords, 3);
        forEachRun(corpusWords, 3, (key, at) => { table.add(key, at); }, 0, corpusWords.count);
        forEachRun(textWords, 3, (key, at) => {
          const first = ids.findIndex((_, start) => start + 3 <= ids.length && ids.slice(start, start + 3).join() === text.slice(at, at + 3).join());
          expect(table.find(key, textWords, at)).toBe(first);
          expect(key).toBe(runKey(textWords, at, 3));
        }, 0, textWords.count);
      }),
    );
  });
});

describe('SentenceTable', () => {
  it('reports only the sentences whose words are there, among those that share a key, within the paragraph', () => {
    const corpus = wordsOf('one two three', 'one two four five');
    type Sentence = { start: number; length: number; name: string };
    const table = new SentenceTable<Sentence>(corpus, 2);
    // Both start with "one two", so they share a key; only the words tell them apart.
    table.add({ start: 0, length: 3, name: 'first' });
    table.add({ start: 3, length: 4, name: 'second' });
    const found: Sentence[] = [];
    const text = wordsOf('nine one two four five', 'one two four');
    expect(table.at(runKey(text, 1, 2), text, 1, 5, found)).toBe(1);
    // The second paragraph starts like the second sentence, which does not end there.
    expect(table.at(runKey(text, 5, 2), text, 5, 8, found)).toBe(0);
    expect(found.map((sentence) => sentence.name)).toEqual(['second']);
  });
});

describe('containsRun', () => {
  it('finds a run inside one paragraph of a range, never across two', () => {
    const corpus = wordsOf('alpha beta', 'gamma delta');
    expect(containsRun(corpus, 0, corpus.count, wordsOf('gamma delta'), 0, 2)).toBe(true);
    expect(containsRun(corpus, 0, corpus.count, wordsOf('beta gamma'), 0, 2)).toBe(false);
    expect(containsRun(corpus, 0, 2, wordsOf('gamma delta'), 0, 2)).toBe(false);
  });
});

/**
 * The word reader of the participant-safety check (words.ts) folds characters one at a time, with tables,
 * and finds sentences and clauses in the same pass. It must read what the rules say, which are written
 * here the slow and obvious way: fold the whole text as the library search folds it, cut sentences with a
 * regular expression, take runs of letters, digits, marks and `_` as words.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sentenceRanges } from '../../../shared/domain/export/trainer-corpus';
import { PARAGRAPH_SEPARATOR } from '../../../shared/domain/export/word-chars';
import { IntSet } from '../../../shared/domain/export/int-table';
import { forEachRun } from '../../../shared/domain/export/text-search';
import { CLAUSE_START, PARAGRAPH_START, PUBLIC, sameWord, sameWords, SENTENCE_START, Words } from '../../../shared/domain/export/words';
import { normaliseForSearch } from '../../../shared/domain/text-normalise';

type Read = { words: string[]; flags: number[] };

const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const CLAUSE_ENDS = new Set([';', ':', '؛', '.', '!', '?', '…', '؟', '۔']);
const CLOSERS = new Set(['"', "'", '”', '’', '»', ')', ']']);
const SPACES = /^[ \t\n\v\f\r\u00a0\u202f\u2007\u3000\u2000-\u200a]$/u;

/** The rules, the obvious way: a text folded at once, its words, their public and clause flags. */
function reference(text: string, sentences: boolean): Read {
  const read: Read = { words: [], flags: [] };
  const ranges = sentences ? sentenceRanges(text) : [0, text.length];
  for (let range = 0; range < ranges.length; range += 2) {
    // ς is folded to σ wherever it stands, as the reader folds it.
    const folded = normaliseForSearch(text.slice(ranges[range], ranges[range + 1])).replace(/ς/gu, 'σ');
    let inPublic = 0;
    let word = '';
    let clauseEnd = false;
    let clauseBreak = false;
    let first = true;
    const units = [...folded.split(''), ' '];
    units.forEach((unit) => {
      const code = unit.charCodeAt(0);
      if (WORD_CHAR.test(unit) || (code >= 0xd800 && code <= 0xdfff)) {
        if (word === '') {
          read.flags.push(inPublic * PUBLIC | (first && sentences ? SENTENCE_START : 0) | (clauseBreak && !first ? CLAUSE_START : 0));
          clauseBreak = false;
          clauseEnd = false;
        }
        word += unit;
        return;
      }
      if (word !== '') {
        read.words.push(word);
        word = '';
        first = false;
      }
      if (unit === '\uE000') inPublic = 1;
      else if (unit === '\uE001') inPublic = 0;
      else if (CLAUSE_ENDS.has(unit)) clauseEnd = true;
      else if (SPACES.test(unit)) clauseBreak ||= clauseEnd;
      else if (!CLOSERS.has(unit)) clauseEnd = false;
    });
  }
  return read;
}

function readWith(text: string, sentences: boolean): Read {
  const words = new Words(16, sentences);
  words.readParagraphs(text);
  const read: Read = { words: [], flags: [] };
  for (let index = 0; index < words.count; index += 1) {
    read.words.push(words.text(index));
    // Sentences are only asked of trainer texts, clauses only of participant texts.
    read.flags.push((words.flags[index] ?? 0) & (sentences ? PUBLIC | SENTENCE_START : PUBLIC | CLAUSE_START));
  }
  return read;
}

function expectedOf(text: string, sentences: boolean): Read {
  const read = reference(text, sentences);
  return { words: read.words, flags: read.flags.map((flag) => flag & (sentences ? PUBLIC | SENTENCE_START : PUBLIC | CLAUSE_START)) };
}

/** Characters that matter to words, sentences and clauses in English, French and Arabic, and a few that fold oddly. */
const PIECES = [
  'word', 'Word', 'WORD', 'e', 'É', 'é', 'e\u0301', 'œuvre', 'ß', 'ﬁ', '½', '™', 'ΟΔΟΣ', 'οδος', 'İ', '𝐀', '😀', '\ud800',
  'الشُّرطة', 'الشرطـة', 'أ', 'إ', 'آ', 'ى', 'ة', '٢٠٢٤', '۱', 'snake_case', '2024',
  ' ', '  ', '\u00a0', '\u202f', '\u2003', '\t', '\n', '.', '!', '?', '…', '؟', '۔', ';', ':', '؛', ',', '–', '"', '“', '”', '’', '»', '«', ')', ']', '(',
  '\uE000', '\uE001', 'e.g.', 'p. ex.', 'a', 'x',
];

describe('Words', () => {
  it('reads words, public flags, sentences and clauses as the rules say, in English, French and Arabic', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }), fc.boolean(), (pieces, sentences) => {
        const text = pieces.join('');
        expect(readWith(text, sentences)).toEqual(expectedOf(text, sentences));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads a text cut into pieces as it reads it whole, whatever the pieces (long texts are read in chunks)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.array(fc.nat(), { maxLength: 5 }), (pieces, cuts) => {
        const text = pieces.join('');
        const whole = new Words(16, true);
        whole.readParagraphs(text);
        const cut = new Words(16, true);
        let at = 0;
        // Callers cut texts between characters, never inside a surrogate pair.
        const between = (n: number): number => ((text.charCodeAt(n - 1) & 0xfc00) === 0xd800 && (text.charCodeAt(n) & 0xfc00) === 0xdc00 ? n + 1 : n);
        for (const point of cuts.map((n) => between(n % (text.length + 1))).sort((a, b) => a - b)) {
          cut.read(text, at, Math.max(at, point));
          at = Math.max(at, point);
        }
        cut.read(text, at);
        cut.endParagraph();
        expect([...cut.hashes.subarray(0, cut.count)]).toEqual([...whole.hashes.subarray(0, whole.count)]);
        expect([...cut.flags.subarray(0, cut.count)]).toEqual([...whole.flags.subarray(0, whole.count)]);
      }),
    );
  });

  it('keeps paragraphs apart, one per separator, a paragraph without words included', () => {
    const words = new Words();
    words.readParagraphs(['One two.', '', '– –', 'Three four five'].join(PARAGRAPH_SEPARATOR));
    expect(words.paragraphCount).toBe(4);
    expect([...words.paragraphStarts.subarray(0, 5)]).toEqual([0, 2, 2, 2, 5]);
    expect(words.flags[2]).toBe(SENTENCE_START | PARAGRAPH_START);
    expect(words.flags[3]).toBe(0);
  });

  it('notes every run found after characters that fold to several words made its arrays grow', () => {
    // ﷺ folds to four words: read in the slow path, they outgrow the room a piece of text was given, and the
    // loop once went on noting found runs in the array it had before, so they were lost.
    const keys = new IntSet();
    new Words(16, false, { keys, length: 1, file: true, within: PARAGRAPH_START }).readParagraphs('needle', false);
    // All in the loop's first piece, of 64 characters.
    const text = `${'ﷺ '.repeat(12)}needle and needle`;
    const words = new Words(16, true, { keys, length: 1, file: false, within: SENTENCE_START });
    words.readParagraphs(text, false);
    expect(words.count).toBe(12 * 4 + 3);
    expect([...words.foundRuns.subarray(0, words.foundCount)]).toEqual([48, 50]);
  });

  it('starts a paragraph whose first character is read on the slow path (folds to several, outside the BMP, not met yet)', () => {
    // The loop once left where the paragraph starts behind when it handed such a character on, so the
    // paragraph's first word lost its flag and runs went on across the paragraphs (wasm-reader.test.ts found it).
    for (const first of ['ßig', '𝐀bc', 'ﬁrst', '\u2c65x'])
      for (const inWasm of [false, true]) {
        const words = new Words();
        words.readParagraphs(`One two.${PARAGRAPH_SEPARATOR}${first} three, four`, inWasm);
        expect([...words.flags.subarray(0, words.count)]).toEqual([SENTENCE_START | PARAGRAPH_START, 0, SENTENCE_START | PARAGRAPH_START, 0, 0]);
      }
  });

  it('reads a text longer than a chunk, with characters that fold to several units, as the rules say', () => {
    const text = 'Officers œuvre ﬁle ½ “quoted” – الشُّرطة. '.repeat(800);
    expect(readWith(text, true)).toEqual(expectedOf(text, true));
  });

  it('reserves arrays for the words a text usually holds, and grows them for a text of one-letter words', () => {
    // A course's trainer texts are megabytes: arrays reserved for a word every other character (rounded up
    // to a power of two) were three to five times what they hold, and their allocation set off collections.
    const prose = 'Officers record every stop and search in the register before the end of the shift. '.repeat(5000);
    const words = new Words(0, true);
    words.readParagraphs(prose);
    expect(words.count).toBe(15 * 5000);
    expect(words.hashes.length).toBeLessThanOrEqual(Math.ceil(prose.length / 4) + 2);
    expect(words.chars.length).toBeLessThanOrEqual(prose.length + 1);
    const letters = 'a b. '.repeat(20000);
    expect(readWith(letters, true)).toEqual(expectedOf(letters, true));
  });

  it('files the runs of a text as it reads it, and finds where the runs of another start, within paragraphs or sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'a.', 'B!', '\u0000'), { maxLength: 60 }), fc.array(fc.constantFrom('a', 'b', 'c', 'a.', 'B!', '\u0000'), { maxLength: 60 }), (filed, looked) => {
        const keys = new IntSet();
        const document = new Words(16, false, { keys, length: 3, file: true, within: PARAGRAPH_START });
        document.readParagraphs(filed.join(' '));
        const corpus = new Words(16, true, { keys, length: 3, file: false, within: SENTENCE_START });
        corpus.readParagraphs(looked.join(' '));
        const found = [...corpus.foundRuns.subarray(0, corpus.foundCount)];
        // The same, the slow way: every run of three words of each paragraph, or each sentence.
        const expectedKeys = new Set<number>();
        const spans = (words: Words, flag: number): [number, number][] => {
          const result: [number, number][] = [];
          let start = 0;
          for (let index = 1; index <= words.count; index += 1)
            if (index === words.count || ((words.flags[index] ?? 0) & flag) !== 0) {
              result.push([start, index]);
              start = index;
            }
          return result;
        };
        for (const [start, end] of spans(document, PARAGRAPH_START)) forEachRun(document, 3, (key) => expectedKeys.add(key), start, end);
        const expectedFound: number[] = [];
        for (const [start, end] of spans(corpus, SENTENCE_START)) forEachRun(corpus, 3, (key, at) => { if (expectedKeys.has(key)) expectedFound.push(at); }, start, end);
        expect(keys.size).toBe(expectedKeys.size);
        expect(found).toEqual(expectedFound);
      }),
    );
  });

  it('never takes two different words that share a hash for each other', () => {
    const words = new Words();
    words.readParagraphs('alpha beta alpha');
    expect(sameWord(words, 0, words, 2)).toBe(true);
    // Forced: beta gets alpha's hash. Its characters still tell it apart.
    words.hashes[1] = words.hashes[0] ?? 0;
    expect(sameWord(words, 0, words, 1)).toBe(false);
    expect(sameWords(words, 0, words, 1, 1)).toBe(false);
    expect(sameWords(words, 0, words, 2, 1)).toBe(true);
    // A run that would end past the last word is no run.
    expect(sameWords(words, 1, words, 2, 2)).toBe(false);
  });
});

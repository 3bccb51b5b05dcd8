/**
 * The participant-safety check reads its big texts with the WebAssembly reader (reader.wat, driven by
 * wasm-reader.ts) and falls back to the JavaScript reader of words.ts. Both must give the same words, to
 * the bit: every array, every flag, the runs found and the keys filed. Random texts in English, French and
 * Arabic, with placeholder values, the characters that fold oddly and those outside the BMP, are read with
 * both, in every setting the check uses.
 */
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { currentReaderWasmModule, READER_WASM_MODULE } from '../../../electron/tools/reader-wasm';
import { IntSet } from '../../../shared/domain/export/int-table';
import { runsInSet } from '../../../shared/domain/export/text-search';
import { readInWasm, runsInSetInWasm, wasmReaderAvailable } from '../../../shared/domain/export/wasm-reader';
import { PARAGRAPH_SEPARATOR, severalUnits } from '../../../shared/domain/export/word-chars';
import { PARAGRAPH_START, SENTENCE_START, Words, type RunWatch } from '../../../shared/domain/export/words';
import { REPO_ROOT } from '../../helpers/open-test-store';

/** Characters that matter to words, sentences, clauses and runs in the three languages, and some that fold oddly. */
const PIECES = [
  'word', 'Word', 'WORD', 'police', 'rights', 'e', 'É', 'é', 'e\u0301', 'œuvre', 'Œ', 'ß', 'ﬁ', '½', '™', '℃', 'ΟΔΟΣ', 'οδος', 'İ', 'ﷺ',
  '𝐀', '😀', '𝒜𝒷', 'الشُّرطة', 'الشرطـة', 'أ', 'إ', 'آ', 'ى', 'ة', '٢٠٢٤', '۱', 'حقوق', 'snake_case', '2024', '(1966)', '« droits »',
  ' ', '  ', '\u00a0', '\u202f', '\u2003', '\t', '\n', '.', '!', '?', '…', '؟', '۔', ';', ':', '؛', ',', '–', '"', '“', '”', '’', '»', '«', ')', ']', '(',
  '\uE000', '\uE001', PARAGRAPH_SEPARATOR, 'e.g.', 'p. ex.', 'a', 'x', 'b', 'c',
];

const texts = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((pieces) => pieces.join(''));

type Setting = { sentencesResetPublic: boolean; file: boolean; within: number; length: number };
const settings = fc.record({
  sentencesResetPublic: fc.boolean(),
  file: fc.boolean(),
  within: fc.constantFrom(PARAGRAPH_START, SENTENCE_START),
  length: fc.constantFrom(0, 1, 3, 6),
});

/** Everything a reader holds after reading, and the set's slots. */
function state(words: Words, keys: IntSet): Record<string, unknown> {
  const { count, paragraphCount, foundCount } = words;
  const charCount = words.starts[count] ?? 0;
  return {
    count,
    hashes: [...words.hashes.subarray(0, count)],
    flags: [...words.flags.subarray(0, count)],
    starts: [...words.starts.subarray(0, count + 1)],
    chars: [...words.chars.subarray(0, charCount)],
    paragraphCount,
    paragraphStarts: [...words.paragraphStarts.subarray(0, paragraphCount + 1)],
    foundRuns: [...words.foundRuns.subarray(0, foundCount)],
    keys: keys.size,
    slots: [...keys.slots],
  };
}

/** Where two states first differ ('' where they do not): a diff of arrays this long would take minutes to print. */
function firstDifference(left: Record<string, unknown>, right: Record<string, unknown>): string {
  for (const key of Object.keys(left)) {
    const a = left[key];
    const b = right[key];
    if (Array.isArray(a) && Array.isArray(b)) {
      if (a.length !== b.length) return `${key}: ${a.length} items, not ${b.length}`;
      const at = a.findIndex((value, index) => value !== b[index]);
      if (at >= 0) return `${key}[${at}]: ${String(a[at])}, not ${String(b[at])}`;
    } else if (a !== b) return `${key}: ${String(a)}, not ${String(b)}`;
  }
  return '';
}

/** A set with the keys of `filed`'s runs in it, as the document's reader leaves it. */
function filedSet(filed: string, length: number, slots: number): IntSet {
  const keys = new IntSet(slots);
  if (length > 0) new Words(16, false, { keys, length, file: true, within: PARAGRAPH_START }).readParagraphs(filed, false);
  return keys;
}

/** Reads `text` in one setting with one reader or the other, then reads `more` after it with words.ts. */
function readBoth(text: string, filed: string, setting: Setting, more = ''): { wasm: Record<string, unknown>; js: Record<string, unknown>; inWasm: boolean } {
  const read = (inWasm: boolean): { words: Words; keys: IntSet } => {
    const keys = filedSet(filed, setting.length, 8);
    const watch: RunWatch = { keys, length: setting.length, file: setting.file, within: setting.within };
    const words = new Words(16, setting.sentencesResetPublic, watch);
    words.readParagraphs(text, inWasm);
    if (more !== '') {
      words.read(more);
      words.endParagraph();
    }
    return { words, keys };
  };
  const wasm = read(true);
  const js = read(false);
  const keys = filedSet(filed, setting.length, 8);
  const inWasm = readInWasm(text, setting.sentencesResetPublic, { keys, length: setting.length, file: setting.file, within: setting.within }) !== undefined;
  return { wasm: state(wasm.words, wasm.keys), js: state(js.words, js.keys), inWasm };
}

describe('the WebAssembly reader', () => {
  it('is what this engine reads with', () => {
    expect(wasmReaderAvailable()).toBe(true);
  });

  it('is built from reader.wat as it stands (npm run wasm)', async () => {
    expect(await readFile(`${REPO_ROOT}/${READER_WASM_MODULE}`, 'utf8')).toBe(await currentReaderWasmModule(REPO_ROOT));
  });

  it('reads every text as words.ts reads it, in every setting, and leaves a reader words.ts goes on with', () => {
    fc.assert(
      fc.property(texts, texts, settings, texts, (text, filed, setting, more) => {
        const { wasm, js } = readBoth(text, filed, setting, more);
        expect(firstDifference(wasm, js)).toBe('');
      }),
      { numRuns: 400 },
    );
  });

  it('reads long texts in pieces, with the characters it leaves to words.ts anywhere in them', () => {
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 12 }), settings, (parts, setting) => {
        const text = parts.join(' The officers of the station were trained in the rights of the persons they arrest. '.repeat(60));
        const { wasm, js } = readBoth(text, text.slice(0, 5000), setting);
        expect(firstDifference(wasm, js)).toBe('');
      }),
      { numRuns: 25 },
    );
  });

  it('reads well-formed texts itself', () => {
    const { inWasm, wasm, js } = readBoth('Les droits « fondamentaux » ; الشُّرطة 𝐀 œuvre ½. Next\u0000paragraph', 'droits fondamentaux', { sentencesResetPublic: true, file: false, within: SENTENCE_START, length: 1 });
    expect(inWasm).toBe(true);
    expect(wasm).toEqual(js);
  });

  it('reads an Arabic text, of two bytes a character in UTF-8, in the memory it makes for it once it knows', () => {
    const text = 'يحترم الموظفون المكلفون بإنفاذ القانون الكرامة الإنسانية. '.repeat(400);
    const { inWasm, wasm, js } = readBoth(text, text.slice(0, 2000), { sentencesResetPublic: true, file: false, within: SENTENCE_START, length: 6 });
    expect(inWasm).toBe(true);
    expect(firstDifference(wasm, js)).toBe('');
    expect((wasm['foundRuns'] as number[]).length).toBeGreaterThan(0);
  });

  it('leaves to words.ts a text with a lone surrogate half, which UTF-8 cannot carry', () => {
    const text = 'a lone \ud800 half and \udc00 another';
    const { inWasm, wasm, js } = readBoth(text, '', { sentencesResetPublic: false, file: true, within: PARAGRAPH_START, length: 1 });
    expect(inWasm).toBe(false);
    expect(wasm).toEqual(js);
  });

  it('gives up, leaving the set as it was, where the set would have to grow, and words.ts reads', () => {
    const text = Array.from({ length: 200 }, (_, index) => `word${index}`).join(' ');
    const keys = new IntSet(8);
    const before = [...keys.slots];
    expect(readInWasm(text, false, { keys, length: 1, file: true, within: PARAGRAPH_START })).toBeUndefined();
    expect([...keys.slots]).toEqual(before);
    expect(keys.size).toBe(0);
    const { wasm, js } = readBoth(text, '', { sentencesResetPublic: false, file: true, within: PARAGRAPH_START, length: 1 });
    expect(wasm).toEqual(js);
  });

  it('gives up where characters that fold to several would outgrow its room, and words.ts reads', () => {
    const ligature = 'ﷺ';
    expect(severalUnits(ligature.charCodeAt(0)).length).toBeGreaterThan(10);
    const text = `${ligature} `.repeat(2000);
    expect(readInWasm(text, false, { keys: new IntSet(), length: 0, file: false, within: 0 })).toBeUndefined();
    const { wasm, js } = readBoth(text, '', { sentencesResetPublic: false, file: false, within: PARAGRAPH_START, length: 0 });
    expect(wasm).toEqual(js);
  });

  it('gives up on a text of more empty paragraphs than it made room for, and words.ts reads', () => {
    const text = `${PARAGRAPH_SEPARATOR.repeat(20000)}a b`;
    expect(readInWasm(text, false, { keys: new IntSet(), length: 0, file: false, within: 0 })).toBeUndefined();
    const { wasm, js } = readBoth(text, '', { sentencesResetPublic: false, file: false, within: PARAGRAPH_START, length: 0 });
    expect(firstDifference(wasm, js)).toBe('');
  });

  it('makes room for a word every other character, the most the loop can make', () => {
    const text = 'a b.c;d '.repeat(5000);
    const { inWasm, wasm, js } = readBoth(text, '', { sentencesResetPublic: true, file: false, within: SENTENCE_START, length: 0 });
    expect(inWasm).toBe(true);
    expect(wasm['count']).toBe(4 * 5000);
    expect(firstDifference(wasm, js)).toBe('');
  });

  it('finds the runs whose keys a set holds as the loop of text-search.ts finds them', () => {
    fc.assert(
      fc.property(texts, texts, fc.constantFrom(1, 2, 3, 6), (text, filed, length) => {
        const words = new Words();
        words.readParagraphs(text);
        const keys = filedSet(filed, length, 8);
        const inModule = runsInSetInWasm(words, length, keys);
        expect(inModule).toBeDefined();
        expect([...(inModule ?? [])]).toEqual([...runsInSet(words, length, keys, false)]);
      }),
      { numRuns: 300 },
    );
  });
});

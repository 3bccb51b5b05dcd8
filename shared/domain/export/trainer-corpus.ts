/**
 * The trainer-only texts of a curriculum as one run of words (a corpus, words.ts), with what the
 * participant-safety check needs to know about a word: whether it is public (a placeholder value, the name
 * of an instrument, a year after either) or its author's own. Everything the check files is an offset into
 * this corpus, so a 200-module course costs a few typed arrays rather than an object per phrase.
 *
 * While the texts are read, each run of MIN_OWN_WORDS words of a sentence is looked up among the runs of
 * the document being checked (leak-needles.ts), and where it is there is noted: only there can a sentence
 * or phrase of the corpus be found in the document, so only there is anything else worked out.
 */
import type { Reference } from '../../schemas/reference';
import { printMarkdown, type PlaceholderText } from './markdown-words';
import { forEachParagraph, forEachRun, RunTable, runKey } from './text-search';
import { teaches, type TrainerText } from './trainer-texts';
import { PARAGRAPH_SEPARATOR } from './word-chars';
import { IntSet } from './int-table';
import { PARAGRAPH_START, PUBLIC, SENTENCE_START, Words } from './words';

/** Runs of this many words of a reference title are the name of an instrument ("Convention on the Rights of the Child"). */
export const REFERENCE_NAME_WORDS = 4;

/** One trainer text: `corpus[start, end)`, printed as `paragraphs[firstParagraph, endParagraph)` of the corpus. */
export type Field = { text: TrainerText; teaching: boolean; start: number; end: number; firstParagraph: number; endParagraph: number; retellKeys?: Set<number> };

/**
 * A sentence ends at . ! ? … ؟ ۔ (and any closing quotes or brackets after it) followed by white space,
 * unless a lowercase letter comes next, as words.ts reads it; here to cut a sentence out as written.
 */
const SENTENCE_END = /(?<=[.!?…؟۔]["'”’»)\]\uE001]*)\s+(?!\p{Ll})/gu;

/** Start and end offsets (in pairs) of the sentences of a paragraph. */
export function sentenceRanges(paragraph: string): number[] {
  const ranges: number[] = [0];
  for (const match of paragraph.matchAll(SENTENCE_END)) ranges.push(match.index, match.index + match[0].length);
  ranges.push(paragraph.length);
  return ranges;
}

export class TrainerCorpus {
  /** Trainer words, each sentence of a paragraph starting outside any placeholder's value. */
  readonly words: Words;
  readonly fields: Field[] = [];
  /** Where a run of `runLength` words of a sentence starts whose key the document's runs have, in order. */
  readonly held: Int32Array;
  /** Each paragraph and list item of the texts as printed, each placeholder's value between `\uE000` and `\uE001`. */
  private readonly paragraphs: string[] = [];
  /** Runs of REFERENCE_NAME_WORDS words of the reference list's titles, and the keys of their runs of two words. */
  private readonly names: RunTable;
  private readonly namePairs = new IntSet();
  /** Per word, once asked: 1 its author's own, 2 public. */
  private publicity = new Uint8Array(0);

  /**
   * The texts (Markdown, references printed) are printed, then read at once, each run of `runLength` words
   * of a sentence looked up in `documentRuns` (the keys of the document's runs) as it is read.
   */
  constructor(texts: readonly TrainerText[], placeholders: PlaceholderText, references: readonly Reference[], documentRuns: IntSet, runLength: number) {
    const { paragraphs } = this;
    const firsts: number[] = [];
    for (let index = 0; index < texts.length; index += 1) {
      firsts.push(paragraphs.length);
      printMarkdown(texts[index]?.source ?? '', placeholders, true, paragraphs);
    }
    const text = paragraphs.join(PARAGRAPH_SEPARATOR);
    // Sized for the text, as the document's words are: arrays that grew while reading (a new array in a
    // field) would throw away the reader's optimised code, compiled while it read the document.
    const words = (this.words = new Words(text.length, true, { keys: documentRuns, length: runLength, file: false, within: SENTENCE_START }));
    words.readParagraphs(text);
    this.held = words.foundRuns.subarray(0, words.foundCount);
    texts.forEach((text, index) => {
      const firstParagraph = firsts[index] ?? 0;
      const endParagraph = firsts[index + 1] ?? paragraphs.length;
      const start = words.paragraphStarts[firstParagraph] ?? 0;
      const end = words.paragraphStarts[endParagraph] ?? 0;
      if (end > start) this.fields.push({ text, teaching: teaches(text.kind), start, end, firstParagraph, endParagraph });
    });
    // Each name a paragraph of its own, read at once (a text that held the separator would be read as two).
    const names = new Words();
    if (references.length > 0) names.readParagraphs(references.flatMap((reference) => [reference.shortName, reference.title]).join(PARAGRAPH_SEPARATOR));
    this.names = new RunTable(names, REFERENCE_NAME_WORDS, names.count);
    forEachParagraph(names, 0, names.count, (start, end) => {
      forEachRun(names, REFERENCE_NAME_WORDS, (key, at) => { this.names.add(key, at); }, start, end);
      forEachRun(names, 2, (key) => { this.namePairs.add(key); }, start, end);
    });
  }

  /**
   * Whether the word at `index` is public: in a placeholder's value, in a run of REFERENCE_NAME_WORDS words
   * of a reference title (the name of an instrument), or a year right after a public word. Worked out when
   * first asked, as only the words of runs the document holds are.
   */
  isPublic(index: number): boolean {
    if (this.publicity.length === 0) this.publicity = new Uint8Array(this.words.count);
    const known = this.publicity[index] ?? 0;
    if (known !== 0) return known === 2;
    const { flags } = this.words;
    const flag = flags[index] ?? 0;
    const isPublic = (flag & PUBLIC) !== 0 || this.named(index) || ((flag & PARAGRAPH_START) === 0 && index > 0 && this.isYear(index) && this.isPublic(index - 1));
    this.publicity[index] = isPublic ? 2 : 1;
    return isPublic;
  }

  /** Whether the word at `index` is in a run of REFERENCE_NAME_WORDS words of its paragraph that names an instrument. */
  private named(index: number): boolean {
    const { words } = this;
    const { flags } = words;
    // A run of a title that holds this word holds it with the word before or the word after: most words
    // ("the", "of", "rights") are in a title, but not next to the same word as there.
    const withBefore = index > 0 && ((flags[index] ?? 0) & PARAGRAPH_START) === 0 && this.namePairs.has(runKey(words, index - 1, 2));
    const withAfter = index + 1 < words.count && ((flags[index + 1] ?? 0) & PARAGRAPH_START) === 0 && this.namePairs.has(runKey(words, index, 2));
    if (!withBefore && !withAfter) return false;
    for (let start = Math.max(0, index - REFERENCE_NAME_WORDS + 1); start <= index && start + REFERENCE_NAME_WORDS <= words.count; start += 1) {
      let inParagraph = true;
      for (let at = start + 1; at < start + REFERENCE_NAME_WORDS; at += 1) if (((flags[at] ?? 0) & PARAGRAPH_START) !== 0) inParagraph = false;
      if (inParagraph && this.names.find(runKey(words, start, REFERENCE_NAME_WORDS), words, start) >= 0) return true;
    }
    return false;
  }

  /** Four digits ("(1979)" after a title). */
  private isYear(index: number): boolean {
    const { starts, chars } = this.words;
    const start = starts[index] ?? 0;
    if ((starts[index + 1] ?? 0) - start !== 4) return false;
    for (let at = start; at < start + 4; at += 1) if ((chars[at] ?? 0) < 0x30 || (chars[at] ?? 0) > 0x39) return false;
    return true;
  }

  /** Whether `corpus[start, start + length)` has at least `minWords` words and `minLetters` letters that are not public. */
  ownEnough(start: number, length: number, minWords: number, minLetters: number): boolean {
    let words = 0;
    let letters = 0;
    for (let index = start; index < start + length; index += 1)
      if (!this.isPublic(index)) {
        words += 1;
        letters += this.words.letters(index);
      }
    return words >= minWords && letters >= minLetters;
  }

  /** The trainer text holding the word at `offset`. */
  fieldAt(offset: number): Field {
    let low = 0;
    let high = this.fields.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.fields[middle]?.start ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const field = this.fields[low];
    if (!field) throw new Error(`no trainer text at ${offset}`);
    return field;
  }

  /**
   * The sentence (as written) holding the word at `offset`, shortened for a one-line message: the sentences
   * of its paragraph are read again one by one, and their words counted, to find it.
   */
  sentenceAt(offset: number): string {
    const { paragraphStarts } = this.words;
    const field = this.fieldAt(offset);
    let paragraph = field.firstParagraph;
    while (paragraph + 1 < field.endParagraph && (paragraphStarts[paragraph + 1] ?? 0) <= offset) paragraph += 1;
    const text = this.paragraphs[paragraph] ?? '';
    let words = offset - (paragraphStarts[paragraph] ?? 0);
    const counter = new Words();
    const ranges = sentenceRanges(text);
    for (let index = 0; index < ranges.length; index += 2) {
      const before = counter.count;
      counter.read(text, ranges[index], ranges[index + 1]);
      counter.endParagraph();
      if (counter.count - before > words) return shortened(text.slice(ranges[index], ranges[index + 1]));
      words -= counter.count - before;
    }
    throw new Error(`no trainer sentence at ${offset}`);
  }
}

function shortened(sentence: string): string {
  const text = sentence.replace(/[\uE000\uE001]/gu, '').trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

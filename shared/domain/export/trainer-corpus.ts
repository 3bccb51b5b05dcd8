/**
 * The trainer-only texts of a curriculum as one run of words (a corpus, words.ts), with what the
 * participant-safety check needs to know about each word: whether it is public (a placeholder value, the
 * name of an instrument, a year after either) and how many of the words and letters up to it are the
 * author's own. Everything the check files is an offset into this corpus, so a 200-module course costs a
 * few typed arrays rather than an object per phrase.
 */
import type { Reference } from '../../schemas/reference';
import { printMarkdown, type PlaceholderText } from './markdown-words';
import { forEachParagraph, forEachRun, RunTable } from './text-search';
import { teaches, type TrainerText } from './trainer-texts';
import { PARAGRAPH_SEPARATOR } from './word-chars';
import { PUBLIC, SENTENCE_START, Words } from './words';

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
  readonly words = new Words(0, true);
  readonly fields: Field[] = [];
  /** Each paragraph and list item of the texts as printed, each placeholder's value between `\uE000` and `\uE001`. */
  private readonly paragraphs: string[] = [];
  /** Words and letters that are not public, summed from the start of the corpus up to each offset. */
  private ownWords = new Int32Array(1);
  private ownLetters = new Int32Array(1);

  /** The texts (Markdown, references printed) are printed, then read at once. */
  constructor(texts: readonly TrainerText[], placeholders: PlaceholderText, references: readonly Reference[]) {
    const { paragraphs, words } = this;
    const firsts: number[] = [];
    for (const text of texts) {
      firsts.push(paragraphs.length);
      printMarkdown(text.source, placeholders, true, paragraphs);
    }
    words.readParagraphs(paragraphs.join(PARAGRAPH_SEPARATOR));
    texts.forEach((text, index) => {
      const firstParagraph = firsts[index] ?? 0;
      const endParagraph = firsts[index + 1] ?? paragraphs.length;
      const start = words.paragraphStarts[firstParagraph] ?? 0;
      const end = words.paragraphStarts[endParagraph] ?? 0;
      if (end > start) this.fields.push({ text, teaching: teaches(text.kind), start, end, firstParagraph, endParagraph });
    });
    this.finish(references);
  }

  /**
   * Marks the words that name an instrument of the reference list, and a year right after a public word;
   * then counts the words of one's own.
   */
  private finish(references: readonly Reference[]): void {
    const { words } = this;
    const { flags, count } = words;
    const names = new Words();
    for (const reference of references)
      for (const text of [reference.shortName, reference.title]) {
        names.read(text);
        names.endParagraph();
      }
    const table = new RunTable(names, REFERENCE_NAME_WORDS, names.count);
    forEachParagraph(names, 0, names.count, (start, end) => {
      forEachRun(names, REFERENCE_NAME_WORDS, (key, at) => { table.add(key, at); }, start, end);
    });
    forEachParagraph(words, 0, count, (start, end) => {
      if (table.size > 0)
        forEachRun(words, REFERENCE_NAME_WORDS, (key, at) => {
          if (table.find(key, words, at) >= 0) for (let index = at; index < at + REFERENCE_NAME_WORDS; index += 1) flags[index] = (flags[index] ?? 0) | PUBLIC;
        }, start, end);
      for (let index = start + 1; index < end; index += 1) if (((flags[index - 1] ?? 0) & PUBLIC) !== 0 && this.isYear(index)) flags[index] = (flags[index] ?? 0) | PUBLIC;
    });
    const ownWords = (this.ownWords = new Int32Array(count + 1));
    const ownLetters = (this.ownLetters = new Int32Array(count + 1));
    const { starts } = words;
    for (let index = 0; index < count; index += 1) {
      const own = ((flags[index] ?? 0) & PUBLIC) === 0;
      ownWords[index + 1] = (ownWords[index] ?? 0) + (own ? 1 : 0);
      ownLetters[index + 1] = (ownLetters[index] ?? 0) + (own ? (starts[index + 1] ?? 0) - (starts[index] ?? 0) : 0);
    }
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
    const words = (this.ownWords[start + length] ?? 0) - (this.ownWords[start] ?? 0);
    const letters = (this.ownLetters[start + length] ?? 0) - (this.ownLetters[start] ?? 0);
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

  /** Each sentence of the corpus as `[start, end)`, in order, with the text it is in. */
  forEachSentence(visit: (start: number, end: number, field: Field) => void): void {
    const { flags } = this.words;
    for (const field of this.fields) {
      let start = field.start;
      for (let index = start + 1; index <= field.end; index += 1)
        if (index === field.end || ((flags[index] ?? 0) & SENTENCE_START) !== 0) {
          visit(start, index, field);
          start = index;
        }
    }
  }
}

function shortened(sentence: string): string {
  const text = sentence.replace(/[\uE000\uE001]/gu, '').trim();
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * The trainer-only texts of a curriculum as one array of word ids (a corpus), with what the
 * participant-safety check needs to know about each word: whether it is public (a placeholder value, the
 * name of an instrument) and how many letters it has. Everything the check files is an offset into this
 * array, so a 200-module course costs a few arrays of small integers rather than an object per phrase.
 */
import type { Reference } from '../../schemas/reference';
import { inlinesText, markdownBlocks, markdownBlocksOnce, type PlaceholderValues } from './inline';
import type { PlanInline } from './plan';
import { forEachRun, PUBLIC_END, PUBLIC_START, readWords, sentenceRanges, wordIds, Vocabulary, type WordSink } from './text-search';
import { teaches, type TrainerText } from './trainer-texts';

/** Runs of this many words of a reference title are the name of an instrument ("Convention on the Rights of the Child"). */
export const REFERENCE_NAME_WORDS = 4;

/** One trainer text: `corpus[start, end)`. */
export type Field = { text: TrainerText; teaching: boolean; start: number; end: number; retellKeys?: Set<number> };

/**
 * One paragraph or list item of a trainer text: `corpus[start, end)`, its text as printed, and its
 * sentences: for each, the corpus offset of its first word and where it starts and ends in `text`, in
 * threes (see `sentenceSpans`).
 */
export type Paragraph = { field: Field; start: number; end: number; text: string; sentences: number[] };

/** The sentences of a paragraph as `corpus[start, end)`. */
export function sentenceSpans(paragraph: Paragraph): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let index = 0; index < paragraph.sentences.length; index += 3)
    spans.push({ start: paragraph.sentences[index] ?? 0, end: paragraph.sentences[index + 3] ?? paragraph.end });
  return spans;
}

/** No word: between paragraphs, so that no run of words crosses from one into the next. */
const GAP = -2;

/** A paragraph's runs as printed, with each placeholder value between PUBLIC_START and PUBLIC_END. */
function markedText(inlines: readonly PlanInline[]): string {
  let text = '';
  for (const inline of inlines) text += inline.kind === 'placeholder' ? `${PUBLIC_START}${inline.value ?? `{${inline.name}}`}${PUBLIC_END}` : inline.text;
  return text;
}

/** Paragraphs and list items of a Markdown text as printed, placeholder values marked when `mark` is set. */
export function printedParagraphs(source: string, values: PlaceholderValues, mark: boolean): string[] {
  const text = mark ? markedText : inlinesText;
  // Trainer texts (marked) are read once, by the check; participant texts were converted for the document.
  return (mark ? markdownBlocksOnce : markdownBlocks)(source, values).flatMap((block) => (block.kind === 'paragraph' ? [text(block.inlines)] : block.items.map(text)));
}

/** Room for this many words unless told otherwise; doubled whenever a paragraph would not fit. */
const FIRST_CAPACITY = 1 << 14;

export class TrainerCorpus {
  readonly vocabulary = new Vocabulary();
  /**
   * Typed arrays, grown by doubling as texts are added and cut to their length by `finish`: a course has
   * a hundred thousand words or more, and growing a plain array that large one push at a time costs more
   * than reading the words.
   */
  ids: Int32Array;
  /** 1 where the word is public: a placeholder value, the name of an instrument, a year after either. */
  isPublic: Uint8Array;
  letters: Int32Array;
  /** How many words the corpus holds (`ids` has room for more until `finish`). */
  private size = 0;
  readonly fields: Field[] = [];
  readonly paragraphs: Paragraph[] = [];
  /** Words and letters that are not public, summed from the start of the corpus up to each offset. */
  private ownWords = new Int32Array(1);
  private ownLetters = new Int32Array(1);

  /** `expectedWords`: about how many words (and paragraphs) the texts hold, so that the arrays need not grow. */
  constructor(expectedWords = FIRST_CAPACITY) {
    const capacity = Math.max(16, expectedWords);
    this.ids = new Int32Array(capacity);
    this.isPublic = new Uint8Array(capacity);
    this.letters = new Int32Array(capacity);
  }

  /** Adds a trainer text, given as its printed paragraphs. */
  add(text: TrainerText, paragraphs: readonly string[]): void {
    const field: Field = { text, teaching: teaches(text.kind), start: this.size, end: 0 };
    for (const printed of paragraphs) {
      // Read into small arrays, which are cheap to grow, then copied into the corpus at once.
      const sink: Required<Pick<WordSink, 'ids' | 'isPublic' | 'letters'>> = { ids: [], isPublic: [], letters: [] };
      const paragraph: Paragraph = { field, start: this.size, end: 0, text: printed, sentences: [] };
      const ranges = sentenceRanges(printed);
      for (let index = 0; index < ranges.length; index += 2) {
        const start = sink.ids.length;
        readWords(printed, this.vocabulary, true, sink, ranges[index], ranges[index + 1]);
        // A "sentence" without a word (a lone "–") is no sentence.
        if (sink.ids.length > start) paragraph.sentences.push(this.size + start, ranges[index] ?? 0, ranges[index + 1] ?? 0);
      }
      // One more for the GAP after the paragraph.
      this.reserve(sink.ids.length + 1);
      this.ids.set(sink.ids, this.size);
      this.isPublic.set(sink.isPublic, this.size);
      this.letters.set(sink.letters, this.size);
      this.size += sink.ids.length;
      paragraph.end = this.size;
      this.ids[this.size] = GAP;
      this.size += 1;
      this.paragraphs.push(paragraph);
    }
    field.end = this.size;
    this.fields.push(field);
  }

  /** Makes room for `more` words after the last one. */
  private reserve(more: number): void {
    let capacity = this.ids.length;
    if (this.size + more <= capacity) return;
    while (this.size + more > capacity) capacity *= 2;
    const grow = <T extends Int32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from.subarray(0, this.size));
      return to;
    };
    this.ids = grow(this.ids, new Int32Array(capacity));
    this.isPublic = grow(this.isPublic, new Uint8Array(capacity));
    this.letters = grow(this.letters, new Int32Array(capacity));
  }

  /**
   * Marks the words that name an instrument of the reference list, and a year right after a public word;
   * then counts the words of one's own. Call once, after the last `add`.
   */
  finish(references: readonly Reference[]): void {
    // From here on the arrays hold exactly the corpus's words.
    this.ids = this.ids.subarray(0, this.size);
    this.isPublic = this.isPublic.subarray(0, this.size);
    this.letters = this.letters.subarray(0, this.size);
    const names = new Set<number>();
    for (const reference of references)
      for (const text of [reference.shortName, reference.title])
        forEachRun(wordIds(text, this.vocabulary), REFERENCE_NAME_WORDS, (key) => {
          names.add(key);
        });
    const { ids, isPublic } = this;
    if (names.size > 0)
      forEachRun(ids, REFERENCE_NAME_WORDS, (key, start) => {
        if (names.has(key)) isPublic.fill(1, start, start + REFERENCE_NAME_WORDS);
      });
    for (let index = 1; index < ids.length; index += 1) if (isPublic[index - 1] === 1 && this.vocabulary.years.has(ids[index] ?? GAP)) isPublic[index] = 1;
    const ownWords = (this.ownWords = new Int32Array(ids.length + 1));
    const ownLetters = (this.ownLetters = new Int32Array(ids.length + 1));
    for (let index = 0; index < ids.length; index += 1) {
      const own = isPublic[index] === 0 && (ids[index] ?? GAP) >= 0;
      ownWords[index + 1] = (ownWords[index] ?? 0) + (own ? 1 : 0);
      ownLetters[index + 1] = (ownLetters[index] ?? 0) + (own ? (this.letters[index] ?? 0) : 0);
    }
  }

  /** Whether `corpus[start, start + length)` has at least `minWords` words and `minLetters` letters that are not public. */
  ownEnough(start: number, length: number, minWords: number, minLetters: number): boolean {
    const words = (this.ownWords[start + length] ?? 0) - (this.ownWords[start] ?? 0);
    const letters = (this.ownLetters[start + length] ?? 0) - (this.ownLetters[start] ?? 0);
    return words >= minWords && letters >= minLetters;
  }

  /** The paragraph holding the word at `offset`. */
  paragraphAt(offset: number): Paragraph {
    let low = 0;
    let high = this.paragraphs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.paragraphs[middle]?.start ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    const paragraph = this.paragraphs[low];
    if (!paragraph) throw new Error(`no trainer paragraph at ${offset}`);
    return paragraph;
  }

  /** The sentence (as written) holding the word at `offset`, shortened for a one-line message. */
  sentenceAt(offset: number): string {
    const { text: printed, sentences } = this.paragraphAt(offset);
    let index = 0;
    while (index + 3 < sentences.length && (sentences[index + 3] ?? Infinity) <= offset) index += 3;
    const text = printed
      .slice(sentences[index + 1], sentences[index + 2])
      .replace(/[\uE000\uE001]/gu, '')
      .trim();
    return text.length > 160 ? `${text.slice(0, 160)}…` : text;
  }
}

/**
 * Word-level text comparison for the participant-safety check: texts become sequences of normalised words
 * (case, punctuation, white space, accents, Arabic diacritics, tatweel and alef forms folded away, as the
 * library search folds them), words become small integers, and runs of words are looked up by a hash of
 * the run that rolls from one word to the next. Looking for every trainer sentence and phrase in a
 * document then costs a few multiplications and Map lookups per word of the document, however many there
 * are to look for, and nothing the garbage collector has to chase: words are hashed as their characters
 * are read, and every key is a small integer.
 */
import { normaliseForSearch } from '../text-normalise';
import { IntTable } from './int-table';

/**
 * Around a placeholder's value in a text, so that its words can be told apart from the author's own:
 * private-use characters, which no word contains and normalisation leaves alone.
 */
export const PUBLIC_START = '\uE000';
export const PUBLIC_END = '\uE001';

/** Letters, digits, combining marks and `_` (so that an unfilled `{national_police_law}` is one word). */
const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;

/** Whether each UTF-16 unit is part of a word, filled on demand: 0 unknown, 1 yes, 2 no. */
const wordTable = new Uint8Array(0x10000);

function isWordChar(code: number): boolean {
  let known = wordTable[code] ?? 2;
  if (known === 0) {
    // Either half of a surrogate pair counts as a letter: the rare letters outside the BMP stay in their word.
    known = (code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
    wordTable[code] = known;
  }
  return known === 1;
}

const YEAR = /^\d{4}$/;

/**
 * Word → number. Words are found by a hash of their characters, computed while the text is read, and
 * compared character by character with the word filed under that hash, so reading a text makes no
 * string per word. Only trainer-only words get numbers: a word without one can never be part of a match.
 */
export class Vocabulary {
  private readonly byHash = new IntTable(1 << 12);
  /** Words whose hash an earlier, different word already has (rare). */
  private readonly collided = new Map<string, number>();
  private readonly words: string[] = [];
  /** Ids of four-digit numbers, which count as part of an instrument's name after it ("(1979)"). */
  readonly years = new Set<number>();

  /**
   * The id of the word `text[start, end)` (hashed `hash`; its ASCII capitals lowercased when `fold` is
   * set), made when `create` is set; -1 for an unknown word otherwise.
   */
  resolve(text: string, start: number, end: number, hash: number, fold: boolean, create: boolean): number {
    const id = this.byHash.get(hash);
    if (id >= 0 && sameWord(this.words[id] ?? '', text, start, end, fold)) return id;
    if (id < 0 && !create) return -1;
    const word = fold ? text.slice(start, end).toLowerCase() : text.slice(start, end);
    if (id >= 0) {
      const other = this.collided.get(word);
      if (other !== undefined || !create) return other ?? -1;
    }
    const created = this.words.length;
    this.words.push(word);
    if (id < 0) this.byHash.set(hash, created);
    else this.collided.set(word, created);
    if (YEAR.test(word)) this.years.add(created);
    return created;
  }
}

/** ASCII capitals to lowercase; every other code as it is. */
function lower(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function sameWord(word: string, text: string, start: number, end: number, fold: boolean): boolean {
  if (word.length !== end - start) return false;
  for (let index = 0; index < word.length; index += 1) {
    const code = text.charCodeAt(start + index);
    if (word.charCodeAt(index) !== (fold ? lower(code) : code)) return false;
  }
  return true;
}

/** Where the words of a text go: their ids, and (when the arrays are given) more about each. */
export type WordSink = {
  ids: number[];
  /** 1 for a word of a placeholder value, 0 otherwise. */
  isPublic?: number[];
  letters?: number[];
  /**
   * Indices into `ids` where a clause starts: at the start of each text read, and after white space that
   * follows a clause or sentence end (; : ؛ . ! ? … ؟ ۔, and any closing quotes or brackets after it).
   */
  clauseStarts?: number[];
};

/**
 * A sentence ends at . ! ? … ؟ ۔ (and any closing quotes or brackets after it) followed by white space,
 * unless a lowercase letter comes next: "e.g. the constitution", "p. ex. la loi" go on.
 */
const SENTENCE_END = /(?<=[.!?…؟۔]["'”’»)\]\uE001]*)\s+(?!\p{Ll})/gu;

/** Start and end offsets (in pairs) of the sentences of a paragraph. */
export function sentenceRanges(paragraph: string): number[] {
  const ranges: number[] = [0];
  for (const match of paragraph.matchAll(SENTENCE_END)) ranges.push(match.index, match.index + match[0].length);
  ranges.push(paragraph.length);
  return ranges;
}

function isAscii(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) > 0x7f) return false;
  return true;
}

/**
 * Reads the words of `text[from, to)` into `sink`, as ids of `vocabulary` (made for new words when
 * `create` is set, -1 otherwise). ASCII text is folded while it is read; other text goes through
 * `normaliseForSearch` first, as the library search folds it.
 */
export function readWords(text: string, vocabulary: Vocabulary, create: boolean, sink: WordSink, from = 0, to = text.length): void {
  const ascii = isAscii(text, from, to);
  const folded = ascii ? text : normaliseForSearch(text.slice(from, to));
  const first = ascii ? from : 0;
  const last = ascii ? to : folded.length;
  sink.clauseStarts?.push(sink.ids.length);
  let inPublic = 0;
  let start = -1;
  let hash = 0;
  let clauseEnd = false;
  let clauseBreak = false;
  for (let index = first; index <= last; index += 1) {
    const code = index < last ? lower(folded.charCodeAt(index)) : 0x20;
    if (isWordChar(code)) {
      if (start < 0) {
        start = index;
        hash = 0x811c9dc5;
        if (clauseBreak && sink.ids.length > 0) sink.clauseStarts?.push(sink.ids.length);
        clauseBreak = false;
        clauseEnd = false;
      }
      hash = Math.imul(hash ^ code, 0x01000193);
      continue;
    }
    if (start >= 0) {
      sink.ids.push(vocabulary.resolve(folded, start, index, (hash ^ (hash >>> 15)) & 0x3fffffff, ascii, create));
      sink.isPublic?.push(inPublic);
      sink.letters?.push(index - start);
      start = -1;
    }
    if (code === 0xe000) inPublic = 1;
    else if (code === 0xe001) inPublic = 0;
    else if (CLAUSE_END.has(code)) clauseEnd = true;
    else if (isSpace(code)) clauseBreak ||= clauseEnd;
    else if (!CLOSERS.has(code)) clauseEnd = false;
  }
}

/** ; : ؛ . ! ? … ؟ ۔ */
const CLAUSE_END = new Set([0x3b, 0x3a, 0x61b, 0x2e, 0x21, 0x3f, 0x2026, 0x61f, 0x6d4]);
/** Closing quotes and brackets, which may follow the end of a clause: " ' ” ’ » ) ] */
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d]);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/** The words of a one-line text as ids of `vocabulary` (-1 for words it does not know). */
export function wordIds(text: string, vocabulary: Vocabulary): number[] {
  const sink: WordSink = { ids: [] };
  readWords(text, vocabulary, false, sink);
  return sink.ids;
}

/**
 * Keys of runs of words: a polynomial hash of the word ids, mixed and cut to 30 bits so that it stays a
 * small integer in V8 (Map and Set keys that are not allocate a heap number each). Different runs share a
 * key about once in a billion comparisons: a key only finds candidates, which are compared word by word.
 */
export const BASE = 0x01000193;

export function mix(hash: number): number {
  return (hash ^ (hash >>> 15)) & 0x3fffffff;
}

/** BASE^length, modulo 2^32, to take the oldest word out of a rolling hash. */
export function basePower(length: number): number {
  let power = 1;
  for (let index = 0; index < length; index += 1) power = Math.imul(power, BASE);
  return power;
}

/** The key of `ids[start, start + length)`. */
export function runKey(ids: ArrayLike<number>, start: number, length: number): number {
  let hash = 0;
  for (let index = start; index < start + length; index += 1) hash = (Math.imul(hash, BASE) + (ids[index] ?? -1)) | 0;
  return mix(hash);
}

/**
 * Calls `visit(key, start)` for every run of `length` consecutive known words (ids ≥ 0) of
 * `ids[first, end)`, with the same key as `runKey`, rolling the hash from one run to the next.
 */
export function forEachRun(ids: ArrayLike<number>, length: number, visit: (key: number, start: number) => void, first = 0, end = ids.length): void {
  const power = basePower(length);
  let hash = 0;
  let known = 0;
  for (let index = first; index < end; index += 1) {
    const id = ids[index] ?? -1;
    hash = (Math.imul(hash, BASE) + id) | 0;
    if (index - first >= length) hash = (hash - Math.imul(ids[index - length] ?? -1, power)) | 0;
    known = id < 0 ? 0 : known + 1;
    if (known >= length) visit(mix(hash), index - length + 1);
  }
}

/** Whether `b[bAt, bAt + length)` equals `a[aAt, aAt + length)`. */
export function runsEqual(a: ArrayLike<number>, aAt: number, b: ArrayLike<number>, bAt: number, length: number): boolean {
  if (aAt < 0 || aAt + length > a.length || bAt < 0 || bAt + length > b.length) return false;
  for (let index = 0; index < length; index += 1) if (a[aAt + index] !== b[bAt + index]) return false;
  return true;
}

/** Whether `needle[from, from + length)` occurs in `haystack[first, end)`. Used on small ranges only. */
export function containsRun(haystack: ArrayLike<number>, first: number, end: number, needle: ArrayLike<number>, from: number, length: number): boolean {
  for (let at = first; at + length <= end; at += 1) if (runsEqual(haystack, at, needle, from, length)) return true;
  return false;
}

/**
 * Runs of `length` words of a corpus (one array of word ids), filed by key: each distinct run once, by
 * the offset of its first occurrence, so that a table of a whole course's phrases holds integers only.
 */
export class RunTable {
  private readonly first: IntTable;
  /** Different runs that happen to share a key with the first one (rare). */
  private readonly more = new Map<number, number[]>();

  /** `expected`: about how many runs will be filed (the table grows past it if need be). */
  constructor(
    private readonly corpus: ArrayLike<number>,
    readonly length: number,
    expected = 8,
  ) {
    this.first = new IntTable(expected);
  }

  /** Files the run at `offset` of the corpus (its key given) unless an equal run is filed already. */
  add(key: number, offset: number): void {
    if (this.first.get(key) < 0) {
      this.first.set(key, offset);
      return;
    }
    if (this.find(key, this.corpus, offset) >= 0) return;
    const more = this.more.get(key);
    if (more) more.push(offset);
    else this.more.set(key, [offset]);
  }

  /** The corpus offset of the filed run equal to `ids[at, at + length)` (its key given), or -1. */
  find(key: number, ids: ArrayLike<number>, at: number): number {
    const first = this.first.get(key);
    if (first < 0) return -1;
    if (runsEqual(this.corpus, first, ids, at, this.length)) return first;
    for (const offset of this.more.get(key) ?? []) if (runsEqual(this.corpus, offset, ids, at, this.length)) return offset;
    return -1;
  }
}

/** A sentence of the corpus: `corpus[start, start + length)`. */
export type SentenceRun = { start: number; length: number };

/** Sentences of a corpus of `prefixLength` words or more, filed under the key of their first `prefixLength` words. */
export class SentenceTable<T extends SentenceRun> {
  /** Key → index in `lists` of the sentences filed under it. */
  private readonly byPrefix = new IntTable();
  private readonly lists: T[][] = [];

  constructor(
    private readonly corpus: ArrayLike<number>,
    readonly prefixLength: number,
  ) {}

  add(sentence: T): void {
    const key = runKey(this.corpus, sentence.start, this.prefixLength);
    const index = this.byPrefix.get(key);
    const list = index < 0 ? undefined : this.lists[index];
    if (list) list.push(sentence);
    else {
      this.byPrefix.set(key, this.lists.length);
      this.lists.push([sentence]);
    }
  }

  /** Calls `found` with each filed sentence that occurs in `ids` at `at` (the key of its first words given). */
  at(key: number, ids: ArrayLike<number>, at: number, found: (sentence: T, at: number) => void): void {
    const index = this.byPrefix.get(key);
    const candidates = index < 0 ? undefined : this.lists[index];
    if (candidates) for (const c of candidates) if (runsEqual(this.corpus, c.start, ids, at, c.length)) found(c, at);
  }
}

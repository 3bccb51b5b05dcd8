/**
 * Runs of words (words.ts) looked up by a hash of the run that rolls from one word to the next: looking
 * for every trainer sentence and phrase in a document costs a few multiplications and table probes per
 * word of the document, however many there are to look for. A key only finds candidates: every candidate
 * is compared word by word, and each word character by character, before it counts, so two runs (or two
 * words) that share a hash are never taken for each other.
 */
import { IntTable, type IntSet } from './int-table';
import { runsInSetInWasm } from './wasm-reader';
import { BASE, basePower, mix } from './run-keys';
import { sameWords, type Words } from './words';

export { BASE, basePower, mix } from './run-keys';

/** The key of the run `words[start, start + length)`. */
export function runKey(words: Words, start: number, length: number): number {
  const { hashes } = words;
  let hash = 0;
  for (let index = start; index < start + length; index += 1) hash = (Math.imul(hash, BASE) + (hashes[index] ?? 0)) | 0;
  return mix(hash);
}

/**
 * Calls `visit(key, start)` for every run of `length` words of `words[first, end)` (one paragraph or
 * part of one), with the key `runKey` gives it, rolling the hash from one run to the next.
 */
export function forEachRun(words: Words, length: number, visit: (key: number, start: number) => void, first: number, end: number): void {
  const { hashes } = words;
  const power = basePower(length);
  let hash = 0;
  for (let index = first; index < end; index += 1) {
    hash = (Math.imul(hash, BASE) + (hashes[index] ?? 0)) | 0;
    if (index - first >= length) hash = (hash - Math.imul(hashes[index - length] ?? 0, power)) | 0;
    if (index - first >= length - 1) visit(mix(hash), index - length + 1);
  }
}

/** Whether `test(key, start)` holds for a run of `length` words of `words[first, end)`, stopping at the first that does. */
export function someRun(words: Words, length: number, test: (key: number, start: number) => boolean, first: number, end: number): boolean {
  const { hashes } = words;
  const power = basePower(length);
  let hash = 0;
  for (let index = first; index < end; index += 1) {
    hash = (Math.imul(hash, BASE) + (hashes[index] ?? 0)) | 0;
    if (index - first >= length) hash = (hash - Math.imul(hashes[index - length] ?? 0, power)) | 0;
    if (index - first >= length - 1 && test(mix(hash), index - length + 1)) return true;
  }
  return false;
}

/**
 * The start of each run of `length` words within a paragraph of `words` whose key is in `keys`, in order:
 * one pass over a document's words, in WebAssembly where the engine can (`inWasm` false: here, for the
 * tests that compare the two), as a cold loop here runs unoptimised through fifty thousand words.
 */
export function runsInSet(words: Words, length: number, keys: IntSet, inWasm = true): Int32Array {
  const inModule = inWasm ? runsInSetInWasm(words, length, keys) : undefined;
  if (inModule) return inModule;
  const starts: number[] = [];
  const { paragraphStarts } = words;
  for (let paragraph = 0; paragraph < words.paragraphCount; paragraph += 1)
    forEachRun(words, length, (key, at) => { if (keys.has(key)) starts.push(at); }, paragraphStarts[paragraph] ?? 0, paragraphStarts[paragraph + 1] ?? 0);
  return Int32Array.from(starts);
}

/** Each paragraph of `words[first, end)` as `[start, end)`, in order. */
export function forEachParagraph(words: Words, first: number, end: number, visit: (start: number, end: number) => void): void {
  const { paragraphStarts, paragraphCount } = words;
  // The paragraph holding `first`, found by halving: fields start at paragraph starts.
  let low = 0;
  let high = paragraphCount - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((paragraphStarts[middle] ?? 0) <= first) low = middle;
    else high = middle - 1;
  }
  for (let paragraph = low; paragraph < paragraphCount && (paragraphStarts[paragraph] ?? 0) < end; paragraph += 1)
    visit(Math.max(first, paragraphStarts[paragraph] ?? 0), Math.min(end, paragraphStarts[paragraph + 1] ?? 0));
}

/** Whether `needle[from, from + length)` occurs in a paragraph of `haystack[first, end)`. Used on small ranges only. */
export function containsRun(haystack: Words, first: number, end: number, needle: Words, from: number, length: number): boolean {
  let found = false;
  forEachParagraph(haystack, first, end, (start, stop) => {
    for (let at = start; !found && at + length <= stop; at += 1) found = sameWords(haystack, at, needle, from, length);
  });
  return found;
}

/**
 * Runs of `length` words of a corpus, filed by key: each distinct run once, by the offset of its first
 * occurrence, so that a table of a whole course's phrases holds integers only.
 */
export class RunTable {
  private readonly first: IntTable;
  /** Different runs that happen to share a key with the first one (rare). */
  private readonly more = new Map<number, number[]>();

  /** `expected`: about how many runs will be filed (the table grows past it if need be). */
  constructor(
    private readonly corpus: Words,
    readonly length: number,
    expected = 8,
  ) {
    this.first = new IntTable(expected);
  }

  get size(): number {
    return this.first.size + this.more.size;
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

  /** The corpus offset of the filed run equal to `words[at, at + length)` (its key given), or -1. */
  find(key: number, words: Words, at: number): number {
    const first = this.first.get(key);
    if (first < 0) return -1;
    if (sameWords(this.corpus, first, words, at, this.length)) return first;
    const more = this.more.get(key);
    if (more) for (let index = 0; index < more.length; index += 1) if (sameWords(this.corpus, more[index] ?? -1, words, at, this.length)) return more[index] ?? -1;
    return -1;
  }
}

/** A sentence of the corpus: `corpus[start, start + length)`. */
export type SentenceRun = { start: number; length: number };

/** Sentences of a corpus of `prefixLength` words or more, filed under the key of their first `prefixLength` words. */
export class SentenceTable<T extends SentenceRun> {
  /** Key → index in `lists` of the sentences filed under it. */
  private readonly byPrefix: IntTable;
  private readonly lists: T[][] = [];

  /** `expected`: about how many sentences will be filed (the table grows past it if need be). */
  constructor(
    private readonly corpus: Words,
    readonly prefixLength: number,
    expected = 8,
  ) {
    this.byPrefix = new IntTable(expected);
  }

  get size(): number {
    return this.lists.length;
  }

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

  /**
   * Adds to `found` each filed sentence that occurs in `words` at `at`, before `end` (the end of the
   * paragraph), the key of its first words given; returns how many.
   */
  at(key: number, words: Words, at: number, end: number, found: T[]): number {
    const index = this.byPrefix.get(key);
    const candidates = index < 0 ? undefined : this.lists[index];
    if (!candidates) return 0;
    let count = 0;
    for (let candidate = 0; candidate < candidates.length; candidate += 1) {
      const sentence = candidates[candidate];
      if (sentence && at + sentence.length <= end && sameWords(this.corpus, sentence.start, words, at, sentence.length)) {
        found.push(sentence);
        count += 1;
      }
    }
    return count;
  }
}

/**
 * Where the words of the participant-safety check are kept: for each word a 32-bit hash of its folded
 * characters, its folded characters themselves (so that two words that share a hash are never taken for
 * each other), flags, and where each paragraph starts. Typed arrays, grown by doubling (or sized once, as
 * words.ts sizes them from the text it is given): a course has hundreds of thousands of words.
 */

/**
 * Flags of a word: part of a placeholder's value; first word of a sentence; first word of a clause (not the
 * paragraph's first); first word of a paragraph (which also starts a sentence).
 */
export const PUBLIC = 1;
export const SENTENCE_START = 2;
export const CLAUSE_START = 4;
export const PARAGRAPH_START = 8;

/** `array`, or a copy with room for `needed` items (at least twice as long). */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  let length = Math.max(16, array.length * 2);
  while (length < needed) length *= 2;
  const bigger = make(length);
  bigger.set(array);
  return bigger;
}

export class WordStore {
  /** FNV-1a hash of each word's folded characters. */
  hashes: Int32Array;
  flags: Uint8Array;
  /** Word i's folded characters are `chars[starts[i], starts[i + 1])`. */
  starts: Int32Array;
  chars: Uint16Array;
  /** How many words have been read. */
  count = 0;
  /** How many folded characters the words have. */
  protected charCount = 0;
  /** Paragraph p holds words `[paragraphStarts[p], paragraphStarts[p + 1])` (none, for a paragraph without words). */
  paragraphStarts = new Int32Array(64);
  paragraphCount = 0;

  /** `expectedChars`: about how many characters the texts hold, so that the arrays need not grow. */
  constructor(expectedChars: number) {
    const chars = Math.max(16, expectedChars);
    this.hashes = new Int32Array((chars >> 1) + 2);
    this.flags = new Uint8Array((chars >> 1) + 2);
    this.starts = new Int32Array((chars >> 1) + 3);
    this.chars = new Uint16Array(chars);
  }

  /** Makes room for the words of `length` more characters, folded one to one. */
  protected reserve(length: number): void {
    const words = this.count + (length >> 1) + 2;
    this.hashes = grown(this.hashes, words, (n) => new Int32Array(n));
    this.flags = grown(this.flags, words, (n) => new Uint8Array(n));
    this.starts = grown(this.starts, words + 1, (n) => new Int32Array(n));
    this.chars = grown(this.chars, this.charCount + length + 1, (n) => new Uint16Array(n));
  }

  /** Records the end of the paragraph being read at the current word. */
  protected closeParagraph(): void {
    this.paragraphCount += 1;
    this.paragraphStarts = grown(this.paragraphStarts, this.paragraphCount + 1, (n) => new Int32Array(n));
    this.paragraphStarts[this.paragraphCount] = this.count;
  }

  /** The number of folded characters of word `index`. */
  letters(index: number): number {
    return (this.starts[index + 1] ?? 0) - (this.starts[index] ?? 0);
  }

  /** Word `index` as folded, for messages and tests. */
  text(index: number): string {
    return String.fromCharCode(...this.chars.subarray(this.starts[index] ?? 0, this.starts[index + 1] ?? 0));
  }
}

/** Whether word `a` of `left` and word `b` of `right` are the same word: same hash, same folded characters. */
export function sameWord(left: WordStore, a: number, right: WordStore, b: number): boolean {
  if (left.hashes[a] !== right.hashes[b]) return false;
  const start = left.starts[a] ?? 0;
  const other = right.starts[b] ?? 0;
  const length = (left.starts[a + 1] ?? 0) - start;
  if (length !== (right.starts[b + 1] ?? 0) - other) return false;
  const { chars } = left;
  const otherChars = right.chars;
  for (let index = 0; index < length; index += 1) if (chars[start + index] !== otherChars[other + index]) return false;
  return true;
}

/** Whether `left[a, a + length)` and `right[b, b + length)` are the same words (both ranges must exist). */
export function sameWords(left: WordStore, a: number, right: WordStore, b: number, length: number): boolean {
  if (a < 0 || b < 0 || a + length > left.count || b + length > right.count) return false;
  // Hashes first: a run that differs is told apart without looking at characters.
  for (let index = 0; index < length; index += 1) if (left.hashes[a + index] !== right.hashes[b + index]) return false;
  for (let index = 0; index < length; index += 1) if (!sameWord(left, a + index, right, b + index)) return false;
  return true;
}

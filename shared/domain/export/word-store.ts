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

/**
 * `array`, or a copy with room for `needed` items: twice as long, or exactly `needed` when that is more (a
 * text's arrays are reserved once, for all of it; rounding that up to a power of two would allocate up to
 * twice the megabytes, and the engine answers large allocations with collections).
 */
export function grown<T extends Int32Array | Uint16Array | Uint8Array>(array: T, needed: number, make: (length: number) => T): T {
  if (needed <= array.length) return array;
  const bigger = make(Math.max(16, array.length * 2, needed));
  bigger.set(array);
  return bigger;
}

/**
 * Words that `chars` characters of text usually hold, with room to spare: a word and the space after it
 * take five characters or more in the three languages (English averages six). Reserving for the most
 * there could be (a word every other character) would allocate two and a half times the memory.
 */
export function wordsIn(chars: number): number {
  return Math.ceil(chars / 4) + 2;
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
    const words = wordsIn(chars);
    this.hashes = new Int32Array(words);
    this.flags = new Uint8Array(words);
    this.starts = new Int32Array(words + 1);
    this.chars = new Uint16Array(chars + 1);
  }

  /**
   * Makes room for the words of `length` more characters, folded one to one: for as many words as they can
   * hold (`exact`, for a chunk the reader writes without checking), or as many as text usually holds.
   */
  protected reserve(length: number, exact = true): void {
    const words = this.count + (exact ? (length >> 1) + 2 : wordsIn(length));
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

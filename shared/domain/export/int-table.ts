/**
 * A map from small non-negative integers (the 30-bit keys of text-search.ts) to non-negative integers, in
 * two typed arrays with open addressing. The participant-safety check files every phrase of a course's
 * trainer texts, a hundred thousand keys or more; a `Map` that large is several times slower to fill and
 * to read, as every entry it grows by is an object on the garbage-collected heap.
 */

/** An empty slot. Keys are stored plus one, so that a fresh (zero-filled) array is an empty table. */
const EMPTY = 0;

export class IntTable {
  private keys: Int32Array;
  private values: Int32Array;
  /** `keys.length - 1`; the capacity is a power of two. */
  private mask: number;
  private count = 0;

  /** Room for `expected` keys before the table grows. */
  constructor(expected = 8) {
    let capacity = 16;
    // At most half full, so that a probe meets an empty slot within a few steps.
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** The value filed under `key`, or -1. */
  get(key: number): number {
    const { keys, mask } = this;
    const stored = key + 1;
    // Spread the key over the table: keys that differ only in their high bits must not pile up.
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const found = keys[slot] ?? EMPTY;
      if (found === stored) return this.values[slot] ?? -1;
      if (found === EMPTY) return -1;
    }
  }

  /** Files `value` under `key` (an integer from 0 to 2^31 - 2), replacing what was filed under it. */
  set(key: number, value: number): void {
    if (!Number.isInteger(key) || key < 0 || key >= 0x7fffffff) throw new RangeError(`IntTable keys are integers from 0 to 2^31 - 2, not ${key}`);
    const { keys, mask } = this;
    const stored = key + 1;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    while (keys[slot] !== EMPTY && keys[slot] !== stored) slot = (slot + 1) & mask;
    if (keys[slot] === EMPTY) {
      keys[slot] = stored;
      this.count += 1;
    }
    this.values[slot] = value;
    if (this.count * 2 > keys.length) this.grow();
  }

  private grow(): void {
    const { keys, values } = this;
    const capacity = keys.length * 2;
    this.keys = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.count = 0;
    for (let slot = 0; slot < keys.length; slot += 1) {
      const stored = keys[slot] ?? EMPTY;
      if (stored !== EMPTY) this.set(stored - 1, values[slot] ?? 0);
    }
  }
}

/**
 * A set of small non-negative integers (the 30-bit keys of text-search.ts) in one typed array with open
 * addressing: the participant-safety check files there a key per run of words of a document, and asks
 * for one per run of words of the trainer texts.
 */
export class IntSet {
  private keys: Int32Array;
  private mask: number;
  private count = 0;

  /** Room for `expected` keys before the set grows. */
  constructor(expected = 8) {
    let capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    this.keys = new Int32Array(capacity);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds `key`, an integer from 0 to 2^31 - 2 (spread over the table as IntTable spreads it). */
  add(key: number): void {
    const { keys, mask } = this;
    const stored = key + 1;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    for (let found = keys[slot] ?? EMPTY; found !== EMPTY; found = keys[slot] ?? EMPTY) {
      if (found === stored) return;
      slot = (slot + 1) & mask;
    }
    keys[slot] = stored;
    this.count += 1;
    if (this.count * 2 > keys.length) this.grow();
  }

  has(key: number): boolean {
    const { keys, mask } = this;
    const stored = key + 1;
    for (let slot = Math.imul(key, 0x9e3779b1) & mask; ; slot = (slot + 1) & mask) {
      const found = keys[slot] ?? EMPTY;
      if (found === stored) return true;
      if (found === EMPTY) return false;
    }
  }

  /**
   * With `add` 1, adds `key` and returns 0; with `add` 0, returns 1 if `key` is there and 0 if not. The same
   * operations either way, without a branch on `add`: the reader of words.ts files a document's runs and
   * looks up a corpus's runs with one optimised loop, and a branch taken only later would throw it away.
   */
  visit(key: number, add: number): number {
    const { keys, mask } = this;
    const stored = key + 1;
    let slot = Math.imul(key, 0x9e3779b1) & mask;
    let found = keys[slot] ?? EMPTY;
    while (found !== stored && found !== EMPTY) {
      slot = (slot + 1) & mask;
      found = keys[slot] ?? EMPTY;
    }
    const present = found === stored ? 1 : 0;
    keys[slot] = found + (stored - found) * add;
    this.count += add * (1 - present);
    if (this.count * 2 > keys.length) this.grow();
    return present * (1 - add);
  }

  /** The slots themselves (a key is stored plus one, 0 is empty), for the WebAssembly reader to work on a copy of (wasm-reader.ts). */
  get slots(): Int32Array {
    return this.keys;
  }

  /** Takes back the copy of the slots that the WebAssembly reader filed keys in, and the number of keys it holds. */
  restore(slots: Int32Array, count: number): void {
    if (slots.length !== this.keys.length) throw new RangeError(`IntSet.restore needs ${this.keys.length} slots, not ${slots.length}`);
    this.keys.set(slots);
    this.count = count;
  }

  private grow(): void {
    const { keys } = this;
    this.keys = new Int32Array(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.count = 0;
    for (const stored of keys) if (stored !== EMPTY) this.add(stored - 1);
  }
}

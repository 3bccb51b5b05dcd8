/**
 * Unsigned variable-length integers (7 bits a byte, low bits first) in a growing byte buffer. Posting lists
 * are mostly small gaps between document numbers and term counts of 1, so a posting usually takes two
 * bytes, against some sixty for the same entry in a JavaScript Map.
 */
export class ByteWriter {
  private bytes: Uint8Array;
  private used = 0;

  constructor(capacity = 64) {
    this.bytes = new Uint8Array(capacity);
  }

  get length(): number {
    return this.used;
  }

  varint(value: number): void {
    if (value >>> 0 !== value) throw new RangeError(`Cannot encode ${value} as a varint`);
    if (this.used + 5 > this.bytes.length) this.reserve(5);
    let rest = value;
    while (rest >= 0x80) {
      this.bytes[this.used++] = (rest & 0x7f) | 0x80;
      rest >>>= 7;
    }
    this.bytes[this.used++] = rest;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** The bytes written so far (a view: copy it if the writer goes on). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.used);
  }

  private reserve(extra: number): void {
    if (this.used + extra <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < this.used + extra) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.used));
    this.bytes = grown;
  }
}

/** Thrown for bytes that do not decode: a persisted index that is damaged. */
export class CorruptIndexError extends Error {}

/**
 * Reads the varints of `bytes[start, end)` one by one. Checks every read against the end: the bytes may come
 * from a damaged file, which must fail loudly rather than read past its run.
 */
export class VarintReader {
  private at: number;

  constructor(
    private readonly bytes: Uint8Array,
    start: number,
    private readonly end: number,
  ) {
    this.at = start;
  }

  get done(): boolean {
    return this.at >= this.end;
  }

  next(): number {
    let value = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.end) throw new CorruptIndexError('A posting list ends inside a number');
      const byte = this.bytes[this.at++] as number;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 0x80;
      if (scale > 0x8000_0000) throw new CorruptIndexError('A posting list holds a number too large');
    }
  }
}

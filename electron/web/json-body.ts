/**
 * JSON answers of the web harness, as UTF-8 pieces, with the frozen parts encoded once.
 *
 * The store hands out frozen data and replaces what changes (a course, a module), and what is computed from
 * it (a course's schedule, checks and coverage; a module's summary) is kept frozen by identity too. Many
 * clients reading the same courses and searching the same library would otherwise stringify and encode the
 * same half-megabyte course again for every answer: under load that was most of the harness's work, and
 * it delayed every other request. A frozen object's pieces are kept in a WeakMap, so they go with it.
 *
 * A course changes with every save, but its module snapshots are shared, frozen objects: the levels above
 * them are put together from their parts (down to COMPOSE_DEPTH), so a changed course re-encodes only what
 * the save changed. Small parts are gathered into one string and encoded together.
 *
 * The output is byte for byte what `JSON.stringify` gives (tested with generated values).
 */
const ENCODED = new WeakMap<object, readonly Buffer[]>();

/** Depth of an answer's parts that are put together from their own parts (the snapshots sit at 5). */
const COMPOSE_DEPTH = 6;
/** Parts below this size are not worth a cache entry of their own, except an answer's top-level parts. */
const CACHE_MIN_BYTES = 2048;
const CACHED_DEPTH = 2;

/** Builds a JSON text as buffers: cached buffers as they are, everything else gathered in a string first. */
class Pieces {
  readonly buffers: Buffer[] = [];
  private text = '';

  add(text: string): void {
    this.text += text;
  }

  addBuffers(buffers: readonly Buffer[]): void {
    this.flush();
    for (const buffer of buffers) this.buffers.push(buffer);
  }

  /** The text gathered, if that is all there is and it is too small to be worth a cache entry. */
  smallText(): string | null {
    return this.buffers.length === 0 && this.text.length < CACHE_MIN_BYTES ? this.text : null;
  }

  done(): Buffer[] {
    this.flush();
    return this.buffers;
  }

  private flush(): void {
    if (this.text === '') return;
    this.buffers.push(Buffer.from(this.text, 'utf8'));
    this.text = '';
  }
}

/** Plain data only: arrays and objects whose prototype is Object's or null; anything else (a Date, a Map) is left to JSON.stringify. */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
const omitted = (value: unknown): boolean => value === undefined || typeof value === 'function' || typeof value === 'symbol';

/** The JSON of `value` as UTF-8 pieces in order, to be written one after the other (the cached ones are not copied). */
export function jsonParts(value: unknown): Buffer[] {
  const pieces = new Pieces();
  append(value, pieces, 0);
  return pieces.done();
}

export function jsonBody(value: unknown): Buffer {
  const parts = jsonParts(value);
  return parts.length === 1 && parts[0] ? parts[0] : Buffer.concat(parts);
}

function append(value: unknown, pieces: Pieces, depth: number): void {
  if (value === null || typeof value !== 'object' || !isPlain(value)) {
    // JSON.stringify answers undefined for what JSON cannot hold (only reachable at the top level here).
    const text = JSON.stringify(value) as string | undefined;
    pieces.add(text ?? 'null');
    return;
  }
  if (!Object.isFrozen(value)) {
    // An unfrozen container (an answer's envelope, a list of search results): its frozen parts are reused.
    compose(value, pieces, depth);
    return;
  }
  const cached = ENCODED.get(value);
  if (cached) {
    pieces.addBuffers(cached);
    return;
  }
  if (depth >= COMPOSE_DEPTH) {
    const text = JSON.stringify(value);
    if (text.length < CACHE_MIN_BYTES) {
      pieces.add(text);
      return;
    }
    const encoded = [Buffer.from(text, 'utf8')];
    ENCODED.set(value, encoded);
    pieces.addBuffers(encoded);
    return;
  }
  const own = new Pieces();
  compose(value, own, depth);
  const small = own.smallText();
  if (small !== null && depth > CACHED_DEPTH) {
    pieces.add(small);
    return;
  }
  const encoded = own.done();
  ENCODED.set(value, encoded);
  pieces.addBuffers(encoded);
}

function compose(value: object, pieces: Pieces, depth: number): void {
  if (Array.isArray(value)) {
    pieces.add('[');
    value.forEach((item: unknown, index) => {
      if (index > 0) pieces.add(',');
      if (omitted(item)) pieces.add('null');
      else append(item, pieces, depth + 1);
    });
    pieces.add(']');
    return;
  }
  pieces.add('{');
  let first = true;
  for (const [key, item] of Object.entries(value)) {
    if (omitted(item)) continue;
    pieces.add(first ? `${JSON.stringify(key)}:` : `,${JSON.stringify(key)}:`);
    first = false;
    append(item, pieces, depth + 1);
  }
  pieces.add('}');
}

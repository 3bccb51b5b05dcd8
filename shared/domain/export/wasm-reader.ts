/**
 * The participant-safety check's big reads (a document's texts, the trainer texts, the participant texts)
 * in WebAssembly: the reading loop of words.ts, written again in reader.wat. A check runs once, in a fresh
 * worker thread, and JavaScript reads in unoptimised code until the engine has compiled its loop: on a
 * 40-module course that was a third of the check. The WebAssembly loop is compiled in well under a
 * millisecond and is fast from the first character.
 *
 * It gives exactly the words that words.ts gives (wasm-reader.test.ts reads random texts with both). It
 * leaves to words.ts' own functions what they do rarely and with Unicode data: a code unit met for the first
 * time (its UNIT_INFO entry is worked out and the loop goes on), one that folds to several, and characters
 * outside the BMP. Where it cannot be used (an engine without WebAssembly or one whose content security
 * policy forbids compiling it, a text with a lone surrogate half, which UTF-8 cannot carry, a watched set
 * that would have to grow, or a text whose folds or empty paragraphs would outgrow the room it sized), it
 * returns undefined and words.ts reads the text itself.
 */
import type { IntSet } from './int-table';
import { READER_WASM_BASE64 } from './reader-wasm';
import { basePower } from './run-keys';
import { astralSentenceBits, foldAstral, severalUnits, SLOW, UNIT_INFO, unitInfo, unitKind } from './word-chars';

/** A global of the module. */
type Global = { value: number };

type ReaderExports = {
  read(pos: number, end: number): number;
  runsIn(hashes: number, paras: number, paragraphCount: number, length: number, power: number, out: number): number;
  sentenceRule(bits: number): void;
  take(unit: number, kind: number): void;
  endParagraph(): void;
  buildFilter(): void;
} & Record<(typeof LAYOUT)[number] | Settings | State | 'stopCode' | 'stopLength' | 'full' | 'paragraphRoom', Global>;

const LAYOUT = ['in', 'hashes', 'flags', 'starts', 'found', 'chars', 'paras', 'set', 'setMask', 'filter'] as const;
type Settings = 'resetPublic' | 'runLength' | 'runPower' | 'runWithin' | 'runFile';
/** The reading state that JavaScript reads or sets; a new instance starts with the state of a new `Words`. */
type State = 'count' | 'charCount' | 'paragraphCount' | 'runKey' | 'runCount' | 'foundCount' | 'setCount';

type Memory = { buffer: ArrayBuffer };
type Encoder = { encodeInto(text: string, into: Uint8Array): { read: number; written: number } };

/** The host's WebAssembly and TextEncoder, which the ES library that shared code is compiled with does not declare. */
type Host = {
  WebAssembly?: {
    Module: new (bytes: Uint8Array) => object;
    Instance: new (module: object, imports: object) => { exports: unknown };
    Memory: new (descriptor: { initial: number }) => Memory;
  };
  TextEncoder?: new () => Encoder;
  atob?: (base64: string) => string;
};

type Reader = { module: object; encoder: Encoder; engine: NonNullable<Host['WebAssembly']> };

/** A reader's module instantiated on a new memory of at least `bytes`. */
type Instance = { exports: ReaderExports; buffer: ArrayBuffer };

const PAGE = 1 << 16;
/** UNIT_INFO's copy, at the start of memory. */
const TABLE_BYTES = 0x10000 * 4;
/** The bits that say which keys a looked-up set may hold (reader.wat's `$mayHold`). */
const FILTER_BYTES = 1 << 16;
/** Folded units that the rare characters folding to several may add beyond one per byte of text. */
const SPARE_UNITS = 1 << 12;

/**
 * Bytes read by one call of the loop. The engine compiles WebAssembly at once with a quick compiler and
 * then, once a function has run for a while, again with its optimising compiler, which a call that is
 * running never switches to: in pieces, the rest of a text is read with the faster code.
 */
const CHUNK_BYTES = 1 << 14;

let reader: Reader | null | undefined;

/** The reader, made on first use; null where the engine cannot make it. */
function loadedReader(): Reader | null {
  if (reader !== undefined) return reader;
  reader = null;
  const host = globalThis as Host;
  if (!host.WebAssembly || !host.TextEncoder || !host.atob) return reader;
  try {
    const binary = host.atob(READER_WASM_BASE64);
    const bytes = new Uint8Array(binary.length);
    for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
    reader = { module: new host.WebAssembly.Module(bytes), encoder: new host.TextEncoder(), engine: host.WebAssembly };
  } catch {
    // A content security policy without 'wasm-unsafe-eval', say: words.ts reads.
  }
  return reader;
}

/** Whether this engine reads with WebAssembly (tests make sure that Node does). */
export function wasmReaderAvailable(): boolean {
  return loadedReader() !== null;
}

/** The run watch of words.ts, as the reader needs it. */
export type WasmWatch = { keys: IntSet; length: number; file: boolean; within: number };

/** The words of a text and the reader's state after it, for `Words` to take as its own. */
export type WasmWords = {
  hashes: Int32Array<ArrayBuffer>;
  flags: Uint8Array<ArrayBuffer>;
  starts: Int32Array<ArrayBuffer>;
  chars: Uint16Array<ArrayBuffer>;
  count: number;
  charCount: number;
  paragraphStarts: Int32Array<ArrayBuffer>;
  paragraphCount: number;
  foundRuns: Int32Array<ArrayBuffer>;
  foundCount: number;
  runKey: number;
  runCount: number;
};

/**
 * The module on a memory of its own, of at least `bytes`, which is never grown (growing would detach the
 * words' arrays). The words are left where the reader wrote them: copied out, megabytes of new pages would
 * be written a second time (on the 40 distinct modules of the benchmark, the copies took 21 to 26 ms).
 */
function instantiate({ module, engine }: Reader, bytes: number): Instance {
  const memory = new engine.Memory({ initial: Math.ceil(bytes / PAGE) });
  const instance = new engine.Instance(module, { reader: { memory } });
  return { exports: instance.exports as ReaderExports, buffer: memory.buffer };
}

const align = (at: number): number => (at + 7) & ~7;

/**
 * Room for what a text of `bytes` bytes can make. The loop makes at most a folded unit per byte, and a word
 * per two bytes (a letter and what ends the word) plus the one it may be in; the characters that fold to
 * several, read by words.ts' functions, may add up to SPARE_UNITS of each (`fits` checks them). Paragraphs
 * get the words' room: a text with more (of empty paragraphs) is given up.
 */
type Room = { units: number; words: number };

function roomFor(bytes: number): Room {
  return { units: bytes + SPARE_UNITS, words: (bytes >> 1) + SPARE_UNITS + 3 };
}

/** Whether what is left of the text (`left` bytes) still fits after `units` more folded units (and as many words). */
function fits(x: ReaderExports, room: Room, units: number, left: number): boolean {
  return x.charCount.value + units + left <= room.units && x.count.value + units + 1 + (left >> 1) + 2 <= room.words;
}

/** Where everything stands in memory for a text of `bytes` bytes and a set of `slots` slots; the text last. */
function layout(bytes: number, slots: number): Record<(typeof LAYOUT)[number], number> {
  const room = roomFor(bytes);
  const at = { set: TABLE_BYTES, setMask: slots - 1 } as Record<(typeof LAYOUT)[number], number>;
  at.filter = at.set + slots * 4;
  at.hashes = at.filter + FILTER_BYTES;
  at.flags = at.hashes + room.words * 4;
  at.starts = align(at.flags + room.words);
  at.found = at.starts + (room.words + 1) * 4;
  at.paras = at.found + (room.words + 1) * 4;
  at.chars = at.paras + (room.words + 1) * 4;
  at.in = align(at.chars + room.units * 2);
  return at;
}

/**
 * Reads `text` (paragraphs joined by PARAGRAPH_SEPARATOR) as `Words.readParagraphs` reads it on a new
 * reader, or returns undefined (see the top of this file); `watch.keys` gets the runs filed when the read
 * succeeds, and is left as it was when it does not.
 */
export function readInWasm(text: string, sentencesResetPublic: boolean, watch: WasmWatch): WasmWords | undefined {
  const loaded = loadedReader();
  if (!loaded || (text as { isWellFormed?: () => boolean }).isWellFormed?.() !== true) return undefined;
  try {
    const slots = watch.length > 0 ? watch.keys.slots : new Int32Array(1);
    // Sized for a text of mostly one-byte characters first (English, French), then, if it does not fit
    // (Arabic), for what is left at three bytes a character: a memory several times too large costs a
    // collection of the whole heap, which the engine makes to account for it.
    let bytes = text.length + (text.length >> 3) + 64;
    let at = layout(bytes, slots.length);
    let { exports: x, buffer } = instantiate(loaded, at.in + bytes);
    let { read, written } = loaded.encoder.encodeInto(text, new Uint8Array(buffer, at.in, bytes));
    if (read < text.length) {
      bytes = written + (text.length - read) * 3;
      at = layout(bytes, slots.length);
      ({ exports: x, buffer } = instantiate(loaded, at.in + bytes));
      ({ read, written } = loaded.encoder.encodeInto(text, new Uint8Array(buffer, at.in, bytes)));
      if (read < text.length) return undefined;
    }
    const room = roomFor(bytes);
    for (const name of LAYOUT) x[name].value = at[name];
    x.paragraphRoom.value = room.words;
    new Int32Array(buffer, 0, 0x10000).set(UNIT_INFO);
    new Int32Array(buffer, at.set, slots.length).set(slots);
    x.resetPublic.value = sentencesResetPublic ? 1 : 0;
    x.runLength.value = watch.length;
    x.runPower.value = basePower(watch.length);
    x.runWithin.value = watch.within;
    x.runFile.value = watch.file ? 1 : 0;
    x.setCount.value = watch.length > 0 ? watch.keys.size : 0;
    if (watch.length > 0 && !watch.file) x.buildFilter();
    if (!readLoop(x, new Int32Array(buffer, 0, 0x10000), written, room)) return undefined;
    // The last word is filed here too: the set may fill up with it.
    x.endParagraph();
    if (x.full.value !== 0) return undefined;
    const count = x.count.value;
    if (watch.length > 0 && watch.file) watch.keys.restore(new Int32Array(buffer, at.set, slots.length), x.setCount.value);
    // The memory is never grown: these stay valid for as long as the words are kept.
    return {
      hashes: new Int32Array(buffer, at.hashes, count),
      flags: new Uint8Array(buffer, at.flags, count),
      starts: new Int32Array(buffer, at.starts, count + 1),
      chars: new Uint16Array(buffer, at.chars, x.charCount.value),
      count,
      charCount: x.charCount.value,
      paragraphStarts: new Int32Array(buffer, at.paras, x.paragraphCount.value + 1),
      paragraphCount: x.paragraphCount.value,
      foundRuns: new Int32Array(buffer, at.found, x.foundCount.value),
      foundCount: x.foundCount.value,
      runKey: x.runKey.value,
      runCount: x.runCount.value,
    };
  } catch {
    // A memory the engine would not make: words.ts reads.
    return undefined;
  }
}

/**
 * Runs the loop over the `end` bytes of the text, reading with words.ts' functions each character it
 * leaves. False when the read is given up: the watched set would grow, the paragraphs outgrow their room,
 * or folding would outgrow `room`.
 */
function readLoop(x: ReaderExports, table: Int32Array, end: number, room: Room): boolean {
  for (let pos = 0; ; ) {
    const to = Math.min(end, pos + CHUNK_BYTES);
    pos = x.read(pos, to);
    if (pos === end) return true;
    if (pos < 0) return false;
    if (pos === to) continue;
    const code = x.stopCode.value;
    const length = x.stopLength.value;
    let units: string;
    if (code > 0xffff) {
      x.sentenceRule(astralSentenceBits(code));
      units = foldAstral(code);
    } else {
      const info = unitInfo(code);
      table[code] = info;
      // Now known, and one unit or none: the loop reads it.
      if ((info & SLOW) === 0) continue;
      x.sentenceRule(info >> 20);
      units = severalUnits(code);
    }
    pos += length;
    if (!fits(x, room, units.length, end - pos)) return false;
    for (let index = 0; index < units.length; index += 1) {
      const unit = units.charCodeAt(index);
      x.take(unit, unitKind(unit));
    }
    if (x.full.value !== 0) return false;
  }
}

/** The words `runsInSet` (text-search.ts) looks through. */
export type RunWords = { hashes: Int32Array; count: number; paragraphStarts: Int32Array; paragraphCount: number };

/** `runsInSet` of text-search.ts in WebAssembly, or undefined where the engine cannot. */
export function runsInSetInWasm(words: RunWords, length: number, keys: IntSet): Int32Array | undefined {
  const loaded = loadedReader();
  if (!loaded) return undefined;
  const { count, paragraphCount } = words;
  const { slots } = keys;
  try {
    const hashes = 0;
    const paras = hashes + count * 4;
    const set = paras + (paragraphCount + 1) * 4;
    const out = set + slots.length * 4;
    const { exports: x, buffer } = instantiate(loaded, out + count * 4);
    new Int32Array(buffer, hashes, count).set(words.hashes.subarray(0, count));
    new Int32Array(buffer, paras, paragraphCount + 1).set(words.paragraphStarts.subarray(0, paragraphCount + 1));
    new Int32Array(buffer, set, slots.length).set(slots);
    x.set.value = set;
    x.setMask.value = slots.length - 1;
    return new Int32Array(buffer, out, x.runsIn(hashes, paras, paragraphCount, length, basePower(length), out));
  } catch {
    return undefined;
  }
}

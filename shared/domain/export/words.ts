/**
 * The words of many texts, read into a few typed arrays: for each word a 32-bit hash of its folded
 * characters, its folded characters themselves (so that two words that share a hash are never taken for
 * each other), and flags saying whether it belongs to a placeholder's value and whether a sentence or a
 * clause starts with it. Texts are read as paragraphs; no run of words is looked for across a paragraph's end.
 *
 * The participant-safety check reads every trainer-only and participant text of a course, megabytes of
 * text, on its first run in a fresh process. So each side's paragraphs are read as one string, in one
 * loop, which the engine optimises while it runs instead of after thousands of short calls, and reading
 * makes nothing per word that the garbage collector would have to chase: characters are folded with the
 * tables of word-chars.ts while they are hashed, into arrays sized once for the text (word-store.ts).
 * Where the engine has WebAssembly, `readParagraphs` reads with the same loop in reader.wat
 * (wasm-reader.ts), which is fast from the first character: this one then reads only the short texts.
 *
 * What is a word, a sentence and a clause:
 * - a word is a run of letters, digits, marks and `_` once folded (case, accents, Arabic diacritics,
 *   tatweel and hamza forms folded away, as the library search folds them);
 * - a sentence ends at . ! ? … ؟ ۔ (and closing quotes or brackets after it) followed by white space,
 *   unless a lowercase letter follows the white space ("e.g. the constitution", "p. ex. la loi");
 * - a clause starts after white space that follows ; : ؛ . ! ? … ؟ ۔ (and closing quotes or brackets).
 */
import {
  astralSentenceBits,
  CLAUSE_END,
  CLOSER,
  CLOSES_PUBLIC,
  CLOSES_SENTENCE,
  ENDS_SENTENCE,
  foldAstral,
  FOLDS_AWAY,
  JS_SPACE,
  LOWERCASE,
  OPENS_PUBLIC,
  PARAGRAPH_BREAK,
  severalUnits,
  SLOW,
  SPACE,
  UNIT_INFO,
  unitInfo,
  unitKind,
  WORD,
} from './word-chars';
import { IntSet } from './int-table';
import { CLAUSE_START, grown, PARAGRAPH_START, PUBLIC, SENTENCE_START, WordStore } from './word-store';

export { CLAUSE_START, PARAGRAPH_START, PUBLIC, sameWord, sameWords, SENTENCE_START } from './word-store';
import { BASE, basePower, mix } from './run-keys';
import { readInWasm, type WasmWords } from './wasm-reader';

/**
 * Runs of `length` words to watch while reading, within a sentence or paragraph (`within`: the flag of the
 * word that starts one): the key of each (text-search.ts's `runKey`) is filed in `keys`, or, when `file` is
 * false, looked up there, and where a run whose key is there starts is noted (`found`). The document's runs
 * are filed as it is read, and the trainer texts' runs looked up as they are read, so that neither costs a
 * pass of its own (see leak-needles.ts).
 */
export type RunWatch = { keys: IntSet; length: number; file: boolean; within: number };

/** No run watched: of RunWatch's shape, so that the reader's `watch` is never undefined (see the constructor). */
const NO_WATCH: RunWatch = { keys: new IntSet(), length: 0, file: false, within: 0 };

/** Characters read by one call of the reading loop. */
const CHUNK = 1 << 13;
const FIRST_CHUNK = 1 << 6;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** `'\uE000'` and `'\uE001'`, as texts to read. */
export const PUBLIC_START_TEXT = '\uE000';
export const PUBLIC_END_TEXT = '\uE001';

export class Words extends WordStore {
  // Reading state, kept between calls to `read` because a paragraph is read in pieces.
  private inWord = false;
  private hash = 0;
  private flag = 0;
  private isPublic = 0;
  private clauseEnd = false;
  private clauseBreak = false;
  private sentenceEnd = false;
  /** White space after the end of a sentence so far. */
  private spaces = 0;
  private newSentence = true;
  private paragraphFirst = 0;
  private runKey = 0;
  private runCount = 0;
  /** Where each run found by the watch starts, in order: `foundRuns[0, foundCount)`. */
  foundRuns = new Int32Array(0);
  foundCount = 0;

  /**
   * `expectedChars`: about how many characters the texts hold, so that the arrays need not grow.
   * `sentencesResetPublic`: whether a sentence starts outside any placeholder's value, as when each
   * sentence of a text is read on its own (trainer texts); otherwise only a paragraph does.
   * `watch`: the runs of words to watch (see RunWatch). Given here, once, and never undefined: when it was
   * set on a reader after the reader was made, V8 threw the loop's optimised code away as the trainer
   * texts' reader was given its watch, and a check's first run read those texts in unoptimised code
   * (reader-optimisation.test.ts).
   */
  constructor(
    expectedChars = 1 << 12,
    private readonly sentencesResetPublic = false,
    private readonly watch: RunWatch = NO_WATCH,
  ) {
    super(expectedChars);
  }

  /** Makes room for the words of `length` more characters, folded one to one. */
  protected override reserve(length: number, exact = true): void {
    super.reserve(length, exact);
    // Written at every run, filed or looked up: room in both cases (see `watchWord`).
    if (this.watch.length > 0) this.foundRuns = grown(this.foundRuns, this.hashes.length + 1, (n) => new Int32Array(n));
  }

  /**
   * Reads `text[from, to)` as printed text: every character as it is, `\uE000` and `\uE001` around
   * placeholder values, PARAGRAPH_SEPARATOR between paragraphs. The paragraph at the end goes on with the
   * next call, until `endParagraph`.
   */
  read(text: string, from = 0, to = text.length): void {
    // Room for all of it at once: growing arrays of megabytes step by step copies them, and the engine
    // answers each new one with a collection of the whole heap. Each chunk below makes sure of its own room.
    this.reserve(to - from, false);
    // In pieces, the first one short: the engine optimises a loop while it runs, and code that had not run
    // (with type feedback) before would throw the optimised code away when it does: the code after the loop,
    // and the code before it, which the first call of a process runs before there is feedback to keep.
    for (let start = from; start < to; ) {
      let end = Math.min(to, start + (start === from ? FIRST_CHUNK : CHUNK));
      // A surrogate pair is one character: never cut in two.
      if (end < to && (text.charCodeAt(end - 1) & 0xfc00) === 0xd800) end += 1;
      this.readChunk(text, start, end);
      start = end;
    }
  }

  private readChunk(text: string, from: number, to: number): void {
    this.reserve(to - from);
    // The state in locals while the loop runs; written back before and read again after a rare character.
    let { hashes, flags, starts, chars, count, charCount, inWord, hash, flag, clauseEnd, clauseBreak, sentenceEnd, spaces, newSentence, isPublic, paragraphFirst } = this;
    const { sentencesResetPublic } = this;
    // Constants of other modules (and of this one) in locals: used from the module, each costs a load and
    // a check every time the loop uses it, which doubles the time the loop takes.
    const info = UNIT_INFO;
    const slow = SLOW;
    const word = WORD;
    const space = SPACE;
    const clauseEndKind = CLAUSE_END;
    const closer = CLOSER;
    const opensPublic = OPENS_PUBLIC;
    const closesPublic = CLOSES_PUBLIC;
    const paragraphBreak = PARAGRAPH_BREAK;
    const jsSpace = JS_SPACE;
    const lowercase = LOWERCASE;
    const endsSentence = ENDS_SENTENCE;
    const closesSentence = CLOSES_SENTENCE;
    const publicFlag = PUBLIC;
    const sentenceStart = SENTENCE_START;
    const clauseStart = CLAUSE_START;
    const fnvOffset = FNV_OFFSET;
    const fnvPrime = FNV_PRIME;
    const paragraphStart = PARAGRAPH_START;
    const { watch } = this;
    let { runKey, runCount } = this;
    const runLength = watch.length;
    const runPower = basePower(runLength);
    const runWithin = watch.within;
    const runFile = watch.file ? 1 : 0;
    const runKeys = watch.keys;
    let { foundRuns, foundCount } = this;
    const base = BASE;
    for (let index = from; index < to; index += 1) {
      const code = text.charCodeAt(index);
      const known = info[code] ?? 0;
      if (known === 0 || (known & slow) !== 0) {
        // A character not seen yet, a surrogate or a character that folds to several: one call site for all
        // of them, so that none can throw the optimised loop away when it first turns up.
        this.count = count;
        this.charCount = charCount;
        this.inWord = inWord;
        this.hash = hash;
        this.flag = flag;
        this.clauseEnd = clauseEnd;
        this.clauseBreak = clauseBreak;
        this.sentenceEnd = sentenceEnd;
        this.spaces = spaces;
        this.newSentence = newSentence;
        this.isPublic = isPublic;
        this.paragraphFirst = paragraphFirst;
        this.runKey = runKey;
        this.runCount = runCount;
        this.foundCount = foundCount;
        index = this.readWide(text, index, to);
        ({ hashes, flags, starts, chars, count, charCount, inWord, hash, flag, clauseEnd, clauseBreak, sentenceEnd, spaces, newSentence, isPublic, paragraphFirst, runKey, runCount, foundRuns, foundCount } = this);
        continue;
      }
      const kind = (known >> 16) & 0xf;
      const bits = known >> 20;
      // The sentence rule looks at characters as written; words and clauses at folded ones. After white
      // space that follows the end of a sentence: "end.  a" ends it (two spaces), "end. A" too, "e.g. the" not.
      if (spaces > 0 && (bits & jsSpace) === 0) {
        if (spaces >= 2 || (bits & lowercase) === 0) {
          newSentence = true;
          if (sentencesResetPublic) isPublic = 0;
        }
        spaces = 0;
      }
      if (kind === word) {
        sentenceEnd = false;
        const unit = known & 0xffff;
        if (!inWord) {
          inWord = true;
          hash = fnvOffset;
          flag = isPublic | (newSentence ? sentenceStart : 0) | (clauseBreak && count > paragraphFirst ? clauseStart : 0) | (count === paragraphFirst ? paragraphStart : 0);
          newSentence = false;
          clauseBreak = false;
          clauseEnd = false;
        }
        hash = Math.imul(hash ^ unit, fnvPrime);
        chars[charCount] = unit;
        charCount += 1;
        continue;
      }
      if ((bits & jsSpace) !== 0) {
        if (sentenceEnd) {
          spaces = 1;
          sentenceEnd = false;
        } else if (spaces > 0) spaces += 1;
      } else sentenceEnd = (bits & endsSentence) !== 0 || (sentenceEnd && (bits & closesSentence) !== 0);
      // A mark, which folding takes away: the word goes on.
      if (kind === 0) continue;
      if (inWord) {
        hashes[count] = hash;
        flags[count] = flag;
        count += 1;
        starts[count] = charCount;
        inWord = false;
        // The run watch (as `watchWord` does it on the slow path), here so that it runs in the optimised loop.
        if (runLength > 0) {
          if ((flag & runWithin) !== 0) runKey = runCount = 0;
          runKey = (Math.imul(runKey, base) + hash) | 0;
          if (runCount >= runLength) runKey = (runKey - Math.imul(hashes[count - 1 - runLength] ?? 0, runPower)) | 0;
          runCount += 1;
          if (runCount >= runLength) {
            // Filed or looked up, and noted when found, without a branch on which (see IntSet.visit).
            foundRuns[foundCount] = count - runLength;
            foundCount += runKeys.visit((runKey ^ (runKey >>> 15)) & 0x3fffffff, runFile);
          }
        }
      }
      if (kind === paragraphBreak) {
        this.count = count;
        this.closeParagraph();
        paragraphFirst = count;
        isPublic = 0;
        clauseEnd = false;
        clauseBreak = false;
        sentenceEnd = false;
        spaces = 0;
        newSentence = true;
      } else if (kind === opensPublic) isPublic = publicFlag;
      else if (kind === closesPublic) isPublic = 0;
      else if (kind === clauseEndKind) clauseEnd = true;
      else if (kind === space) clauseBreak ||= clauseEnd;
      else if (kind !== closer) clauseEnd = false;
    }
    this.count = count;
    this.charCount = charCount;
    this.inWord = inWord;
    this.hash = hash;
    this.flag = flag;
    this.clauseEnd = clauseEnd;
    this.clauseBreak = clauseBreak;
    this.sentenceEnd = sentenceEnd;
    this.spaces = spaces;
    this.newSentence = newSentence;
    this.isPublic = isPublic;
    this.paragraphFirst = paragraphFirst;
    this.runKey = runKey;
    this.runCount = runCount;
    this.foundCount = foundCount;
  }

  /**
   * The character at `index` that the loop of `readChunk` leaves to this: one not seen yet, a mark, a
   * surrogate pair or a character that folds to several units. Returns the index of its last code unit.
   */
  private readWide(text: string, index: number, to: number): number {
    const code = text.charCodeAt(index);
    const next = index + 1 < to ? text.charCodeAt(index + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      const codePoint = ((code - 0xd800) << 10) + (next - 0xdc00) + 0x10000;
      this.sentenceRule(astralSentenceBits(codePoint));
      this.takeAll(foldAstral(codePoint));
      // Folding may have made more than one unit of this character: room again for the rest, one to one.
      this.reserve(to - index);
      return index + 1;
    }
    const info = unitInfo(code);
    this.sentenceRule(info >> 20);
    if ((info & FOLDS_AWAY) !== 0) return index;
    if ((info & SLOW) === 0) this.take(info & 0xffff);
    else if (code >= 0xd800 && code <= 0xdbff) this.take(code);
    else this.takeAll(severalUnits(code));
    this.reserve(to - index);
    return index;
  }

  private takeAll(units: string): void {
    for (let at = 0; at < units.length; at += 1) this.take(units.charCodeAt(at));
  }

  private sentenceRule(bits: number): void {
    if ((bits & JS_SPACE) !== 0) {
      if (this.sentenceEnd) {
        this.spaces = 1;
        this.sentenceEnd = false;
      } else if (this.spaces > 0) this.spaces += 1;
      return;
    }
    if (this.spaces > 0) {
      if (this.spaces >= 2 || (bits & LOWERCASE) === 0) {
        this.newSentence = true;
        if (this.sentencesResetPublic) this.isPublic = 0;
      }
      this.spaces = 0;
    }
    this.sentenceEnd = (bits & ENDS_SENTENCE) !== 0 || (this.sentenceEnd && (bits & CLOSES_SENTENCE) !== 0);
  }

  /** One folded code unit. */
  private take(unit: number): void {
    const kind = unitKind(unit);
    if (kind === WORD) {
      if (!this.inWord) {
        this.inWord = true;
        this.hash = FNV_OFFSET;
        this.flag =
          this.isPublic |
          (this.newSentence ? SENTENCE_START : 0) |
          (this.clauseBreak && this.count > this.paragraphFirst ? CLAUSE_START : 0) |
          (this.count === this.paragraphFirst ? PARAGRAPH_START : 0);
        this.newSentence = false;
        this.clauseBreak = false;
        this.clauseEnd = false;
      }
      this.hash = Math.imul(this.hash ^ unit, FNV_PRIME);
      this.chars = grown(this.chars, this.charCount + 1, (n) => new Uint16Array(n));
      this.chars[this.charCount] = unit;
      this.charCount += 1;
      return;
    }
    this.endWord();
    if (kind === OPENS_PUBLIC) this.isPublic = PUBLIC;
    else if (kind === CLOSES_PUBLIC) this.isPublic = 0;
    else if (kind === CLAUSE_END) this.clauseEnd = true;
    else if (kind === SPACE) this.clauseBreak ||= this.clauseEnd;
    else if (kind !== CLOSER) this.clauseEnd = false;
  }

  private endWord(): void {
    if (!this.inWord) return;
    this.reserve(0);
    this.hashes[this.count] = this.hash;
    this.flags[this.count] = this.flag;
    this.count += 1;
    this.starts[this.count] = this.charCount;
    this.inWord = false;
    this.watchWord();
  }

  /** The run watch for the word just read (see RunWatch). */
  private watchWord(): void {
    const { watch } = this;
    if (watch.length === 0) return;
    if ((this.flag & watch.within) !== 0) this.runKey = this.runCount = 0;
    this.runKey = (Math.imul(this.runKey, BASE) + this.hash) | 0;
    if (this.runCount >= watch.length) this.runKey = (this.runKey - Math.imul(this.hashes[this.count - 1 - watch.length] ?? 0, basePower(watch.length))) | 0;
    this.runCount += 1;
    if (this.runCount < watch.length) return;
    this.foundRuns[this.foundCount] = this.count - watch.length;
    this.foundCount += watch.keys.visit(mix(this.runKey), watch.file ? 1 : 0);
  }

  /** Ends the paragraph being read (with or without words) and returns its index; the next `read` starts a new one. */
  endParagraph(): number {
    this.endWord();
    this.closeParagraph();
    this.startParagraph();
    return this.paragraphCount - 1;
  }

  /** The reading state at the start of a paragraph (`readChunk` resets its locals alike at a separator). */
  private startParagraph(): void {
    this.paragraphFirst = this.count;
    this.inWord = false;
    this.isPublic = 0;
    this.clauseEnd = false;
    this.clauseBreak = false;
    this.sentenceEnd = false;
    this.spaces = 0;
    this.newSentence = true;
  }

  /**
   * Reads paragraphs joined by PARAGRAPH_SEPARATOR, in one pass, and ends the last one. On a new reader, in
   * WebAssembly where the engine can (wasm-reader.ts: the same words, fast from the first character);
   * `inWasm` false reads with the loop above (for the tests that compare the two).
   */
  readParagraphs(text: string, inWasm = true): void {
    const read = inWasm && this.count === 0 && this.paragraphCount === 0 && this.charCount === 0 ? readInWasm(text, this.sentencesResetPublic, this.watch) : undefined;
    if (read) this.adopt(read);
    else {
      this.read(text);
      this.endParagraph();
    }
  }

  /** Takes the words of a WebAssembly read as its own, with the reader's state after it (as `endParagraph` leaves it). */
  private adopt(read: WasmWords): void {
    ({ hashes: this.hashes, flags: this.flags, starts: this.starts, chars: this.chars, count: this.count, charCount: this.charCount } = read);
    ({ paragraphStarts: this.paragraphStarts, paragraphCount: this.paragraphCount, foundRuns: this.foundRuns, foundCount: this.foundCount } = read);
    this.runKey = read.runKey;
    this.runCount = read.runCount;
    this.startParagraph();
  }

}

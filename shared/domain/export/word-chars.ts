/**
 * Character tables of the participant-safety check's word reader (words.ts), filled on demand so that a
 * course's megabytes of text are read with a table lookup per character instead of a regular expression
 * or a string per word.
 *
 * Folding is the library search's (`normaliseForSearch`: NFKD, lowercase, no accents, Arabic diacritics,
 * tatweel or hamza forms, ASCII digits), applied one character at a time, which gives what folding the
 * whole text gives: those steps do not look at a character's neighbours, except the lowercase final
 * sigma, which is folded to σ here wherever it stands (so "ΟΔΟΣ" and "οδος" still read alike).
 */
import { normaliseForSearch } from '../text-normalise';

/** A character of a placeholder's value starts and ends between these two (private use: no word holds them). */
export const PUBLIC_START = 0xe000;
export const PUBLIC_END = 0xe001;

/** What a folded code unit is to the reader. Letters, digits, marks and `_` make words. */
export const WORD = 1;
export const SPACE = 2;
/** ; : ؛ . ! ? … ؟ ۔ end a clause. */
export const CLAUSE_END = 3;
/** Closing quotes and brackets, which may follow the end of a clause: " ' ” ’ » ) ] */
export const CLOSER = 4;
export const OTHER = 5;
export const OPENS_PUBLIC = 6;
export const CLOSES_PUBLIC = 7;
/** Between two paragraphs of a side's text (see words.ts); no printed text holds it. */
export const PARAGRAPH_BREAK = 8;
export const PARAGRAPH_SEPARATOR = '\u0000';

const WORD_CHAR = /^[\p{L}\p{N}\p{M}_]$/u;
const CLAUSE_ENDS = new Set([0x3b, 0x3a, 0x61b, 0x2e, 0x21, 0x3f, 0x2026, 0x61f, 0x6d4]);
const CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d]);

function isSpace(code: number): boolean {
  return code === 0x20 || (code >= 0x09 && code <= 0x0d) || code === 0xa0 || code === 0x202f || code === 0x2007 || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

function kindOf(code: number): number {
  if (code === 0) return PARAGRAPH_BREAK;
  if (code === PUBLIC_START) return OPENS_PUBLIC;
  if (code === PUBLIC_END) return CLOSES_PUBLIC;
  // Either half of a surrogate pair counts as a letter: the rare letters outside the BMP stay in their word.
  if ((code >= 0xd800 && code <= 0xdfff) || WORD_CHAR.test(String.fromCharCode(code))) return WORD;
  if (CLAUSE_ENDS.has(code)) return CLAUSE_END;
  if (isSpace(code)) return SPACE;
  if (CLOSERS.has(code)) return CLOSER;
  return OTHER;
}

const kinds = new Uint8Array(0x10000);

/** The kind of a folded code unit. */
export function unitKind(code: number): number {
  let kind = kinds[code] ?? 0;
  if (kind === 0) kinds[code] = kind = kindOf(code);
  return kind;
}

/**
 * Sentences end at . ! ? … ؟ ۔ (and any closing quotes or brackets after it, or the end of a placeholder's
 * value) followed by white space, unless a lowercase letter follows the white space: "e.g. the
 * constitution" goes on. Bits of an original (unfolded) character for that rule:
 */
export const ENDS_SENTENCE = 1;
export const CLOSES_SENTENCE = 2;
/** White space as regular expressions (and `String.prototype.trim`) know it. */
export const JS_SPACE = 4;
export const LOWERCASE = 8;
const KNOWN = 128;

const SENTENCE_ENDS = new Set([0x2e, 0x21, 0x3f, 0x2026, 0x61f, 0x6d4]);
const SENTENCE_CLOSERS = new Set([0x22, 0x27, 0x201d, 0x2019, 0xbb, 0x29, 0x5d, PUBLIC_END]);
const JS_WHITE_SPACE = /^\s$/u;
const LOWERCASE_LETTER = /^\p{Ll}$/u;

function sentenceBitsOf(char: string, code: number): number {
  return (
    (SENTENCE_ENDS.has(code) ? ENDS_SENTENCE : 0) |
    (SENTENCE_CLOSERS.has(code) ? CLOSES_SENTENCE : 0) |
    (JS_WHITE_SPACE.test(char) ? JS_SPACE : 0) |
    (LOWERCASE_LETTER.test(char) ? LOWERCASE : 0)
  );
}

const sentenceBits = new Uint8Array(0x10000);

/** The sentence bits of a BMP code unit (a lone surrogate half has none). */
export function unitSentenceBits(code: number): number {
  let bits = sentenceBits[code] ?? 0;
  if (bits === 0) sentenceBits[code] = bits = sentenceBitsOf(String.fromCharCode(code), code) | KNOWN;
  return bits & ~KNOWN;
}

/** The sentence bits of a character outside the BMP (an astral lowercase letter is lowercase). */
export function astralSentenceBits(codePoint: number): number {
  return sentenceBitsOf(String.fromCodePoint(codePoint), codePoint);
}

const astralFolds = new Map<number, string>();

function folded(char: string): string {
  return normaliseForSearch(char).replace(/ς/gu, 'σ');
}

/** What a character outside the BMP folds to (mathematical letters to plain ones, say). */
export function foldAstral(codePoint: number): string {
  let text = astralFolds.get(codePoint);
  if (text === undefined) astralFolds.set(codePoint, (text = folded(String.fromCodePoint(codePoint))));
  return text;
}

/**
 * Everything the reader needs to know of a UTF-16 code unit, in one integer: the unit it folds to (bits
 * 0–15), the kind of that unit (16–19), the sentence bits of the unit as written (20–23), and whether it
 * folds to nothing (a mark) or must be read on the slow path (a surrogate, or a unit that folds to several).
 * 0 for a unit not looked at yet. Filled on demand, ASCII at once.
 */
export const UNIT_INFO = new Int32Array(0x10000);
export const FOLDS_AWAY = 1 << 24;
export const SLOW = 1 << 25;
const several = new Map<number, string>();

/** The information of a code unit (see UNIT_INFO), worked out and kept on first use. */
export function unitInfo(code: number): number {
  let info = UNIT_INFO[code] ?? 0;
  if (info !== 0) return info;
  const bits = unitSentenceBits(code) << 20;
  if (code < 0x80) {
    const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
    info = lower | (unitKind(lower) << 16) | bits;
  } else if (code >= 0xd800 && code <= 0xdbff) info = code | (unitKind(code) << 16) | bits | SLOW;
  else {
    const text = folded(String.fromCharCode(code));
    if (text.length === 0) info = FOLDS_AWAY | bits;
    else if (text.length === 1) info = text.charCodeAt(0) | (unitKind(text.charCodeAt(0)) << 16) | bits;
    else {
      several.set(code, text);
      info = SLOW | bits;
    }
  }
  UNIT_INFO[code] = info;
  return info;
}

/** The units a BMP code unit folds to when it folds to more than one ("œ" → "oe"), or ''. */
export function severalUnits(code: number): string {
  return several.get(code) ?? '';
}

for (let code = 0; code < 0x80; code += 1) unitInfo(code);

/**
 * Text folding for search in English, French and Arabic. Indexing and querying both go through these two
 * functions, so whatever they fold, they fold the same way on both sides: a trainer who types "securite"
 * or "الشرطه" on a keyboard without accents or without the taa marbuta still finds the module.
 */

/**
 * Marks removed after decomposition. `\p{Mn}`/`\p{Me}` covers Latin accents (é = e + U+0301), the Arabic
 * harakat and the Quranic annotation signs; the explicit Arabic ranges also catch the few signs in those
 * blocks that Unicode does not class as marks (U+06DD end of ayah, U+06DE, U+06E5–U+06E6 small waw/yeh,
 * U+06E9), and U+0640 tatweel, which is a letter by class but only stretches a word for layout.
 */
const MARKS = /[\p{Mn}\p{Me}\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/gu;

/**
 * Letters folded to one spelling. Alef with hamza or madda and ؤ/ئ mostly arrive already split by NFKD
 * (letter + combining hamza, removed with the marks); they stay listed so the mapping does not rest on
 * that. Alef wasla has no decomposition. œ/æ/ß have none either: they are spelled out so that "coeur"
 * finds "cœur".
 */
const FOLDS: Readonly<Record<string, string>> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ة': 'ه',
  'ؤ': 'و',
  'ئ': 'ي',
  'œ': 'oe',
  'æ': 'ae',
  'ß': 'ss',
};
const FOLDABLE = /[أإآٱىةؤئœæß]/gu;

/** Arabic-Indic (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9) digits, so "٢٠٢٤" finds "2024". */
const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/gu;

/** English text is mostly ASCII: it needs lowercasing only, and the index is built over megabytes of it. */
// eslint-disable-next-line no-control-regex -- the ASCII range starts at U+0000 by definition
const ASCII_ONLY = /^[\u0000-\u007F]*$/;

/**
 * Folds text for comparison: lowercase (locale-independent, so Turkish or other UI locales cannot change
 * what matches), no accents or Arabic diacritics, one spelling for the Arabic letters that writers
 * interchange, ASCII digits.
 *
 * NFKD rather than NFD: besides splitting accents, it turns Arabic presentation forms (text pasted from
 * PDFs, e.g. the lam-alef ligature ﻻ), Latin ligatures (ﬁ) and full-width letters into ordinary letters.
 */
export function normaliseForSearch(text: string): string {
  if (ASCII_ONLY.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(FOLDABLE, (c) => FOLDS[c] ?? c)
    .replace(ARABIC_DIGITS, (d) => {
      const code = d.charCodeAt(0);
      return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
    });
}

/**
 * Splits on anything that is not a letter, number or combining mark. Marks must stay inside words: a
 * word with harakat (الشُّرْطَة) or with decomposed accents (e + U+0301) would otherwise be cut into pieces
 * before `normaliseForSearch` has removed them.
 */
const WORD_CHARACTER = /^[\p{L}\p{N}\p{M}]$/u;

/**
 * Per UTF-16 code unit outside ASCII: 0 not looked up yet, 1 part of a word, 2 a separator. A scan with this
 * table splits text as `/[^\p{L}\p{N}\p{M}]+/u` does, several times faster than that split (indexing 5,000
 * modules tokenises over 300 MB of text).
 */
const KIND = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
  let kind = KIND[code] as number;
  if (kind === 0) {
    // A lone surrogate is no letter: pairs are handled by the caller.
    kind = WORD_CHARACTER.test(String.fromCharCode(code)) ? 1 : 2;
    KIND[code] = kind;
  }
  return kind === 1;
}

/** The words of a text: runs of letters, numbers and combining marks (code points, surrogate pairs included). */
export function tokenise(text: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      width = next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
      word = width === 2 && WORD_CHARACTER.test(text.slice(i, i + 2));
    } else word = isWordCode(code);
    if (word) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      tokens.push(text.slice(start, i));
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) tokens.push(text.slice(start));
  return tokens;
}

/**
 * Finding many short texts in one long text, in time linear in the long text: the search behind the
 * participant-safety check. Texts are compared normalised (whitespace collapsed, lowercase, leading
 * punctuation of each paragraph dropped) and paragraphs are joined with SEPARATOR, a control character
 * that cleaned plan text never contains, so a match never runs from one paragraph into the next by accident.
 */
export const SEPARATOR = '\u0001';

/** Needles are indexed by their first KEY_LENGTH characters, so none may be shorter. */
export const KEY_LENGTH = 12;

/** Paragraphs normalised and joined with SEPARATOR; the result starts with SEPARATOR. */
export function normaliseJoined(texts: readonly string[]): string {
  return `${SEPARATOR}${texts.join(SEPARATOR)}`
    .replace(/\s+/gu, ' ')
    // eslint-disable-next-line no-control-regex -- SEPARATOR is a control character on purpose
    .replace(/ ?\u0001[^\p{L}\p{N}]*/gu, SEPARATOR)
    .toLowerCase();
}

/** Each paragraph normalised as `normaliseJoined` does it; paragraphs with no letter or digit are dropped. */
export function normaliseEach(texts: readonly string[]): string[] {
  return normaliseJoined(texts)
    .split(SEPARATOR)
    .filter((t) => t !== '');
}

/** Whether each UTF-16 unit is a letter or digit, filled on demand: 0 unknown, 1 yes, 2 no. */
const alnum = new Uint8Array(0x10000);

function isAlnum(code: number): boolean {
  let known = alnum[code] ?? 2;
  if (known === 0) {
    known = /^[\p{L}\p{N}]$/u.test(String.fromCharCode(code)) ? 1 : 2;
    alnum[code] = known;
  }
  return known === 1;
}

function keyHash(text: string, start: number): number {
  let hash = 0;
  for (let i = start; i < start + KEY_LENGTH; i += 1) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return hash;
}

/**
 * An index of needles for `find`. Needles must start with a letter or digit and be at least KEY_LENGTH
 * long; they are filed under a numeric hash of their first KEY_LENGTH characters.
 */
export class NeedleIndex<T extends { text: string }> {
  private readonly byKey = new Map<number, T[]>();

  constructor(needles: Iterable<T>) {
    for (const needle of needles) {
      const key = keyHash(needle.text, 0);
      const list = this.byKey.get(key);
      if (list) list.push(needle);
      else this.byKey.set(key, [needle]);
    }
  }

  /**
   * The first needle (in haystack order) that occurs in `haystack` at the beginning of a word. Only word
   * starts are tried, each by the hash of its next KEY_LENGTH characters, so no string is built per position.
   */
  find(haystack: string): T | undefined {
    let previousAlnum = false;
    const last = haystack.length - KEY_LENGTH;
    for (let index = 0; index <= last; index += 1) {
      const current = isAlnum(haystack.charCodeAt(index));
      if (current && !previousAlnum) {
        const candidates = this.byKey.get(keyHash(haystack, index));
        if (candidates) for (const needle of candidates) if (haystack.startsWith(needle.text, index)) return needle;
      }
      previousAlnum = current;
    }
    return undefined;
  }
}

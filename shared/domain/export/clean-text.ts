/**
 * Characters XML 1.0 cannot hold: C0 controls other than tab, newline and carriage return, lone UTF-16
 * surrogates, and the non-characters U+FFFE and U+FFFF. One of them in `word/document.xml` makes Word
 * refuse the whole file, so every string of a plan passes through `cleanText`. With the `u` flag a
 * well-formed surrogate pair is one code point, so `\p{Cs}` matches lone halves only.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** The text without characters that XML 1.0 forbids. */
export function cleanText(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

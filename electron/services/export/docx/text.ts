/**
 * Text safety at the last step before XML: the plan builder already cleans text, but the renderer cleans it
 * again (defence in depth) because a single illegal character makes Word refuse the whole file.
 */

/** Characters XML 1.0 cannot hold: C0 controls but tab/newline/return, lone surrogates, U+FFFE and U+FFFF. */
const XML_ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** The text with every character XML cannot hold removed. */
export function xmlSafe(text: string): string {
  return text.replace(XML_ILLEGAL, '');
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

/**
 * Whether a link may be written as a hyperlink. The plan builder checks this too; the renderer checks again
 * so a `javascript:` or `file:` link can never reach the document, whoever built the plan.
 */
export function isSafeHref(href: string): boolean {
  if (!URL.canParse(href)) return false;
  return SAFE_SCHEMES.has(new URL(href).protocol);
}

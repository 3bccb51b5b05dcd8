/**
 * Content checks shared by the pack reader and writer: every JSON entry of a pack, whatever its schema, is
 * scanned here before it is trusted. Messages are part of the format's contract (docs/pack-format.md) and are
 * asserted verbatim by the tests, so change them only together with both.
 */

import { Buffer, isUtf8 } from 'node:buffer';

/**
 * "__proto__" would reach Object.prototype if any later code copied objects with bracket assignment, so it is
 * refused everywhere. "constructor" and "prototype" are refused when they hold an object or an array, the
 * shape of the `constructor.prototype` pollution gadget; holding text they are data, since users may name
 * a placeholder `{constructor}` (a course's placeholder values are keyed by name).
 */
const FORBIDDEN_KEY = '__proto__';
const GADGET_KEYS = new Set(['constructor', 'prototype']);

function isForbiddenKey(key: string, value: unknown): boolean {
  return key === FORBIDDEN_KEY || (GADGET_KEYS.has(key) && typeof value === 'object' && value !== null);
}

/**
 * Characters XML 1.0 forbids (they corrupt a Word document), plus unpaired UTF-16 surrogates, which JSON
 * escapes can produce ("\ud800") and which no XML writer can encode.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_SUSPECT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Schemes that run code or read local data when something turns them into a link. Written bare (not as a
 * Markdown link) they are refused only when text follows the colon directly, so prose such as
 * "Personal data: names and addresses" stays acceptable.
 */
const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'data', 'file', 'blob', 'filesystem', 'jar', 'view-source', 'mhtml', 'search', 'search-ms']);

/** The target of a Markdown link, up to the first space or closing parenthesis, optional <angle brackets>. */
const MARKDOWN_TARGET = /\]\(\s*<?([^\s)>]*)/g;
const LEADING_SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

export type JsonPath = (string | number)[];

/** Thrown by the checks below; the reader and the writer turn it into their own error type. */
export class JsonContentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JsonContentError';
  }
}

function fail(message: string): never {
  throw new JsonContentError(message);
}

export function describePath(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the top level' : path.join('.');
}

/** For messages: long or odd values are cut and escaped, so a hostile name cannot fill or garble the screen. */
export function quote(value: string, max = 80): string {
  return JSON.stringify(value.length > max ? `${value.slice(0, max)}…` : value);
}

/**
 * True when brackets nest deeper than `max`, counted outside strings in one pass over the raw bytes. It runs
 * before JSON.parse so that a hostile "[[[[…" cannot exhaust the parser's or any later walker's stack.
 * Working on bytes is exact: in UTF-8, bytes below 0x80 never occur inside a multi-byte character. Strings,
 * most of a module, are skipped with indexOf (memchr) rather than byte by byte.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  const length = bytes.length;
  let index = 0;
  while (index < length) {
    const byte = bytes[index];
    if (byte === 0x22) {
      index = stringEnd(bytes, index);
      if (index < 0) return false; // Unterminated: JSON.parse refuses it next.
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
    index += 1;
  }
  return false;
}

/** The index of the quote closing the string that opens at `open`, or -1. Linear: each backslash run is counted once. */
function stringEnd(bytes: Uint8Array, open: number): number {
  let from = open + 1;
  for (;;) {
    const quote = bytes.indexOf(0x22, from);
    if (quote < 0) return -1;
    let backslashes = 0;
    while (quote - backslashes - 1 > open && bytes[quote - backslashes - 1] === 0x5c) backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

const isSchemeChar = (code: number): boolean =>
  (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39) || code === 0x2b || code === 0x2e || code === 0x2d;
const isLetter = (code: number): boolean => (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);

/**
 * The scheme of the first link in `text` that is not http, https or mailto, or null. Two kinds are found:
 * Markdown link targets `](scheme:…)`, where any other scheme is refused, and bare `scheme:` words, refused
 * when the scheme is a dangerous one or is followed by "//" (see DANGEROUS_SCHEMES).
 */
export function unsafeLinkScheme(text: string): string | null {
  let colon = text.indexOf(':');
  if (colon < 0) return null;
  if (text.includes('](')) {
    for (const match of text.matchAll(MARKDOWN_TARGET)) {
      const scheme = LEADING_SCHEME.exec(match[1] ?? '')?.[1]?.toLowerCase();
      if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return scheme;
    }
  }
  // A bare scheme is the run of scheme characters just before a colon, starting with a letter. Found by
  // hand from each colon: a regular expression with a look-behind was the slowest part of reading a pack.
  for (; colon >= 0; colon = text.indexOf(':', colon + 1)) {
    let start = colon;
    while (start > 0 && isSchemeChar(text.charCodeAt(start - 1))) start -= 1;
    if (start === colon || !isLetter(text.charCodeAt(start))) continue;
    const scheme = text.slice(start, colon).toLowerCase();
    if (SAFE_SCHEMES.has(scheme)) continue;
    const next = text.charAt(colon + 1);
    if (next === '' || /\s/u.test(next)) continue;
    if (DANGEROUS_SCHEMES.has(scheme) || scheme.startsWith('ms-') || text.startsWith('//', colon + 1)) return scheme;
  }
  return null;
}

/** `xml`: whether the entry may hold characters illegal in XML at all (see `mayHoldIllegalCharacters`). */
function checkText(name: string, text: string, path: JsonPath, xml: boolean): void {
  // The plain character class is fast; the exact test (surrogate pairs are fine) runs only when it hits.
  const illegal = xml && XML_SUSPECT.test(text) ? XML_ILLEGAL.exec(text) : null;
  if (illegal) {
    const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(`${name} has a character that is not allowed (U+${code}) at ${describePath(path)}.`);
  }
  const scheme = unsafeLinkScheme(text);
  if (scheme !== null) fail(`${name} has a link with the scheme "${scheme}:" at ${describePath(path)}; only http, https and mailto links are allowed.`);
}

/** Recursion is safe: nesting was bounded by `nestsDeeperThan` before the text was parsed. */
function checkValue(name: string, value: unknown, path: JsonPath, xml: boolean): void {
  if (typeof value === 'string') {
    checkText(name, value, path, xml);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      checkValue(name, value[index], path, xml);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    // Object.keys sees "__proto__" here: JSON.parse defines it as an own property, it never sets the prototype.
    for (const key of Object.keys(record)) {
      if (isForbiddenKey(key, record[key])) fail(`${name} has the forbidden key "${key}" at ${describePath(path)}.`);
      checkText(name, key, path, xml);
      path.push(key);
      checkValue(name, record[key], path, xml);
      path.pop();
    }
  }
}

const U_ESCAPE = Buffer.from('\\u');
const U_FFFE = Buffer.from([0xef, 0xbf, 0xbe]);
const U_FFFF = Buffer.from([0xef, 0xbf, 0xbf]);

/**
 * Valid JSON in valid UTF-8 can carry a character illegal in XML only as a \u escape or as raw U+FFFE or
 * U+FFFF (raw control characters are JSON syntax errors, raw surrogates are invalid UTF-8). One memmem search
 * per pattern over the bytes spares checking every string of the usual entry that has none.
 */
function mayHoldIllegalCharacters(bytes: Buffer): boolean {
  return bytes.includes(U_ESCAPE) || bytes.includes(U_FFFE) || bytes.includes(U_FFFF);
}

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/**
 * Decodes and parses one JSON entry of a pack, refusing (in this order) text that is not UTF-8, nesting
 * deeper than `maxDepth`, invalid JSON, forbidden keys, characters illegal in XML and unsafe links.
 */
export function parsePackJson(name: string, bytes: Uint8Array, maxDepth: number): unknown {
  // isUtf8 validates natively and much faster than a fatal TextDecoder; a BOM (Notepad adds one) is dropped.
  if (!isUtf8(bytes)) fail(`${name} is not valid UTF-8 text.`);
  const bom = bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2] ? 3 : 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + bom, bytes.byteLength - bom);
  const text = buffer.toString('utf8');
  if (nestsDeeperThan(bytes, maxDepth)) fail(`${name} nests deeper than ${maxDepth} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message differs between V8 versions; the stable message is the contract.
    fail(`${name} is not valid JSON.`);
  }
  checkValue(name, value, [], mayHoldIllegalCharacters(buffer));
  return value;
}

/** Recursively sorted keys: the same data always serialises to the same bytes, whatever built the objects. */
export function canonicalJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  // No prototype, so that even a "__proto__" key (refused earlier anyway) stays a plain property.
  const sorted = Object.create(null) as Record<string, unknown>;
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

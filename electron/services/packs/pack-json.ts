/**
 * Content checks shared by the pack reader and writer: every JSON entry of a pack, whatever its schema, is
 * scanned here before it is trusted. Messages are part of the format's contract (docs/pack-format.md) and are
 * asserted verbatim by the tests, so change them only together with both.
 */

/** Keys that would reach Object.prototype if any later code copied objects with bracket assignment. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Characters XML 1.0 forbids (they corrupt a Word document), plus unpaired UTF-16 surrogates, which JSON
 * escapes can produce ("\ud800") and which no XML writer can encode.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Schemes that run code or read local data when something turns them into a link. Written bare (not as a
 * Markdown link) they are refused only when text follows the colon directly, so prose such as
 * "Personal data: names and addresses" stays acceptable.
 */
const DANGEROUS_SCHEMES = new Set(['javascript', 'vbscript', 'livescript', 'data', 'file', 'blob', 'filesystem', 'jar', 'view-source', 'mhtml', 'search', 'search-ms']);

/** A scheme starts at a letter that does not continue a word, a number or another scheme. */
const BARE_SCHEME = /(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*):/g;
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
 * Working on bytes is exact: in UTF-8, bytes below 0x80 never occur inside a multi-byte character.
 */
export function nestsDeeperThan(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  const length = bytes.length;
  for (let index = 0; index < length; index += 1) {
    const byte = bytes[index] ?? 0;
    if (inString) {
      if (byte === 0x5c) index += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth += 1;
      if (depth > max) return true;
    } else if (byte === 0x7d || byte === 0x5d) {
      depth -= 1;
    }
  }
  return false;
}

/** The scheme of the first link in `text` that is not http, https or mailto, or null. */
export function unsafeLinkScheme(text: string): string | null {
  if (!text.includes(':')) return null;
  if (text.includes('](')) {
    for (const match of text.matchAll(MARKDOWN_TARGET)) {
      const scheme = LEADING_SCHEME.exec(match[1] ?? '')?.[1]?.toLowerCase();
      if (scheme !== undefined && !SAFE_SCHEMES.has(scheme)) return scheme;
    }
  }
  for (const match of text.matchAll(BARE_SCHEME)) {
    const scheme = (match[1] ?? '').toLowerCase();
    if (SAFE_SCHEMES.has(scheme)) continue;
    const after = match.index + match[0].length;
    const next = text.charAt(after);
    if (next === '' || /\s/u.test(next)) continue;
    if (DANGEROUS_SCHEMES.has(scheme) || scheme.startsWith('ms-') || text.startsWith('//', after)) return scheme;
  }
  return null;
}

function checkText(name: string, text: string, path: JsonPath): void {
  const illegal = XML_ILLEGAL.exec(text);
  if (illegal) {
    const code = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    fail(`${name} has a character that is not allowed (U+${code}) at ${describePath(path)}.`);
  }
  const scheme = unsafeLinkScheme(text);
  if (scheme !== null) fail(`${name} has a link with the scheme "${scheme}:" at ${describePath(path)}; only http, https and mailto links are allowed.`);
}

/** Recursion is safe: nesting was bounded by `nestsDeeperThan` before the text was parsed. */
function checkValue(name: string, value: unknown, path: JsonPath): void {
  if (typeof value === 'string') {
    checkText(name, value, path);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      path.push(index);
      checkValue(name, value[index], path);
      path.pop();
    }
  } else if (typeof value === 'object' && value !== null) {
    // Object.keys sees "__proto__" here: JSON.parse defines it as an own property, it never sets the prototype.
    for (const [key, child] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) fail(`${name} has the forbidden key "${key}" at ${describePath(path)}.`);
      checkText(name, key, path);
      path.push(key);
      checkValue(name, child, path);
      path.pop();
    }
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes and parses one JSON entry of a pack, refusing (in this order) text that is not UTF-8, nesting
 * deeper than `maxDepth`, invalid JSON, forbidden keys, characters illegal in XML and unsafe links.
 */
export function parsePackJson(name: string, bytes: Uint8Array, maxDepth: number): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    fail(`${name} is not valid UTF-8 text.`);
  }
  if (nestsDeeperThan(bytes, maxDepth)) fail(`${name} nests deeper than ${maxDepth} levels.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // The parser's own message differs between V8 versions; the stable message is the contract.
    fail(`${name} is not valid JSON.`);
  }
  checkValue(name, value, []);
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

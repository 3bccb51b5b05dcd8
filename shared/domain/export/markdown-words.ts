/**
 * A Markdown text's paragraphs and list items as a document prints them (the texts `markdownBlocks` makes,
 * each flattened to its printed string), without making blocks or runs for them: the participant-safety
 * check prints every text of a course to compare them, and most are plain.
 *
 * Lines are split, trimmed and grouped as `parseMarkdown` groups them. A paragraph that is plain text,
 * with placeholders, `**bold**` and `{snake_case}` names, is printed from the source where it stands;
 * anything else (links, references, single `*` or `_` emphasis, characters XML cannot hold) goes
 * through the document's own inline conversion (`paragraphInlines`), so what is printed here is always
 * what the document would print.
 */
import { own } from '../own';
import { cleanText } from './clean-text';
import { inlinesText, paragraphInlines, type PlaceholderValues } from './inline';
import type { PlanInline } from './plan';
import { PUBLIC_END_TEXT, PUBLIC_START_TEXT } from './words';

/** A paragraph's runs as printed, with each placeholder's value between `\uE000` and `\uE001`. */
export function markedText(inlines: readonly PlanInline[]): string {
  let text = '';
  for (const inline of inlines) text += inline.kind === 'placeholder' ? `${PUBLIC_START_TEXT}${inline.value ?? `{${inline.name}}`}${PUBLIC_END_TEXT}` : inline.text;
  return text;
}

/** What placeholders print, as `textInlines` fills them: the value trimmed and cleaned, or `{name}` when there is none. */
export class PlaceholderText {
  private readonly printed = new Map<string, string>();

  constructor(readonly values: PlaceholderValues) {}

  text(name: string): string {
    let text = this.printed.get(name);
    if (text === undefined) {
      const value = own(this.values, name)?.trim();
      this.printed.set(name, (text = value ? cleanText(value) : `{${name}}`));
    }
    return text;
  }
}

/** Characters that may make a paragraph more than plain text: emphasis, brackets, braces, and what `cleanText` removes. */
// eslint-disable-next-line no-control-regex -- control characters are what XML cannot hold
const SPECIAL = /[*_[\]{\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
// eslint-disable-next-line no-control-regex -- the same characters, one after the other
const SPECIALS = /[*_[\]{\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;
/** Same syntax as shared/domain/placeholders.ts. */
const PLACEHOLDER = /\{([a-z][a-z0-9_]{0,47})\}/y;

const WHITE_SPACE = /^\s$/u;
const PUNCTUATION = /^[\p{P}\p{S}]$/u;
/** As the inline parser decides, without a regular expression for ASCII. */
function isWhitespace(char: string): boolean {
  if (char.length !== 1) return char === '' || WHITE_SPACE.test(char);
  const code = char.charCodeAt(0);
  return code < 0x80 ? code === 0x20 || (code >= 0x09 && code <= 0x0d) : WHITE_SPACE.test(char);
}
function isPunctuation(char: string): boolean {
  if (char.length !== 1) return char !== '' && PUNCTUATION.test(char);
  const code = char.charCodeAt(0);
  // Every printable ASCII character other than letters and digits is punctuation or a symbol.
  if (code < 0x80) return code > 0x20 && code < 0x7f && !((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a));
  return PUNCTUATION.test(char);
}

/** The whole character before `at` ('' at the start), as the inline parser sees it. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const code = text.charCodeAt(at - 1);
  return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.slice(at - 1, at);
}

function charAt(text: string, at: number): string {
  // Never read past the end: an out-of-bounds read throws the optimised code away on a cold run.
  const code = at < text.length ? text.codePointAt(at) : undefined;
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** A placeholder (`name`), or a `**` that may open or close bold (`deleted` once paired: it is not printed). */
type Mark = { start: number; end: number; name?: string; deleted?: boolean };

/** Deeper nesting than this is left to the inline parser, which keeps the markers of runs nested too deep. */
const MAX_OPEN = 8;

/**
 * The placeholders and `**` markers of a paragraph, the `**` pairs that make bold marked deleted as
 * CommonMark pairs them; null when the paragraph needs the inline parser. With `**` as the only emphasis,
 * a closer pairs with the nearest opener still open, so a stack pairs them.
 */
function marksOf(text: string): Mark[] | null {
  const marks: Mark[] = [];
  const open: Mark[] = [];
  SPECIALS.lastIndex = 0;
  for (let found = SPECIALS.exec(text); found; found = SPECIALS.exec(text)) {
    const at = found.index;
    const code = text.charCodeAt(at);
    if (code === 0x7b) {
      PLACEHOLDER.lastIndex = at;
      const placeholder = PLACEHOLDER.exec(text);
      if (placeholder) {
        marks.push({ start: at, end: at + placeholder[0].length, name: placeholder[1] ?? '' });
        SPECIALS.lastIndex = at + placeholder[0].length;
      }
      continue;
    }
    if (code === 0x2a || code === 0x5f) {
      let end = at;
      while (end < text.length && text.charCodeAt(end) === code) end += 1;
      SPECIALS.lastIndex = end;
      const before = charBefore(text, at);
      const after = charAt(text, end);
      const left = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
      const right = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
      // Underscores inside words (snake_case) neither open nor close.
      const canOpen = code === 0x2a ? left : left && (!right || isPunctuation(before));
      const canClose = code === 0x2a ? right : right && (!left || isPunctuation(after));
      if (!canOpen && !canClose) continue;
      // Only `**` is paired here; `*`, `_` and longer runs are left to the parser.
      if (code !== 0x2a || end - at !== 2) return null;
      const mark: Mark = { start: at, end };
      marks.push(mark);
      const opener = canClose ? open.pop() : undefined;
      if (opener) opener.deleted = mark.deleted = true;
      else if (canOpen && open.push(mark) > MAX_OPEN) return null;
      continue;
    }
    // A surrogate pair is a character like any other; a lone half, brackets and control characters are not for here.
    const next = at + 1 < text.length ? text.charCodeAt(at + 1) : 0;
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      SPECIALS.lastIndex = at + 2;
      continue;
    }
    return null;
  }
  return marks;
}

/** One paragraph's text (its lines joined by spaces) as printed; `special`: whether it may hold a special character. */
function printed(text: string, special: boolean, placeholders: PlaceholderText, mark: boolean): string {
  if (!special || !SPECIAL.test(text)) return text;
  const marks = marksOf(text);
  if (marks === null) {
    const inlines = paragraphInlines(text, placeholders.values);
    return mark ? markedText(inlines) : inlinesText(inlines);
  }
  let out = '';
  let at = 0;
  for (let index = 0; index < marks.length; index += 1) {
    const { start, end, name, deleted } = marks[index] ?? { start: at, end: at };
    if (name === undefined && deleted !== true) continue;
    out += text.slice(at, start);
    at = end;
    if (name !== undefined) out += mark ? PUBLIC_START_TEXT + placeholders.text(name) + PUBLIC_END_TEXT : placeholders.text(name);
  }
  return out + text.slice(at);
}

/**
 * Where the content of a list item starts on a trimmed line, or -1 when the line is no item: "- " or "* ",
 * or up to nine digits and ". ", then a character that is not white space. Only a bullet or "1." may
 * interrupt a paragraph, so that a sentence wrapped before "1984. It was…" stays a sentence.
 */
function itemContent(line: string, inParagraph: boolean): number {
  const first = line.charCodeAt(0);
  let at = 1;
  if (first !== 0x2d && first !== 0x2a) {
    at = 0;
    while (at < line.length && at <= 9 && line.charCodeAt(at) >= 0x30 && line.charCodeAt(at) <= 0x39) at += 1;
    if (at === 0 || at > 9 || at >= line.length || line.charCodeAt(at) !== 0x2e) return -1;
    if (inParagraph && Number(line.slice(0, at)) !== 1) return -1;
    at += 1;
  }
  const marker = at;
  while (at < line.length && (line.charCodeAt(at) === 0x20 || line.charCodeAt(at) === 0x09)) at += 1;
  if (at === marker || at >= line.length || WHITE_SPACE.test(line.charAt(at))) return -1;
  return at;
}

const LINE_BREAK = /\r\n|\r|\n/;

/** A line's first or last character that `trim` may take away. */
function mayTrim(code: number): boolean {
  return code <= 0x20 || code >= 0x80;
}

/**
 * Pushes the printed text of each paragraph and list item of a Markdown text onto `out`, as
 * `markdownBlocks` would make them (an empty string for one that prints nothing); with `mark`, each
 * placeholder's value stands between `\uE000` and `\uE001`, so that its words can be told apart.
 */
export function printMarkdown(source: string, placeholders: PlaceholderText, mark: boolean, out: string[]): void {
  // Most texts hold no special character at all: then none of their paragraphs is looked at again.
  const special = SPECIAL.test(source);
  // Most participant texts are one line (titles, objectives, options) that starts and ends with a letter.
  // Reads past the end (of an empty text, of the lines) are avoided: each throws the optimised code away once.
  const opening = source.length > 0 ? source.charCodeAt(0) : 0;
  const closing = source.length > 0 ? source.charCodeAt(source.length - 1) : 0;
  if (source.length > 0 && !mayTrim(opening) && !mayTrim(closing) && opening !== 0x2d && opening !== 0x2a && !(opening >= 0x30 && opening <= 0x39) && !source.includes('\n') && !source.includes('\r')) {
    out.push(printed(source, special, placeholders, mark));
    return;
  }
  const lines = source.includes('\r') ? source.split(LINE_BREAK) : source.split('\n');
  // The lines of the paragraph or list item being gathered: `[first, first + count)` of `lines`.
  let first = 0;
  let count = 0;
  let paragraph = false;
  let list = false;
  let blankAfterItem = false;
  for (let index = 0; index <= lines.length; index += 1) {
    let line = index < lines.length ? (lines[index] ?? '') : '';
    if (index < lines.length && line !== '' && (mayTrim(line.charCodeAt(0)) || mayTrim(line.charCodeAt(line.length - 1)))) line = lines[index] = line.trim();
    // Past the last line, or a blank one: the paragraph (not a list, which goes on after a blank line) ends.
    const ends = index === lines.length || line === '' ? paragraph || (index === lines.length && list) : false;
    let content = -1;
    if (!ends && line !== '') {
      const code = line.charCodeAt(0);
      if (code === 0x2d || code === 0x2a || (code >= 0x30 && code <= 0x39)) content = itemContent(line, paragraph);
    }
    // A new item, or a line that is no continuation of a list item after a blank line, ends what was gathered.
    const closes = ends || (content >= 0 && (paragraph || list)) || (content < 0 && line !== '' && list && blankAfterItem);
    if (closes && count > 0) {
      const text = count === 1 ? (lines[first] ?? '') : lines.slice(first, first + count).join(' ');
      out.push(printed(text, special, placeholders, mark));
      count = 0;
    }
    if (index === lines.length) break;
    if (line === '') {
      paragraph = false;
      blankAfterItem = true;
      continue;
    }
    if (content >= 0) {
      paragraph = false;
      list = true;
      lines[index] = line.slice(content);
      first = index;
      count = 1;
      blankAfterItem = false;
      continue;
    }
    if (list && !blankAfterItem) {
      count += 1;
      continue;
    }
    list = false;
    if (!paragraph) {
      paragraph = true;
      first = index;
      count = 0;
    }
    count += 1;
  }
}

/**
 * The small, safe Markdown subset that module authors may use in long texts (lesson aims, activities,
 * trainer notes, handouts, marking guides).
 *
 * Supported: paragraphs (blank-line separated, soft line breaks), bullet lists ("- " / "* "), numbered
 * lists ("3. " keeps its start number), **strong**, *em* / _em_, [links](https://…) whose target is
 * http:, https: or mailto: (the target may not contain spaces), and references to parts of modules,
 * `[[handout:pocket-card]]` (see references/syntax.ts). Everything else is literal text: HTML is never
 * interpreted, "# x" is not a heading, and a link to any other scheme stays as the characters the author typed.
 *
 * The parser produces a plain data tree rather than HTML so that the renderer (React elements) and the
 * Word export can each build their own output without ever passing author text through an HTML parser.
 * The inline parser follows the CommonMark delimiter-stack algorithm, which is linear in practice, so a
 * hostile or broken 20,000-character text cannot stall the UI.
 */

import { parseRef, type TextRef } from './references/syntax';

export type Inline =
  | { kind: 'text'; text: string }
  /** A reference, printed with the numbering of where it is shown; `source` is what the author wrote. */
  | { kind: 'ref'; ref: TextRef; source: string }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'em'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'paragraph'; children: Inline[] } | { kind: 'list'; ordered: boolean; start: number; items: Inline[][] };

/** REFERENCE_PATTERN of references/syntax.ts, anchored where the parser stands. */
const REFERENCE_AT = /\[\[(module|lesson|handout|step|question):([a-z0-9./-]{1,130})(?:\|([^[\]|*_\n]{1,200}))?\]\]/y;

/** Real texts never nest emphasis more than two or three levels; the cap keeps renderers' recursion shallow on hostile input. */
const MAX_NESTING = 10;

/** Applied to a trimmed line. "\S" right after the spaces keeps "- " alone (an empty item) as text. */
const BULLET_ITEM = /^[-*][ \t]+(\S[\s\S]*)$/;
const NUMBERED_ITEM = /^(\d{1,9})\.[ \t]+(\S[\s\S]*)$/;

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * True only for absolute http:, https: and mailto: URLs. Whitespace, control characters and the
 * characters `<>"` are refused outright: they never occur unencoded in a real URL, and browsers silently
 * strip some of them, which is how "java\tscript:" tricks get past naive checks.
 */
export function isSafeHref(href: string): boolean {
  for (let index = 0; index < href.length; index += 1) {
    const code = href.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f || code === 0x22 || code === 0x3c || code === 0x3e) return false;
    if (/\s/u.test(href.charAt(index))) return false;
  }
  const colon = href.indexOf(':');
  if (colon <= 0) return false;
  const scheme = href.slice(0, colon).toLowerCase();
  if (!SAFE_SCHEMES.has(scheme)) return false;
  const rest = href.slice(colon + 1);
  if (scheme === 'mailto') return rest.length > 0;
  // A host is required: "https:foo" or "https:///x" would be resolved relative to the app.
  return /^\/\/[^/?#]/.test(rest);
}

type PendingList = { ordered: boolean; start: number; items: string[][] };

type ListMarker = { ordered: boolean; number: number; content: string };

function listMarker(line: string): ListMarker | null {
  const bullet = BULLET_ITEM.exec(line);
  if (bullet) return { ordered: false, number: 1, content: bullet[1] ?? '' };
  const numbered = NUMBERED_ITEM.exec(line);
  if (numbered) return { ordered: true, number: Number(numbered[1]), content: numbered[2] ?? '' };
  return null;
}

function paragraphBlock(lines: string[]): Block {
  return { kind: 'paragraph', children: parseInline(lines.join(' ')) };
}

function listBlock(list: PendingList): Block {
  return { kind: 'list', ordered: list.ordered, start: list.start, items: list.items.map((lines) => parseInline(lines.join(' '))) };
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  // At most one of these is open at a time: a paragraph line always closes the list before it.
  let paragraph: string[] = [];
  // Widened on purpose: with a plain annotation TypeScript narrows `list` to null inside the loop.
  let list = null as PendingList | null;
  // A blank line ends a list item's lazy continuation, but another item of the same kind continues the list.
  let blankAfterItem = false;

  for (const rawLine of source.split(/\r\n|\r|\n/)) {
    const line = rawLine.trim();
    if (line === '') {
      if (paragraph.length > 0) blocks.push(paragraphBlock(paragraph));
      paragraph = [];
      blankAfterItem = true;
      continue;
    }
    const marker = listMarker(line);
    // Only "1." may interrupt a paragraph, so a sentence wrapped before "1984. It was…" stays a sentence.
    const interruptsParagraph = marker !== null && (!marker.ordered || marker.number === 1);
    if (marker && (paragraph.length === 0 || interruptsParagraph)) {
      if (paragraph.length > 0) blocks.push(paragraphBlock(paragraph));
      paragraph = [];
      if (list?.ordered === marker.ordered) {
        list.items.push([marker.content]);
      } else {
        if (list) blocks.push(listBlock(list));
        list = { ordered: marker.ordered, start: marker.number, items: [[marker.content]] };
      }
      blankAfterItem = false;
      continue;
    }
    if (list) {
      const lastItem = list.items.at(-1);
      if (!blankAfterItem && lastItem) {
        lastItem.push(line);
        continue;
      }
      blocks.push(listBlock(list));
      list = null;
    }
    paragraph.push(line);
  }
  if (paragraph.length > 0) blocks.push(paragraphBlock(paragraph));
  if (list) blocks.push(listBlock(list));
  return blocks;
}

/** Text without markup, for search indexes and plain exports; link targets are dropped like other markup. */
export function markdownToPlainText(source: string): string {
  return parseMarkdown(source).map(blockText).join('\n\n');
}

function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return inlineText(block.children);
    case 'list':
      return block.items
        .map((item, index) => `${block.ordered ? `${block.start + index}.` : '-'} ${inlineText(item)}`)
        .join('\n');
  }
}

function inlineText(inlines: Inline[]): string {
  let text = '';
  for (const inline of inlines) {
    if (inline.kind === 'text') text += inline.text;
    // Plain text has no numbering to print a reference with; its fallback text is what it says.
    else if (inline.kind === 'ref') text += inline.ref.fallback ?? '';
    else text += inlineText(inline.children);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------
// Inline parsing: the CommonMark delimiter-stack algorithm, reduced to emphasis and inline links.
// ---------------------------------------------------------------------------------------------------

/**
 * A `group` holds pieces that would have nested too deeply: they stay flat text-level content, but are
 * moved as one unit so that hostile input like "*a *a *a … b*b*b*" does not re-walk them on every match.
 */
type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'inline'; inline: Inline; depth: number }
  | { kind: 'group'; pieces: Piece[]; depth: number };

/** A doubly linked list, because matching emphasis moves whole runs of pieces into a new parent. */
type Slot = { piece: Piece; prev: Slot | null; next: Slot | null };

type Delimiter = {
  slot: Slot;
  char: '*' | '_';
  count: number;
  originalCount: number;
  canOpen: boolean;
  canClose: boolean;
  prev: Delimiter | null;
  next: Delimiter | null;
};

type Bracket = { slot: Slot; start: number; delimiterBottom: Delimiter | null };

/** One paragraph's text (lines joined) as inlines: emphasis, links and references. */
export function parseInline(text: string): Inline[] {
  return new InlineParser(text).parse();
}

function textPiece(text: string): Piece {
  return { kind: 'text', text };
}

function depthOf(pieces: Piece[]): number {
  let depth = 0;
  for (const piece of pieces) if (piece.kind !== 'text' && piece.depth > depth) depth = piece.depth;
  return depth;
}

/** Merges neighbouring text and unpacks groups, without recursion because groups may nest deeply. */
function toInlines(pieces: Piece[]): Inline[] {
  const inlines: Inline[] = [];
  let pendingText = '';
  const stack: { pieces: Piece[]; index: number }[] = [{ pieces, index: 0 }];
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    const piece = frame.pieces[frame.index];
    if (piece === undefined) {
      stack.pop();
      continue;
    }
    frame.index += 1;
    if (piece.kind === 'group') {
      stack.push({ pieces: piece.pieces, index: 0 });
    } else if (piece.kind === 'text') {
      pendingText += piece.text;
    } else {
      if (pendingText !== '') inlines.push({ kind: 'text', text: pendingText });
      pendingText = '';
      inlines.push(piece.inline);
    }
  }
  if (pendingText !== '') inlines.push({ kind: 'text', text: pendingText });
  return inlines;
}

/** The whole character (surrogate pairs included) just before `index`, or '' at the start. */
function charBefore(text: string, index: number): string {
  if (index <= 0) return '';
  const code = text.charCodeAt(index - 1);
  const isLowSurrogate = code >= 0xdc00 && code <= 0xdfff;
  return isLowSurrogate && index >= 2 ? text.slice(index - 2, index) : text.slice(index - 1, index);
}

function charAt(text: string, index: number): string {
  const code = text.codePointAt(index);
  return code === undefined ? '' : String.fromCodePoint(code);
}

/** The start and end of the text count as whitespace, as in CommonMark. */
function isWhitespace(char: string): boolean {
  return char === '' || /^\s$/u.test(char);
}

function isPunctuation(char: string): boolean {
  return char !== '' && /^[\p{P}\p{S}]$/u.test(char);
}

/**
 * For every "(" the index of its balanced ")" (or -1), found in one pass. Whitespace ends a link target,
 * so parentheses never pair across it. Looking targets up here instead of scanning forward from each "]("
 * keeps input such as "[a](" repeated thousands of times linear.
 */
function matchParentheses(text: string): Int32Array {
  const closing = new Int32Array(text.length).fill(-1);
  const open: number[] = [];
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f) open.length = 0;
    else if (code === 0x28) open.push(index);
    else if (code === 0x29) {
      const start = open.pop();
      if (start !== undefined) closing[start] = index;
    }
  }
  return closing;
}

class InlineParser {
  private readonly text: string;
  private readonly head: Slot = { piece: textPiece(''), prev: null, next: null };
  private tail: Slot = this.head;
  private top: Delimiter | null = null;
  private readonly brackets: Bracket[] = [];
  /** Brackets below this stack index are inactive: a link may not contain another link. */
  private inactiveBelow = 0;
  /** Computed on the first "](" only, as most texts have no links. */
  private closingParens: Int32Array | null = null;

  constructor(text: string) {
    this.text = text;
  }

  parse(): Inline[] {
    const text = this.text;
    let index = 0;
    let textStart = 0;
    const special = /[*_[\]]/g;
    while (index < text.length) {
      // The search runs in the regular expression engine: most of a long text is plain, and walking it a
      // character at a time in script is most of the cost of converting a course's texts.
      special.lastIndex = index;
      const found = special.exec(text);
      if (!found) break;
      index = found.index;
      const char = text.charAt(index);
      if (textStart < index) this.append(textPiece(text.slice(textStart, index)));
      if (char === '*' || char === '_') index = this.delimiterRun(index, char);
      else if (char === '[') index = this.reference(index) ?? this.openBracket(index);
      else index = this.closeBracket(index);
      textStart = index;
    }
    if (textStart < text.length) this.append(textPiece(text.slice(textStart)));
    this.processEmphasis(null);
    return toInlines(this.detachAfter(this.head));
  }

  private delimiterRun(start: number, char: '*' | '_'): number {
    const text = this.text;
    let end = start;
    while (text[end] === char) end += 1;
    const before = charBefore(text, start);
    const after = charAt(text, end);
    const leftFlanking = !isWhitespace(after) && (!isPunctuation(after) || isWhitespace(before) || isPunctuation(before));
    const rightFlanking = !isWhitespace(before) && (!isPunctuation(before) || isWhitespace(after) || isPunctuation(after));
    // Underscores inside words (snake_case, {national_use_of_force_law}) must stay literal.
    const canOpen = char === '*' ? leftFlanking : leftFlanking && (!rightFlanking || isPunctuation(before));
    const canClose = char === '*' ? rightFlanking : rightFlanking && (!leftFlanking || isPunctuation(after));
    const slot = this.append(textPiece(text.slice(start, end)));
    if (canOpen || canClose) {
      const count = end - start;
      const delimiter: Delimiter = { slot, char, count, originalCount: count, canOpen, canClose, prev: this.top, next: null };
      if (this.top) this.top.next = delimiter;
      this.top = delimiter;
    }
    return end;
  }

  /** A well-formed `[[kind:target]]` at `index` becomes one reference; anything else is left to the bracket rules. */
  private reference(index: number): number | null {
    if (this.text.charCodeAt(index + 1) !== 0x5b) return null;
    REFERENCE_AT.lastIndex = index;
    const match = REFERENCE_AT.exec(this.text);
    const ref = match ? parseRef(match[1] ?? '', match[2] ?? '', match[3]) : null;
    if (!match || !ref) return null;
    this.append({ kind: 'inline', inline: { kind: 'ref', ref, source: match[0] }, depth: 1 });
    return index + match[0].length;
  }

  private openBracket(index: number): number {
    const slot = this.append(textPiece('['));
    this.brackets.push({ slot, start: index, delimiterBottom: this.top });
    return index + 1;
  }

  private popBracket(): void {
    this.brackets.pop();
    this.inactiveBelow = Math.min(this.inactiveBelow, this.brackets.length);
  }

  private closeBracket(index: number): number {
    const opener = this.brackets.at(-1);
    if (!opener) {
      this.append(textPiece(']'));
      return index + 1;
    }
    const active = this.brackets.length - 1 >= this.inactiveBelow;
    const destination = active ? this.linkDestination(index + 1) : null;
    this.popBracket();
    if (!destination) {
      this.append(textPiece(']'));
      return index + 1;
    }
    if (!isSafeHref(destination.href)) {
      // Show exactly what the author typed, markup inside the brackets included, so nothing is hidden.
      while (this.top !== null && this.top !== opener.delimiterBottom) this.removeDelimiter(this.top);
      this.detachAfter(opener.slot);
      opener.slot.piece = textPiece(this.text.slice(opener.start, destination.end));
      return destination.end;
    }
    this.processEmphasis(opener.delimiterBottom);
    const pieces = this.detachAfter(opener.slot);
    const children = toInlines(pieces);
    opener.slot.piece = {
      kind: 'inline',
      inline: { kind: 'link', href: destination.href, children: children.length > 0 ? children : [{ kind: 'text', text: destination.href }] },
      depth: depthOf(pieces) + 1,
    };
    this.inactiveBelow = this.brackets.length;
    return destination.end;
  }

  /** "(target)" right after "]": balanced parentheses belong to the target (Wikipedia's "Foo_(bar)"). */
  private linkDestination(open: number): { href: string; end: number } | null {
    if (this.text[open] !== '(') return null;
    this.closingParens ??= matchParentheses(this.text);
    const close = this.closingParens[open] ?? -1;
    if (close < 0) return null;
    return { href: this.text.slice(open + 1, close), end: close + 1 };
  }

  private processEmphasis(bottom: Delimiter | null): void {
    let closer: Delimiter | null = null;
    for (let delimiter = this.top; delimiter !== null && delimiter !== bottom; delimiter = delimiter.prev) closer = delimiter;
    // Where the search for an opener of each kind may stop, so failed searches are not repeated (linear time).
    const openersBottom = new Map<string, Delimiter | null>();

    while (closer !== null) {
      if (!closer.canClose) {
        closer = closer.next;
        continue;
      }
      const key = `${closer.char}${closer.canOpen ? 'o' : '-'}${closer.originalCount % 3}`;
      const limit = openersBottom.get(key) ?? bottom;
      let opener: Delimiter | null = closer.prev;
      while (opener !== null && opener !== bottom && opener !== limit && !this.matches(opener, closer)) opener = opener.prev;

      if (opener === null || opener === bottom || opener === limit) {
        openersBottom.set(key, closer.prev);
        const next: Delimiter | null = closer.next;
        if (!closer.canOpen) this.removeDelimiter(closer);
        closer = next;
        continue;
      }

      const use = closer.count >= 2 && opener.count >= 2 ? 2 : 1;
      opener.count -= use;
      closer.count -= use;
      opener.slot.piece = textPiece(opener.char.repeat(opener.count));
      closer.slot.piece = textPiece(closer.char.repeat(closer.count));

      for (let inner = closer.prev; inner !== null && inner !== opener; ) {
        const below: Delimiter | null = inner.prev;
        this.removeDelimiter(inner);
        inner = below;
      }

      const children = this.detachBetween(opener.slot, closer.slot);
      const depth = depthOf(children) + 1;
      if (depth > MAX_NESTING) {
        const marker = textPiece(opener.char.repeat(use));
        this.insertAfter(opener.slot, { kind: 'group', pieces: [marker, ...children, marker], depth: depth - 1 });
      } else {
        const inline: Inline = use === 2 ? { kind: 'strong', children: toInlines(children) } : { kind: 'em', children: toInlines(children) };
        this.insertAfter(opener.slot, { kind: 'inline', inline, depth });
      }

      if (opener.count === 0) {
        this.removeSlot(opener.slot);
        this.removeDelimiter(opener);
      }
      if (closer.count === 0) {
        const next: Delimiter | null = closer.next;
        this.removeSlot(closer.slot);
        this.removeDelimiter(closer);
        closer = next;
      }
    }
    while (this.top !== null && this.top !== bottom) this.removeDelimiter(this.top);
  }

  private matches(opener: Delimiter, closer: Delimiter): boolean {
    if (!opener.canOpen || opener.char !== closer.char) return false;
    // CommonMark's "rule of three": keeps "*foo**bar**baz*" from pairing the wrong runs.
    const bothSides = closer.canOpen || opener.canClose;
    const oddMatch =
      bothSides &&
      (opener.originalCount + closer.originalCount) % 3 === 0 &&
      !(opener.originalCount % 3 === 0 && closer.originalCount % 3 === 0);
    return !oddMatch;
  }

  private append(piece: Piece): Slot {
    return this.insertAfter(this.tail, piece);
  }

  private insertAfter(slot: Slot, piece: Piece): Slot {
    const inserted: Slot = { piece, prev: slot, next: slot.next };
    if (slot.next) slot.next.prev = inserted;
    else this.tail = inserted;
    slot.next = inserted;
    return inserted;
  }

  private removeSlot(slot: Slot): void {
    if (slot.prev) slot.prev.next = slot.next;
    if (slot.next) slot.next.prev = slot.prev;
    else if (slot.prev) this.tail = slot.prev;
  }

  /** Unlinks everything after `slot` and returns it in order. */
  private detachAfter(slot: Slot): Piece[] {
    const pieces: Piece[] = [];
    for (let current = slot.next; current !== null; current = current.next) pieces.push(current.piece);
    slot.next = null;
    this.tail = slot;
    return pieces;
  }

  /** Unlinks everything strictly between `first` and `last` and returns it in order. */
  private detachBetween(first: Slot, last: Slot): Piece[] {
    const pieces: Piece[] = [];
    for (let current = first.next; current !== null && current !== last; current = current.next) pieces.push(current.piece);
    first.next = last;
    last.prev = first;
    return pieces;
  }

  private removeDelimiter(delimiter: Delimiter): void {
    if (delimiter.prev) delimiter.prev.next = delimiter.next;
    if (delimiter.next) delimiter.next.prev = delimiter.prev;
    else this.top = delimiter.prev;
  }
}

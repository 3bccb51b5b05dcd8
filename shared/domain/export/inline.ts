/**
 * Author text → plan blocks. Long texts use the Markdown subset of shared/domain/markdown.ts; the parsed
 * tree becomes paragraphs and lists of runs, with emphasis carried as run flags (so no literal asterisks
 * reach the document) and `{placeholder}`s split out so renderers can show unfilled ones. Every string is
 * cleaned of characters XML cannot hold.
 */
import { isSafeHref, parseInline, parseMarkdown, type Inline } from '../markdown';
import { own } from '../own';
import { cleanText } from './clean-text';
import type { PlanInline, PlanList, PlanParagraph } from './plan';

/** Placeholder values of the curriculum being exported. */
export type PlaceholderValues = Readonly<Record<string, string>>;

type Marks = { bold: boolean; italic: boolean };

const PLAIN: Marks = { bold: false, italic: false };

/** Same syntax as shared/domain/placeholders.ts; a fresh global regex per call keeps `lastIndex` local. */
const placeholderPattern = (): RegExp => /\{([a-z][a-z0-9_]{0,47})\}/g;

function withMarks<T extends PlanInline>(inline: T, marks: Marks): T {
  if (marks.bold) inline.bold = true;
  if (marks.italic) inline.italic = true;
  return inline;
}

/** Plain (not Markdown) text as runs: placeholders split out and filled where the curriculum has a value. */
export function textInlines(text: string, values: PlaceholderValues, marks: Marks = PLAIN): PlanInline[] {
  const clean = cleanText(text);
  const inlines: PlanInline[] = [];
  let last = 0;
  for (const match of clean.matchAll(placeholderPattern())) {
    const name = match[1] ?? '';
    if (match.index > last) inlines.push(withMarks({ kind: 'text', text: clean.slice(last, match.index) }, marks));
    const value = own(values, name)?.trim();
    inlines.push(withMarks(value ? { kind: 'placeholder', name, value: cleanText(value) } : { kind: 'placeholder', name }, marks));
    last = match.index + match[0].length;
  }
  if (last < clean.length) inlines.push(withMarks({ kind: 'text', text: clean.slice(last) }, marks));
  return inlines;
}

/** Text of runs as printed: placeholders show their value, or `{name}` when unfilled. */
export function inlinesText(inlines: readonly PlanInline[]): string {
  let text = '';
  for (const inline of inlines) text += inline.kind === 'placeholder' ? (inline.value ?? `{${inline.name}}`) : inline.text;
  return text;
}

function convertInlines(source: readonly Inline[], values: PlaceholderValues, marks: Marks, out: PlanInline[]): void {
  for (const inline of source) {
    switch (inline.kind) {
      case 'text':
        out.push(...textInlines(inline.text, values, marks));
        break;
      case 'ref':
        // Documents print references before their texts are parsed (references/resolve.ts); one left here
        // could not be resolved where it stands, so its fallback is what a reader can use.
        out.push(...textInlines(inline.ref.fallback ?? inline.source, values, marks));
        break;
      case 'strong':
        convertInlines(inline.children, values, { ...marks, bold: true }, out);
        break;
      case 'em':
        convertInlines(inline.children, values, { ...marks, italic: true }, out);
        break;
      case 'link': {
        const inner: PlanInline[] = [];
        convertInlines(inline.children, values, marks, inner);
        // The parser already refuses other schemes; checked again because a link is where harm would be done.
        if (!isSafeHref(inline.href)) {
          out.push(...inner);
          break;
        }
        const href = cleanText(inline.href);
        // A link run carries one set of flags: emphasis inside the brackets applies to the whole link.
        const linkMarks = { bold: inner.some((i) => i.bold === true) || marks.bold, italic: inner.some((i) => i.italic === true) || marks.italic };
        out.push(withMarks({ kind: 'link', text: inlinesText(inner) || href, href }, linkMarks));
        break;
      }
    }
  }
}

/** Adjacent text runs with the same flags become one, so renderers write fewer runs. */
function mergeRuns(inlines: PlanInline[]): PlanInline[] {
  const merged: PlanInline[] = [];
  for (const inline of inlines) {
    const previous = merged.at(-1);
    if (inline.kind === 'text' && inline.text === '') continue;
    if (previous?.kind === 'text' && inline.kind === 'text' && previous.bold === inline.bold && previous.italic === inline.italic)
      previous.text += inline.text;
    else merged.push(inline);
  }
  return merged;
}

/** Runs of one paragraph or list item of a Markdown text, its lines joined by spaces, as `markdownBlocks` makes them. */
export function paragraphInlines(text: string, values: PlaceholderValues): PlanInline[] {
  const out: PlanInline[] = [];
  convertInlines(parseInline(text), values, PLAIN, out);
  return mergeRuns(out);
}

/**
 * Converted texts per placeholder-values object, that is per curriculum. Courses repeat texts (the same
 * step text in the full document and in the safety check, modules taught twice, benchmark courses), and
 * parsing Markdown is most of an export's cost. Cached blocks are shared between the places that print
 * them, so nothing may mutate a block or run it receives from here; the arrays returned are fresh.
 */
type Converted = readonly (PlanParagraph | PlanList)[] | readonly PlanInline[];

// Keyed by kind and then by the source string itself: a Map hashes a string once and keeps the hash, where
// a concatenated key would be hashed afresh, character by character, on every lookup.
const converted = new WeakMap<PlaceholderValues, Map<string, Map<string, Converted>>>();

function memo<T extends Converted>(values: PlaceholderValues, kind: string, source: string, convert: () => T): T {
  let byKind = converted.get(values);
  if (!byKind) converted.set(values, (byKind = new Map<string, Map<string, Converted>>()));
  let cache = byKind.get(kind);
  if (!cache) byKind.set(kind, (cache = new Map<string, Converted>()));
  const hit = cache.get(source) as T | undefined;
  if (hit) return hit;
  const value = convert();
  cache.set(source, value);
  return value;
}

/** Runs of one line of Markdown (a title, a list entry): emphasis, links and placeholders, no blocks. */
export function markdownInlines(source: string, values: PlaceholderValues): PlanInline[] {
  return [...memo(values, 'inline', source, () => convertLine(source, values))];
}

function convertLine(source: string, values: PlaceholderValues): readonly PlanInline[] {
  const out: PlanInline[] = [];
  for (const block of parseMarkdown(source)) {
    if (out.length > 0) out.push({ kind: 'text', text: ' ' });
    if (block.kind === 'paragraph') convertInlines(block.children, values, PLAIN, out);
    else
      block.items.forEach((item, index) => {
        if (index > 0) out.push({ kind: 'text', text: ' ' });
        convertInlines(item, values, PLAIN, out);
      });
  }
  return mergeRuns(out);
}

/**
 * A long Markdown text as paragraphs (in `style`) and lists; an empty text gives no blocks. The array is
 * the caller's, the blocks in it are shared and must not be changed (replace one instead).
 */
export function markdownBlocks(source: string, values: PlaceholderValues, style?: PlanParagraph['style']): (PlanParagraph | PlanList)[] {
  return [...memo(values, style ?? 'block', source, () => convertBlocks(source, values, style))];
}

function convertBlocks(source: string, values: PlaceholderValues, style?: PlanParagraph['style']): readonly (PlanParagraph | PlanList)[] {
  const blocks = parseMarkdown(source).map((block): PlanParagraph | PlanList => {
    if (block.kind === 'list')
      return {
        kind: 'list',
        ordered: block.ordered,
        start: block.start,
        items: block.items.map((item) => {
          const out: PlanInline[] = [];
          convertInlines(item, values, PLAIN, out);
          return mergeRuns(out);
        }),
        // A trainer note's lists belong in its box with its paragraphs.
        ...(style === 'note' ? { style } : {}),
      };
    const out: PlanInline[] = [];
    convertInlines(block.children, values, PLAIN, out);
    return { kind: 'paragraph', inlines: mergeRuns(out), ...(style ? { style } : {}) };
  });
  // Text made only of characters XML cannot hold is empty once cleaned; an empty paragraph would print a blank line.
  return blocks.filter((block) => (block.kind === 'paragraph' ? block.inlines.length > 0 : block.items.some((item) => item.length > 0)));
}

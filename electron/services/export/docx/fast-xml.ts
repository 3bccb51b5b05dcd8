/**
 * WordprocessingML for the document body, written directly as text: headings, paragraphs, list items,
 * hyperlinks and (with `table-xml.ts`) tables. A curriculum of 40 modules has some 17,000 list items and 7,000
 * table cells; as docx components each would cost a dozen objects, a tree walk and a second object tree for
 * the serialiser, which made rendering slow and memory-hungry. Text is one string per paragraph instead, and
 * `body-slots.ts` and `render-docx.ts` put it into the package the docx package writes around it.
 *
 * Rules this file keeps: every text goes through `xmlSafe` and is escaped; element order inside pPr and rPr
 * follows the OOXML schema, as Word requires; list items refer to our own numbering part (`numbering.ts`)
 * and links to relationships collected by `hyperlinks.ts`.
 */
import type { PlanInline } from '../../../../shared/domain/export/plan';
import type { Hyperlinks } from './hyperlinks';
import type { DirectionSettings } from './rtl';
import { isSafeHref, xmlSafe } from './text';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text escaped for element content or a double-quoted attribute. */
export function escapeXml(text: string): string {
  return /[&<>"]/.test(text) ? text.replace(/[&<>"]/g, (char) => ESCAPES[char] ?? char) : text;
}

type RunFormat = { bold?: boolean | undefined; italic?: boolean | undefined; highlight?: boolean; hyperlink?: boolean };

/**
 * The rPr of every combination of formats, by a bit mask: there are only 32, so each is written once and
 * runs share the string (rStyle, b, bCs, i, iCs, highlight, rtl is the schema order).
 */
const RUN_PROPERTIES: readonly string[] = Array.from({ length: 32 }, (_, mask) => {
  const properties =
    (mask & 16 ? '<w:rStyle w:val="Hyperlink"/>' : '') +
    (mask & 1 ? '<w:b/><w:bCs/>' : '') +
    (mask & 2 ? '<w:i/><w:iCs/>' : '') +
    (mask & 4 ? '<w:highlight w:val="yellow"/>' : '') +
    (mask & 8 ? '<w:rtl/>' : '');
  return properties === '' ? '' : `<w:rPr>${properties}</w:rPr>`;
});

function runProperties(format: RunFormat, rtl: boolean): string {
  const mask = (format.bold ? 1 : 0) | (format.italic ? 2 : 0) | (format.highlight ? 4 : 0) | (rtl ? 8 : 0) | (format.hyperlink ? 16 : 0);
  return RUN_PROPERTIES[mask] ?? '';
}

/** Runs of text. A newline becomes a line break rather than a space, so addresses and short verses keep their lines. */
function runs(text: string, format: RunFormat, dir: DirectionSettings): string {
  const rPr = runProperties(format, dir.rtl);
  const safe = xmlSafe(text);
  if (!/[\r\n]/.test(safe)) return `<w:r>${rPr}<w:t xml:space="preserve">${escapeXml(safe)}</w:t></w:r>`;
  return safe
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, index) => `<w:r>${rPr}${index > 0 ? '<w:br/>' : ''}<w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r>`)
    .join('');
}

/**
 * The runs of inlines: text, placeholders and links. A link whose scheme is safe (checked again here,
 * whoever built the plan) becomes a w:hyperlink in the Hyperlink style; any other link stays plain text.
 */
export function inlineRunsXml(inlines: readonly PlanInline[], dir: DirectionSettings, links: Hyperlinks): string {
  let out = '';
  for (const inline of dir.typeset.paragraph(inlines)) {
    const format: RunFormat = { bold: inline.bold, italic: inline.italic };
    switch (inline.kind) {
      case 'text':
        out += runs(dir.typeset.text(inline.text), format, dir);
        break;
      case 'link':
        out += isSafeHref(inline.href)
          ? `<w:hyperlink r:id="${links.register(inline.href)}" w:history="1">${runs(dir.typeset.link(inline.text), { ...format, hyperlink: true }, dir)}</w:hyperlink>`
          : runs(dir.typeset.link(inline.text), format, dir);
        break;
      case 'placeholder':
        // An unfilled placeholder is shown, highlighted, so nobody prints a document with a gap in it unawares.
        out +=
          inline.value !== undefined
            ? runs(dir.typeset.placeholder(inline.value), format, dir)
            : runs(dir.typeset.placeholder(`{${inline.name}}`), { ...format, highlight: true }, dir);
        break;
    }
  }
  return out;
}

/** Paragraph properties the fast path writes; everything else comes from the paragraph's style. */
export type ParagraphSettings = {
  /** A style id (ours, from `STYLE`). */
  style?: string | undefined;
  /** Keep on the same page as the next paragraph (a question with its answer lines, ruled lines together). */
  keepNext?: boolean;
  /** Keep every line of the paragraph on one page (ruled lines, which are one paragraph). */
  keepLines?: boolean;
  pageBreakBefore?: boolean;
  /** A list item: the list's numbering instance (w:numId), at the list's only level. */
  numId?: number;
  /** Spacing in twips; `exactLine` sets an exact line height. */
  spacing?: { before?: number; after?: number; exactLine?: number };
  /** A tab stop at the end of the line (in twips from the start), with a dotted leader: contents entries' page numbers. */
  endTab?: number;
  /** A tab stop at the end of the line (in twips from the start) whose underscore leader draws a ruled line. */
  ruleTab?: number;
};

function spacingXml(spacing: NonNullable<ParagraphSettings['spacing']>): string {
  const after = spacing.after === undefined ? '' : ` w:after="${String(spacing.after)}"`;
  const before = spacing.before === undefined ? '' : ` w:before="${String(spacing.before)}"`;
  const line = spacing.exactLine === undefined ? '' : ` w:line="${String(spacing.exactLine)}" w:lineRule="exact"`;
  return `<w:spacing${after}${before}${line}/>`;
}

/** A paragraph in the document's direction; pPr children in schema order (pStyle, keepNext, keepLines, pageBreakBefore, numPr, tabs, bidi, spacing). */
export function paragraphXml(settings: ParagraphSettings, content: string, dir: DirectionSettings): string {
  let pPr = '';
  if (settings.style) pPr += `<w:pStyle w:val="${escapeXml(settings.style)}"/>`;
  if (settings.keepNext) pPr += '<w:keepNext/>';
  if (settings.keepLines) pPr += '<w:keepLines/>';
  if (settings.pageBreakBefore) pPr += '<w:pageBreakBefore/>';
  if (settings.numId !== undefined) pPr += `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${String(settings.numId)}"/></w:numPr>`;
  if (settings.endTab !== undefined) pPr += `<w:tabs><w:tab w:val="${dir.rtl ? 'end' : 'right'}" w:leader="dot" w:pos="${String(settings.endTab)}"/></w:tabs>`;
  else if (settings.ruleTab !== undefined) pPr += `<w:tabs><w:tab w:val="${dir.rtl ? 'end' : 'right'}" w:leader="underscore" w:pos="${String(settings.ruleTab)}"/></w:tabs>`;
  if (dir.rtl) pPr += '<w:bidi/>';
  if (settings.spacing) pPr += spacingXml(settings.spacing);
  return pPr === '' ? `<w:p>${content}</w:p>` : `<w:p><w:pPr>${pPr}</w:pPr>${content}</w:p>`;
}

/** Runs of plain text (a heading, a label), in the document's typography. */
export function textRunsXml(text: string, dir: DirectionSettings, format: RunFormat = {}): string {
  return runs(dir.typeset.text(text), format, dir);
}

/** A paragraph of plain text, in the document's typography. */
export function textParagraphXml(settings: ParagraphSettings, text: string, dir: DirectionSettings, format: RunFormat = {}): string {
  return paragraphXml(settings, runs(dir.typeset.text(text), format, dir), dir);
}

/**
 * Paragraph-level blocks: headings, styled paragraphs, lists and ruled lines, in the document's direction,
 * written as body XML (`fast-xml.ts`). List items refer to the list's numbering instance (`numbering.ts`).
 * The few paragraphs the docx package still writes (cover, contents, header, footer) use `paragraph`.
 */
import { Paragraph, type IParagraphOptions } from 'docx';
import { AppError } from '../../../../shared/errors';
import type { PlanHeading, PlanInline, PlanList, PlanMarks, PlanParagraph } from '../../../../shared/domain/export/plan';
import { contentsBookmark, type RenderContext } from './context';
import { inlineRunsXml, paragraphXml, textParagraphXml, textRunsXml, type ParagraphSettings } from './fast-xml';
import { paragraphDirection } from './rtl';
import { COLOR, STYLE } from './styles';

/** Ruled lines per block at most: enough for a page of notes, and a cap on what a bad plan can inflate. */
export const MAX_RULED_LINES = 60;

/** A docx paragraph in the document's direction (bidirectional in right-to-left documents). */
export function paragraph(ctx: RenderContext, options: Omit<IParagraphOptions, 'bidirectional'>): Paragraph {
  return new Paragraph({ ...options, ...paragraphDirection(ctx.dir) });
}

/**
 * Where a block sits: whether it opens a page, whether it must stay on the page of what follows (a paragraph
 * before ruled lines), and, inside a table cell, the style its body text takes (table text, or table header
 * text in a header row).
 */
export type Placement = { breakBefore: boolean; keepNext?: boolean; cellStyle?: string };

const PARAGRAPH_STYLES: Record<NonNullable<PlanParagraph['style']>, string | undefined> = {
  body: undefined,
  note: STYLE.note,
  caption: STYLE.caption,
  small: STYLE.tableText,
  warning: STYLE.warning,
  subtitle: STYLE.subtitle,
};

/** The paragraph style of a plan paragraph; body text in a table cell takes the cell's style. */
export function paragraphStyle(block: PlanParagraph, at: Placement): string | undefined {
  return PARAGRAPH_STYLES[block.style ?? 'body'] ?? at.cellStyle;
}

function headingStyle(heading: PlanHeading): string {
  const index = heading.level - 1;
  if (heading.level === 3) return STYLE.heading[2];
  return (heading.toc ? STYLE.heading[index] : STYLE.headingOutsideToc[index]) ?? STYLE.heading[0];
}

/**
 * "Module 2 – Use of force": the number and the title in one heading paragraph. A heading in the contents
 * is bookmarked, so that its entry there can show its page number.
 */
export function renderHeading(heading: PlanHeading, ctx: RenderContext, at: Placement): string {
  const title = heading.number ? `${heading.number} – ${heading.text}` : heading.text;
  const settings = { style: headingStyle(heading), pageBreakBefore: at.breakBefore };
  if (!ctx.contents || !heading.toc || heading.level === 3) return textParagraphXml(settings, title, ctx.dir);
  const index = ctx.contents.written;
  ctx.contents.written += 1;
  const name = contentsBookmark(index);
  return paragraphXml(settings, `<w:bookmarkStart w:id="${String(index + 1)}" w:name="${name}"/>${textRunsXml(title, ctx.dir)}<w:bookmarkEnd w:id="${String(index + 1)}"/>`, ctx.dir);
}

/** A paragraph of runs, with the round-trip bookmarks that open before its runs and close after them. */
function inlineParagraph(settings: ParagraphSettings, inlines: readonly PlanInline[], ctx: RenderContext, marks?: PlanMarks): string {
  const runs = inlineRunsXml(inlines, ctx.dir, ctx.links);
  return paragraphXml(settings, marks ? ctx.marks.starts(marks.start) + runs + ctx.marks.ends(marks.end) : runs, ctx.dir);
}

/** A paragraph with its plan style. */
export function renderParagraph(block: PlanParagraph, ctx: RenderContext, at: Placement): string {
  return inlineParagraph({ style: paragraphStyle(block, at), keepNext: at.keepNext === true, pageBreakBefore: at.breakBefore }, block.inlines, ctx, block.marks);
}

/**
 * A bullet or numbered list: its items refer to one numbering instance, so numbered lists restart at their
 * `start`. In a table cell items take the cell's text style, elsewhere the list paragraph style.
 */
export function renderList(list: PlanList, ctx: RenderContext, at: Placement): string[] {
  if (list.items.length === 0) return [];
  const numId = ctx.numbering.newList(list.ordered, list.start);
  const style = at.cellStyle ?? STYLE.listParagraph;
  // A list kept with what follows it (a question's) keeps every item with the next.
  return list.items.map((item, index) =>
    inlineParagraph({ style, numId, keepNext: at.keepNext === true, pageBreakBefore: at.breakBefore && index === 0 }, item, ctx, list.itemMarks?.[index]),
  );
}

/**
 * Empty ruled lines to write on: one paragraph of line breaks, each line a tab whose underscore leader
 * draws the rule across the text width. One paragraph kept whole (keepLines) holds together in Word and in
 * LibreOffice alike; ruled lines as one paragraph each, chained by keep-with-next, were split by
 * LibreOffice, which left the last rules of a question alone on a page that looked blank.
 */
export function renderLines(count: number, ctx: RenderContext, at: Placement): string[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_RULED_LINES) {
    throw new AppError('invalid-argument', `A lines block must have 0 to ${String(MAX_RULED_LINES)} lines, not ${String(count)}`);
  }
  if (count === 0) return [];
  // Right to left like every other run of an Arabic document.
  const rule = `<w:r><w:rPr><w:color w:val="${COLOR.rule}"/>${ctx.dir.rtl ? '<w:rtl/>' : ''}</w:rPr><w:tab/></w:r>`;
  const content = Array.from({ length: count }, () => rule).join('<w:r><w:br/></w:r>');
  return [paragraphXml({ style: STYLE.ruledLine, keepNext: at.keepNext === true, keepLines: true, pageBreakBefore: at.breakBefore, ruleTab: ctx.textWidth }, content, ctx.dir)];
}

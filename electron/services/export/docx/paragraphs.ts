/** Paragraph-level blocks: headings, styled paragraphs, lists and ruled lines, in the document's direction. */
import { Paragraph, type IParagraphOptions } from 'docx';
import { AppError } from '../../../../shared/errors';
import type { PlanHeading, PlanList, PlanParagraph } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { inlineRuns, textRuns } from './inlines';
import { paragraphDirection } from './rtl';
import { STYLE } from './styles';

/** Ruled lines per block at most: enough for a page of notes, and a cap on what a bad plan can inflate. */
export const MAX_RULED_LINES = 60;

/** A paragraph in the document's direction (bidirectional in right-to-left documents). */
export function paragraph(ctx: RenderContext, options: Omit<IParagraphOptions, 'bidirectional'>): Paragraph {
  return new Paragraph({ ...options, ...paragraphDirection(ctx.dir) });
}

/**
 * Where a block sits: whether it opens a page, and, inside a table cell, the style its body text takes
 * (table text, or table header text in a header row).
 */
export type Placement = { breakBefore: boolean; cellStyle?: string };

const PARAGRAPH_STYLES: Record<NonNullable<PlanParagraph['style']>, string | undefined> = {
  body: undefined,
  note: STYLE.note,
  caption: STYLE.caption,
  small: STYLE.tableText,
  warning: STYLE.warning,
  subtitle: STYLE.subtitle,
};

function headingStyle(heading: PlanHeading): string {
  if (heading.level === 3) return STYLE.heading[2];
  return heading.toc ? STYLE.heading[heading.level - 1] ?? STYLE.heading[0] : STYLE.headingOutsideToc[heading.level - 1] ?? STYLE.headingOutsideToc[0];
}

/** "Module 2 – Use of force": the number and the title in one heading paragraph. */
export function renderHeading(heading: PlanHeading, ctx: RenderContext, at: Placement): Paragraph {
  const title = heading.number ? `${heading.number} – ${heading.text}` : heading.text;
  return paragraph(ctx, { style: headingStyle(heading), children: textRuns(title, ctx.dir), pageBreakBefore: at.breakBefore });
}

/** A paragraph with its plan style; body text in a table cell takes the smaller table text style. */
export function renderParagraph(block: PlanParagraph, ctx: RenderContext, at: Placement): Paragraph {
  const style = PARAGRAPH_STYLES[block.style ?? 'body'] ?? at.cellStyle;
  return paragraph(ctx, {
    ...(style ? { style } : {}),
    children: inlineRuns(block.inlines, ctx),
    pageBreakBefore: at.breakBefore,
  });
}

/** A bullet or numbered list: one numbering instance per list, so numbered lists restart at their `start`. */
export function renderList(list: PlanList, ctx: RenderContext, at: Placement): Paragraph[] {
  if (list.items.length === 0) return [];
  const numbering = ctx.numbering.newList(list.ordered, list.start);
  return list.items.map((item, index) =>
    paragraph(ctx, {
      numbering,
      ...(at.cellStyle ? { style: at.cellStyle } : {}),
      children: inlineRuns(item, ctx),
      pageBreakBefore: at.breakBefore && index === 0,
    }),
  );
}

/** Empty ruled lines to write on: paragraphs whose bottom (and between) borders draw the rules. */
export function renderLines(count: number, ctx: RenderContext, at: Placement): Paragraph[] {
  if (!Number.isInteger(count) || count < 0 || count > MAX_RULED_LINES) {
    throw new AppError('invalid-argument', `A lines block must have 0 to ${String(MAX_RULED_LINES)} lines, not ${String(count)}`);
  }
  return Array.from({ length: count }, (_, index) =>
    paragraph(ctx, { style: STYLE.ruledLine, children: [], pageBreakBefore: at.breakBefore && index === 0 }),
  );
}

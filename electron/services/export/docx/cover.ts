/**
 * The cover page: optional logo, the kind of document, title, subtitle and the key facts (organisation,
 * version, status, date). It is the first page, so it has no running header or footer.
 */
import type { Paragraph } from 'docx';
import { HighlightColor, ImageRun } from 'docx';
import { AppError } from '../../../../shared/errors';
import type { ExportPlan, PlanBlock, PlanCover, PlanInline } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { hasUnfilledPlaceholder, textRuns } from './inlines';
import type { FrameChild } from './body-slots';
import { paragraph } from './paragraphs';
import { STYLE } from './styles';
import { factsTable } from './tables';

/** The widest and tallest a logo is printed, in pixels at 96 dpi (about 6 × 3 cm). */
const LOGO_BOX = { width: 227, height: 113 };

function logoParagraph(logo: NonNullable<PlanCover['logo']>, ctx: RenderContext): Paragraph {
  const data = Buffer.from(logo.base64, 'base64');
  if (data.length === 0 || !(logo.width > 0) || !(logo.height > 0)) {
    throw new AppError('invalid-argument', 'The cover logo is empty or has no size');
  }
  // Fit the logo in its box, keeping its proportions; never enlarge a small logo.
  const scale = Math.min(1, LOGO_BOX.width / logo.width, LOGO_BOX.height / logo.height);
  const transformation = { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) };
  return paragraph(ctx, { spacing: { after: 480 }, children: [new ImageRun({ type: logo.type, data, transformation })] });
}

function blockInlines(block: PlanBlock): PlanInline[][] {
  switch (block.kind) {
    case 'paragraph':
      return [block.inlines];
    case 'list':
      return block.items;
    case 'facts':
      return block.rows.map((row) => row.value);
    case 'table':
      return [...block.header, ...block.rows].flatMap((row) => row.flatMap((cell) => cell.blocks.flatMap(blockInlines)));
    case 'heading':
    case 'lines':
      return [];
  }
}

/** Whether any text of the plan holds an unfilled placeholder. */
export function planHasUnfilledPlaceholder(plan: ExportPlan): boolean {
  return plan.sections.some((section) => section.blocks.some((block) => blockInlines(block).some(hasUnfilledPlaceholder)));
}

/** The cover page's paragraphs (docx components) and facts table (body XML). */
export function renderCover(plan: ExportPlan, ctx: RenderContext): FrameChild[] {
  const { cover } = plan;
  const out: FrameChild[] = [];
  if (cover.logo) out.push(logoParagraph(cover.logo, ctx));
  out.push(
    paragraph(ctx, { style: STYLE.coverKind, ...(cover.logo ? { spacing: { before: 0 } } : {}), children: textRuns(cover.documentKind, ctx.dir) }),
    paragraph(ctx, { style: STYLE.title, children: textRuns(cover.title, ctx.dir) }),
  );
  if (cover.subtitle) out.push(paragraph(ctx, { style: STYLE.subtitle, children: textRuns(cover.subtitle, ctx.dir) }));
  out.push(paragraph(ctx, { spacing: { before: 480, after: 0 }, children: [] }));
  out.push(...factsTable(cover.facts.map((fact) => ({ label: fact.label, value: [{ kind: 'text', text: fact.value }] })), ctx, { breakBefore: false }));
  if (planHasUnfilledPlaceholder(plan)) {
    // Explains the yellow marks once, where the reader starts.
    out.push(
      paragraph(ctx, {
        style: STYLE.note,
        spacing: { before: 480 },
        children: [...textRuns('{…}', ctx.dir, { highlight: HighlightColor.YELLOW }), ...textRuns(` ${ctx.labels.unfilledPlaceholder}`, ctx.dir)],
      }),
    );
  }
  return out;
}

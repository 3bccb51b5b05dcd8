/**
 * The table of contents: a heading, then a TOC field over headings 1–2 that Word fills in, page numbers
 * included, when it updates fields on opening (`updateFields`). Until then the field shows what is written
 * here: the hint and the contents entries without page numbers, taken from the plan's headings. Writing the
 * entries from the plan is linear and cheap; letting the docx package find the headings in the finished body
 * costs a tenth of the rendering time on a large curriculum.
 */
import { TableOfContents, type Paragraph } from 'docx';
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { textRuns } from './inlines';
import { paragraph } from './paragraphs';
import { STYLE } from './styles';

/** "Module 2 – Use of force" and its level, for every heading that goes into the contents. */
export function contentsEntries(plan: ExportPlan): { level: 1 | 2; title: string }[] {
  return plan.sections.flatMap((section) =>
    section.blocks.flatMap((block) =>
      block.kind === 'heading' && block.toc && block.level !== 3
        ? [{ level: block.level, title: block.number ? `${block.number} – ${block.text}` : block.text }]
        : [],
    ),
  );
}

/** The contents page; it always opens a new page after the cover. */
export function renderContents(plan: ExportPlan, ctx: RenderContext): (Paragraph | TableOfContents)[] {
  const entries = contentsEntries(plan).map((entry) =>
    paragraph(ctx, { style: STYLE.toc[entry.level - 1], children: textRuns(entry.title, ctx.dir) }),
  );
  return [
    paragraph(ctx, { style: STYLE.tocHeading, pageBreakBefore: true, children: textRuns(ctx.labels.contents, ctx.dir) }),
    new TableOfContents(ctx.labels.contents, {
      headingStyleRange: '1-2',
      hyperlink: true,
      contentChildren: [paragraph(ctx, { style: STYLE.caption, children: textRuns(ctx.labels.contentsHint, ctx.dir, { italics: true }) }), ...entries],
    }),
  ];
}

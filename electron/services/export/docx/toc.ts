/**
 * The table of contents: a heading, then a TOC field over headings 1–2 that Word fills in, page numbers
 * included, when it updates fields on opening (`updateFields`). Until then the field shows what is written
 * here: the hint and the contents entries without page numbers, taken from the plan's headings.
 *
 * Written as text like the body, with the field's begin in the hint paragraph and its end in the last
 * entry: a paragraph of its own for either would be an empty line that, when the contents just fill a
 * page, spills onto a page of its own before the first section's page break (a blank page).
 */
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { escapeXml, paragraphXml, textParagraphXml } from './fast-xml';
import { STYLE } from './styles';
import { xmlSafe } from './text';

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

const FIELD_BEGIN =
  '<w:r><w:fldChar w:fldCharType="begin" w:dirty="true"/></w:r>' +
  '<w:r><w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText></w:r>' +
  '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
const FIELD_END = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';

/** The contents page as WordprocessingML; it always opens a new page after the cover. */
export function contentsXml(plan: ExportPlan, ctx: RenderContext): string {
  const rtl = ctx.dir.rtl ? '<w:rPr><w:rtl/></w:rPr>' : '';
  const run = (text: string, italic = false) =>
    `<w:r>${italic ? `<w:rPr><w:i/><w:iCs/>${ctx.dir.rtl ? '<w:rtl/>' : ''}</w:rPr>` : rtl}<w:t xml:space="preserve">${escapeXml(xmlSafe(text))}</w:t></w:r>`;
  const entries = contentsEntries(plan);
  const hint = paragraphXml({ style: STYLE.caption }, FIELD_BEGIN + run(ctx.labels.contentsHint, true) + (entries.length === 0 ? FIELD_END : ''), ctx.dir);
  const lines = entries.map((entry, index) =>
    paragraphXml({ style: STYLE.toc[entry.level - 1] }, run(entry.title) + (index === entries.length - 1 ? FIELD_END : ''), ctx.dir),
  );
  return (
    textParagraphXml({ style: STYLE.tocHeading, pageBreakBefore: true }, ctx.labels.contents, ctx.dir) +
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent>${hint}${lines.join('')}</w:sdtContent></w:sdt>`
  );
}

/**
 * The table of contents: a heading, a note on updating page numbers, and an entry for every heading of
 * levels 1–2, each a link to its heading with the heading's page number as a PAGEREF field to the
 * bookmark `paragraphs.ts` puts on it. LibreOffice lays such a field out with the page, so its PDFs show
 * every page number at once; Word fills them in when it updates fields, which it offers on opening
 * (`updateFields`) and the note explains. (A TOC field would not do: LibreOffice shows the text Word last
 * wrote into it, which has no page numbers until Word has updated it.)
 *
 * Written as text like the body, in a "Table of Contents" content control so Word treats it as one.
 */
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import { contentsBookmark, type RenderContext } from './context';
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

/** The page number of a bookmark, as a field: LibreOffice lays it out with the page, Word fills it in when it updates fields. */
function pageReference(bookmark: string): string {
  return (
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
    `<w:r><w:instrText xml:space="preserve"> PAGEREF ${bookmark} \\h </w:instrText></w:r>` +
    // No result yet: the number is the word processor's to fill in.
    '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
  );
}

/** The contents page as WordprocessingML; it always opens a new page after the cover. */
export function contentsXml(plan: ExportPlan, ctx: RenderContext): string {
  const rtl = ctx.dir.rtl ? '<w:rPr><w:rtl/></w:rPr>' : '';
  const run = (text: string, italic = false) =>
    `<w:r>${italic ? `<w:rPr><w:i/><w:iCs/>${ctx.dir.rtl ? '<w:rtl/>' : ''}</w:rPr>` : rtl}<w:t xml:space="preserve">${escapeXml(xmlSafe(ctx.dir.typeset.text(text)))}</w:t></w:r>`;
  const hint = paragraphXml({ style: STYLE.caption }, run(ctx.labels.contentsHint, true), ctx.dir);
  const lines = contentsEntries(plan).map((entry, index) => {
    const bookmark = contentsBookmark(index);
    const link = `<w:hyperlink w:anchor="${bookmark}" w:history="1">${run(entry.title)}<w:r>${rtl}<w:tab/></w:r>${pageReference(bookmark)}</w:hyperlink>`;
    return paragraphXml({ style: STYLE.toc[entry.level - 1], endTab: ctx.textWidth }, link, ctx.dir);
  });
  return (
    textParagraphXml({ style: STYLE.tocHeading, pageBreakBefore: true }, ctx.labels.contents, ctx.dir) +
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent>${hint}${lines.join('')}</w:sdtContent></w:sdt>`
  );
}

/**
 * The table of contents: a heading, a hint, and a TOC field over headings 1–2. The docx package fills the
 * field with the headings' text; Word updates it, page numbers included, on opening (`updateFields`).
 */
import type { Paragraph} from 'docx';
import { TableOfContents } from 'docx';
import type { RenderContext } from './context';
import { textRuns } from './inlines';
import { paragraph } from './paragraphs';
import { STYLE } from './styles';

/** The contents page; it always opens a new page after the cover. */
export function renderContents(ctx: RenderContext): (Paragraph | TableOfContents)[] {
  return [
    paragraph(ctx, { style: STYLE.tocHeading, pageBreakBefore: true, children: textRuns(ctx.labels.contents, ctx.dir) }),
    paragraph(ctx, { style: STYLE.caption, children: textRuns(ctx.labels.contentsHint, ctx.dir, { italics: true }) }),
    new TableOfContents(ctx.labels.contents, { headingStyleRange: '1-2', hyperlink: true }),
  ];
}

/**
 * Running header (course title) and footer (version and status, then "Page X of Y") on every page but the
 * first: the cover has an empty first-page header and footer (the section sets `titlePage`).
 */
import { BorderStyle, Footer, Header, PageNumber, Tab, TabStopType, TextRun, type ParagraphChild } from 'docx';
import type { ExportPlan } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { textRuns } from './inlines';
import { paragraph } from './paragraphs';
import { runDirection } from './rtl';
import { COLOR, STYLE } from './styles';

/**
 * "Page {page} of {pages}" as runs: the two tokens become PAGE and NUMPAGES fields, the rest stays text.
 * Only these two tokens make fields; anything else in the label, "{ PAGE }" included, is printed as is.
 */
export function pageOfPagesRuns(label: string, ctx: RenderContext): ParagraphChild[] {
  return label.split(/(\{page\}|\{pages\})/).flatMap((part): ParagraphChild[] => {
    if (part === '{page}') return [new TextRun({ children: [PageNumber.CURRENT], ...runDirection(ctx.dir) })];
    if (part === '{pages}') return [new TextRun({ children: [PageNumber.TOTAL_PAGES], ...runDirection(ctx.dir) })];
    return part === '' ? [] : textRuns(part, ctx.dir);
  });
}

/** The running header and footer for every page but the first, and empty ones for the cover page. */
export function headersAndFooters(plan: ExportPlan, ctx: RenderContext): { headers: { default: Header; first: Header }; footers: { default: Footer; first: Footer } } {
  // The page number sits at the far end of the line: a tab stop at the text width, measured from the side
  // the text starts on (the right in a right-to-left paragraph).
  const endTab = { type: TabStopType.RIGHT, position: ctx.textWidth };
  const header = new Header({
    children: [
      paragraph(ctx, {
        style: STYLE.header,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        children: textRuns(plan.running.header, ctx.dir),
      }),
    ],
  });
  const footer = new Footer({
    children: [
      paragraph(ctx, {
        style: STYLE.footer,
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule, space: 4 } },
        tabStops: [endTab],
        children: [...textRuns(plan.running.footer, ctx.dir), new TextRun({ children: [new Tab()], ...runDirection(ctx.dir) }), ...pageOfPagesRuns(plan.labels.pageOfPages, ctx)],
      }),
    ],
  });
  return {
    headers: { default: header, first: new Header({ children: [paragraph(ctx, { style: STYLE.header, children: [] })] }) },
    footers: { default: footer, first: new Footer({ children: [paragraph(ctx, { style: STYLE.footer, children: [] })] }) },
  };
}

/**
 * Runs from plan inlines: bold and italic text, hyperlinks (safe schemes only) and placeholders. Text goes
 * into `w:t` elements, which the docx package escapes, so user text such as "{ PAGE }" stays literal text and
 * never becomes a field code: fields are only ever written by the header/footer and contents code.
 */
import { ExternalHyperlink, HighlightColor, TextRun, type ParagraphChild } from 'docx';
import type { PlanInline } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { runDirection, type DirectionSettings } from './rtl';
import { isSafeHref, xmlSafe } from './text';

type RunFormat = { bold?: boolean; italics?: boolean; style?: string; highlight?: typeof HighlightColor.YELLOW };

/**
 * Text runs for a string, cleaned of XML-illegal characters. A newline becomes a line break rather than a
 * space, so addresses and short verses keep their lines.
 */
export function textRuns(text: string, dir: DirectionSettings, format: RunFormat = {}): TextRun[] {
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  return lines.map(
    (line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...format, ...runDirection(dir) }),
  );
}

function formatOf(inline: { bold?: boolean | undefined; italic?: boolean | undefined }): RunFormat {
  return { ...(inline.bold ? { bold: true } : {}), ...(inline.italic ? { italics: true } : {}) };
}

/** The runs of one inline. */
function inlineChildren(inline: PlanInline, ctx: RenderContext): ParagraphChild[] {
  switch (inline.kind) {
    case 'text':
      return textRuns(inline.text, ctx.dir, formatOf(inline));
    case 'link': {
      // Checked again here: a plan from anywhere must not put a javascript: or file: link into the document.
      if (!isSafeHref(inline.href)) return textRuns(inline.text, ctx.dir, formatOf(inline));
      const children = textRuns(inline.text, ctx.dir, { ...formatOf(inline), style: 'Hyperlink' });
      return [new ExternalHyperlink({ link: inline.href, children })];
    }
    case 'placeholder':
      if (inline.value !== undefined) return textRuns(inline.value, ctx.dir, formatOf(inline));
      // An unfilled placeholder is shown, highlighted, so nobody prints a document with a gap in it unawares.
      return textRuns(`{${inline.name}}`, ctx.dir, { ...formatOf(inline), highlight: HighlightColor.YELLOW });
  }
}

/** The runs of a list of inlines, in order. */
export function inlineRuns(inlines: readonly PlanInline[], ctx: RenderContext): ParagraphChild[] {
  return inlines.flatMap((inline) => inlineChildren(inline, ctx));
}

/** Whether any inline is an unfilled placeholder (the cover then explains the highlight). */
export function hasUnfilledPlaceholder(inlines: readonly PlanInline[]): boolean {
  return inlines.some((inline) => inline.kind === 'placeholder' && inline.value === undefined);
}

/**
 * docx text runs for the few paragraphs the docx package still writes (cover, contents, header and footer).
 * Text goes into `w:t` elements, which the package escapes, so user text such as "{ PAGE }" stays literal
 * text and never becomes a field code: fields are only ever written by the header/footer and contents code.
 * Body text (plan inlines, with hyperlinks) is written on the fast path, `fast-xml.ts`.
 */
import { TextRun, type HighlightColor } from 'docx';
import type { PlanInline } from '../../../../shared/domain/export/plan';
import { runDirection, type DirectionSettings } from './rtl';
import { xmlSafe } from './text';

type RunFormat = { bold?: boolean; italics?: boolean; highlight?: typeof HighlightColor.YELLOW };

/**
 * Text runs for a string, in the document's typography, cleaned of XML-illegal characters. A newline
 * becomes a line break rather than a space, so addresses and short verses keep their lines.
 */
export function textRuns(text: string, dir: DirectionSettings, format: RunFormat = {}): TextRun[] {
  const lines = xmlSafe(dir.typeset.text(text)).replace(/\r\n?/g, '\n').split('\n');
  return lines.map(
    (line, index) => new TextRun({ text: line, ...(index > 0 ? { break: 1 } : {}), ...format, ...runDirection(dir) }),
  );
}

/** Whether any inline is an unfilled placeholder (the cover then explains the highlight). */
export function hasUnfilledPlaceholder(inlines: readonly PlanInline[]): boolean {
  return inlines.some((inline) => inline.kind === 'placeholder' && inline.value === undefined);
}

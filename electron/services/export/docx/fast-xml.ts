/**
 * WordprocessingML written directly as the object form the docx package serialises (`{ 'w:p': [...] }`),
 * for the bulk of a large document: the cells of step tables. Building docx components costs about ten
 * objects and a tree walk per element; a curriculum of 40 modules has some 10,000 cells, and this path is
 * what keeps rendering within its time and memory budget. Only plain runs take it: anything that needs the
 * package's bookkeeping (hyperlink relationships, list numbering) is still written by docx components.
 *
 * Element order inside pPr, rPr, tblPr, trPr and tcPr follows the OOXML schema, as Word requires.
 */
import { FileChild, type IContext, type IXmlableObject } from 'docx';
import type { PlanInline } from '../../../../shared/domain/export/plan';
import type { DirectionSettings } from './rtl';
import { isSafeHref, xmlSafe } from './text';

/** One element in docx's object form. */
export type XmlNode = IXmlableObject;

/** `<name/>` */
export function empty(name: string): XmlNode {
  return { [name]: {} };
}

/** `<name a="1"/>` */
export function withAttributes(name: string, attributes: Record<string, string | number>): XmlNode {
  return { [name]: { _attr: attributes } };
}

/** `<name>children</name>` */
export function element(name: string, children: XmlNode[]): XmlNode {
  return { [name]: children };
}

type RunFormat = { bold?: boolean | undefined; italic?: boolean | undefined; highlight?: boolean };

/** A run of plain text; the serialiser escapes it. A newline becomes a line break, as in `textRuns`. */
function runs(text: string, format: RunFormat, dir: DirectionSettings): XmlNode[] {
  const properties: XmlNode[] = [];
  if (format.bold) properties.push(empty('w:b'), empty('w:bCs'));
  if (format.italic) properties.push(empty('w:i'), empty('w:iCs'));
  if (format.highlight) properties.push(withAttributes('w:highlight', { 'w:val': 'yellow' }));
  if (dir.rtl) properties.push(empty('w:rtl'));
  const rPr = properties.length > 0 ? [element('w:rPr', properties)] : [];
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  return lines.map((line, index) =>
    element('w:r', [...rPr, ...(index > 0 ? [empty('w:br')] : []), { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, line] }]),
  );
}

/** Whether inlines can be written as plain runs: no hyperlink (a hyperlink needs a package relationship). */
export function plainInlines(inlines: readonly PlanInline[]): boolean {
  return inlines.every((inline) => inline.kind !== 'link' || !isSafeHref(inline.href));
}

/** Plain runs for inlines that pass `plainInlines`: text, placeholders, and links that stay text. */
export function inlineRunsXml(inlines: readonly PlanInline[], dir: DirectionSettings): XmlNode[] {
  return inlines.flatMap((inline) => {
    const format = { bold: inline.bold, italic: inline.italic };
    switch (inline.kind) {
      case 'text':
      case 'link':
        return runs(inline.text, format, dir);
      case 'placeholder':
        return inline.value !== undefined ? runs(inline.value, format, dir) : runs(`{${inline.name}}`, { ...format, highlight: true }, dir);
    }
  });
}

/** Paragraph properties the fast path writes; everything else comes from the paragraph's style. */
export type ParagraphSettings = {
  style?: string | undefined;
  pageBreakBefore?: boolean;
  /** Spacing in twips; `exactLine` sets an exact line height. */
  spacing?: { before?: number; after?: number; exactLine?: number };
};

/** A paragraph in the document's direction. */
export function paragraphXml(settings: ParagraphSettings, content: XmlNode[], dir: DirectionSettings): XmlNode {
  const properties: XmlNode[] = [];
  if (settings.style) properties.push(withAttributes('w:pStyle', { 'w:val': settings.style }));
  if (settings.pageBreakBefore) properties.push(empty('w:pageBreakBefore'));
  if (dir.rtl) properties.push(empty('w:bidi'));
  const spacing = settings.spacing;
  if (spacing) {
    properties.push(
      withAttributes('w:spacing', {
        ...(spacing.after === undefined ? {} : { 'w:after': spacing.after }),
        ...(spacing.before === undefined ? {} : { 'w:before': spacing.before }),
        ...(spacing.exactLine === undefined ? {} : { 'w:line': spacing.exactLine, 'w:lineRule': 'exact' }),
      }),
    );
  }
  return element('w:p', properties.length > 0 ? [element('w:pPr', properties), ...content] : content);
}

/** A paragraph of plain text. */
export function textParagraphXml(settings: ParagraphSettings, text: string, dir: DirectionSettings, format: RunFormat = {}): XmlNode {
  return paragraphXml(settings, runs(text, format, dir), dir);
}

/**
 * A body element whose XML is built when the document is packed: a paragraph or a table on the fast path.
 * `kind` lets the section code tell tables apart (two tables in a row need a paragraph between them).
 */
export class XmlBlock extends FileChild {
  readonly kind: 'paragraph' | 'table';
  private readonly build: (context: IContext) => XmlNode;

  constructor(kind: 'paragraph' | 'table', build: (context: IContext) => XmlNode) {
    super(kind === 'table' ? 'w:tbl' : 'w:p');
    this.kind = kind;
    this.build = build;
  }

  override prepForXml(context: IContext): XmlNode {
    context.stack.push(this);
    try {
      return this.build(context);
    } finally {
      context.stack.pop();
    }
  }
}

/** A prebuilt paragraph as a body element. */
export function paragraphBlock(node: XmlNode): XmlBlock {
  return new XmlBlock('paragraph', () => node);
}

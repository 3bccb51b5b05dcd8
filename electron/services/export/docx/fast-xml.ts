/**
 * WordprocessingML written directly as the object form the docx package serialises (`{ 'w:p': [...] }`),
 * for the whole body: headings, paragraphs, list items, hyperlinks and tables. Building docx components costs
 * about ten objects and a tree walk per element; a curriculum of 40 modules has some 17,000 list items and
 * 7,000 table cells, and this path is what keeps rendering within its time and memory budget. The package's
 * bookkeeping is done here too: list items refer to our own numbering part (`numbering.ts`) and hyperlinks
 * register their relationships while the document is packed (`hyperlinks.ts`).
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

type RunFormat = { bold?: boolean | undefined; italic?: boolean | undefined; highlight?: boolean; style?: string };

/** `xml:space="preserve"`, shared by every w:t (the serialiser only reads it). */
const PRESERVE = { _attr: { 'xml:space': 'preserve' } };
const BREAK = empty('w:br');

/**
 * Run properties by format and direction. A document has only a handful of distinct ones, so each is built
 * once and the same node is written into every run that has it, instead of a new tree per run.
 */
const RUN_PROPERTIES = new Map<string, XmlNode[]>();

function runProperties(format: RunFormat, rtl: boolean): XmlNode[] {
  const key = `${format.style ?? ''}|${format.bold ? 'b' : ''}${format.italic ? 'i' : ''}${format.highlight ? 'h' : ''}${rtl ? 'r' : ''}`;
  let shared = RUN_PROPERTIES.get(key);
  if (!shared) {
    const properties: XmlNode[] = [];
    if (format.style) properties.push(withAttributes('w:rStyle', { 'w:val': format.style }));
    if (format.bold) properties.push(empty('w:b'), empty('w:bCs'));
    if (format.italic) properties.push(empty('w:i'), empty('w:iCs'));
    if (format.highlight) properties.push(withAttributes('w:highlight', { 'w:val': 'yellow' }));
    if (rtl) properties.push(empty('w:rtl'));
    shared = properties.length > 0 ? [element('w:rPr', properties)] : [];
    RUN_PROPERTIES.set(key, shared);
  }
  return shared;
}

/** Runs of plain text, appended to `out`; the serialiser escapes the text. A newline becomes a line break, as in `textRuns`. */
function pushRuns(out: XmlNode[], text: string, format: RunFormat, dir: DirectionSettings): void {
  const rPr = runProperties(format, dir.rtl);
  const lines = xmlSafe(text).replace(/\r\n?/g, '\n').split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const content: XmlNode[] = rPr.length > 0 ? [rPr[0] as XmlNode] : [];
    if (index > 0) content.push(BREAK);
    content.push({ 'w:t': [PRESERVE, lines[index] ?? ''] });
    out.push(element('w:r', content));
  }
}

function runs(text: string, format: RunFormat, dir: DirectionSettings): XmlNode[] {
  const out: XmlNode[] = [];
  pushRuns(out, text, format, dir);
  return out;
}

/** Whether inlines hold a link that is written as a hyperlink (and so needs a package relationship). */
export function hasHyperlink(inlines: readonly PlanInline[]): boolean {
  return inlines.some((inline) => inline.kind === 'link' && isSafeHref(inline.href));
}

/**
 * Registers an external hyperlink target with the package and returns its relationship id. Only called while
 * the document is packed (inside `XmlBlock`), where the package's relationships are at hand.
 */
export type LinkTarget = (href: string) => string;

/**
 * The runs of inlines: text, placeholders, and links. A link becomes a w:hyperlink with runs in the Hyperlink
 * style when `link` is given and its scheme is safe (checked again here, whoever built the plan); otherwise it
 * stays plain text.
 */
export function inlineRunsXml(inlines: readonly PlanInline[], dir: DirectionSettings, link?: LinkTarget): XmlNode[] {
  const out: XmlNode[] = [];
  for (const inline of inlines) {
    const format: RunFormat = { bold: inline.bold, italic: inline.italic };
    switch (inline.kind) {
      case 'text':
        pushRuns(out, inline.text, format, dir);
        break;
      case 'link':
        if (link && isSafeHref(inline.href)) {
          const id = link(inline.href);
          out.push({ 'w:hyperlink': [{ _attr: { 'r:id': id, 'w:history': 1 } }, ...runs(inline.text, { ...format, style: 'Hyperlink' }, dir)] });
        } else pushRuns(out, inline.text, format, dir);
        break;
      case 'placeholder':
        // An unfilled placeholder is shown, highlighted, so nobody prints a document with a gap in it unawares.
        if (inline.value !== undefined) pushRuns(out, inline.value, format, dir);
        else pushRuns(out, `{${inline.name}}`, { ...format, highlight: true }, dir);
        break;
    }
  }
  return out;
}

/** Paragraph properties the fast path writes; everything else comes from the paragraph's style. */
export type ParagraphSettings = {
  style?: string | undefined;
  pageBreakBefore?: boolean;
  /** A list item: the list's numbering instance (w:numId), at the list's only level. */
  numId?: number;
  /** Spacing in twips; `exactLine` sets an exact line height. */
  spacing?: { before?: number; after?: number; exactLine?: number };
};

const BIDI = empty('w:bidi');
const LEVEL_0 = withAttributes('w:ilvl', { 'w:val': 0 });

function numberingProperties(numId: number): XmlNode {
  return element('w:numPr', [LEVEL_0, withAttributes('w:numId', { 'w:val': numId })]);
}

/** A paragraph in the document's direction; pPr children in schema order (pStyle, pageBreakBefore, numPr, bidi, spacing). */
export function paragraphXml(settings: ParagraphSettings, content: XmlNode[], dir: DirectionSettings): XmlNode {
  const properties: XmlNode[] = [];
  if (settings.style) properties.push(withAttributes('w:pStyle', { 'w:val': settings.style }));
  if (settings.pageBreakBefore) properties.push(empty('w:pageBreakBefore'));
  if (settings.numId !== undefined) properties.push(numberingProperties(settings.numId));
  if (dir.rtl) properties.push(BIDI);
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
 * `kind` lets the section code tell tables apart (two tables in a row need a paragraph between them). `build`
 * gets the packing context, which is where hyperlinks register their relationships.
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

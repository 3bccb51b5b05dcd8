/**
 * A table written straight to docx's object form (see `fast-xml.ts`): explicit width and grid in twips,
 * fixed layout, borders, cell margins, repeated header rows and rows that never split across pages.
 * Cell content is prebuilt XML or body elements (docx paragraphs for lists and hyperlinks), written in place.
 */
import { FileChild, type IContext } from 'docx';
import { element, empty, withAttributes, XmlBlock, type XmlNode } from './fast-xml';

/** One side of a table border: a thin line of the colour, or none. */
export type BorderSide = { color: string } | 'none';

export type TableBorders = Record<'top' | 'left' | 'bottom' | 'right' | 'insideH' | 'insideV', BorderSide>;

/** What a cell holds: prebuilt paragraphs, or components that write themselves. */
export type CellContent = XmlNode | FileChild;

export type XmlCell = { width: number; fill?: string; content: CellContent[] };
export type XmlRow = { header: boolean; cells: XmlCell[] };

export type XmlTableOptions = {
  /** Column widths in twips; the table is as wide as their sum. */
  widths: number[];
  borders: TableBorders;
  /** Cell margins in twips. */
  margins: { top: number; left: number; bottom: number; right: number };
  /** Right-to-left table: the first cell of a row is on the right (w:bidiVisual). */
  rtl: boolean;
  rows: XmlRow[];
};

function border(name: string, side: BorderSide): XmlNode {
  return side === 'none'
    ? withAttributes(name, { 'w:val': 'none', 'w:color': 'auto', 'w:sz': 0 })
    : withAttributes(name, { 'w:val': 'single', 'w:color': side.color, 'w:sz': 4 });
}

function dxa(name: string, width: number): XmlNode {
  return withAttributes(name, { 'w:type': 'dxa', 'w:w': width });
}

function contentXml(content: CellContent, context: IContext): XmlNode[] {
  if (!(content instanceof FileChild)) return [content];
  const xml = content.prepForXml(context);
  return xml ? [xml] : [];
}

function tableXml(options: XmlTableOptions, context: IContext): XmlNode {
  const { widths, borders, margins, rtl, rows } = options;
  const total = widths.reduce((a, b) => a + b, 0);
  const tblPr = element('w:tblPr', [
    ...(rtl ? [empty('w:bidiVisual')] : []),
    dxa('w:tblW', total),
    element('w:tblBorders', [
      border('w:top', borders.top),
      border('w:left', borders.left),
      border('w:bottom', borders.bottom),
      border('w:right', borders.right),
      border('w:insideH', borders.insideH),
      border('w:insideV', borders.insideV),
    ]),
    withAttributes('w:tblLayout', { 'w:type': 'fixed' }),
    element('w:tblCellMar', [dxa('w:top', margins.top), dxa('w:left', margins.left), dxa('w:bottom', margins.bottom), dxa('w:right', margins.right)]),
  ]);
  const grid = element('w:tblGrid', widths.map((width) => withAttributes('w:gridCol', { 'w:w': width })));
  const trs = rows.map((row) =>
    element('w:tr', [
      element('w:trPr', [empty('w:cantSplit'), ...(row.header ? [empty('w:tblHeader')] : [])]),
      ...row.cells.map((cell) =>
        element('w:tc', [
          element('w:tcPr', [
            dxa('w:tcW', cell.width),
            ...(cell.fill ? [withAttributes('w:shd', { 'w:fill': cell.fill, 'w:color': 'auto', 'w:val': 'clear' })] : []),
          ]),
          ...cell.content.flatMap((content) => contentXml(content, context)),
        ]),
      ),
    ]),
  );
  return element('w:tbl', [tblPr, grid, ...trs]);
}

/** A table as one body element; its XML is built when the document is packed. */
export function xmlTable(options: XmlTableOptions): XmlBlock {
  return new XmlBlock('table', (context) => tableXml(options, context));
}

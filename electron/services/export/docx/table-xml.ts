/**
 * A table written as WordprocessingML text (see `fast-xml.ts`): explicit width and grid in twips, fixed
 * layout, borders, cell margins, repeated header rows, and rows that do not split across pages unless
 * they may (`canSplit`). Element order inside tblPr, trPr and tcPr follows the OOXML schema.
 */

/** One side of a table border: a thin line of the colour (dashed: a cut line), or none. */
export type BorderSide = { color: string; dashed?: boolean } | 'none';

export type TableBorders = Record<'top' | 'left' | 'bottom' | 'right' | 'insideH' | 'insideV', BorderSide>;

/** A cell: its width in twips, an optional fill colour and its paragraphs' XML (at least one, as Word requires). */
export type XmlCell = { width: number; fill?: string; content: string[] };
/** A row; `canSplit` lets a long one run on over a page break instead of leaving a gap before it. */
export type XmlRow = { header: boolean; cells: XmlCell[]; canSplit?: boolean };

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

function border(name: string, side: BorderSide): string {
  return side === 'none'
    ? `<w:${name} w:val="none" w:color="auto" w:sz="0"/>`
    : `<w:${name} w:val="${side.dashed ? 'dashed' : 'single'}" w:color="${side.color}" w:sz="${side.dashed ? '8' : '4'}"/>`;
}

function dxa(name: string, width: number): string {
  return `<w:${name} w:type="dxa" w:w="${String(width)}"/>`;
}

function tableProperties(options: XmlTableOptions): string {
  const { widths, borders, margins, rtl } = options;
  const total = widths.reduce((a, b) => a + b, 0);
  return (
    '<w:tblPr>' +
    (rtl ? '<w:bidiVisual/>' : '') +
    dxa('tblW', total) +
    '<w:tblBorders>' +
    border('top', borders.top) +
    border('left', borders.left) +
    border('bottom', borders.bottom) +
    border('right', borders.right) +
    border('insideH', borders.insideH) +
    border('insideV', borders.insideV) +
    '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>' +
    dxa('top', margins.top) +
    dxa('left', margins.left) +
    dxa('bottom', margins.bottom) +
    dxa('right', margins.right) +
    '</w:tblCellMar></w:tblPr>'
  );
}

function cellXml(cell: XmlCell): string {
  const shading = cell.fill ? `<w:shd w:fill="${cell.fill}" w:color="auto" w:val="clear"/>` : '';
  return `<w:tc><w:tcPr>${dxa('tcW', cell.width)}${shading}</w:tcPr>${cell.content.join('')}</w:tc>`;
}

/** A table as one piece of body XML. */
export function xmlTable(options: XmlTableOptions): string {
  let xml = `<w:tbl>${tableProperties(options)}<w:tblGrid>`;
  for (const width of options.widths) xml += `<w:gridCol w:w="${String(width)}"/>`;
  xml += '</w:tblGrid>';
  for (const row of options.rows) {
    xml += row.header ? '<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>' : row.canSplit ? '<w:tr>' : '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (const cell of row.cells) xml += cellXml(cell);
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

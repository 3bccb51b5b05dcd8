/**
 * Tables with explicit geometry: the table spans the text width, column widths are the plan's relative widths
 * scaled to it (in twips), header rows repeat on every page and no row splits across pages. One table per
 * plan table: plans keep tables to a lesson each.
 */
import { AppError } from '../../../../shared/errors';
import type { PlanCell, PlanFacts, PlanInline, PlanTable } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { paragraphXml, textParagraphXml } from './fast-xml';
import { renderList, renderParagraph, type Placement } from './paragraphs';
import { COLOR, STYLE } from './styles';
import { xmlTable, type TableBorders, type XmlCell } from './table-xml';

const LINE = { color: COLOR.rule };
const GRID: TableBorders = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideH: LINE, insideV: LINE };
const RULED: TableBorders = { top: LINE, bottom: LINE, left: 'none', right: 'none', insideH: LINE, insideV: 'none' };
const CELL_MARGINS = { top: 57, bottom: 57, left: 85, right: 85 };

const FILLS: Record<NonNullable<PlanCell['shade']>, string> = {
  header: COLOR.headerFill,
  break: COLOR.breakFill,
  muted: COLOR.mutedFill,
};

/**
 * Relative widths scaled to `total` twips. Rounding goes to the last column, so the columns add up to the
 * table width exactly and Word and LibreOffice agree on the grid.
 */
export function scaleColumns(relative: readonly number[], total: number): number[] {
  if (relative.length === 0 || relative.some((width) => !Number.isFinite(width) || width <= 0)) {
    throw new AppError('invalid-argument', `Table column widths must be positive numbers, got [${relative.join(', ')}]`);
  }
  const sum = relative.reduce((a, b) => a + b, 0);
  const widths = relative.map((width) => Math.floor((width / sum) * total));
  const rest = total - widths.reduce((a, b) => a + b, 0);
  widths[widths.length - 1] = (widths.at(-1) ?? 0) + rest;
  return widths;
}

/** Paragraph content of a cell; a cell always has a paragraph, as Word requires. */
function cellContent(blocks: PlanCell['blocks'], ctx: RenderContext, cellStyle: string): string[] {
  const at: Placement = { breakBefore: false, cellStyle };
  const content: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') content.push(...renderList(block, ctx, at));
    else content.push(renderParagraph(block, ctx, at));
  }
  if (content.length === 0) content.push(paragraphXml({ style: cellStyle }, '', ctx.dir));
  return content;
}

function planCells(cells: readonly PlanCell[], widths: readonly number[], ctx: RenderContext, header: boolean): XmlCell[] {
  if (cells.length !== widths.length) {
    throw new AppError('invalid-argument', `A table row has ${String(cells.length)} cells but the table has ${String(widths.length)} columns`);
  }
  return cells.map((cell, index) => {
    const shade = cell.shade ?? (header ? 'header' : undefined);
    return {
      width: widths[index] ?? 0,
      ...(shade ? { fill: FILLS[shade] } : {}),
      content: cellContent(cell.blocks, ctx, header ? STYLE.tableHeader : STYLE.tableText),
    };
  });
}

/** An empty paragraph that carries a page break when a table opens a page (a table cannot carry one). */
function pageOpener(ctx: RenderContext): string {
  return paragraphXml({ pageBreakBefore: true, spacing: { before: 0, after: 0 } }, '', ctx.dir);
}

/** A plan table, with its caption above it (kept with the table). */
export function renderTable(block: PlanTable, ctx: RenderContext, at: Placement): string[] {
  const widths = scaleColumns(block.columns, ctx.textWidth);
  const rows = [
    ...block.header.map((cells) => ({ header: true, cells: planCells(cells, widths, ctx, true) })),
    ...block.rows.map((cells) => ({ header: false, cells: planCells(cells, widths, ctx, false) })),
  ];
  if (rows.length === 0) return [];
  const before: string[] = [];
  if (block.caption !== undefined) {
    before.push(textParagraphXml({ style: STYLE.caption, pageBreakBefore: at.breakBefore }, block.caption, ctx.dir));
  } else if (at.breakBefore) before.push(pageOpener(ctx));
  return [...before, xmlTable({ widths, borders: GRID, margins: CELL_MARGINS, rtl: ctx.dir.rtl, rows })];
}

/** Label → value rows as a two-column table ruled between rows, without header or vertical lines. */
export function factsTable(rows: readonly { label: string; value: readonly PlanInline[] }[], ctx: RenderContext, at: Placement): string[] {
  if (rows.length === 0) return [];
  const widths = scaleColumns([3, 7], ctx.textWidth);
  const tableRows = rows.map((row) => ({
    header: false,
    cells: [
      { width: widths[0] ?? 0, content: [textParagraphXml({ style: STYLE.tableHeader }, row.label, ctx.dir)] },
      { width: widths[1] ?? 0, content: cellContent([{ kind: 'paragraph', inlines: [...row.value] }], ctx, STYLE.factsValue) },
    ],
  }));
  const table = xmlTable({ widths, borders: RULED, margins: CELL_MARGINS, rtl: ctx.dir.rtl, rows: tableRows });
  return [...(at.breakBefore ? [pageOpener(ctx)] : []), table];
}

/** A plan facts block. */
export function renderFacts(block: PlanFacts, ctx: RenderContext, at: Placement): string[] {
  return factsTable(block.rows, ctx, at);
}

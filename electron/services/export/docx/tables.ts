/**
 * Tables with explicit geometry: the table spans the text width, column widths are the plan's relative widths
 * scaled to it (in twips), header rows repeat on every page and no row splits across pages. One table per
 * plan table: plans keep tables to a lesson each, which keeps serialisation fast.
 */
import type {
  Paragraph} from 'docx';
import {
  BorderStyle,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  WidthType,
  type ITableBordersOptions,
  type ParagraphChild,
} from 'docx';
import { AppError } from '../../../../shared/errors';
import type { PlanCell, PlanFacts, PlanTable } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { inlineRuns, textRuns } from './inlines';
import { paragraph, renderList, renderParagraph, type Placement } from './paragraphs';
import { COLOR, STYLE } from './styles';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: COLOR.rule } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;
const GRID: ITableBordersOptions = { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE };
const RULED: ITableBordersOptions = { top: LINE, bottom: LINE, left: NONE, right: NONE, insideHorizontal: LINE, insideVertical: NONE };
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

function cellChildren(cell: PlanCell, ctx: RenderContext, cellStyle: string): Paragraph[] {
  const at: Placement = { breakBefore: false, cellStyle };
  const children = cell.blocks.flatMap((block) => (block.kind === 'list' ? renderList(block, ctx, at) : [renderParagraph(block, ctx, at)]));
  // Word refuses a cell without a paragraph.
  return children.length > 0 ? children : [paragraph(ctx, { style: cellStyle, children: [] })];
}

function planRow(cells: readonly PlanCell[], widths: readonly number[], ctx: RenderContext, header: boolean): TableRow {
  if (cells.length !== widths.length) {
    throw new AppError('invalid-argument', `A table row has ${String(cells.length)} cells but the table has ${String(widths.length)} columns`);
  }
  return new TableRow({
    tableHeader: header,
    cantSplit: true,
    children: cells.map((cell, index) => {
      const shade = cell.shade ?? (header ? 'header' : undefined);
      return new TableCell({
        width: { size: widths[index] ?? 0, type: WidthType.DXA },
        ...(shade ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: FILLS[shade] } } : {}),
        children: cellChildren(cell, ctx, header ? STYLE.tableHeader : STYLE.tableText),
      });
    }),
  });
}

function table(rows: TableRow[], widths: number[], ctx: RenderContext, borders: ITableBordersOptions): Table {
  return new Table({
    rows,
    width: { size: ctx.textWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders,
    margins: CELL_MARGINS,
    ...(ctx.dir.rtl ? { visuallyRightToLeft: true } : {}),
  });
}

/** An empty paragraph that carries a page break when a table opens a page (a table cannot carry one). */
function pageOpener(ctx: RenderContext): Paragraph {
  return paragraph(ctx, { pageBreakBefore: true, spacing: { before: 0, after: 0 }, children: [] });
}

/** A plan table, with its caption above it (kept with the table). */
export function renderTable(block: PlanTable, ctx: RenderContext, at: Placement): (Paragraph | Table)[] {
  const widths = scaleColumns(block.columns, ctx.textWidth);
  const rows = [
    ...block.header.map((cells) => planRow(cells, widths, ctx, true)),
    ...block.rows.map((cells) => planRow(cells, widths, ctx, false)),
  ];
  if (rows.length === 0) return [];
  const before: Paragraph[] = [];
  if (block.caption !== undefined) {
    before.push(paragraph(ctx, { style: STYLE.caption, children: textRuns(block.caption, ctx.dir), pageBreakBefore: at.breakBefore }));
  } else if (at.breakBefore) before.push(pageOpener(ctx));
  return [...before, table(rows, widths, ctx, GRID)];
}

/** Label → value rows as a two-column table ruled between rows, without header or vertical lines. */
export function factsTable(rows: readonly { label: string; value: ParagraphChild[] }[], ctx: RenderContext, at: Placement): (Paragraph | Table)[] {
  if (rows.length === 0) return [];
  const widths = scaleColumns([3, 7], ctx.textWidth);
  const tableRows = rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            width: { size: widths[0] ?? 0, type: WidthType.DXA },
            children: [paragraph(ctx, { style: STYLE.tableHeader, children: textRuns(row.label, ctx.dir) })],
          }),
          new TableCell({
            width: { size: widths[1] ?? 0, type: WidthType.DXA },
            children: [paragraph(ctx, { style: STYLE.tableText, children: row.value })],
          }),
        ],
      }),
  );
  return [...(at.breakBefore ? [pageOpener(ctx)] : []), table(tableRows, widths, ctx, RULED)];
}

/** A plan facts block. */
export function renderFacts(block: PlanFacts, ctx: RenderContext, at: Placement): (Paragraph | Table)[] {
  return factsTable(
    block.rows.map((row) => ({ label: row.label, value: inlineRuns(row.value, ctx) })),
    ctx,
    at,
  );
}

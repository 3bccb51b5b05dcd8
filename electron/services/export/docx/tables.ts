/**
 * Tables with explicit geometry: the table spans the text width, column widths are the plan's relative widths
 * scaled to it (in twips) and header rows repeat on every page. A row stays on one page unless it is long
 * (a lesson step with a long trainer activity), which runs on over the page break rather than leaving half
 * a page empty before it. One table per plan table: plans keep tables to a lesson each. Two boxes are
 * tables too: a trainer note (its paragraphs and lists in one box) and items to cut out (dashed lines).
 */
import { AppError } from '../../../../shared/errors';
import { inlinesText } from '../../../../shared/domain/export/inline';
import type { PlanCell, PlanFacts, PlanInline, PlanList, PlanMarks, PlanParagraph, PlanTable } from '../../../../shared/domain/export/plan';
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
function cellContent(blocks: readonly (PlanParagraph | PlanList)[], ctx: RenderContext, cellStyle: string): string[] {
  const at: Placement = { breakBefore: false, cellStyle };
  const content: string[] = [];
  for (const block of blocks) {
    if (block.kind === 'list') content.push(...renderList(block, ctx, at));
    else content.push(renderParagraph(block, ctx, at));
  }
  if (content.length === 0) content.push(paragraphXml({ style: cellStyle }, '', ctx.dir));
  return content;
}

/** Lines of table text a row may have and still be kept on one page: about a fifth of a page. */
const KEPT_ROW_LINES = 12;
/** Width of an average character of table text (9 pt), in twips. */
const CHAR_WIDTH = 95;

/** Lines of text a cell takes, roughly: each paragraph or item wraps at the column's width. */
function cellLines(cell: PlanCell, width: number): number {
  const perLine = Math.max(8, Math.floor(width / CHAR_WIDTH));
  const texts = cell.blocks.flatMap((block) => (block.kind === 'list' ? block.items.map(inlinesText) : [inlinesText(block.inlines)]));
  return texts.reduce((lines, text) => lines + Math.max(1, Math.ceil(text.length / perLine)), 0);
}

/** Whether a body row is long enough that it should run on over a page break rather than move whole to the next page. */
function mayRunOn(cells: readonly PlanCell[], widths: readonly number[]): boolean {
  return cells.some((cell, index) => cellLines(cell, widths[index] ?? 0) > KEPT_ROW_LINES);
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
    ...block.rows.map((cells) => ({ header: false, cells: planCells(cells, widths, ctx, false), canSplit: mayRunOn(cells, widths) })),
  ];
  if (rows.length === 0) return [];
  const before: string[] = [];
  if (block.caption !== undefined) {
    before.push(textParagraphXml({ style: STYLE.caption, pageBreakBefore: at.breakBefore }, block.caption, ctx.dir));
  } else if (at.breakBefore) before.push(pageOpener(ctx));
  return [...before, xmlTable({ widths, borders: GRID, margins: CELL_MARGINS, rtl: ctx.dir.rtl, rows })];
}

const NOTE_LINE = { color: COLOR.noteBorder };
const NOTE_BOX: TableBorders = { top: NOTE_LINE, bottom: NOTE_LINE, left: NOTE_LINE, right: NOTE_LINE, insideH: 'none', insideV: 'none' };
const NOTE_MARGINS = { top: 85, bottom: 85, left: 113, right: 113 };

/**
 * A trainer note (its paragraphs and the lists among them) as one shaded box: a one-cell table, which
 * Word and LibreOffice both draw as one box however its paragraphs are indented. A long note runs on
 * over a page break.
 */
export function renderNoteBox(blocks: readonly (PlanParagraph | PlanList)[], ctx: RenderContext, at: Placement): string[] {
  const content = cellContent(blocks, ctx, STYLE.note);
  const row = { header: false, canSplit: true, cells: [{ width: ctx.textWidth, fill: COLOR.noteFill, content }] };
  return [...(at.breakBefore ? [pageOpener(ctx)] : []), xmlTable({ widths: [ctx.textWidth], borders: NOTE_BOX, margins: NOTE_MARGINS, rtl: ctx.dir.rtl, rows: [row] })];
}

/** The round-trip marks of a list item, as a paragraph's. */
function markOf(list: PlanList, index: number): { marks?: PlanMarks } {
  const marks = list.itemMarks?.[index];
  return marks ? { marks } : {};
}

const CUT_LINE = { color: COLOR.muted, dashed: true };
const CUT: TableBorders = { top: CUT_LINE, bottom: CUT_LINE, left: CUT_LINE, right: CUT_LINE, insideH: CUT_LINE, insideV: 'none' };
const CUT_MARGINS = { top: 170, bottom: 170, left: 170, right: 170 };

/**
 * Items to cut out: each in its own row between dashed cut lines, numbered as the list is, never split
 * across pages (a strip is cut out whole).
 */
export function renderCutList(list: PlanList, ctx: RenderContext, at: Placement): string[] {
  if (list.items.length === 0) return [];
  const rows = list.items.map((item, index) => {
    const inlines: PlanInline[] = list.ordered ? [{ kind: 'text', text: `${String(list.start + index)}. ` }, ...item] : item;
    return { header: false, cells: [{ width: ctx.textWidth, content: cellContent([{ kind: 'paragraph', inlines, ...markOf(list, index) }], ctx, STYLE.cutOut) }] };
  });
  return [...(at.breakBefore ? [pageOpener(ctx)] : []), xmlTable({ widths: [ctx.textWidth], borders: CUT, margins: CUT_MARGINS, rtl: ctx.dir.rtl, rows })];
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

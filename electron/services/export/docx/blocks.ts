/**
 * A section's blocks in order, with the page break on the first thing the section writes, on every block
 * that starts a page (a handout) or on the heading right before it, and a trainer note's paragraphs and
 * lists in one box.
 */
import { assertNever } from '../../../../shared/errors';
import type { PlanBlock, PlanList, PlanParagraph } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { paragraphXml } from './fast-xml';
import { renderHeading, renderLines, renderList, renderParagraph, type Placement } from './paragraphs';
import { renderCutList, renderFacts, renderNoteBox, renderTable } from './tables';

/** A block, or the consecutive blocks of one trainer note, which are written as one box. */
type Piece = { block: PlanBlock } | { note: (PlanParagraph | PlanList)[] };

function isNote(block: PlanBlock): block is PlanParagraph | PlanList {
  return (block.kind === 'paragraph' || block.kind === 'list') && block.style === 'note';
}

function pieces(blocks: readonly PlanBlock[]): Piece[] {
  const out: Piece[] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (!isNote(block)) out.push({ block });
    else if (last && 'note' in last) last.note.push(block);
    else out.push({ note: [block] });
  }
  return out;
}

function firstBlock(piece: Piece | undefined): PlanBlock | undefined {
  return piece === undefined ? undefined : 'note' in piece ? piece.note[0] : piece.block;
}

function startsPage(block: PlanBlock | undefined): boolean {
  return (block?.kind === 'paragraph' || block?.kind === 'list') && block.startsPage === true;
}

function keepsWithNext(block: PlanBlock): boolean {
  return (block.kind === 'paragraph' || block.kind === 'list') && block.keepWithNext === true;
}

function renderBlock(block: PlanBlock, ctx: RenderContext, at: Placement): string[] {
  switch (block.kind) {
    case 'heading':
      return [renderHeading(block, ctx, at)];
    case 'paragraph':
      return [renderParagraph(block, ctx, at)];
    case 'list':
      return block.cutLines ? renderCutList(block, ctx, at) : renderList(block, ctx, at);
    case 'table':
      return renderTable(block, ctx, at);
    case 'facts':
      return renderFacts(block, ctx, at);
    case 'lines':
      return renderLines(block.count, ctx, at);
    default:
      return assertNever(block);
  }
}

/** A small empty paragraph (6 pt) after a table. */
function spacer(ctx: RenderContext): string {
  return paragraphXml({ spacing: { before: 0, after: 0, exactLine: 120 } }, '', ctx.dir);
}

/** Blocks whose XML, when they write any, ends with a table. */
function endsWithTable(block: PlanBlock): boolean {
  return block.kind === 'table' || block.kind === 'facts';
}

/**
 * The body XML of one section's blocks, in order. With `breakBefore`, the first element written starts a new
 * page; a block that writes nothing (an empty list) passes the break on, so it is never lost and never doubled.
 * A block that starts a page takes the heading right before it along (the "Handouts" heading goes with the
 * first handout).
 */
export function renderBlocks(blocks: readonly PlanBlock[], ctx: RenderContext, breakBefore: boolean): string[] {
  const out: string[] = [];
  const all = pieces(blocks);
  let afterTable = false;
  let pendingBreak = breakBefore;
  let breakTaken = false;
  for (const [index, piece] of all.entries()) {
    const next = firstBlock(all[index + 1]);
    const block = firstBlock(piece);
    if (!block) continue;
    const headingBeforePage = block.kind === 'heading' && startsPage(next);
    const at: Placement = {
      breakBefore: pendingBreak || headingBeforePage || (startsPage(block) && !breakTaken),
      // A question (or any text) stays on the page of the lines written under it; so do blocks kept with the next.
      keepNext: next?.kind === 'lines' || ('block' in piece && keepsWithNext(piece.block)),
    };
    const written = 'note' in piece ? renderNoteBox(piece.note, ctx, at) : renderBlock(piece.block, ctx, at);
    if (written.length === 0) continue;
    pendingBreak = false;
    breakTaken = headingBeforePage;
    // Space between a table and what follows it, which also stops two tables in a row from merging into one.
    // Only between blocks on one page: a spacer at the end of a section could be pushed alone onto a page of its own.
    if (afterTable && !at.breakBefore) out.push(spacer(ctx));
    for (const xml of written) out.push(xml);
    afterTable = 'note' in piece || endsWithTable(block);
  }
  return out;
}

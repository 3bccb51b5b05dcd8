/** A section's blocks in order, with the page break on the first thing the section writes. */
import { assertNever } from '../../../../shared/errors';
import type { PlanBlock } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { paragraphXml } from './fast-xml';
import { renderHeading, renderLines, renderList, renderParagraph, type Placement } from './paragraphs';
import { renderFacts, renderTable } from './tables';

function renderBlock(block: PlanBlock, ctx: RenderContext, at: Placement): string[] {
  switch (block.kind) {
    case 'heading':
      return [renderHeading(block, ctx, at)];
    case 'paragraph':
      return [renderParagraph(block, ctx, at)];
    case 'list':
      return renderList(block, ctx, at);
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
 */
export function renderBlocks(blocks: readonly PlanBlock[], ctx: RenderContext, breakBefore: boolean): string[] {
  const out: string[] = [];
  let afterTable = false;
  for (const [index, block] of blocks.entries()) {
    // A question (or any text) stays on the page of the lines written under it.
    const keepNext = blocks[index + 1]?.kind === 'lines';
    const written = renderBlock(block, ctx, { breakBefore: breakBefore && out.length === 0, keepNext });
    if (written.length === 0) continue;
    // Space between a table and what follows it, which also stops two tables in a row from merging into one.
    // Only between blocks: a spacer at the end of a section could be pushed alone onto a page of its own.
    if (afterTable) out.push(spacer(ctx));
    for (const xml of written) out.push(xml);
    afterTable = endsWithTable(block);
  }
  return out;
}

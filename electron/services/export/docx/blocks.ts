/** A section's blocks in order, with the page break on the first thing the section writes. */
import { assertNever } from '../../../../shared/errors';
import type { PlanBlock } from '../../../../shared/domain/export/plan';
import type { RenderContext } from './context';
import { paragraphBlock, paragraphXml, XmlBlock } from './fast-xml';
import { renderHeading, renderLines, renderList, renderParagraph, type BodyElement, type Placement } from './paragraphs';
import { renderFacts, renderTable } from './tables';

function renderBlock(block: PlanBlock, ctx: RenderContext, at: Placement): BodyElement[] {
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
function spacer(ctx: RenderContext): XmlBlock {
  return paragraphBlock(paragraphXml({ spacing: { before: 0, after: 0, exactLine: 120 } }, [], ctx.dir));
}

function isTable(element: BodyElement | undefined): boolean {
  return element instanceof XmlBlock && element.kind === 'table';
}

/**
 * The blocks of one section. With `breakBefore`, the first element written starts a new page; a block that
 * writes nothing (an empty list) passes the break on, so it is never lost and never doubled.
 */
export function renderBlocks(blocks: readonly PlanBlock[], ctx: RenderContext, breakBefore: boolean): BodyElement[] {
  const out: BodyElement[] = [];
  for (const block of blocks) {
    const written = renderBlock(block, ctx, { breakBefore: breakBefore && out.length === 0 });
    // Space between a table and what follows it, which also stops two tables in a row from merging into one.
    // Only between blocks: a spacer at the end of a section could be pushed alone onto a page of its own.
    if (written.length > 0 && isTable(out.at(-1))) out.push(spacer(ctx));
    out.push(...written);
  }
  return out;
}

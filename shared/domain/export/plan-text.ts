/** The printed text of plan blocks, for document properties and for the participant-safety check. */
import { inlinesText } from './inline';
import type { ExportPlan, PlanBlock, PlanCell, PlanInline } from './plan';

/** Each paragraph, list item, heading, cell paragraph and fact of the blocks as one string, in order. */
export function blockTexts(blocks: readonly PlanBlock[], out: string[] = []): string[] {
  const cell = (c: PlanCell): void => {
    blockTexts(c.blocks, out);
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'heading':
        out.push(block.number ? `${block.number} ${block.text}` : block.text);
        break;
      case 'paragraph':
        out.push(inlinesText(block.inlines));
        break;
      case 'list':
        for (const item of block.items) out.push(inlinesText(item));
        break;
      case 'table':
        if (block.caption) out.push(block.caption);
        for (const row of block.header) row.forEach(cell);
        for (const row of block.rows) row.forEach(cell);
        break;
      case 'facts':
        for (const row of block.rows) out.push(`${row.label} ${inlinesText(row.value)}`);
        break;
      case 'lines':
        break;
    }
  }
  return out;
}

/** Texts around the sections: cover, running header and footer. */
export function planFrameTexts(plan: ExportPlan): string[] {
  const out: string[] = [plan.cover.title, plan.cover.subtitle ?? '', plan.cover.documentKind, plan.running.header, plan.running.footer];
  for (const fact of plan.cover.facts) out.push(fact.value);
  return out;
}

/** Every text of a plan: cover, running header and footer, and every section. */
export function planTexts(plan: ExportPlan): string[] {
  const out = planFrameTexts(plan);
  for (const section of plan.sections) blockTexts(section.blocks, out);
  return out;
}

/** Every run of a plan, for checks on runs themselves (asterisks, links). */
export function planInlines(plan: ExportPlan): PlanInline[] {
  const out: PlanInline[] = [];
  const visit = (blocks: readonly PlanBlock[]): void => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') out.push(...block.inlines);
      else if (block.kind === 'list') for (const item of block.items) out.push(...item);
      else if (block.kind === 'facts') for (const row of block.rows) out.push(...row.value);
      else if (block.kind === 'table') for (const row of [...block.header, ...block.rows]) for (const c of row) visit(c.blocks);
    }
  };
  for (const section of plan.sections) visit(section.blocks);
  return out;
}

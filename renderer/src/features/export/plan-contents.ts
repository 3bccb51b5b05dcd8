import type { ExportPlan, PlanHeading } from '../../../../shared/domain/export/plan';

/**
 * The anchor of a heading in the preview. Built from positions, not from section ids or text, so it is
 * always a valid, unique id whatever the plan holds.
 */
export function headingAnchor(sectionIndex: number, blockIndex: number): string {
  return `plan-h-${String(sectionIndex)}-${String(blockIndex)}`;
}

/** One line of the table of contents. */
export type ContentsEntry = { anchor: string; level: PlanHeading['level']; number?: string; text: string };

/** The table of contents: every heading the plan marks for it, in document order. */
export function contentsOf(plan: ExportPlan): ContentsEntry[] {
  return plan.sections.flatMap((section, s) =>
    section.blocks.flatMap((block, b) =>
      block.kind === 'heading' && block.toc ? [{ anchor: headingAnchor(s, b), level: block.level, ...(block.number ? { number: block.number } : {}), text: block.text }] : [],
    ),
  );
}

import { readFileSync } from 'node:fs';
import { planContext } from '../../shared/domain/export/context';
import { numberedHeadings } from '../../shared/domain/export/lesson-parts';
import { checkParticipantSafe } from '../../shared/domain/export/participant-safety';
import type { ExportPlan } from '../../shared/domain/export/plan';
import { participantSections } from '../../shared/domain/export/sections/handouts';
import type { Curriculum } from '../../shared/schemas/curriculum';
import type { Reference } from '../../shared/schemas/reference';

/**
 * One participant-safety check as an export runs it, of a JSON file holding a finished participant plan, its
 * curriculum and the reference list (the leak-check bench and reader-optimisation.test.ts write them). With
 * `convertFirst`, the lessons' participant sections are built first, as an export builds them before its
 * check; the function returned runs the check alone, for the caller to time.
 */
export function preparedParticipantCheck(file: string, convertFirst: boolean): () => void {
  const input = JSON.parse(readFileSync(file, 'utf8')) as { plan: ExportPlan; curriculum: Curriculum; references: Reference[] };
  const ctx = planContext({ curriculum: input.curriculum, references: input.references, today: '2026-11-26' }, { variant: 'participant', paper: 'a4', annexes: true });
  if (convertFirst) participantSections(ctx);
  // As buildExportPlan calls it: the curriculum, the numbered headings and the numbering the document prints references with.
  return () => {
    checkParticipantSafe(input.plan, ctx.curriculum, ctx.values, input.references, numberedHeadings(ctx), ctx.numbering);
  };
}

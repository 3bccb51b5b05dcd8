/**
 * Which documents carry round-trip markers, and the marker names of a lesson's fields in them. Only the
 * documents trainers and designers edit (the full curriculum and the trainer lesson plans, of a course or of
 * a library module) carry them: participant documents, tests and forms are handed out, not brought back.
 */
import type { NumberedLesson, PlanContext } from './context';
import { markName, type RoundTripField, type RoundTripSource } from './round-trip-marks';

/** Gives the marker name of a field of one lesson (`index`: the step, objective or handout), or undefined when the document carries none. */
export type LessonMarker = (field: RoundTripField, index?: number) => string | undefined;

const NO_MARKS: LessonMarker = () => undefined;

/** The source table of the document, or undefined for a variant without markers. */
export function roundTripSource(ctx: PlanContext): RoundTripSource | undefined {
  const variant = ctx.options.variant;
  if (variant !== 'full' && variant !== 'trainer') return undefined;
  const module = ctx.input.numbering === 'library';
  const first = ctx.modules[0]?.item;
  const taught = ctx.modules[0]?.lessons ?? [];
  const oneLesson = module && first && taught.length === 1 && first.snapshot.lessons.length > 1 ? taught[0]?.effective.lessonIndex : undefined;
  return {
    kind: module ? 'module' : 'course',
    id: module && first ? first.moduleId : ctx.curriculum.id,
    version: module && first ? String(first.revision) : ctx.curriculum.updatedAt,
    variant,
    ...(oneLesson === undefined ? {} : { lesson: oneLesson }),
    items: ctx.modules.map((m) => ({ itemId: m.item.id, moduleId: m.item.moduleId, revision: m.item.revision })),
  };
}

const itemNumbers = new WeakMap<PlanContext, ReadonlyMap<string, number> | null>();

function numbers(ctx: PlanContext): ReadonlyMap<string, number> | null {
  let found = itemNumbers.get(ctx);
  if (found === undefined) {
    found = roundTripSource(ctx) ? new Map(ctx.modules.map((m, index) => [m.item.id, index + 1])) : null;
    itemNumbers.set(ctx, found);
  }
  return found;
}

/** The marker names of one lesson's fields in this document. */
export function lessonMarker(ctx: PlanContext, lesson: NumberedLesson): LessonMarker {
  const item = numbers(ctx)?.get(lesson.effective.itemId);
  if (item === undefined) return NO_MARKS;
  return (field, index) => markName({ item, lesson: lesson.effective.lessonIndex, field, ...(index === undefined ? {} : { index }) });
}

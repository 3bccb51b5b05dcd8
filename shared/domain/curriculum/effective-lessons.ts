import type { LessonOverride, ModuleItem } from '../../schemas/curriculum';
import type { Lesson, Module } from '../../schemas/module';
import { lessonMinutes } from '../durations';

/** A lesson as this course teaches it: the snapshot's lesson with the item's overrides applied. */
export type EffectiveLesson = {
  itemId: string;
  moduleId: string;
  lessonCode: string;
  /** Position in the snapshot, which stays unique even if two lessons share a code. */
  lessonIndex: number;
  lesson: Lesson;
  minutes: number;
  pinnedDay: number | undefined;
  override: LessonOverride | undefined;
};

/**
 * The lessons an item teaches, in teaching order: omitted lessons left out, `lessonOrder` first (unknown
 * or repeated codes ignored) and the rest in snapshot order, step minutes replaced and extra trainer notes
 * appended. Lessons without overrides are returned as the snapshot's own objects so callers can cache by identity.
 */
export function effectiveLessons(item: ModuleItem): EffectiveLesson[] {
  const overrides = new Map<string, LessonOverride>();
  for (const override of item.lessons) if (!overrides.has(override.lessonCode)) overrides.set(override.lessonCode, override);
  return orderedLessonIndices(item)
    .map((lessonIndex) => {
      const source = item.snapshot.lessons[lessonIndex];
      if (!source) throw new Error(`lesson index ${lessonIndex} out of range`);
      const override = overrides.get(source.code);
      const lesson = override ? applyOverride(source, override) : source;
      return {
        itemId: item.id,
        moduleId: item.moduleId,
        lessonCode: source.code,
        lessonIndex,
        lesson,
        minutes: lessonMinutes(lesson),
        pinnedDay: override?.day,
        override,
      };
    })
    .filter((effective) => effective.override?.omit !== true);
}

/** The snapshot as this course teaches it, for exports and text-wide checks such as placeholders. */
export function effectiveModule(item: ModuleItem): Module {
  return { ...item.snapshot, lessons: effectiveLessons(item).map((e) => e.lesson) };
}

/** Overrides that point at no lesson or step of the snapshot, typically left over from an older revision. */
export function staleOverrides(item: ModuleItem): { lessonCode: string; step?: number }[] {
  const stale: { lessonCode: string; step?: number }[] = [];
  for (const override of item.lessons) {
    const lesson = item.snapshot.lessons.find((l) => l.code === override.lessonCode);
    if (!lesson) stale.push({ lessonCode: override.lessonCode });
    else for (const { step } of override.stepMinutes ?? []) if (step >= lesson.steps.length) stale.push({ lessonCode: override.lessonCode, step });
  }
  for (const code of new Set(item.lessonOrder))
    if (!item.snapshot.lessons.some((l) => l.code === code) && !item.lessons.some((o) => o.lessonCode === code)) stale.push({ lessonCode: code });
  return stale;
}

function orderedLessonIndices(item: ModuleItem): number[] {
  const lessons = item.snapshot.lessons;
  const seen = new Set<number>();
  const order: number[] = [];
  for (const code of item.lessonOrder ?? []) {
    const index = lessons.findIndex((l, i) => l.code === code && !seen.has(i));
    if (index >= 0) {
      seen.add(index);
      order.push(index);
    }
  }
  lessons.forEach((_lesson, index) => {
    if (!seen.has(index)) order.push(index);
  });
  return order;
}

/**
 * The overridden lesson, the same object for the same lesson and override. Courses are immutable data (the
 * store freezes them; edits make new objects), so checks and exports that look up what they found in a
 * lesson by its identity (text-checks.ts) do not read every overridden lesson again on each request.
 */
const OVERRIDDEN = new WeakMap<Lesson, WeakMap<LessonOverride, Lesson>>();

function applyOverride(lesson: Lesson, override: LessonOverride): Lesson {
  let byOverride = OVERRIDDEN.get(lesson);
  if (!byOverride) {
    byOverride = new WeakMap();
    OVERRIDDEN.set(lesson, byOverride);
  }
  let applied = byOverride.get(override);
  if (!applied) {
    applied = overridden(lesson, override);
    byOverride.set(override, applied);
  }
  return applied;
}

function overridden(lesson: Lesson, override: LessonOverride): Lesson {
  const minutes = new Map((override.stepMinutes ?? []).map((s) => [s.step, s.minutes]));
  const notes = override.trainerNotes?.trim();
  if (minutes.size === 0 && !notes) return lesson;
  return {
    ...lesson,
    steps: minutes.size === 0 ? lesson.steps : lesson.steps.map((step, i) => {
      const changed = minutes.get(i);
      return changed === undefined ? step : { ...step, minutes: changed };
    }),
    trainerNotes: notes ? (lesson.trainerNotes.trim() ? `${lesson.trainerNotes}\n\n${notes}` : notes) : lesson.trainerNotes,
  };
}

import { effectiveLessons, type EffectiveLesson } from '../../../../shared/domain/curriculum/effective-lessons';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';

/** A lesson as the outline lists it: left-out lessons included (so they can be taken back), in teaching order. */
export type LessonRow = EffectiveLesson & { omitted: boolean };

/** The item's lessons with overrides applied, omitted ones kept in their place and flagged. */
export function lessonRows(item: ModuleItem): LessonRow[] {
  const omitted = new Set(item.lessons.filter((o) => o.omit === true).map((o) => o.lessonCode));
  const all = omitted.size === 0 ? item : { ...item, lessons: item.lessons.map((o) => ({ ...o, omit: false })) };
  return effectiveLessons(all).map((lesson) => ({ ...lesson, omitted: omitted.has(lesson.lessonCode) }));
}

/** Teaching minutes of an item as the course teaches it. */
export function itemMinutes(item: ModuleItem): number {
  return effectiveLessons(item).reduce((total, lesson) => total + lesson.minutes, 0);
}

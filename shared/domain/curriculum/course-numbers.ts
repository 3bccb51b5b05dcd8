/**
 * The numbers a course gives its modules and lessons ("Module 2", "Lesson 2.3"), by item id and lesson code,
 * for everything that shows a course: the composer, timetable, checks and coverage use these, as the Word
 * documents do (shared/domain/export/context.ts); library codes appear only in the library.
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import { effectiveLessons } from './effective-lessons';

export type CourseNumbers = {
  /** "2", or undefined for an item that is not a module of the course. */
  module(itemId: string): string | undefined;
  /** "2.3", or undefined for a lesson the course leaves out. */
  lesson(itemId: string, lessonCode: string): string | undefined;
};

/** Lessons of a module are numbered by teaching order, so these are cached per item object (items are replaced, never changed). */
const lessonOrders = new WeakMap<ModuleItem, ReadonlyMap<string, number>>();

function lessonPositions(item: ModuleItem): ReadonlyMap<string, number> {
  let positions = lessonOrders.get(item);
  if (!positions) {
    positions = new Map(effectiveLessons(item).map((e, index) => [e.lessonCode, index + 1]));
    lessonOrders.set(item, positions);
  }
  return positions;
}

export function courseNumbers(curriculum: Pick<Curriculum, 'items'>): CourseNumbers {
  const modules = new Map<string, { number: number; item: ModuleItem }>();
  for (const item of curriculum.items) if (item.kind === 'module') modules.set(item.id, { number: modules.size + 1, item });
  return {
    module: (itemId) => {
      const entry = modules.get(itemId);
      return entry ? String(entry.number) : undefined;
    },
    lesson: (itemId, lessonCode) => {
      const entry = modules.get(itemId);
      const position = entry ? lessonPositions(entry.item).get(lessonCode) : undefined;
      return entry && position !== undefined ? `${entry.number}.${position}` : undefined;
    },
  };
}

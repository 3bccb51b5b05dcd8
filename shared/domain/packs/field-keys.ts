/**
 * The fields a pack preview compares and a merge decides, each named by a key:
 *
 *   "title", "summary", "themes"…        a module field
 *   "lesson:2.3:steps"                    one field of a lesson present on both sides
 *   "lesson:2.3"                          a whole lesson that one side does not have (added or removed)
 *   "lessonOrder"                         the order of the lessons every version has
 *
 * A lesson is several fields (title, aim, objectives, steps, trainer notes…), so that an academy's edit of
 * the trainer notes and a partner's new step merge without asking; steps stay one field, since merging
 * inside a lesson map would produce plans nobody wrote.
 */
import type { Lesson, Module } from '../../schemas/module';

export const LESSON_ORDER_KEY = 'lessonOrder';

export type FieldKey =
  | { kind: 'module'; field: string }
  | { kind: 'lesson'; code: string; field: string }
  | { kind: 'lesson-presence'; code: string }
  | { kind: 'lesson-order' };

/** Fields that describe a module's history, not its content: never merged, never compared. */
export const BOOKKEEPING = new Set(['id', 'revision', 'updatedAt', 'provenance', 'lessons']);

const LESSON_KEY = /^lesson:(\d{1,2}\.\d{1,2})(?::([A-Za-z][A-Za-z0-9]*))?$/;

export const lessonFieldKey = (code: string, field: string): string => `lesson:${code}:${field}`;
export const lessonPresenceKey = (code: string): string => `lesson:${code}`;

export function parseFieldKey(key: string): FieldKey {
  if (key === LESSON_ORDER_KEY) return { kind: 'lesson-order' };
  const lesson = LESSON_KEY.exec(key);
  if (lesson) return lesson[2] === undefined ? { kind: 'lesson-presence', code: lesson[1] ?? '' } : { kind: 'lesson', code: lesson[1] ?? '', field: lesson[2] };
  return { kind: 'module', field: key };
}

/** A module's own fields (bookkeeping left out), by name (a Map: no field name can reach Object.prototype). */
export function moduleFields(module: Module | undefined): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!module) return map;
  for (const [key, value] of Object.entries(module as Record<string, unknown>)) if (!BOOKKEEPING.has(key) && value !== undefined) map.set(key, value);
  return map;
}

/** A lesson's fields but its code (the code names the lesson). */
export function lessonFields(lesson: Lesson | undefined): Map<string, unknown> {
  const map = new Map<string, unknown>();
  if (!lesson) return map;
  for (const [key, value] of Object.entries(lesson as Record<string, unknown>)) if (key !== 'code' && value !== undefined) map.set(key, value);
  return map;
}

export function lessonOf(module: Module | undefined, code: string): Lesson | undefined {
  return module?.lessons.find((lesson) => lesson.code === code);
}

/** The value a key names in a module (undefined when absent); `common` is needed for the lesson order only. */
export function valueAt(module: Module | undefined, key: string, common: ReadonlySet<string> = new Set()): unknown {
  const parsed = parseFieldKey(key);
  switch (parsed.kind) {
    case 'module':
      return moduleFields(module).get(parsed.field);
    case 'lesson':
      return lessonFields(lessonOf(module, parsed.code)).get(parsed.field);
    case 'lesson-presence':
      return lessonOf(module, parsed.code);
    case 'lesson-order':
      return module?.lessons.map((l) => l.code).filter((code) => common.has(code)) ?? [];
  }
}

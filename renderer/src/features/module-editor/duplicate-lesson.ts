import type { Lesson, Module } from '../../../../shared/schemas/module';
import { nextLessonCode, type Translate } from './draft-ops';
import { insertAt } from './draft-paths';

/** A module holds at most this many lessons (ModuleSchema). */
export const MAX_LESSONS = 12;

/**
 * The draft with a copy of lesson `index` right after it: the same content (steps, handouts, evaluation,
 * its own objective ids, which are local to a lesson), a code no other lesson has, and a title that says it
 * is a copy. The original is untouched; the copy is a new object all the way down.
 */
export function duplicateLesson(draft: Module, index: number, t: Translate): Module {
  const original = draft.lessons[index];
  if (!original || draft.lessons.length >= MAX_LESSONS) return draft;
  const copy: Lesson = { ...structuredClone(original), code: nextLessonCode(draft.lessons), title: t('editor.copyTitle', { title: original.title }) };
  return insertAt(draft, ['lessons'], copy, index + 1);
}

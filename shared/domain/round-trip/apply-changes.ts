/**
 * Puts chosen field changes into a course (as its per-course overrides) or into a library module (as a new
 * revision's text). Pure: the service reads and writes the store.
 *
 * A course holds overrides for two kinds of field only (see LessonOverrideSchema): a step's minutes and
 * trainer notes added after the lesson's own. Step texts, objectives and handouts have no per-course form,
 * so as overrides they are skipped with that reason (the user can apply them as library edits). Trainer
 * notes as printed are the lesson's own notes followed by the course's: as an override, the text after the
 * lesson's own (unchanged) notes becomes the course's notes; as a library edit, the course's notes at the
 * end are taken off again. When the text cannot be split that way it is skipped, never guessed.
 */
import type { LessonOverride, ModuleItem } from '../../schemas/curriculum';
import type { Lesson, Module } from '../../schemas/module';
import type { FieldChange } from '../../schemas/round-trip';
import { comparable } from './field-text';

export type Skipped = { name: string; reason: string };

function blocksOf(markdown: string): string[] {
  return markdown.trim() === '' ? [] : markdown.split('\n\n');
}

function sameBlocks(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((block, index) => comparable(block) === comparable(b[index] ?? ''));
}

/**
 * The document's trainer notes with the lesson's own notes (`ownPrinted`, as the document printed them, in
 * the diff's Markdown form) taken off the front: the course's part; undefined when they do not start so.
 */
export function courseNotes(after: string, ownPrinted: string): string | undefined {
  const own = blocksOf(ownPrinted);
  const blocks = blocksOf(after);
  if (!sameBlocks(blocks.slice(0, own.length), own)) return undefined;
  return blocks.slice(own.length).join('\n\n');
}

/** The document's trainer notes with the course's notes (`coursePrinted`, as printed) taken off the end: the lesson's part. */
export function lessonNotes(after: string, coursePrinted: string): string | undefined {
  const extra = blocksOf(coursePrinted);
  const blocks = blocksOf(after);
  if (extra.length === 0) return after;
  if (!sameBlocks(blocks.slice(blocks.length - extra.length), extra)) return undefined;
  return blocks.slice(0, blocks.length - extra.length).join('\n\n');
}

function changedLesson(lesson: Lesson, change: FieldChange, notes: string): Lesson {
  const index = change.index ?? 0;
  const mapAt = <T>(list: readonly T[], update: (value: T) => T): T[] => list.map((value, i) => (i === index ? update(value) : value));
  switch (change.field) {
    case 'stepTrainer':
      return { ...lesson, steps: mapAt(lesson.steps, (s) => ({ ...s, trainerActivity: change.after })) };
    case 'stepParticipant':
      return { ...lesson, steps: mapAt(lesson.steps, (s) => ({ ...s, participantActivity: change.after })) };
    case 'stepMinutes':
      return { ...lesson, steps: mapAt(lesson.steps, (s) => ({ ...s, minutes: Number(change.after) })) };
    case 'objective':
      return { ...lesson, objectives: mapAt(lesson.objectives, (o) => ({ ...o, text: change.after })) };
    case 'handout':
      return { ...lesson, handouts: mapAt(lesson.handouts, (h) => ({ ...h, body: change.after })) };
    case 'trainerNotes':
      return { ...lesson, trainerNotes: notes };
  }
}

/**
 * The library module with the changes made to it. `coursePrinted` gives, for a course document, the notes the
 * course added to a lesson's (by marker name, as printed), which are not the library's.
 */
export function applyToModule(
  module: Module,
  changes: readonly FieldChange[],
  coursePrinted: (name: string) => string = () => '',
): { module: Module; applied: string[]; skipped: Skipped[] } {
  const applied: string[] = [];
  const skipped: Skipped[] = [];
  const lessons = [...module.lessons];
  for (const change of changes) {
    const at = lessons.findIndex((l) => l.code === change.lessonCode);
    const lesson = lessons[at];
    if (!lesson) {
      skipped.push({ name: change.name, reason: `The module has no lesson ${change.lessonCode}` });
      continue;
    }
    let notes = '';
    if (change.field === 'trainerNotes') {
      const own = lessonNotes(change.after, coursePrinted(change.name));
      if (own === undefined) {
        skipped.push({ name: change.name, reason: "The course's own notes at the end of this lesson's trainer notes were changed: apply them as course overrides" });
        continue;
      }
      notes = own;
    }
    lessons[at] = changedLesson(lesson, change, notes);
    applied.push(change.name);
  }
  return { module: { ...module, lessons }, applied, skipped };
}

function override(item: ModuleItem, lessonCode: string): LessonOverride {
  return item.lessons.find((o) => o.lessonCode === lessonCode) ?? { lessonCode };
}

/** The course's module item with the changes as its overrides: step minutes and the course's trainer notes. */
export function applyToCourseItem(item: ModuleItem, changes: readonly FieldChange[], ownPrinted: (name: string) => string): { item: ModuleItem; applied: string[]; skipped: Skipped[] } {
  const applied: string[] = [];
  const skipped: Skipped[] = [];
  const overrides = new Map(item.lessons.map((o) => [o.lessonCode, o]));
  for (const change of changes) {
    const lesson = item.snapshot.lessons.find((l) => l.code === change.lessonCode);
    if (!lesson) {
      skipped.push({ name: change.name, reason: `The course's module has no lesson ${change.lessonCode}` });
      continue;
    }
    const current = overrides.get(change.lessonCode) ?? override(item, change.lessonCode);
    if (change.field === 'stepMinutes') {
      const step = change.index ?? 0;
      const minutes = Number(change.after);
      const others = (current.stepMinutes ?? []).filter((s) => s.step !== step);
      const previous = current.stepMinutes?.find((s) => s.step === step);
      // Minutes equal to the module's own need no override.
      const entries = lesson.steps[step]?.minutes === minutes ? others : [...others, { step, minutes, ...(previous?.locked ? { locked: true } : {}) }].sort((a, b) => a.step - b.step);
      const { stepMinutes: _dropped, ...rest } = current;
      overrides.set(change.lessonCode, entries.length > 0 ? { ...rest, stepMinutes: entries } : rest);
      applied.push(change.name);
    } else if (change.field === 'trainerNotes') {
      const own = courseNotes(change.after, ownPrinted(change.name));
      if (own === undefined) {
        skipped.push({ name: change.name, reason: "The lesson's own trainer notes were changed, and a course can only add notes after them: apply this as a library edit" });
        continue;
      }
      const { trainerNotes: _dropped, ...rest } = current;
      overrides.set(change.lessonCode, own.trim() ? { ...rest, trainerNotes: own } : rest);
      applied.push(change.name);
    } else {
      skipped.push({ name: change.name, reason: 'A course has no override of its own for step texts, objectives or handout texts: apply this as a library edit' });
    }
  }
  // An override left holding nothing but its lesson code is dropped.
  const lessons = [...overrides.values()].filter((o) => Object.keys(o).length > 1);
  return { item: { ...item, lessons }, applied, skipped };
}

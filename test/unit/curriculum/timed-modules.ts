/** Modules whose lessons have the lengths a test chooses, built on sample modules so that they stay valid. */
import type { Curriculum, ModuleItem } from '../../../shared/schemas/curriculum';
import type { Lesson } from '../../../shared/schemas/module';
import { curriculum, MODULE_IDS, moduleItem, revised, sampleModule } from './sample';

/** A step of `minutes`, shortened to at most `min` and lengthened to at most `max` by fit. */
export type TimedStep = number | { minutes: number; min: number; max: number };
export type TimedLesson = { steps: TimedStep[]; optional?: boolean };

/**
 * A module item (of the `index`-th English sample module) whose lessons last as given: each lesson keeps
 * the sample's first lesson's texts, with its own code, and one step per length, all teaching its objectives.
 */
export function timedModule(index: number, lessons: readonly TimedLesson[], id?: string): ModuleItem {
  const english = MODULE_IDS.filter((m) => sampleModule(m).language === 'en');
  const base = sampleModule(english[index % english.length] ?? 'hr-foundations');
  const template = base.lessons[0];
  if (!template) throw new Error(`${base.id} has no lesson`);
  const first = template.steps[0];
  if (!first) throw new Error(`${base.id} lesson ${template.code} has no step`);
  const snapshot = revised(base, (m) => {
    m.lessons = lessons.map((lesson, l): Lesson => ({
      ...template,
      code: `${template.code.split('.')[0] ?? '1'}.${l + 1}`,
      title: `${template.title} (${l + 1})`,
      optional: lesson.optional ?? false,
      // Ids are unique within a module: each lesson's copies get their own.
      handouts: [],
      evaluation: template.evaluation.map((e) => ({ ...e, id: `l${l + 1}-${e.id}`.slice(0, 40) })),
      steps: lesson.steps.map((step, s) => ({
        ...first,
        id: `l${l + 1}-s${s + 1}`,
        title: `Step ${s + 1}`,
        ...(typeof step === 'number' ? { minutes: step, range: undefined } : { minutes: step.minutes, range: { min: step.min, max: step.max } }),
      })),
    }));
  });
  return moduleItem(snapshot.id, { snapshot, ...(id === undefined ? {} : { id }) });
}

/** A lesson of 124 minutes that fit may shorten to 114. */
export const LONG_LESSON: TimedLesson = { steps: [54, { minutes: 70, min: 60, max: 75 }] };

/**
 * The case from the review: planned for 5 days, the course is only 15 minutes too long even with every
 * activity at its shortest, but lessons are not split across days, so 4 h 15 min of them (two lessons and a
 * short one) fall on day 6. Lesson 2 of the third module is optional.
 */
export function reviewCase(): Curriculum {
  return curriculum(
    [0, 1, 2, 3, 4, 5].map((i) => timedModule(i, i === 5 ? [LONG_LESSON, LONG_LESSON, { steps: [27] }] : [LONG_LESSON, i === 2 ? { ...LONG_LESSON, optional: true } : LONG_LESSON, LONG_LESSON])),
    { days: 5 },
  );
}

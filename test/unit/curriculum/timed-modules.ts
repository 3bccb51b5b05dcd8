/** Modules whose lessons have the lengths a test chooses, built on sample modules so that they stay valid. */
import type { ModuleItem } from '../../../shared/schemas/curriculum';
import type { Lesson } from '../../../shared/schemas/module';
import { MODULE_IDS, moduleItem, revised, sampleModule } from './sample';

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

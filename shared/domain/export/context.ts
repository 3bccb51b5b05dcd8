/**
 * What every section builder needs, computed once per export: the schedule, the lessons as this course
 * teaches them (overrides applied, module snapshots only) with their UN-style numbers, and the labels.
 */
import type { Language } from '../languages';
import { effectiveLessons, type EffectiveLesson } from '../curriculum/effective-lessons';
import { courseNumbering, libraryModuleNumber, libraryNumbering, type Numbering } from '../references/numbering';
import { printModuleRefs } from '../references/resolve';
import { scheduleCurriculum, type Placement, type Schedule } from '../curriculum/schedule';
import type { Curriculum, ModuleItem, SessionItem } from '../../schemas/curriculum';
import type { Module } from '../../schemas/module';
import type { Reference } from '../../schemas/reference';
import type { PlaceholderValues } from './inline';
import { labelsFor, type LabelTable } from './labels';
import type { ExportOptions, PlanCover } from './plan';

/** What the export is built from; the library is never consulted, only the curriculum's snapshots. */
export type PlanInput = {
  curriculum: Curriculum;
  references: readonly Reference[];
  /** ISO date (yyyy-mm-dd) printed on the cover. */
  today: string;
  logo?: PlanCover['logo'];
  /**
   * course (default): modules numbered by their place in the course, lessons by teaching order. library: a
   * library module or lesson printed on its own keeps its library codes ("Lesson 4.2"), as the library shows it.
   */
  numbering?: 'course' | 'library';
};

export type NumberedLesson = {
  /** The lesson as taught, its references printed with the document's numbering. */
  effective: EffectiveLesson;
  /** "2.3": module number, then the lesson's position in the module's teaching order (library: its code). */
  number: string;
  placement: Placement | undefined;
};

export type NumberedModule = {
  item: ModuleItem;
  /** The snapshot as taught: omitted lessons left out, overrides applied, lessons in teaching order. */
  module: Module;
  /** Position among the curriculum's module items, from 1 (library numbering: the module's library number). */
  number: string;
  lessons: NumberedLesson[];
};

export type PlanContext = {
  input: PlanInput;
  curriculum: Curriculum;
  options: ExportOptions;
  language: Language;
  labels: LabelTable;
  values: PlaceholderValues;
  schedule: Schedule;
  modules: NumberedModule[];
  sessions: { item: SessionItem; placement: Placement | undefined }[];
  references: ReadonlyMap<string, Reference>;
  numbering: Numbering;
};

export function planContext(input: PlanInput, options: ExportOptions): PlanContext {
  const { curriculum } = input;
  const schedule = scheduleCurriculum(curriculum);
  const placements = new Map(schedule.placements.map((p) => [p.unitKey, p]));
  const library = input.numbering === 'library';
  const numbering = library ? libraryNumbering(curriculum.items.flatMap((i) => (i.kind === 'module' ? [i.snapshot] : []))) : courseNumbering(curriculum);
  const modules: NumberedModule[] = [];
  const sessions: PlanContext['sessions'] = [];
  for (const item of curriculum.items) {
    if (item.kind === 'session') {
      sessions.push({ item, placement: placements.get(item.id) });
      continue;
    }
    const number = library ? libraryModuleNumber(item.snapshot) : String(modules.length + 1);
    const taught = effectiveLessons(item);
    // References in the module's texts are printed once here, in the module's own language, so every
    // section (and the participant-safety check) reads plain text with this document's numbers.
    const printed = printModuleRefs({ ...item.snapshot, lessons: taught.map((e) => e.lesson) }, numbering, item.snapshot.language);
    const lessons = taught.map((effective, index) => ({
      effective: { ...effective, lesson: printed.lessons[index] ?? effective.lesson },
      number: library ? effective.lessonCode : `${number}.${index + 1}`,
      // Same key as the scheduler's units (curriculumUnits), so every lesson finds its placement.
      placement: placements.get(`${item.id}/${effective.lessonIndex}`),
    }));
    modules.push({ item, module: printed, number, lessons });
  }
  return {
    input,
    curriculum,
    options,
    language: curriculum.language,
    labels: labelsFor(curriculum.language),
    // A copy per export: converted texts are cached per values object (see inline.ts), and a copy can
    // never be changed behind the cache's back, nor keep the cache alive after the export.
    values: { ...curriculum.placeholders },
    schedule,
    modules,
    sessions,
    references: new Map(input.references.map((r) => [r.id, r])),
    numbering,
  };
}


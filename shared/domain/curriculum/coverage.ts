/**
 * What a course covers: hours per theme, learning objectives per Bloom level, and which lessons cite which
 * instruments. All figures use the lessons as the course teaches them (overrides applied).
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import { BLOOM_LEVELS, type BloomLevel } from '../../schemas/module';
import type { Reference } from '../../schemas/reference';
import { THEMES, type Theme } from '../../schemas/themes';
import { effectiveLessons, type EffectiveLesson } from './effective-lessons';

export type ThemeHours = {
  theme: Theme;
  /**
   * Every minute of a module counts in full towards each of its themes: a lesson on SGBV response is also
   * a lesson on gender-responsive policing. Themes therefore add up to more than the course.
   */
  minutes: number;
  /** The module's minutes divided equally among its themes; these add up to the course's module minutes. */
  sharedMinutes: number;
  itemIds: string[];
  lessons: number;
  required: boolean;
};

/** A taught lesson; `number` is its number in the course ("2.3"), the one the composer and documents show. */
export type LessonRef = { itemId: string; moduleId: string; lessonCode: string; number: string; title: string };

export type BloomRow = LessonRef & { counts: Record<BloomLevel, number>; total: number };

export type BloomMatrix = { levels: readonly BloomLevel[]; rows: BloomRow[]; totals: Record<BloomLevel, number>; total: number };

export type TraceabilityRow = {
  referenceId: string;
  /** False for an id cited by a lesson but missing from the reference list. */
  known: boolean;
  shortName: string;
  kind: Reference['kind'] | undefined;
  /** Indexes into `lessons` of the lessons citing this reference. */
  lessons: number[];
  /** Module items listing the reference among the module's own references. */
  itemIds: string[];
};

export type Traceability = { lessons: LessonRef[]; rows: TraceabilityRow[] };

/**
 * `taughtMinutes`: the minutes the course's lessons take, once each; theme hours count a lesson for every
 * theme of its module, so they add up to more than this.
 */
export type Coverage = { themes: ThemeHours[]; bloom: BloomMatrix; traceability: Traceability; taughtMinutes: number };

type Taught = { item: ModuleItem; number: number; lessons: EffectiveLesson[] };

function taught(curriculum: Pick<Curriculum, 'items'>): Taught[] {
  return curriculum.items.filter((i): i is ModuleItem => i.kind === 'module').map((item, index) => ({ item, number: index + 1, lessons: effectiveLessons(item) }));
}

function lessonRef(e: EffectiveLesson, moduleNumber: number, position: number): LessonRef {
  return { itemId: e.itemId, moduleId: e.moduleId, lessonCode: e.lessonCode, number: `${moduleNumber}.${position + 1}`, title: e.lesson.title };
}

export function curriculumCoverage(curriculum: Pick<Curriculum, 'items' | 'requiredThemes'>, references: readonly Reference[]): Coverage {
  const modules = taught(curriculum);
  const taughtMinutes = modules.reduce((total, m) => total + m.lessons.reduce((sum, e) => sum + e.minutes, 0), 0);
  return { themes: themeHoursOf(modules, curriculum.requiredThemes), bloom: bloomMatrixOf(modules), traceability: traceabilityOf(modules, references), taughtMinutes };
}

/** Every theme of the controlled list, in its order, zeros included so gaps show. */
export function themeHours(curriculum: Pick<Curriculum, 'items' | 'requiredThemes'>): ThemeHours[] {
  return themeHoursOf(taught(curriculum), curriculum.requiredThemes);
}

export function bloomMatrix(curriculum: Pick<Curriculum, 'items'>): BloomMatrix {
  return bloomMatrixOf(taught(curriculum));
}

/**
 * Rows: every reference of the list (national-law entries included), in list order, then ids cited but not
 * in the list. Columns: the course's lessons in teaching order.
 */
export function traceability(curriculum: Pick<Curriculum, 'items'>, references: readonly Reference[]): Traceability {
  return traceabilityOf(taught(curriculum), references);
}

function themeHoursOf(modules: readonly Taught[], required: readonly Theme[]): ThemeHours[] {
  const rows = new Map<Theme, ThemeHours>(
    THEMES.map((theme) => [theme, { theme, minutes: 0, sharedMinutes: 0, itemIds: [], lessons: 0, required: required.includes(theme) }]),
  );
  for (const { item, lessons } of modules) {
    if (lessons.length === 0) continue;
    const minutes = lessons.reduce((total, e) => total + e.minutes, 0);
    const themes = [...new Set(item.snapshot.themes)];
    for (const theme of themes) {
      const row = rows.get(theme);
      if (!row) continue;
      row.minutes += minutes;
      row.sharedMinutes += minutes / themes.length;
      row.lessons += lessons.length;
      if (!row.itemIds.includes(item.id)) row.itemIds.push(item.id);
    }
  }
  return [...rows.values()];
}

function zeroCounts(): Record<BloomLevel, number> {
  return { remember: 0, understand: 0, apply: 0, analyse: 0, evaluate: 0, create: 0 };
}

function bloomMatrixOf(modules: readonly Taught[]): BloomMatrix {
  const totals = zeroCounts();
  const rows: BloomRow[] = [];
  for (const { lessons, number } of modules)
    for (const [position, e] of lessons.entries()) {
      const counts = zeroCounts();
      for (const objective of e.lesson.objectives) {
        counts[objective.bloom] += 1;
        totals[objective.bloom] += 1;
      }
      rows.push({ ...lessonRef(e, number, position), counts, total: e.lesson.objectives.length });
    }
  return { levels: BLOOM_LEVELS, rows, totals, total: rows.reduce((sum, r) => sum + r.total, 0) };
}

function traceabilityOf(modules: readonly Taught[], references: readonly Reference[]): Traceability {
  const lessons: LessonRef[] = [];
  const rows = new Map<string, TraceabilityRow>(
    references.map((r) => [r.id, { referenceId: r.id, known: true, shortName: r.shortName, kind: r.kind, lessons: [], itemIds: [] }]),
  );
  const row = (id: string): TraceabilityRow => {
    let found = rows.get(id);
    if (!found) rows.set(id, (found = { referenceId: id, known: false, shortName: id, kind: undefined, lessons: [], itemIds: [] }));
    return found;
  };
  for (const { item, number, lessons: taughtLessons } of modules) {
    for (const id of item.snapshot.references) {
      const r = row(id);
      if (!r.itemIds.includes(item.id)) r.itemIds.push(item.id);
    }
    for (const [position, e] of taughtLessons.entries()) {
      const column = lessons.push(lessonRef(e, number, position)) - 1;
      for (const id of new Set(e.lesson.references)) row(id).lessons.push(column);
    }
  }
  return { lessons, rows: [...rows.values()] };
}

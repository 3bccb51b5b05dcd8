/**
 * A single library module, or one of its lessons, as a one-item curriculum, so that "export module" and
 * "export lesson" go through exactly the same builder (and the same participant-safety check) as a course.
 */
import { AppError } from '../../errors';
import { dayModel } from '../curriculum/day-model';
import { assignDays } from '../curriculum/day-packer';
import { CurriculumSchema, DEFAULT_DAY_TEMPLATE, MAX_DAYS, type Curriculum, type LessonOverride } from '../../schemas/curriculum';
import type { Module } from '../../schemas/module';

/** Days the lessons need on the default day template, at least one. */
function daysNeeded(module: Module, lessonIndex: number | undefined): number {
  const lessons = lessonIndex === undefined ? module.lessons : module.lessons.slice(lessonIndex, lessonIndex + 1);
  const units = lessons.map((lesson) => ({ steps: lesson.steps.map((step) => step.minutes), session: false }));
  const assignments = assignDays(units, dayModel(DEFAULT_DAY_TEMPLATE));
  return Math.min(MAX_DAYS, Math.max(1, ...assignments.map((a) => a.day)));
}

/**
 * The curriculum of one module (all its lessons) or of one lesson (`lessonIndex`, from 0; the others are
 * omitted through overrides). It takes the module's language, audiences and author, has no placeholder
 * values (an unfilled placeholder is shown as such) and as many default days as the lessons need.
 * Throws AppError('not-found') for a lesson index the module does not have.
 */
export function curriculumForModule(module: Module, now: Date, lessonIndex?: number): Curriculum {
  const lesson = lessonIndex === undefined ? undefined : module.lessons[lessonIndex];
  if (lessonIndex !== undefined && !lesson)
    throw new AppError('not-found', `Module "${module.title}" has no lesson ${lessonIndex + 1}: it has ${module.lessons.length} lesson(s)`);
  const overrides: LessonOverride[] = lesson
    ? [...new Set(module.lessons.map((l) => l.code))].filter((code) => code !== lesson.code).map((code) => ({ lessonCode: code, omit: true }))
    : [];
  const stamp = now.toISOString();
  return CurriculumSchema.parse({
    id: module.id,
    title: module.title,
    subtitle: lesson ? `${lesson.code} ${lesson.title}` : '',
    academy: module.provenance.publisher ?? '',
    audiences: module.audiences,
    language: module.language,
    version: String(module.revision),
    status: 'draft',
    authors: [module.provenance.author],
    createdAt: stamp,
    updatedAt: stamp,
    description: module.summary,
    days: daysNeeded(module, lessonIndex),
    dayTemplate: DEFAULT_DAY_TEMPLATE,
    requiredThemes: [],
    placeholders: {},
    items: [{ kind: 'module', id: module.id, moduleId: module.id, revision: module.revision, snapshot: module, lessons: overrides }],
  });
}

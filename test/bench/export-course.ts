/**
 * Benchmark courses for the Word export: N modules of exactly six lessons each, made from the sample
 * library's real texts (lessons repeated with new codes where a sample module has fewer), with an opening
 * and a closing session and some placeholders, so that the document is as heavy per module as a real one.
 */
import { COURSE_PACKAGE_DEFAULTS, DEFAULT_DAY_TEMPLATE, DEFAULT_REQUIRED_THEMES, type Curriculum, type CurriculumItem } from '../../shared/schemas/curriculum';
import type { Lesson, Module } from '../../shared/schemas/module';

export const LESSONS_PER_MODULE = 6;

function sixLessons(module: Module, copy: number): Module {
  const lessons: Lesson[] = [];
  for (let i = 0; i < LESSONS_PER_MODULE; i += 1) {
    const lesson = module.lessons[i % module.lessons.length];
    if (!lesson) throw new Error(`sample module ${module.id} has no lessons`);
    lessons.push({ ...lesson, code: `1.${i + 1}` });
  }
  const copyOf: Module = { ...module, id: `${module.id}-${copy}`, prerequisites: [], lessons };
  // Copies stand alone: no translation links to modules the course does not hold.
  delete copyOf.translationOf;
  return copyOf;
}

export function exportBenchCourse(samples: readonly Module[], count: number): Curriculum {
  // English modules only: one language per course, as the checks expect.
  const english = samples.filter((m) => m.language === 'en');
  const items: CurriculumItem[] = [{ kind: 'session', id: 'opening', sessionKind: 'opening', title: 'Opening', minutes: 60 }];
  for (let i = 0; i < count; i += 1) {
    const sample = english[i % english.length];
    if (!sample) throw new Error('no English sample modules');
    const snapshot = sixLessons(sample, i);
    items.push({ kind: 'module', id: `item-${i}`, moduleId: snapshot.id, revision: snapshot.revision, snapshot, lessons: [] });
  }
  items.push({ kind: 'session', id: 'closing', sessionKind: 'closing', title: 'Closing', minutes: 45 });
  const minutes = items.length * 6 * 60;
  return {
    id: 'export-bench',
    title: `Export benchmark course (${count} modules)`,
    subtitle: 'Realistic text, six lessons per module',
    academy: 'Bench Academy',
    audiences: ['recruits'],
    language: 'en',
    courseCode: `EB-${count}`,
    version: '1.0',
    status: 'draft',
    authors: ['Bench'],
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    startDate: '2026-03-02',
    description: 'A long course used to measure the Word export.',
    days: Math.min(200, Math.ceil(minutes / 390) + 1),
    dayTemplate: DEFAULT_DAY_TEMPLATE,
    requiredThemes: [...DEFAULT_REQUIRED_THEMES],
    placeholders: { country: 'Ruritania' },
    items,
    ...COURSE_PACKAGE_DEFAULTS,
  };
}

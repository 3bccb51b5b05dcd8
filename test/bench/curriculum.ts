import { checkCurriculum, type LibraryLookup } from '../../shared/domain/curriculum/checks';
import { curriculumCoverage } from '../../shared/domain/curriculum/coverage';
import { scheduleCurriculum } from '../../shared/domain/curriculum/schedule';
import { COURSE_PACKAGE_DEFAULTS, DEFAULT_DAY_TEMPLATE, DEFAULT_REQUIRED_THEMES, type Curriculum, type CurriculumItem } from '../../shared/schemas/curriculum';
import type { Module } from '../../shared/schemas/module';
import type { Reference } from '../../shared/schemas/reference';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { RESOURCES_DIR } from '../helpers/open-test-store';
import { summarise } from './stats';

/**
 * A 40-module course (the sample modules, cycled, so repeats and translations trigger checks as a careless
 * course would) with an opening and a closing session, a few overrides and some placeholders filled.
 */
function course(modules: readonly Module[], count: number, copy: (m: Module) => Module = (m) => m): Curriculum {
  const items: CurriculumItem[] = [{ kind: 'session', id: 'opening', sessionKind: 'opening', title: 'Opening', minutes: 60 }];
  for (let i = 0; i < count; i += 1) {
    const module = modules[i % modules.length];
    if (!module) throw new Error('no sample modules');
    const snapshot = copy(module);
    const first = snapshot.lessons[0];
    items.push({
      kind: 'module',
      id: `item-${i}`,
      moduleId: snapshot.id,
      revision: snapshot.revision,
      snapshot,
      // Every third item has local changes: a shorter first step and extra notes; every seventh a pinned lesson.
      lessons: first && i % 3 === 0 ? [{ lessonCode: first.code, stepMinutes: [{ step: 0, minutes: 10 }], trainerNotes: 'Use a local case from {country}.' }] : [],
      ...(i % 7 === 0 && snapshot.lessons[1] ? { lessonOrder: [snapshot.lessons[1].code] } : {}),
    });
  }
  items.push({ kind: 'session', id: 'closing', sessionKind: 'closing', title: 'Closing', minutes: 45 });
  return {
    id: 'bench-course',
    title: 'Benchmark course',
    subtitle: '',
    academy: 'Bench Academy',
    audiences: ['recruits'],
    language: 'en',
    courseCode: 'B-40',
    version: '1.0',
    status: 'draft',
    authors: [],
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    startDate: '2026-03-02',
    description: '',
    days: 55,
    dayTemplate: DEFAULT_DAY_TEMPLATE,
    requiredThemes: [...DEFAULT_REQUIRED_THEMES],
    placeholders: { country: 'Ruritania', national_police_law: 'Police Act 2019' },
    items,
    ...COURSE_PACKAGE_DEFAULTS,
  };
}

/** What the curriculum screen recomputes after every edit. */
function recompute(curriculum: Curriculum, library: LibraryLookup, references: readonly Reference[]): number {
  const schedule = scheduleCurriculum(curriculum);
  const checks = checkCurriculum(curriculum, { library, schedule });
  const coverage = curriculumCoverage(curriculum, references);
  return schedule.placements.length + checks.length + coverage.bloom.rows.length;
}

/**
 * Schedule + checks + coverage of a 40-module course. "warm" recomputes the same snapshots, as the app does
 * after an edit (snapshots never change, so placeholder scans are cached per lesson); "cold" gives every run
 * freshly copied snapshots, the cost of the first computation after opening a course.
 */
export async function benchCurriculum(runs = 300, moduleCount = 40): Promise<Record<string, unknown>> {
  const sample = await loadSampleLibrary(RESOURCES_DIR);
  const byId = new Map(sample.modules.map((m) => [m.id, m]));
  const library: LibraryLookup = (id) => byId.get(id);
  const curriculum = course(sample.modules, moduleCount);
  const lessons = scheduleCurriculum(curriculum).placements.length;

  for (let i = 0; i < 20; i += 1) recompute(curriculum, library, sample.references);
  const warm: number[] = [];
  let sink = 0;
  for (let i = 0; i < runs; i += 1) {
    // A new curriculum object each run, as an edit produces; the snapshots are shared.
    const edited = { ...curriculum, updatedAt: new Date(Date.UTC(2026, 0, 5, 9, 0, i)).toISOString() };
    const started = performance.now();
    sink += recompute(edited, library, sample.references);
    warm.push(performance.now() - started);
  }

  const cold: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const fresh = course(sample.modules, moduleCount, (m) => structuredClone(m));
    const started = performance.now();
    sink += recompute(fresh, library, sample.references);
    cold.push(performance.now() - started);
  }

  const last = scheduleCurriculum(curriculum);
  return {
    target: 'median <= 5 ms (warm)',
    modules: moduleCount,
    lessons,
    daysUsed: last.daysUsed,
    checks: checkCurriculum(curriculum, { library, schedule: last }).length,
    ...summarise(warm),
    cold: summarise(cold),
    // Keeps the work observable so no engine can drop it.
    checksum: sink % 997,
  };
}

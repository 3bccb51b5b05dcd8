/**
 * Saving one course while 500 courses exist, as the composer's autosave does it (the contract's request,
 * without snapshots, through the curricula service and the store), and opening such a data folder cold.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaveCurriculumSchema } from '../../shared/schemas/curricula';
import type { Curriculum } from '../../shared/schemas/curriculum';
import { openTestServices } from '../helpers/open-test-store';
import { summarise } from './stats';

/** 500 courses: copies of the sample course (14 module items), so they share its snapshots. */
export async function dataFolderWithCourses(dataDir: string, courses: number): Promise<void> {
  const services = await openTestServices(dataDir);
  const [sample] = services.store.read('curricula').curricula;
  if (!sample) throw new Error('The sample course is seeded');
  const copies: Curriculum[] = Array.from({ length: courses - 1 }, (_, i) => ({ ...sample, id: `course-${i + 1}`, title: `Course ${i + 1}` }));
  await services.store.update('curricula', (data) => ({ ...data, curricula: [...data.curricula, ...copies] }));
  services.store.close();
}

export async function benchCourseSave(courses = 500, rounds = 60): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-courses-'));
  try {
    await dataFolderWithCourses(dataDir, courses);
    const opened = performance.now();
    const services = await openTestServices(dataDir);
    const openMs = Math.round(performance.now() - opened);
    const times: number[] = [];
    try {
      for (let i = 0; i < rounds; i += 1) {
        const stored = services.store.read('curricula').curricula.find((c) => c.id === `course-${1 + (i % 20)}`);
        if (!stored) throw new Error('a course');
        // What the composer sends: the course without its snapshots (the store has them).
        const request = {
          curriculum: { ...stored, title: `Course saved ${i}`, items: stored.items.map((item) => (item.kind === 'module' ? { ...item, snapshot: undefined } : item)) },
          baseUpdatedAt: stored.updatedAt,
        };
        const json = JSON.parse(JSON.stringify(request)) as unknown;
        const started = performance.now();
        await services.curricula.save(SaveCurriculumSchema.parse(json));
        times.push(performance.now() - started);
      }
    } finally {
      services.store.close();
    }
    return { courses, moduleItemsPerCourse: 14, openColdMs: openMs, backups: 'keep 10, every save', save: summarise(times) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

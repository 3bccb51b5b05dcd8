import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { IdSchema } from '../../../shared/schemas/common';
import { CurriculumSchema, LessonOverrideSchema, SessionItemSchema, type Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import { parseJsonText } from '../../../shared/domain/json-text';

/** The sample course shipped in `resources/curricula/`, seeded into a new data folder. */
export const SAMPLE_CURRICULUM_FILE = 'foundation-course.json';

/**
 * A module item as the course file names it: which module and how it is taught, without the snapshot.
 * Snapshots are taken when the course is seeded, so they always match the library shipped with the app.
 */
const TemplateModuleItemSchema = z.strictObject({
  kind: z.literal('module'),
  id: IdSchema,
  moduleId: IdSchema,
  lessonOrder: z.array(z.string()).optional(),
  lessons: z.array(LessonOverrideSchema).optional(),
});

/** The rest of the file is checked by CurriculumSchema once the snapshots are in place (strictly, so typos fail). */
const TemplateSchema = z.looseObject({
  items: z.array(z.discriminatedUnion('kind', [TemplateModuleItemSchema, SessionItemSchema])),
});

/** Builds a curriculum from a course file, taking module snapshots from `modules` at their current revision. */
export function curriculumFromTemplate(raw: unknown, modules: readonly Module[], now: Date, label: string): Curriculum {
  const template = TemplateSchema.safeParse(raw);
  if (!template.success) throw new AppError('internal', `${label} is invalid: ${z.prettifyError(template.error)}`);
  const byId = new Map(modules.map((m) => [m.id, m]));
  const items = template.data.items.map((item) => {
    if (item.kind === 'session') return item;
    const snapshot = byId.get(item.moduleId);
    if (!snapshot) throw new AppError('internal', `${label} uses module "${item.moduleId}", which the library does not have`);
    return { ...item, revision: snapshot.revision, snapshot };
  });
  const stamp = now.toISOString();
  const parsed = CurriculumSchema.safeParse({ ...template.data, items, createdAt: stamp, updatedAt: stamp });
  if (!parsed.success) throw new AppError('internal', `${label} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

export async function loadSampleCurriculum(resourcesDir: string, modules: readonly Module[], now = new Date()): Promise<Curriculum> {
  const path = join(resourcesDir, 'curricula', SAMPLE_CURRICULUM_FILE);
  const raw: unknown = parseJsonText(await readFile(path, 'utf8'));
  return curriculumFromTemplate(raw, modules, now, `The sample course ${SAMPLE_CURRICULUM_FILE}`);
}

/** Sample modules and small builders shared by the curriculum tests. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { z } from 'zod';
import {
  COURSE_PACKAGE_DEFAULTS,
  DEFAULT_DAY_TEMPLATE,
  DEFAULT_REQUIRED_THEMES,
  type Curriculum,
  type CurriculumItem,
  type LessonOverride,
  type ModuleItem,
  type SessionItem,
  type SessionKind,
} from '../../../shared/schemas/curriculum';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { ReferenceSchema } from '../../../shared/schemas/reference';

const libraryDir = join(import.meta.dirname, '../../../resources/library');

export const references = z.array(ReferenceSchema).parse(JSON.parse(readFileSync(join(libraryDir, 'references.json'), 'utf8')));

export const modules: ReadonlyMap<string, Module> = new Map(
  readdirSync(join(libraryDir, 'modules'))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const module = ModuleSchema.parse(JSON.parse(readFileSync(join(libraryDir, 'modules', file), 'utf8')));
      return [module.id, module] as const;
    }),
);

export function sampleModule(id: string): Module {
  const module = modules.get(id);
  if (!module) throw new Error(`no sample module ${id}`);
  return module;
}

/** A module item; `id` defaults to the module id, which is unique as long as a test adds each module once. */
export function moduleItem(moduleId: string, extra: { id?: string; lessons?: LessonOverride[]; lessonOrder?: string[]; snapshot?: Module } = {}): ModuleItem {
  const snapshot = extra.snapshot ?? sampleModule(moduleId);
  return {
    kind: 'module',
    id: extra.id ?? moduleId,
    moduleId: snapshot.id,
    revision: snapshot.revision,
    snapshot,
    lessons: extra.lessons ?? [],
    ...(extra.lessonOrder ? { lessonOrder: extra.lessonOrder } : {}),
  };
}

export function session(sessionKind: SessionKind, minutes: number, extra: Partial<SessionItem> = {}): SessionItem {
  return { kind: 'session', id: extra.id ?? sessionKind, sessionKind, title: extra.title ?? sessionKind, minutes, ...extra };
}

export function curriculum(items: CurriculumItem[], extra: Partial<Curriculum> = {}): Curriculum {
  return {
    id: 'test-course',
    title: 'Test course',
    subtitle: '',
    academy: 'Test Academy',
    audiences: [],
    language: 'en',
    courseCode: 'TC-1',
    version: '1.0',
    status: 'draft',
    authors: ['Tester'],
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-01-05T09:00:00.000Z',
    description: '',
    days: 5,
    dayTemplate: DEFAULT_DAY_TEMPLATE,
    requiredThemes: [...DEFAULT_REQUIRED_THEMES],
    placeholders: {},
    items,
    ...COURSE_PACKAGE_DEFAULTS,
    ...extra,
  };
}

/** A revision of a sample module with changes applied, as the library would hold after an edit. */
export function revised(module: Module, change: (draft: Module) => void): Module {
  const draft = structuredClone(module);
  draft.revision = module.revision + 1;
  change(draft);
  return draft;
}

export const MODULE_IDS = [...modules.keys()];

/** `expect.objectContaining`, typed `unknown` so it can sit inside typed objects without an `any`. */
export function partly(value: Record<string, unknown>): unknown {
  return expect.objectContaining(value);
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOCUMENTS, decodeDocument, type DocumentDefinition } from '../../../electron/services/store/documents';
import { CURRICULA_MIGRATIONS, LIBRARY_MIGRATIONS, migrate, type Migration } from '../../../electron/services/store/migrations';
import { CurriculumSchema } from '../../../shared/schemas/curriculum';
import { ModuleSchema } from '../../../shared/schemas/module';
import { AppError } from '../../../shared/errors';

const FIXTURES = join(import.meta.dirname, '../../fixtures/stores');

describe('migrate', () => {
  const steps: Migration[] = [
    { to: 2, up: (d) => ({ ...d, renamed: d['old'] }) },
    { to: 3, up: ({ old: _old, ...d }) => d },
  ];

  it('runs each step in order from the file version to the current one', () => {
    expect(migrate({ schemaVersion: 1, old: 'x' }, 3, steps, 'test')).toEqual({ schemaVersion: 3, renamed: 'x' });
  });

  it('skips steps the data already has', () => {
    expect(migrate({ schemaVersion: 2, renamed: 'y', old: 'y' }, 3, steps, 'test')).toEqual({ schemaVersion: 3, renamed: 'y' });
  });

  it('refuses data newer than the app, with a message that says so', () => {
    const attempt = () => migrate({ schemaVersion: 4 }, 3, steps, 'The library file');
    expect(attempt).toThrow(AppError);
    expect(attempt).toThrow(/newer version of Curriculum Composer \(data version 4; this app reads up to 3\)/);
  });

  it('refuses data without a schemaVersion', () => {
    expect(() => migrate({ modules: [] }, 1, [], 'x')).toThrow(/no valid schemaVersion/);
    expect(() => migrate({ schemaVersion: '1' }, 1, [], 'x')).toThrow(/no valid schemaVersion/);
  });

  it('reports a gap in the migration list instead of skipping a version', () => {
    expect(() => migrate({ schemaVersion: 1 }, 3, [{ to: 3, up: (d) => d }], 'x')).toThrow(/no migration from version 1 to 2/);
  });
});

describe('shipped data formats', () => {
  it.each([
    ['v1', 'settings'],
    ['v1', 'library'],
    ['v2', 'library'],
    ['v1', 'curricula'],
  ] as const)('loads the frozen %s %s fixture', async (version, name) => {
    const text = await readFile(join(FIXTURES, version, `${name}.json`), 'utf8');
    const data = decodeDocument(text, DOCUMENTS[name] as DocumentDefinition<unknown>);
    expect(data).toBeTruthy();
  });

  it('library 1 → 2 adds an empty upstream list and keeps every module', async () => {
    const v1 = JSON.parse(await readFile(join(FIXTURES, 'v1', 'library.json'), 'utf8')) as Record<string, unknown>;
    const step = LIBRARY_MIGRATIONS.find((m) => m.to === 2);
    if (!step) throw new Error('no migration to 2');
    const v2 = step.up(v1);
    expect(v2['upstream']).toEqual([]);
    expect(v2['modules']).toEqual(v1['modules']);
    expect(v2['references']).toEqual(v1['references']);
  });

  it('library 2 → 3 gives steps, handouts and items ids, items a kind and minutes, and takes letters out of options', async () => {
    const v2 = JSON.parse(await readFile(join(FIXTURES, 'v2', 'library.json'), 'utf8')) as { modules: Record<string, unknown>[] } & Record<string, unknown>;
    const step = LIBRARY_MIGRATIONS.find((m) => m.to === 3);
    if (!step) throw new Error('no migration to 3');
    const v3 = step.up(v2) as { modules: unknown[]; upstream: unknown[] };
    expect(v3.modules).toHaveLength(v2.modules.length);
    for (const raw of v3.modules) {
      const module = ModuleSchema.parse(raw);
      const steps = module.lessons.flatMap((l) => l.steps.map((s) => s.id));
      expect(new Set(steps).size).toBe(steps.length);
      for (const item of module.lessons.flatMap((l) => l.evaluation)) {
        expect(item.kind).toBe(item.type === 'practical' ? 'practical' : 'written');
        expect(item.minutes).toBeGreaterThan(0);
        for (const option of item.options ?? []) expect(option).not.toMatch(/^[A-H]\. /);
      }
    }
    // Deterministic: migrating twice, or migrating what is already migrated, gives the same modules.
    expect(step.up(v2)).toEqual(v3);
    expect(step.up(v3 as Record<string, unknown>)).toEqual(v3);
  });

  it('curricula 1 → 2 upgrades the module snapshots the same way as the library', async () => {
    const v1 = JSON.parse(await readFile(join(FIXTURES, 'v1', 'curricula.json'), 'utf8')) as Record<string, unknown>;
    const library = JSON.parse(await readFile(join(FIXTURES, 'v2', 'library.json'), 'utf8')) as Record<string, unknown>;
    const toTwo = CURRICULA_MIGRATIONS.find((m) => m.to === 2);
    const toThree = LIBRARY_MIGRATIONS.find((m) => m.to === 3);
    if (!toTwo || !toThree) throw new Error('missing migration');
    const curricula = (toTwo.up(v1) as { curricula: unknown[] }).curricula.map((c) => CurriculumSchema.parse(c));
    const modules = new Map(((toThree.up(library) as { modules: unknown[] }).modules.map((m) => ModuleSchema.parse(m))).map((m) => [m.id, m]));
    const item = curricula[0]?.items.find((i) => i.kind === 'module');
    if (item?.kind !== 'module') throw new Error('no module item');
    const same = modules.get(item.moduleId);
    if (same?.revision === item.revision) expect(item.snapshot.lessons.map((l) => l.steps.map((s) => s.id))).toEqual(same.lessons.map((l) => l.steps.map((s) => s.id)));
    expect(item.snapshot.lessons.flatMap((l) => l.evaluation).every((e) => e.id.startsWith('q'))).toBe(true);
  });

  it('curricula 1 keeps snapshots, overrides and the archived list as written', async () => {
    const text = await readFile(join(FIXTURES, 'v1', 'curricula.json'), 'utf8');
    const data = decodeDocument(text, DOCUMENTS.curricula);
    expect(data.curricula.map((c) => c.id)).toEqual(['induction-week', 'old-course']);
    expect(data.archived).toEqual(['old-course']);
    const item = data.curricula[0]?.items[1];
    expect(item).toMatchObject({ kind: 'module', moduleId: 'hr-foundations', revision: 1, lessonOrder: ['1.2', '1.1'] });
    expect(item?.kind === 'module' ? item.lessons.map((l) => l.lessonCode) : []).toEqual(['1.3', '1.1']);
  });

  it('refuses a curricula file in which two curricula share an id', async () => {
    const fixture = JSON.parse(await readFile(join(FIXTURES, 'v1', 'curricula.json'), 'utf8')) as { curricula: unknown[] };
    const text = JSON.stringify({ ...fixture, curricula: [fixture.curricula[0], fixture.curricula[0]] });
    expect(() => decodeDocument(text, DOCUMENTS.curricula)).toThrow(/does not match the expected format at curricula: Curriculum ids must be unique/);
  });

  it('keeps every migration list consecutive up to the current version', () => {
    for (const definition of Object.values(DOCUMENTS)) {
      const targets = definition.migrations.map((m) => m.to);
      expect(targets).toEqual(Array.from({ length: definition.version - 1 }, (_, i) => i + 2));
    }
  });
});

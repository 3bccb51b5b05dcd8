import { spawn } from 'node:child_process';
import { cp, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/handlers';
import { exportPack } from '../../../electron/services/packs/pack-export';
import type { Module } from '../../../shared/schemas/module';
import type { ImportDecision } from '../../../shared/schemas/pack-import';
import { bundledChildScript } from '../../helpers/child-script';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function open(): Promise<Services & { dir: string }> {
  const dir = await tempDir();
  const services = await openServices(dir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }, { keep: 10, minIntervalMs: 0 });
  return { ...services, dir };
}

async function reopen(dir: string): Promise<Services> {
  return openServices(dir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }, { keep: 10, minIntervalMs: 0 });
}

async function packOf(services: Services, ids: string[], publisher = 'Partner Academy'): Promise<Buffer> {
  return (await exportPack(services.store, { moduleIds: ids, title: 'Shared modules', description: '', publisher, license: 'CC BY 4.0' }, '0.1.0')).bytes;
}

async function edit(services: Services, id: string, change: (m: Module) => Module): Promise<Module> {
  const current = services.library.find(id);
  return services.library.save({ module: change(current), baseRevision: current.revision, bump: true });
}

/** The kill tests' child, bundled once: each trial starts plain Node (see child-script.ts). */
let importStep = '';
beforeAll(async () => {
  importStep = await bundledChildScript('test/fixtures/scripts/import-step.ts');
});

describe('importing a pack', () => {
  it('previews without changing anything, then adds new modules with their provenance', async () => {
    const partner = await open();
    const created = await partner.library.duplicate('ethics-integrity', 'Integrity for supervisors');
    const pack = await packOf(partner, [created.id, 'use-of-force-firearms']);
    partner.store.close();

    const academy = await open();
    const before = await snapshotDir(academy.dir);
    const preview = await academy.packs.preview({ bytes: pack });
    expect(await snapshotDir(academy.dir)).toEqual(before);
    expect(preview.items.map((i) => [i.moduleId, i.status])).toEqual([
      [created.id, 'new'],
      ['use-of-force-firearms', 'identical'],
    ]);
    const result = await academy.packs.import(preview.previewId, {});
    expect(result.written).toEqual([{ from: created.id, moduleId: created.id, action: 'take-theirs' }]);
    expect(academy.library.find(created.id).provenance.sourcePack).toMatchObject({ publisher: 'Partner Academy', revision: 1 });
    academy.store.close();
  });

  it('never overwrites a local edit by default, and keeps both copies when asked', async () => {
    const partner = await open();
    await edit(partner, 'ethics-integrity', (m) => ({ ...m, summary: 'Partner summary.' }));
    const pack = await packOf(partner, ['ethics-integrity']);
    partner.store.close();

    const academy = await open();
    await edit(academy, 'ethics-integrity', (m) => ({ ...m, title: 'Our ethics module' }));
    const preview = await academy.packs.preview({ bytes: pack });
    expect(preview.items[0]).toMatchObject({ status: 'changed', defaultAction: 'keep-mine' });
    expect(preview.items[0]?.fields.map((f) => [f.key, f.source])).toEqual([['title', 'differs'], ['summary', 'differs']]);
    expect((await academy.packs.import(preview.previewId, {}, { dryRun: true })).written).toEqual([]);
    const result = await academy.packs.import(preview.previewId, { 'ethics-integrity': { action: 'keep-both' } });
    const copyId = result.written[0]?.moduleId ?? '';
    expect(copyId).toMatch(/^ethics-integrity-partner-academy/);
    expect(academy.library.find('ethics-integrity').title).toBe('Our ethics module');
    expect(academy.library.find(copyId)).toMatchObject({ summary: 'Partner summary.', title: 'Police ethics and integrity (Partner Academy)' });
    academy.store.close();
  });

  it('merges a partner update with local adaptations field by field, asking only for fields both changed', async () => {
    const partner = await open();
    const v1 = await packOf(partner, ['ethics-integrity']);
    const academy = await open();
    const first = await academy.packs.preview({ bytes: v1 });
    await academy.packs.import(first.previewId, { 'ethics-integrity': { action: 'take-theirs' } });
    // Both sides work on their copy.
    await edit(academy, 'ethics-integrity', (m) => ({ ...m, title: 'Our title', license: 'CC BY-SA 4.0' }));
    await edit(partner, 'ethics-integrity', (m) => ({ ...m, title: 'Partner title', summary: 'Updated upstream summary.' }));
    const v2 = await packOf(partner, ['ethics-integrity']);
    partner.store.close();

    const preview = await academy.packs.preview({ bytes: v2 });
    const item = preview.items[0];
    expect(item?.status).toBe('merge');
    expect(item?.fields.filter((f) => f.source === 'conflict').map((f) => f.key)).toEqual(['title']);
    await academy.packs.import(preview.previewId, { 'ethics-integrity': { action: 'merge', fields: { title: 'theirs' } } });
    expect(academy.library.find('ethics-integrity')).toMatchObject({ title: 'Partner title', summary: 'Updated upstream summary.', license: 'CC BY-SA 4.0' });
    academy.store.close();
  });

  it('refuses a merge whose chosen fields would disagree, naming the field, and writes nothing', async () => {
    const partner = await open();
    const v1 = await packOf(partner, ['ethics-integrity']);
    const academy = await open();
    await academy.packs.import((await academy.packs.preview({ bytes: v1 })).previewId, { 'ethics-integrity': { action: 'take-theirs' } });
    const code = academy.library.find('ethics-integrity').lessons[0]?.code ?? '';
    // The academy drops an objective (and its uses); the partner retitles a step that still teaches it.
    await edit(academy, 'ethics-integrity', (m) => {
      const lesson = m.lessons[0]!;
      const dropped = lesson.objectives.at(-1)!.id;
      const kept = lesson.objectives.filter((o) => o.id !== dropped);
      return {
        ...m,
        lessons: [
          { ...lesson, objectives: kept, steps: lesson.steps.map((st) => ({ ...st, objectives: st.objectives.filter((id) => id !== dropped) })), evaluation: lesson.evaluation.filter((e) => e.objective !== dropped) },
          ...m.lessons.slice(1),
        ],
      };
    });
    await edit(partner, 'ethics-integrity', (m) => ({ ...m, lessons: [{ ...m.lessons[0]!, steps: m.lessons[0]!.steps.map((st, i) => (i === 0 ? { ...st, title: 'Warm-up, revised' } : st)) }, ...m.lessons.slice(1)] }));
    const v2 = await packOf(partner, ['ethics-integrity']);
    partner.store.close();
    const preview = await academy.packs.preview({ bytes: v2 });
    expect(preview.items[0]?.fields.filter((f) => f.source === 'conflict').map((f) => f.key)).toEqual([`lesson:${code}:steps`]);
    const before = await snapshotDir(academy.dir);
    await expect(academy.packs.import(preview.previewId, { 'ethics-integrity': { action: 'merge', fields: { [`lesson:${code}:steps`]: 'theirs' } } })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringMatching(/^Merging "Police ethics and integrity" as chosen would leave lessons\.0\.steps\.\d+\.objectives inconsistent \(Unknown objective "[a-z0-9-]+"\)/) as string,
    });
    await expect(academy.packs.import(preview.previewId, { 'ethics-integrity': { action: 'merge', fields: { title: 'theirs' } } })).rejects.toMatchObject({
      message: `"title" is not a field that both sides changed in "ethics-integrity"; choose only for lesson:${code}:steps`,
    });
    expect(await snapshotDir(academy.dir)).toEqual(before);
    academy.store.close();
  });

  it('undoes the last import, putting the library back as it was', async () => {
    const partner = await open();
    await edit(partner, 'ethics-integrity', (m) => ({ ...m, summary: 'Partner summary.' }));
    const pack = await packOf(partner, ['ethics-integrity']);
    partner.store.close();
    const academy = await open();
    const before = academy.library.find('ethics-integrity');
    const preview = await academy.packs.preview({ bytes: pack });
    await academy.packs.import(preview.previewId, { 'ethics-integrity': { action: 'take-theirs' } });
    expect(academy.library.find('ethics-integrity').summary).toBe('Partner summary.');
    expect(academy.packs.lastImport()?.moduleIds).toEqual(['ethics-integrity']);
    await academy.packs.undoLastImport();
    expect(academy.library.find('ethics-integrity')).toEqual(before);
    expect(academy.packs.lastImport()).toBeNull();
    await expect(academy.packs.undoLastImport()).rejects.toMatchObject({ code: 'not-found' });
    academy.store.close();
  });

  it('drops links to modules the academy does not have, and says so', async () => {
    const partner = await open();
    const pack = await packOf(partner, ['sgbv-response']);
    partner.store.close();
    const academy = await open();
    await academy.library.delete('gender-responsive-policing', true);
    await academy.library.delete('sgbv-response', true);
    const preview = await academy.packs.preview({ bytes: pack });
    expect(preview.items[0]?.warnings.join(' ')).toMatch(/Prerequisite "gender-responsive-policing" is not in your library or this pack/);
    await academy.packs.import(preview.previewId, {});
    expect(academy.library.find('sgbv-response').prerequisites).not.toContain('gender-responsive-policing');
    academy.store.close();
  });

  it('refuses a broken pack with a specific message and leaves the data folder byte for byte unchanged', async () => {
    const academy = await open();
    const before = await snapshotDir(academy.dir);
    await expect(academy.packs.preview({ bytes: Buffer.from('PK\u0003\u0004 not really a zip') })).rejects.toThrow(/The pack is incomplete/);
    const file = join(await tempDir(), 'x.ccpack');
    await writeFile(file, 'hello');
    await expect(academy.packs.preview({ path: file })).rejects.toThrow(/zip/i);
    await expect(academy.packs.import('00000000-0000-4000-8000-000000000000', {})).rejects.toMatchObject({ code: 'not-found' });
    expect(await snapshotDir(academy.dir)).toEqual(before);
    academy.store.close();
  });

  it('exports a whole curriculum with the module versions it uses', async () => {
    const academy = await open();
    const { bytes, modules } = await exportPack(
      academy.store,
      { moduleIds: [], curriculumId: 'foundation-course', title: 'Foundation course', description: '', publisher: 'Academy A', license: 'CC BY 4.0' },
      '0.1.0',
    );
    const { readPackBytes } = await import('../../../electron/services/packs/pack-reader');
    const contents = await readPackBytes(bytes);
    expect(contents.curricula.map((c) => c.id)).toEqual(['foundation-course']);
    expect(contents.modules).toHaveLength(modules);
    expect(contents.modules.map((m) => m.id)).toContain('hr-foundations');
    await expect(
      exportPack(academy.store, { moduleIds: [], curriculumId: 'no-such-course', title: 'x', description: '', publisher: 'p', license: 'l' }, '0.1.0'),
    ).rejects.toMatchObject({ code: 'not-found' });
    academy.store.close();
  });

  it('writes nothing at all for an import that changes nothing', async () => {
    const partner = await open();
    const pack = await packOf(partner, ['ethics-integrity', 'use-of-force-firearms']);
    partner.store.close();
    const academy = await open();
    // The first time, the modules arrive identical: only their merge bases are recorded, not an import to undo.
    const first = await academy.packs.import((await academy.packs.preview({ bytes: pack })).previewId, {});
    expect(first).toMatchObject({ written: [], kept: ['ethics-integrity', 'use-of-force-firearms'], basesRecorded: ['ethics-integrity', 'use-of-force-firearms'], saved: true });
    expect(academy.packs.lastImport()).toBeNull();
    expect(await readdir(academy.dir)).not.toContain('imports');

    const before = await snapshotDir(academy.dir);
    const again = await academy.packs.import((await academy.packs.preview({ bytes: pack })).previewId, {});
    expect(again).toMatchObject({ written: [], curricula: [], basesRecorded: [], saved: false });
    // Keeping a changed module is not a change either.
    await edit(academy, 'ethics-integrity', (m) => ({ ...m, title: 'Ours' }));
    const edited = await snapshotDir(academy.dir);
    const kept = await academy.packs.import((await academy.packs.preview({ bytes: pack })).previewId, { 'ethics-integrity': { action: 'keep-mine' } });
    expect(kept.saved).toBe(false);
    expect(await snapshotDir(academy.dir)).toEqual(edited);
    expect(before.size).toBeGreaterThan(0);
    academy.store.close();
  });

  it('keeps the partner version of a module that arrived identical, so their next update is an update', async () => {
    const partner = await open();
    const academy = await open();
    const v1 = await packOf(partner, ['ethics-integrity']);
    await academy.packs.import((await academy.packs.preview({ bytes: v1 })).previewId, {});
    await edit(partner, 'ethics-integrity', (m) => ({ ...m, summary: 'The partner improved the summary.' }));
    const v2 = await packOf(partner, ['ethics-integrity']);
    partner.store.close();
    const preview = await academy.packs.preview({ bytes: v2 });
    expect(preview.items[0]).toMatchObject({ status: 'update', defaultAction: 'take-theirs' });
    await academy.packs.import(preview.previewId, {});
    expect(academy.library.find('ethics-integrity').summary).toBe('The partner improved the summary.');
    academy.store.close();
  });

  it('looks decisions up by module id safely, even for a module called "constructor"', async () => {
    const partner = await open();
    const module = partner.library.find('ethics-integrity');
    await partner.library.save({ module: { ...module, id: 'constructor', title: 'A module named constructor' }, baseRevision: null, bump: true });
    const pack = await packOf(partner, ['constructor', 'ethics-integrity']);
    partner.store.close();
    const academy = await open();
    const preview = await academy.packs.preview({ bytes: pack });
    expect(preview.items.find((i) => i.moduleId === 'constructor')?.status).toBe('new');
    await expect(academy.packs.import(preview.previewId, JSON.parse('{"toString":{"action":"take-theirs"}}') as Record<string, ImportDecision>)).rejects.toMatchObject({ message: 'The pack has no module "toString"' });
    const result = await academy.packs.import(preview.previewId, {});
    expect(result.written).toEqual([{ from: 'constructor', moduleId: 'constructor', action: 'take-theirs' }]);
    academy.store.close();
  });

  it('writes the modules and courses of a pack, and undoes them, in one transaction: killed before or after its journal, all or nothing is there', { timeout: 180_000 }, async () => {
    const partner = await open();
    const created = await partner.library.duplicate('ethics-integrity', 'Integrity for supervisors');
    const exported = await exportPack(
      partner.store,
      { moduleIds: [created.id], curriculumId: 'foundation-course', title: 'Course', description: '', publisher: 'Partner Academy', license: 'CC BY 4.0' },
      '0.1.0',
    );
    partner.store.close();
    const packPath = join(await tempDir(), 'course.ccpack');
    await writeFile(packPath, exported.bytes);
    const template = await open();
    template.store.close();
    const state = async (dir: string) => {
      const academy = await reopen(dir);
      try {
        return {
          module: academy.store.read('library').modules.some((m) => m.id === created.id),
          course: academy.store.read('curricula').curricula.some((c) => c.id === 'foundation-course-partner-academy'),
          lastImport: academy.packs.lastImport() !== null,
        };
      } finally {
        academy.store.close();
      }
    };
    const all = (there: boolean) => ({ module: there, course: there, lastImport: there });
    // The module's and course's files, their snapshots, the index and the undo snapshot are staged; then the
    // journal is written (the commit point), then the files are renamed into place.
    for (const [stopAt, step, committed] of [[1, 'staged', false], [3, 'staged', false], ['journal-written', 'journal-written', true], ['renamed', 'renamed', true]] as const) {
      const dir = await tempDir();
      await cp(template.dir, dir, { recursive: true });
      expect(await runStep(dir, packPath, stopAt)).toBe(`at ${step}`);
      expect(await state(dir), `import killed at step ${String(stopAt)}`).toEqual(all(committed));
    }
    // Undo too: library and curricula go back together.
    await runStep(template.dir, packPath, 0);
    expect(await state(template.dir)).toEqual(all(true));
    for (const [stopAt, step, undone] of [[2, 'staged', false], ['journal-written', 'journal-written', true], ['renamed', 'renamed', true]] as const) {
      const dir = await tempDir();
      await cp(template.dir, dir, { recursive: true });
      expect(await runStep(dir, 'undo', stopAt)).toBe(`at ${step}`);
      const after = await state(dir);
      expect({ module: after.module, course: after.course }, `undo killed at step ${String(stopAt)}`).toEqual({ module: !undone, course: !undone });
    }
  });
});

/** Runs the child import (or "undo") and kills it after the transaction's step `stopAt` (or at the end with 0). */
function runStep(dataDir: string, packPath: string, stopAt: number | string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [importStep, dataDir, packPath, String(stopAt)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/^(at \S+|done)$/m.test(stdout)) child.kill('SIGKILL');
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(stdout.trim());
      else reject(new Error(`the import ended by itself: ${stderr}`));
    });
  });
}

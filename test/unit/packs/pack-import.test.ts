import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/handlers';
import { exportPack } from '../../../electron/services/packs/pack-export';
import type { Module } from '../../../shared/schemas/module';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function open(): Promise<Services & { dir: string }> {
  const dir = await tempDir();
  const services = await openServices(dir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }, { keep: 10, minIntervalMs: 0 });
  return { ...services, dir };
}

async function packOf(services: Services, ids: string[], publisher = 'Partner Academy'): Promise<Buffer> {
  return (await exportPack(services.store, { moduleIds: ids, title: 'Shared modules', description: '', publisher, license: 'CC BY 4.0' }, '0.1.0')).bytes;
}

async function edit(services: Services, id: string, change: (m: Module) => Module): Promise<Module> {
  const current = services.library.find(id);
  return services.library.save({ module: change(current), baseRevision: current.revision, bump: true });
}

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
    expect(preview.items[0]?.changes.length).toBeGreaterThan(0);
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
});


import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNameOf, idOfFileName } from '../../../electron/services/store/layout';
import { openTestServices, openTestStore } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

/** A seeded data folder with the sample library and course, as the app makes it. */
async function servicesIn(dir?: string) {
  return openTestServices(dir ?? (await tempDir()));
}

describe('file names of the one-file-per-module layout', () => {
  it('maps every id to one file name and back, Windows device names included', () => {
    for (const id of ['arrest-and-detention', 'con', 'com1', 'lpt9', 'nul', 'aux-visits', 'x1']) {
      expect(idOfFileName(fileNameOf(id))).toBe(id);
    }
    expect(fileNameOf('con')).toBe('con_.json');
    expect(fileNameOf('console')).toBe('console.json');
    // Names this app never writes are not taken for modules.
    for (const name of ['con.json', 'arrest_.json', 'README.md', '.hidden.json', 'Upper.json', 'x.json.tmp-1-ab']) expect(idOfFileName(name)).toBeNull();
  });
});

describe('saving writes what changed', () => {
  it('an edit of one course rewrites that course file only; its snapshots are stored once, shared', async () => {
    const dir = await tempDir();
    const services = await servicesIn(dir);
    try {
      const [sample] = services.store.read('curricula').curricula;
      if (!sample) throw new Error('the sample course is seeded');
      const copy = await services.curricula.duplicate(sample.id, 'Second run');
      const snapshots = (await readdir(join(dir, 'snapshots'), { recursive: true })).filter((f) => f.endsWith('.json'));
      const moduleItems = sample.items.filter((i) => i.kind === 'module');
      // Two courses, the same modules: each snapshot is stored once.
      expect(snapshots).toHaveLength(new Set(moduleItems.map((i) => i.moduleId)).size);
      const courseFile = JSON.parse(await readFile(join(dir, 'curricula', `${copy.id}.json`), 'utf8')) as { items: { kind: string; snapshot?: { sha256: string } }[] };
      expect(courseFile.items.find((i) => i.kind === 'module')?.snapshot?.sha256).toMatch(/^[0-9a-f]{64}$/);

      const before = await snapshotDir(join(dir, 'curricula'));
      const stored = services.store.read('curricula').curricula.find((c) => c.id === copy.id);
      await services.curricula.save({ curriculum: { ...copy, title: 'Second run, renamed' }, baseUpdatedAt: stored?.updatedAt ?? '' });
      const after = await snapshotDir(join(dir, 'curricula'));
      const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f));
      expect(changed).toEqual([`${copy.id}.json`]);
    } finally {
      services.store.close();
    }
    const reopened = await openTestServices(dir);
    try {
      expect(reopened.store.read('curricula').curricula.map((c) => c.title)).toContain('Second run, renamed');
      const [a, b] = reopened.store.read('curricula').curricula;
      // Shared on disk, shared in memory: one object per snapshot, whatever the number of courses.
      const first = (c: typeof a) => c?.items.find((i) => i.kind === 'module');
      expect(first(a)?.kind === 'module' && first(b)?.kind === 'module' && first(a)?.snapshot === first(b)?.snapshot).toBe(true);
    } finally {
      reopened.store.close();
    }
  });

  it('files are pretty-printed, carry their data version, and the same data always gives the same bytes', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const [module] = store.read('library').modules;
    if (!module) throw new Error('a module');
    const path = join(dir, 'library', 'modules', `${module.id}.json`);
    const text = await readFile(path, 'utf8');
    expect(text.startsWith('{\n  "schemaVersion": 4,\n  "id": ')).toBe(true);
    // A change there and back writes the very same text.
    await store.update('library', (l) => ({ ...l, modules: [{ ...module, title: 'Changed' }] }));
    await store.update('library', (l) => ({ ...l, modules: [{ ...module }] }));
    expect(await readFile(path, 'utf8')).toBe(text);
    store.close();
  });

  it('deleting a module removes its file and keeps it in its backups, from which it comes back', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const [module] = store.read('library').modules;
    if (!module) throw new Error('a module');
    await store.update('library', (l) => ({ ...l, modules: [] }));
    expect(await readdir(join(dir, 'library', 'modules'))).toEqual([]);
    const backups = await store.listBackups(`library/modules/${module.id}.json`);
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ subject: { kind: 'module', id: module.id }, title: module.title, revision: module.revision, loadable: true });
    await store.restore(backups[0]?.id ?? '');
    expect(store.read('library').modules.map((m) => m.id)).toEqual([module.id]);
    store.close();
  });

  it('restoring an older version of a module that still exists makes it a new revision', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const [module] = store.read('library').modules;
    if (!module) throw new Error('a module');
    await store.update('library', (l) => ({ ...l, modules: [{ ...module, title: 'Second wording', revision: module.revision + 1 }] }));
    const [backup] = await store.listBackups(`library/modules/${module.id}.json`);
    await store.restore(backup?.id ?? '');
    const restored = store.read('library').modules[0];
    expect(restored?.title).toBe(module.title);
    expect(restored?.revision).toBe(module.revision + 2);
    // The version the restore replaced is kept too: restoring is itself undoable.
    const history = await store.listBackups(`library/modules/${module.id}.json`);
    expect(history.map((b) => b.title)).toEqual([module.title, 'Second wording']);
    store.close();
  });

  it('a course deleted by mistake comes back from its backup, with its snapshots', async () => {
    const dir = await tempDir();
    const services = await servicesIn(dir);
    try {
      const [sample] = services.store.read('curricula').curricula;
      if (!sample) throw new Error('the sample course is seeded');
      await services.curricula.delete(sample.id, true);
      expect(services.store.read('curricula').curricula).toEqual([]);
      const [backup] = await services.store.listBackups(`curricula/${sample.id}.json`);
      expect(backup).toMatchObject({ subject: { kind: 'curriculum', id: sample.id }, title: sample.title });
      await services.store.restore(backup?.id ?? '');
      const back = services.store.read('curricula').curricula[0];
      expect(back?.items).toEqual(sample.items);
      expect(back?.updatedAt).not.toBe(sample.updatedAt);
    } finally {
      services.store.close();
    }
  });
});

describe('damaged or foreign files of the layout', () => {
  it('a module file holding another module is reported, and nothing is written', async () => {
    const dir = await tempDir();
    (await openTestStore(dir)).close();
    const [name] = await readdir(join(dir, 'library', 'modules'));
    const text = await readFile(join(dir, 'library', 'modules', name ?? ''), 'utf8');
    await writeFile(join(dir, 'library', 'modules', 'other-module.json'), text);
    const before = await snapshotDir(dir);
    const store = await openTestStore(dir);
    expect(store.status().problems[0]).toMatchObject({ document: 'library', kind: 'corrupt', message: expect.stringMatching(/holds ".+", not "other-module"/) as string });
    store.close();
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('a course naming a snapshot that is gone is reported with the file it needs', async () => {
    const dir = await tempDir();
    (await openTestServices(dir)).store.close();
    const [folder] = await readdir(join(dir, 'snapshots'));
    const [file] = await readdir(join(dir, 'snapshots', folder ?? ''));
    await writeFile(join(dir, 'snapshots', folder ?? '', file ?? ''), '{"schemaVersion": 3, "id": "x"}');
    const services = await openTestServices(dir);
    expect(services.store.status().problems[0]).toMatchObject({ document: 'curricula', kind: 'corrupt' });
    expect(services.store.status().problems[0]?.file).toBe(join(dir, 'snapshots', folder ?? '', file ?? ''));
    // The library, a separate document, still works.
    expect(services.store.read('library').modules.length).toBeGreaterThan(0);
    services.store.close();
  });

  it('files that are not ours in the data folders are left alone', async () => {
    const dir = await tempDir();
    (await openTestStore(dir)).close();
    await writeFile(join(dir, 'library', 'modules', 'README.md'), 'notes');
    const store = await openTestStore(dir);
    expect(store.status().healthy).toBe(true);
    await store.update('library', (l) => ({ ...l, modules: [] }));
    store.close();
    expect(await readdir(join(dir, 'library', 'modules'))).toEqual(['README.md']);
    expect(await readFile(join(dir, 'library', 'modules', 'README.md'), 'utf8')).toBe('notes');
  });
});

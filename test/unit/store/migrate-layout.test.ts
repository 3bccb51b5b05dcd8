import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { NODE_LOCK_FS } from '../../../electron/services/store/lock-fs';
import { Store } from '../../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { openTestServices, REPO_ROOT, smallLibrary } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

/**
 * A data folder made by the release before the one-file layout (commit 71c8114): seeded, a course created,
 * a module edited, a partner's pack imported with keep-both. Stored as { files: { path: text } }, brotli.
 */
const FIXTURE = join(REPO_ROOT, 'test/fixtures/store/three-file-layout-data-folder.json.br');

async function releaseDataFolder(): Promise<string> {
  const dir = await tempDir();
  const { files } = JSON.parse(brotliDecompressSync(await readFile(FIXTURE)).toString('utf8')) as { files: Record<string, string> };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

type Legacy = { modules: { id: string; title: string; revision: number }[]; upstream: { id: string }[]; lastImport?: { packId: string } };

describe('moving a data folder of the three-file layout to one file per module and course', () => {
  it('keeps every module, course, upstream version and the last import; the old files go to a backup folder', async () => {
    const dir = await releaseDataFolder();
    const legacy = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')) as Legacy;
    const legacyCourses = JSON.parse(await readFile(join(dir, 'curricula.json'), 'utf8')) as { curricula: { id: string; title: string }[] };
    const services = await openTestServices(dir);
    try {
      const status = services.store.status();
      expect(status).toMatchObject({ healthy: true, seeded: false });
      expect(status.migrated?.from).toMatch(/library 3 \(library\.json\) and curricula 2 \(curricula\.json\)/);
      const library = services.store.read('library');
      expect(library.modules.map((m) => [m.id, m.title, m.revision]).sort()).toEqual(legacy.modules.map((m) => [m.id, m.title, m.revision]).sort());
      // The local edit and the partner's copy kept side by side (keep-both), with the partner's version as base.
      expect(library.modules.find((m) => m.id === 'arrest-and-detention')?.title).toMatch(/\(local\)$/);
      expect(library.modules.some((m) => m.id === 'arrest-and-detention-partner-academy')).toBe(true);
      expect(library.upstream.map((m) => m.id).sort()).toEqual(legacy.upstream.map((m) => m.id).sort());
      expect(library.lastImport?.packId).toBe(legacy.lastImport?.packId);
      expect(services.store.read('curricula').curricula.map((c) => c.title).sort()).toEqual(legacyCourses.curricula.map((c) => c.title).sort());

      expect((await readdir(dir)).filter((f) => f !== '.locks').sort()).toEqual(['backups', 'curricula', 'imports', 'library', 'settings.json', 'snapshots']);
      const folder = status.migrated?.backupFolder ?? '';
      expect((await readdir(join(dir, folder))).sort()).toEqual(['curricula.json', 'library.json']);
      expect(JSON.parse(await readFile(join(dir, folder, 'library.json'), 'utf8'))).toEqual(legacy);

      // The import made by the old release can still be undone.
      await services.handlers['pack:undo-import'](undefined);
      expect(services.store.read('library').modules.some((m) => m.id === 'arrest-and-detention-partner-academy')).toBe(false);
    } finally {
      services.store.close();
    }
    // Opening again changes nothing more.
    const before = await snapshotDir(join(dir, 'library'));
    const again = await openTestServices(dir);
    expect(again.store.status().migrated).toBeNull();
    again.store.close();
    expect(await snapshotDir(join(dir, 'library'))).toEqual(before);
  });

  it('whole-library backups of the old layout stay listed and restorable', async () => {
    const dir = await releaseDataFolder();
    const services = await openTestServices(dir);
    try {
      const legacy = (await services.store.listBackups()).filter((b) => b.file === 'library.json');
      expect(legacy.length).toBe(3);
      expect(legacy.every((b) => b.loadable && b.subject.kind === 'document')).toBe(true);
      // The oldest is the library before the local edit and the import.
      await services.store.restore(legacy[0]?.id ?? '');
      const modules = services.store.read('library').modules;
      expect(modules.find((m) => m.id === 'arrest-and-detention')?.title).not.toMatch(/\(local\)$/);
      expect(modules.some((m) => m.id === 'arrest-and-detention-partner-academy')).toBe(false);
    } finally {
      services.store.close();
    }
  });

  it('a damaged old library file is reported and left as it is; the courses still move; restoring a backup finishes the move', async () => {
    const dir = await releaseDataFolder();
    const good = await readFile(join(dir, 'library.json'), 'utf8');
    await writeFile(join(dir, 'library.json'), good.slice(0, 5000));
    const services = await openTestServices(dir);
    try {
      const status = services.store.status();
      expect(status.problems).toHaveLength(1);
      expect(status.problems[0]).toMatchObject({ document: 'library', kind: 'corrupt', file: join(dir, 'library.json') });
      expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(good.slice(0, 5000));
      expect(services.store.read('curricula').curricula.length).toBeGreaterThan(0);
      const offered = status.problems[0]?.newestGoodBackup;
      expect(offered?.file).toBe('library.json');
      const after = await services.store.restore(offered?.id ?? '');
      expect(after.healthy).toBe(true);
      expect(services.store.read('library').modules.length).toBeGreaterThan(0);
      expect((await readdir(dir)).includes('library.json')).toBe(false);
      expect((await readdir(join(dir, 'quarantine'))).length).toBe(1);
    } finally {
      services.store.close();
    }
  });

  it('on a full disk, a folder of the old layout is shown as it is and moved once it can be written', async () => {
    const dir = await releaseDataFolder();
    const before = await snapshotDir(dir);
    const full = await Store.open({
      dataDir: dir,
      owner: 'test',
      seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: smallLibrary },
      lock: { fs: { ...NODE_LOCK_FS, writeSync: () => { throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' }); } } },
    });
    expect(full.status()).toMatchObject({ healthy: true, readOnly: { reason: 'disk-full' } });
    expect(full.read('library').modules.some((m) => m.id === 'arrest-and-detention-partner-academy')).toBe(true);
    expect(full.read('curricula').curricula.length).toBeGreaterThan(0);
    full.close();
    expect(await snapshotDir(dir)).toEqual(before);
    const services = await openTestServices(dir);
    expect(services.store.status().migrated).not.toBeNull();
    services.store.close();
  });

  it('an old library file written by a newer app is refused and left untouched', async () => {
    const dir = await releaseDataFolder();
    const text = (await readFile(join(dir, 'library.json'), 'utf8')).replace('"schemaVersion":3', '"schemaVersion":9');
    await writeFile(join(dir, 'library.json'), text);
    const services = await openTestServices(dir);
    expect(services.store.status().problems[0]).toMatchObject({ document: 'library', kind: 'too-new' });
    services.store.close();
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(text);
  });
});

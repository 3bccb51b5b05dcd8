/**
 * A document the store reads after opening (`deferred`): the desktop app and the web harness answer from the
 * search index while a large library is read. Until then reads say so, writes wait, and the status names it.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moduleFile } from '../../../electron/services/store/layout';
import { LibraryFiles } from '../../../electron/services/store/library-files';
import { NODE_LOCK_FS, type LockFs } from '../../../electron/services/store/lock-fs';
import { Store } from '../../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { openTestStore, smallLibrary } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

function openDeferred(dataDir: string, lockFs: LockFs = NODE_LOCK_FS): Promise<Store> {
  return Store.open({
    dataDir,
    owner: 'test',
    seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: smallLibrary },
    backups: { keep: 10, minIntervalMs: 0 },
    deferred: ['library'],
    lock: { fs: lockFs },
  });
}

async function seededDir(): Promise<{ dir: string; moduleId: string }> {
  const dir = await tempDir();
  const store = await openTestStore(dir);
  const moduleId = store.read('library').modules[0]?.id ?? '';
  store.close();
  return { dir, moduleId };
}

describe('a deferred document', () => {
  it('has its modules frozen as they are read, so that the store has none left to freeze at once', async () => {
    const { dir } = await seededDir();
    const library = await new LibraryFiles(dir, { keep: 10, minIntervalMs: 0 }, false).read();
    const [module] = library?.modules ?? [];
    expect(module).toBeDefined();
    expect(Object.isFrozen(module)).toBe(true);
    expect(Object.isFrozen(module?.lessons[0]?.steps[0])).toBe(true);
    expect(Object.isFrozen(library)).toBe(false);
  });

  it('is not read at open: reads say it is loading, the status names it, the other documents are there', async () => {
    const { dir } = await seededDir();
    const store = await openDeferred(dir);
    try {
      expect(store.status()).toMatchObject({ healthy: true, loading: ['library'] });
      expect(() => store.read('library')).toThrow(expect.objectContaining({ code: 'store-unavailable', message: 'The library data is still loading' }) as Error);
      expect(store.read('settings').language).toBe('en');
      await store.loaded('library');
      expect(store.status().loading).toBeUndefined();
      expect(store.read('library').modules).toHaveLength(1);
    } finally {
      store.close();
    }
  });

  it('is read before a change to it applies: an update waits, then sees the data', async () => {
    const { dir, moduleId } = await seededDir();
    const store = await openDeferred(dir);
    try {
      const updated = await store.update('library', (library) => ({ ...library, modules: library.modules.map((m) => ({ ...m, title: `${m.title}!` })) }));
      expect(updated.modules.map((m) => m.id)).toEqual([moduleId]);
      expect(updated.modules[0]?.title).toMatch(/!$/);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    expect(reopened.read('library').modules[0]?.title).toMatch(/!$/);
    reopened.close();
  });

  it('reports a damaged file once read, as the opening would have', async () => {
    const { dir, moduleId } = await seededDir();
    await writeFile(join(dir, moduleFile(moduleId)), '{ "schemaVersion": 4, "id": ');
    const store = await openDeferred(dir);
    try {
      expect(store.status().healthy).toBe(true);
      await store.loaded('library');
      expect(store.status()).toMatchObject({ healthy: false, problems: [{ document: 'library', kind: 'corrupt' }] });
      expect(store.status().loading).toBeUndefined();
      await expect(store.update('library', (l) => l)).rejects.toMatchObject({ code: 'store-unavailable' });
    } finally {
      store.close();
    }
  });

  it('seeds a new folder when read, and fails the call (to be tried again) when it cannot be seeded', async () => {
    const fresh = await openDeferred(await tempDir());
    try {
      await fresh.loaded('library');
      expect(fresh.status()).toMatchObject({ healthy: true, seeded: true });
      expect(fresh.read('library').modules).toHaveLength(1);
    } finally {
      fresh.close();
    }

    // A folder whose library is gone, on a full disk: nothing can be seeded; each call says so and tries again.
    const { dir } = await seededDir();
    await rm(join(dir, 'library'), { recursive: true });
    const full: LockFs = {
      ...NODE_LOCK_FS,
      writeSync: () => {
        throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      },
    };
    const readOnly = await openDeferred(dir, full);
    try {
      await expect(readOnly.loaded('library')).rejects.toMatchObject({ code: 'store-read-only' });
      expect(readOnly.status().loading).toEqual(['library']);
      await expect(readOnly.loaded('library')).rejects.toMatchObject({ code: 'store-read-only' });
    } finally {
      readOnly.close();
    }
  });
});

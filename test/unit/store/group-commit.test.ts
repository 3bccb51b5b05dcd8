import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryFiles } from '../../../electron/services/store/library-files';
import type { Module } from '../../../shared/schemas/module';
import { openTestStore } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

/** The library's first module with another title: a change a save must carry to disk. */
const retitle = (title: string) => (library: { modules: readonly Module[] }) => library.modules.map((m, i) => (i === 0 ? { ...m, title } : m));

describe('group commit: saves waiting in the queue are written together', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('many saves of one document at once are one write, and every one of them is on disk', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const writes = vi.spyOn(LibraryFiles.prototype, 'write');
    try {
      const titles = Array.from({ length: 30 }, (_, i) => `Title ${i}`);
      const saved = await Promise.all(titles.map((title) => store.update('library', (library) => ({ ...library, modules: retitle(title)(library) }))));
      expect(saved.map((library) => library.modules[0]?.title)).toEqual(titles);
      // Thirty changes, one after the other in memory; one write of the newest data.
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    try {
      expect(reopened.read('library').modules[0]?.title).toBe('Title 29');
    } finally {
      reopened.close();
    }
  });

  it('a save never takes along a change made after a transaction queued behind it', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const written: string[] = [];
    const write = LibraryFiles.prototype.write;
    vi.spyOn(LibraryFiles.prototype, 'write').mockImplementation(function (this: LibraryFiles, data) {
      written.push(data.modules[0]?.title ?? '');
      return write.call(this, data);
    });
    try {
      const first = store.update('library', (library) => ({ ...library, modules: retitle('before the transaction')(library) }));
      const transaction = store.transaction({ library: (library) => ({ ...library, modules: retitle('the transaction')(library) }) });
      const after = store.update('library', (library) => ({ ...library, modules: retitle('after the transaction')(library) }));
      await Promise.all([first, transaction, after]);
      // The first save wrote only its own change; the transaction's went through its journal, then the last save.
      expect(written).toEqual(['before the transaction', 'after the transaction']);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    try {
      expect(reopened.read('library').modules[0]?.title).toBe('after the transaction');
    } finally {
      reopened.close();
    }
  });

  it('a failed group write puts memory back to what the files hold and tells everyone who joined it', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const before = store.read('library');
    vi.spyOn(LibraryFiles.prototype, 'write').mockRejectedValue(new Error('ENOSPC: no space left on device'));
    try {
      const results = await Promise.allSettled(['a', 'b', 'c'].map((title) => store.update('library', (library) => ({ ...library, modules: retitle(title)(library) }))));
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((results[2] as PromiseRejectedResult).reason)).toContain('no space left on device');
      expect(store.read('library')).toBe(before);
    } finally {
      store.close();
    }
  });
});

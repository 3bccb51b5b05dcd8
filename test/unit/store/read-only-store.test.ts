/**
 * A data folder that cannot be written (full disk, read-only media, no permission) opens read-only: the
 * data can be read, every write is refused with a message that says why, and nothing is left behind.
 * The failures are injected through the lock's file-system seam; lock-full-disk.test.ts does it for real
 * on a full tmpfs.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { JOURNAL_FILE } from '../../../electron/services/store/journal';
import { LOCK_FOLDER } from '../../../electron/services/store/lock';
import { NODE_LOCK_FS, type LockFs } from '../../../electron/services/store/lock-fs';
import { hostTag } from '../../../electron/services/store/lock-ticket';
import { SYSTEM_PROBE } from '../../../electron/services/store/process-identity';
import { Store } from '../../../electron/services/store/store';
import { openTestStore, smallLibrary } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

const failure = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** The lock's file operations with one of them failing as a disk would (a failing close still closes). */
function failing(operation: 'writeSync' | 'mkdirSync' | 'openSync' | 'closeSync', code: string): LockFs {
  return {
    ...NODE_LOCK_FS,
    [operation]: (...args: unknown[]) => {
      if (operation === 'closeSync') NODE_LOCK_FS.closeSync(args[0] as number);
      throw failure(code);
    },
  };
}

function openWith(dataDir: string, fs: LockFs): Promise<Store> {
  return Store.open({
    dataDir,
    owner: 'test',
    seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: smallLibrary },
    backups: { keep: 10, minIntervalMs: 0 },
    lock: { fs },
  });
}

/** A folder with data in it, made by a normal opening. */
async function folderWithData(): Promise<string> {
  const dir = await tempDir();
  const store = await openTestStore(dir);
  await store.update('settings', (s) => ({ ...s, language: 'fr' }));
  store.close();
  return dir;
}

const opened: Store[] = [];
afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

describe('a store on a disk that cannot be written', () => {
  it.each([
    ['writeSync', 'ENOSPC', 'disk-full', 'is full: free some space and restart; nothing can be saved until then.'],
    ['closeSync', 'ENOSPC', 'disk-full', 'is full'],
    ['mkdirSync', 'EROFS', 'read-only-media', 'is read-only'],
    ['openSync', 'EACCES', 'no-permission', 'This account may not write in'],
  ] as const)('opens read-only when %s fails with %s, and reads work', async (operation, code, reason, text) => {
    const dir = await folderWithData();
    const store = await openWith(dir, failing(operation, code));
    opened.push(store);
    const status = store.status();
    expect(status).toMatchObject({ healthy: true, readOnly: { reason } });
    expect(status.readOnly?.message).toContain(text);
    expect(status.readOnly?.message).toContain(dir);
    expect(store.read('settings').language).toBe('fr');
    expect(store.read('library').modules).toHaveLength(1);
    // Nothing left behind: no ticket, no temp file, not even the lock folder.
    expect(await readdir(dir)).not.toContain(LOCK_FOLDER);
  });

  it('refuses every write with store-read-only, changing nothing in memory or on disk', async () => {
    const dir = await folderWithData();
    const before = await snapshotDir(dir);
    const store = await openWith(dir, failing('writeSync', 'ENOSPC'));
    opened.push(store);
    const refused = { code: 'store-read-only', message: expect.stringMatching(/^Cannot save .*The disk holding .* is full: free some space and restart; nothing can be saved until then\.$/) as string };
    await expect(store.update('settings', (s) => ({ ...s, language: 'ar' }))).rejects.toMatchObject(refused);
    await expect(store.transaction({ settings: (s) => ({ ...s, language: 'ar' }) })).rejects.toMatchObject(refused);
    await expect(store.snapshotFolder('before-import')).rejects.toMatchObject(refused);
    const [backup] = await store.listBackups();
    await expect(store.restore(backup?.id ?? 'settings.20260101T000000000Z.json')).rejects.toMatchObject(refused);
    expect(store.read('settings').language).toBe('fr');
    store.close();
    opened.pop();
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('cannot start a new data folder on a full disk, and says why', async () => {
    const dir = await tempDir();
    await expect(openWith(dir, failing('writeSync', 'ENOSPC'))).rejects.toMatchObject({
      code: 'store-read-only',
      message: expect.stringContaining('Cannot save the settings data of a new data folder. The disk holding') as string,
    });
    expect(await readdir(dir)).toEqual([]); // no data file, no lock file or folder
  });

  it('still refuses a folder that a live process holds', async () => {
    const dir = await folderWithData();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await new Promise((resolve) => child.once('spawn', resolve));
      const pid = child.pid ?? 0;
      const name = `${pid}-${SYSTEM_PROBE.startTimeOf(pid) ?? 'x'}-0123456789abcdef@${hostTag(hostname())}.lock`;
      await mkdir(join(dir, LOCK_FOLDER), { recursive: true });
      await writeFile(join(dir, LOCK_FOLDER, name), JSON.stringify({ pid, by: 'desktop app', host: hostname(), since: '2026-12-01T09:00:00.000Z' }));
      await expect(openWith(dir, failing('writeSync', 'ENOSPC'))).rejects.toMatchObject({ code: 'data-locked', message: expect.stringContaining('(desktop app, process') as string });
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('refuses to show a folder whose interrupted transaction it cannot finish', async () => {
    const dir = await folderWithData();
    await writeFile(join(dir, JOURNAL_FILE), '{}');
    await expect(openWith(dir, failing('writeSync', 'ENOSPC'))).rejects.toMatchObject({
      code: 'store-read-only',
      message: expect.stringContaining('A save that was interrupted must be finished before the data can be shown. The disk holding') as string,
    });
  });

  it('reports an unexpected failure as such, not as read-only', async () => {
    const dir = await folderWithData();
    await expect(openWith(dir, failing('writeSync', 'EIO'))).rejects.toMatchObject({ code: 'io-error', message: expect.stringContaining('Could not lock the data folder') as string });
    expect(await readdir(join(dir, LOCK_FOLDER)).catch(() => [])).toEqual([]);
  });
});

import { spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLock } from '../../../electron/services/store/lock';
import { openTestStore } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

describe('DataDirLock', () => {
  it('refuses a second opening of the same folder, with a clear message', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    await expect(openTestStore(dir)).rejects.toMatchObject({ code: 'data-locked' });
    store.close();
    (await openTestStore(dir)).close();
  });

  it('refuses a folder locked by another live process and names it', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
    try {
      await writeFile(join(dir, '.lock'), JSON.stringify({ pid: child.pid, host: hostname(), startedAt: 'then', by: 'web harness' }));
      expect(() => DataDirLock.acquire(dir, 'cli')).toThrow(new RegExp(`in use by another Curriculum Composer \\(web harness, process ${child.pid}`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that has died', async () => {
    const dir = await tempDir();
    const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
    const pid = child.pid;
    await new Promise((resolve) => child.once('exit', resolve));
    await writeFile(join(dir, '.lock'), JSON.stringify({ pid, host: hostname(), startedAt: 'then', by: 'cli' }));
    const lock = DataDirLock.acquire(dir, 'test');
    expect(JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))).toMatchObject({ pid: process.pid, by: 'test' });
    lock.release();
  });
});

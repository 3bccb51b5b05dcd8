/**
 * The built CLI on a data folder whose disk is really full, and then really read-only: a small tmpfs
 * mounted for the test (Linux, as root, which is how CI runs; elsewhere mounting is not possible and these
 * tests do not run). Commands that only read still work and say on stderr why nothing can be saved;
 * commands that write fail with that reason; no lock or temp file is left behind.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, statfsSync, writeSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FOLDER } from '../../../electron/services/store/lock';
import { REPO_ROOT } from '../../helpers/open-test-store';

const BUILT_CLI = join(REPO_ROOT, 'out', 'main', 'cli.js');
const CAN_MOUNT = process.platform === 'linux' && process.getuid?.() === 0;

function builtCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" (npm test builds first)`);
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** Writes a file until the disk refuses, in smaller and smaller pieces, so not one byte is left. */
function fillDisk(path: string): void {
  const fd = openSync(path, 'w');
  try {
    for (const size of [1 << 20, 1 << 16, 1 << 12, 1]) {
      const chunk = Buffer.alloc(size, 1);
      for (;;) {
        try {
          if (writeSync(fd, chunk) < size) break;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
          break;
        }
      }
    }
  } finally {
    closeSync(fd);
  }
}

describe.runIf(CAN_MOUNT)('cli: a data folder on a full disk, then on read-only media (real tmpfs)', () => {
  let mountPoint = '';
  let dataDir = '';
  let dataFiles: string[] = [];

  beforeAll(async () => {
    mountPoint = await mkdtemp(join(tmpdir(), 'cc-tmpfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m', 'tmpfs', mountPoint]);
    dataDir = join(mountPoint, 'data');
    expect(builtCli('library', 'list', '--data', dataDir)).toMatchObject({ status: 0, stderr: '' }); // first start: seeded
    dataFiles = readdirSync(dataDir).sort();
    fillDisk(join(mountPoint, 'filler'));
    expect(statfsSync(mountPoint).bavail).toBe(0);
  });

  afterAll(async () => {
    if (!mountPoint) return;
    execFileSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('lists the library with a note that nothing can be saved, leaving nothing behind', async () => {
    const result = builtCli('library', 'list', '--data', dataDir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\S/);
    expect(result.stderr).toBe(`note: The disk holding ${dataDir} is full: free some space and restart; nothing can be saved until then.\n`);
    expect((await readdir(dataDir)).sort()).toEqual(dataFiles); // no lock, ticket or temp file left behind
    expect(dataFiles).not.toContain(LOCK_FOLDER);
  });

  it('lists the curricula too, and refuses a command that saves with the same reason', () => {
    const list = builtCli('curriculum', 'list', '--data', dataDir);
    expect(list.status).toBe(0);
    expect(list.stderr).toContain('is full');
    const moduleId = /^(\S+)/.exec(builtCli('library', 'list', '--data', dataDir).stdout)?.[1] ?? '';
    const create = builtCli('curriculum', 'create', '--title', 'Full disk', '--modules', moduleId, '--data', dataDir);
    expect(create.status).toBe(1);
    expect(create.stderr).toMatch(/\nerror: Cannot save the curricula data\. The disk holding .* is full: free some space and restart; nothing can be saved until then\.\n$/);
  });

  it('reads read-only media the same way, and writes again once the disk is writable', async () => {
    await rm(join(mountPoint, 'filler'));
    execFileSync('mount', ['-o', 'remount,ro', mountPoint]);
    const readOnly = builtCli('library', 'list', '--data', dataDir);
    expect(readOnly.status).toBe(0);
    expect(readOnly.stderr).toBe(`note: The disk holding ${dataDir} is read-only (write-protected or mounted read-only): make it writable and restart; nothing can be saved until then.\n`);
    execFileSync('mount', ['-o', 'remount,rw', mountPoint]);
    expect(builtCli('library', 'list', '--data', dataDir)).toMatchObject({ status: 0, stderr: '' });
  });
});

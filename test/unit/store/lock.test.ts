import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock, LEGACY_LOCK_FILE, LOCK_FOLDER, type LockOptions, type LockOutcome } from '../../../electron/services/store/lock';
import { NODE_LOCK_FS, type LockFs } from '../../../electron/services/store/lock-fs';
import { hostTag } from '../../../electron/services/store/lock-ticket';
import { SYSTEM_PROBE } from '../../../electron/services/store/process-identity';
import { openTestStore } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const HOST = hostTag(hostname());
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A process that runs until the test ends, with its real start time. */
async function liveProcess(): Promise<{ pid: number; startTime: string }> {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  children.push(child);
  await new Promise((resolve) => child.once('spawn', resolve));
  const pid = child.pid ?? 0;
  const startTime = SYSTEM_PROBE.startTimeOf(pid);
  if (!startTime) throw new Error('this test needs /proc');
  return { pid, startTime };
}

async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

/** Writes a ticket as another process would have; `content` null writes the full record. */
async function writeTicket(dir: string, owner: { pid: number; startTime: string; host?: string; by?: string }, content: string | null = null): Promise<string> {
  await mkdir(join(dir, LOCK_FOLDER), { recursive: true });
  const host = owner.host ?? hostname();
  const name = `${owner.pid}-${owner.startTime}-0123456789abcdef@${hostTag(host)}.lock`;
  const record = { pid: owner.pid, startTime: owner.startTime, bootId: SYSTEM_PROBE.bootId(), host, by: owner.by ?? 'web harness', since: '2026-12-01T09:00:00.000Z' };
  await writeFile(join(dir, LOCK_FOLDER, name), content ?? JSON.stringify(record));
  return name;
}

function held(outcome: LockOutcome): DataDirLock {
  if (outcome.kind !== 'held') throw new Error(`not held: ${outcome.readOnly.message}`);
  return outcome.lock;
}

/** The files in the lock folder; none when the folder is gone (the last release removes it). */
const lockFiles = (dir: string) => readdir(join(dir, LOCK_FOLDER)).catch(() => []);

describe('DataDirLock: taking the lock', () => {
  it('takes a free folder with one complete ticket and leaves nothing once released', async () => {
    const dir = await tempDir();
    const lock = held(await DataDirLock.acquire(dir, 'cli'));
    const [name, ...others] = await lockFiles(dir);
    expect(others).toEqual([]);
    expect(name).toMatch(new RegExp(`^${process.pid}-\\d+-[0-9a-f]{16}@${HOST.replace(/\./g, '\\.')}\\.lock$`));
    const record = JSON.parse(await readFile(join(dir, LOCK_FOLDER, name ?? ''), 'utf8')) as Record<string, unknown>;
    expect(record).toMatchObject({ pid: process.pid, startTime: SYSTEM_PROBE.startTimeOf(process.pid), host: hostname(), by: 'cli' });
    lock.release();
    expect(await readdir(dir)).toEqual([]); // the lock folder too
  });

  it('refuses a second opening of the same folder in one process, with a clear message', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    await expect(openTestStore(dir)).rejects.toMatchObject({ code: 'data-locked', message: expect.stringContaining('already open in this window or process') as string });
    store.close();
    (await openTestStore(dir)).close();
  });

  it('refuses a folder held by another live process and names it', async () => {
    const dir = await tempDir();
    const owner = await liveProcess();
    const ticket = await writeTicket(dir, owner);
    await expect(DataDirLock.acquire(dir, 'cli')).rejects.toMatchObject({
      code: 'data-locked',
      message: expect.stringMatching(new RegExp(`in use by another Curriculum Composer \\(web harness, process ${owner.pid} on .*\\)\\. Close it and try again\\.$`)) as string,
    });
    expect(await lockFiles(dir)).toEqual([ticket]); // ours removed, theirs kept
  });

  it('takes over from a process that has died on this machine, removing its ticket', async () => {
    const dir = await tempDir();
    const stale = await writeTicket(dir, { pid: await deadPid(), startTime: '12345' });
    const lock = held(await DataDirLock.acquire(dir, 'cli'));
    const names = await lockFiles(dir);
    expect(names).not.toContain(stale);
    expect(names).toHaveLength(1);
    lock.release();
  });

  it('treats a pid reused by another process (another start time) as the dead owner it was', async () => {
    const dir = await tempDir();
    const stranger = await liveProcess();
    const stale = await writeTicket(dir, { pid: stranger.pid, startTime: String(Number(stranger.startTime) + 1) });
    const lock = held(await DataDirLock.acquire(dir, 'cli'));
    expect(await lockFiles(dir)).not.toContain(stale);
    lock.release();
  });

  it('treats a ticket from before a reboot as dead, whatever its pid', async () => {
    const dir = await tempDir();
    const owner = await liveProcess();
    const name = `${owner.pid}-${owner.startTime}-0123456789abcdef@${HOST}.lock`;
    await mkdir(join(dir, LOCK_FOLDER));
    const record = { pid: owner.pid, startTime: owner.startTime, bootId: 'another-boot', host: hostname(), by: 'cli', since: 'then' };
    await writeFile(join(dir, LOCK_FOLDER, name), JSON.stringify(record));
    held(await DataDirLock.acquire(dir, 'cli')).release();
    expect(await lockFiles(dir)).toEqual([]);
  });

  it('respects a lock from another computer and says how to clear it', async () => {
    const dir = await tempDir();
    const ticket = await writeTicket(dir, { pid: await deadPid(), startTime: '1', host: 'classroom-pc-7', by: 'desktop app' });
    const error = await DataDirLock.acquire(dir, 'cli').then(
      () => null,
      (e: unknown) => e as Error & { code: string },
    );
    expect(error).toMatchObject({ code: 'data-locked' });
    expect(error?.message).toContain('(desktop app, process');
    expect(error?.message).toContain('on classroom-pc-7');
    expect(error?.message).toContain(`delete ${join(dir, LOCK_FOLDER, ticket)} and try again`);
    expect(await lockFiles(dir)).toEqual([ticket]);
  });

  it.each([
    ['empty', ''],
    ['partial', '{"pid":12,"startTi'],
  ])('treats an %s ticket of a live process as being written (fresh), never as stale', async (_kind, content) => {
    const dir = await tempDir();
    const owner = await liveProcess();
    const ticket = await writeTicket(dir, owner, content);
    let delays = 0;
    const options: LockOptions = { delay: () => Promise.resolve(void (delays += 1)) };
    await expect(DataDirLock.acquire(dir, 'cli', options)).rejects.toMatchObject({
      code: 'data-locked',
      message: expect.stringContaining(`(process ${owner.pid} on ${HOST}, starting now)`) as string,
    });
    expect(delays).toBeGreaterThan(0); // a ticket being written is young: it was waited for before giving up
    expect(await lockFiles(dir)).toEqual([ticket]);
  });

  it('judges an empty ticket by the process its name gives: a dead one is removed', async () => {
    const dir = await tempDir();
    const stale = await writeTicket(dir, { pid: await deadPid(), startTime: '7' }, '');
    held(await DataDirLock.acquire(dir, 'cli')).release();
    expect(await lockFiles(dir)).not.toContain(stale);
  });

  it('waits for a contender that arrived at the same moment and takes the folder once it backs off', async () => {
    const dir = await tempDir();
    const owner = await liveProcess();
    const contender = await writeTicket(dir, owner, '');
    const lock = held(
      await DataDirLock.acquire(dir, 'cli', {
        // While we wait, the contender saw our ticket and backed off.
        delay: () => rm(join(dir, LOCK_FOLDER, contender)),
      }),
    );
    lock.release();
  });

  it('respects the lock file of earlier versions while its process runs, and ignores (keeps) it after', async () => {
    const dir = await tempDir();
    const owner = await liveProcess();
    await writeFile(join(dir, LEGACY_LOCK_FILE), JSON.stringify({ pid: owner.pid, host: hostname(), startedAt: 'then', by: 'cli' }));
    await expect(DataDirLock.acquire(dir, 'cli')).rejects.toMatchObject({ code: 'data-locked', message: expect.stringContaining(`(cli, process ${owner.pid}`) as string });
    await writeFile(join(dir, LEGACY_LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: hostname(), startedAt: 'then', by: 'cli' }));
    held(await DataDirLock.acquire(dir, 'cli')).release();
    expect(await readdir(dir)).toContain(LEGACY_LOCK_FILE);
  });
});

describe('DataDirLock: the lock folder', () => {
  it('creates the lock folder again when a releasing process removed it between our mkdir and our write', async () => {
    const dir = await tempDir();
    let opens = 0;
    const fs: LockFs = {
      ...NODE_LOCK_FS,
      openSync: (path, flags, mode) => {
        opens += 1;
        if (opens === 1) NODE_LOCK_FS.rmdirSync(join(dir, LOCK_FOLDER)); // the other process's release, just now
        return NODE_LOCK_FS.openSync(path, flags, mode);
      },
    };
    held(await DataDirLock.acquire(dir, 'cli', { fs })).release();
    expect(opens).toBe(2);
  });

  it('keeps the lock folder while another ticket is in it', async () => {
    const dir = await tempDir();
    const other = await writeTicket(dir, { pid: await deadPid(), startTime: '3', host: 'classroom-pc-7' });
    await expect(DataDirLock.acquire(dir, 'cli')).rejects.toMatchObject({ code: 'data-locked' });
    expect(await lockFiles(dir)).toEqual([other]);
  });
});

describe('DataDirLock: file systems without hard links (FAT, exFAT)', () => {
  it.each(['EPERM', 'ENOTSUP'])('creates the ticket in place when link fails with %s, complete and without a temp file', async (code) => {
    const dir = await tempDir();
    const fs: LockFs = {
      ...NODE_LOCK_FS,
      linkSync: () => {
        throw Object.assign(new Error(`${code}: operation not permitted, link`), { code });
      },
    };
    const lock = held(await DataDirLock.acquire(dir, 'cli', { fs }));
    const names = await lockFiles(dir);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/\.lock$/);
    expect(JSON.parse(await readFile(join(dir, LOCK_FOLDER, names[0] ?? ''), 'utf8'))).toMatchObject({ pid: process.pid, by: 'cli' });
    lock.release();
    expect(await lockFiles(dir)).toEqual([]);
  });
});

import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE = '.lock';

type LockOwner = { pid: number; host: string; startedAt: string; by: string };

/** Lock files this process holds: opening the same folder twice in one process is refused too. */
const held = new Set<string>();

/**
 * One writer per data directory: the desktop app, the CLI and the web harness all take this lock, so two
 * of them can never interleave saves. A lock left by a crashed process on this machine is taken over.
 */
export class DataDirLock {
  private constructor(private readonly path: string) {}

  static acquire(dataDir: string, by: string): DataDirLock {
    const path = join(dataDir, LOCK_FILE);
    if (held.has(path)) throw new AppError('data-locked', `The data folder ${dataDir} is already open in this window or process.`);
    const owner: LockOwner = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), by };
    for (let attempt = 0; attempt < 2; attempt += 1) {
      try {
        writeFileSync(path, JSON.stringify(owner), { flag: 'wx' });
        held.add(path);
        return new DataDirLock(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const holder = readOwner(path);
      if (holder && isAlive(holder)) {
        throw new AppError(
          'data-locked',
          `The data folder ${dataDir} is in use by another Curriculum Composer (${holder.by}, process ${holder.pid} on ${holder.host}, since ${holder.startedAt}). Close it and try again.`,
        );
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
    throw new AppError('data-locked', `Could not lock the data folder ${dataDir}`);
  }

  release(): void {
    if (!held.delete(this.path)) return;
    const holder = readOwner(this.path);
    if (holder?.pid === process.pid) rmSync(this.path, { force: true });
  }
}

function readOwner(path: string): LockOwner | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockOwner;
  } catch {
    return null; // unreadable lock: a crash while writing it, so treat as stale
  }
}

/** A lock from another machine (a shared network folder) is respected: we cannot tell if it is alive. */
function isAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return false; // ours but not in `held`: left by an earlier process with our pid
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

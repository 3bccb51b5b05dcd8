import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLock } from '../../electron/services/store/lock';
import { summarise } from './stats';

/**
 * Taking and releasing a data folder's lock, as every opening does (the desktop app, the web harness and
 * each CLI command): a temp file written and fsynced, a hard link, a listing, and the removals. Run on the
 * temp folder's disk.
 */
export async function benchLock(rounds = 200): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-lock-'));
  try {
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      const outcome = await DataDirLock.acquire(dataDir, 'bench');
      if (outcome.kind !== 'held') throw new Error(outcome.readOnly.message);
      outcome.lock.release();
      times.push(performance.now() - started);
    }
    return { acquireAndRelease: summarise(times) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Set-up of every end-to-end file: one e2e file at a time holds a harness and a Chromium (the machine has two
 * cores), while the other worker goes on with unit and renderer files beside it. Vitest's own
 * `fileParallelism: false` ran the e2e files after all the others, one worker idle for three minutes.
 *
 * The turn is the data-folder lock of the app (DataDirLock, lock.ts) taken on a folder of the temp
 * directory named after this checkout: a ticket per process, a dead holder's ticket removed, never two
 * holders. A file whose turn has not come waits for the holder to release it.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll } from 'vitest';
import { DataDirLock } from '../../electron/services/store/lock';
import { AppError } from '../../shared/errors';
import { REPO_ROOT } from '../helpers/open-test-store';

const TURN_FOLDER = join(tmpdir(), `cc-e2e-turn-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`);

async function takeTurn(): Promise<DataDirLock> {
  await mkdir(TURN_FOLDER, { recursive: true });
  for (;;) {
    try {
      const outcome = await DataDirLock.acquire(TURN_FOLDER, 'an end-to-end test file');
      if (outcome.kind === 'held') return outcome.lock;
      throw new Error(`The e2e turn cannot be taken: ${outcome.readOnly.message}`);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'data-locked')) throw error;
    }
    // Another worker's e2e file holds the turn: a condition polled until it ends, not a fixed pause.
    await delay(100);
  }
}

const turn = await takeTurn();

afterAll(() => {
  turn.release();
});

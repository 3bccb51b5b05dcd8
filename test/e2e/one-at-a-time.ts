/**
 * Set-up of every end-to-end file: one e2e file at a time holds a harness and a Chromium (the machine has two
 * cores), while the other worker goes on with unit and renderer files beside it. Vitest's own
 * `fileParallelism: false` ran the e2e files after all the others, one worker idle for three minutes.
 *
 * The turn is a lock file in the temp folder, named after this checkout: created complete (written under a
 * temp name, then linked into place, which fails if it exists), holding the worker's pid and a token; taken
 * over only from a process that no longer runs (a test run interrupted); removed by its holder only.
 */
import { createHash, randomUUID } from 'node:crypto';
import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { afterAll } from 'vitest';
import { REPO_ROOT } from '../helpers/open-test-store';

const LOCK = join(tmpdir(), `cc-e2e-turn-${createHash('sha256').update(REPO_ROOT).digest('hex').slice(0, 12)}`);
const token = `${String(process.pid)} ${randomUUID()}`;

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function holder(): Promise<string | null> {
  try {
    return await readFile(LOCK, 'utf8');
  } catch {
    return null;
  }
}

async function takeTurn(): Promise<void> {
  const mine = `${LOCK}.${randomUUID()}`;
  await writeFile(mine, token);
  try {
    for (;;) {
      try {
        await link(mine, LOCK);
        return;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const held = await holder();
      const pid = Number(held?.split(' ')[0]);
      // Complete from its first byte, so a lock that reads is a holder's; only a process gone leaves one to take.
      if (held !== null && Number.isInteger(pid) && pid > 0 && !running(pid)) {
        if ((await holder()) === held) await rm(LOCK, { force: true });
        continue;
      }
      // Waiting for the other worker's e2e file to end: a condition polled, not a fixed pause.
      await delay(100);
    }
  } finally {
    await rm(mine, { force: true });
  }
}

await takeTurn();

afterAll(async () => {
  if ((await holder()) === token) await rm(LOCK, { force: true });
});

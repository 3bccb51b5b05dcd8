/**
 * Many processes racing for one data folder's lock, trial after trial, with and without a stale lock left
 * by a dead process: never two holders at once. Each holder creates a marker file exclusively while it
 * holds (lock-contender.ts), so an overlap is seen by the second holder. The review measured two holders
 * in 7 of 20 trials with a stale lock present and 1 of 20 without, with the single-file lock this replaces.
 * LOCK_RACE_TRIALS raises the number of trials per case (the figure is 200).
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LEGACY_LOCK_FILE, LOCK_FOLDER } from '../../../electron/services/store/lock';
import { hostTag } from '../../../electron/services/store/lock-ticket';
import { bundledChildScript } from '../../helpers/child-script';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const CONTENDERS = 12;
const TRIALS = Number(process.env.LOCK_RACE_TRIALS ?? 20);
let childScript = '';
beforeAll(async () => {
  // Bundled once: each trial starts plain Node (see child-script.ts).
  childScript = await bundledChildScript('test/fixtures/scripts/lock-contender.ts');
});
/** Generous: a trial takes some 20-80 ms on a busy two-core machine. */
const TIMEOUT_MS = 30_000 + TRIALS * 500;

type Contender = { process: ChildProcessWithoutNullStreams; next: () => Promise<string> };

function startContender(): Contender {
  const child = spawn(process.execPath, [childScript], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code) => {
      resolve(`contender exited (${String(code)}): ${stderr}`);
    });
  });
  return {
    process: child,
    next: () => {
      const line = lines.shift();
      if (line !== undefined) return Promise.resolve(line);
      return Promise.race([new Promise<string>((resolve) => waiting.push(resolve)), exited]);
    },
  };
}

/** A pid that no process has any more: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0'], { stdio: 'ignore' });
  await new Promise((resolve) => child.once('exit', resolve));
  return child.pid ?? 0;
}

let contenders: Contender[] = [];

beforeAll(async () => {
  contenders = Array.from({ length: CONTENDERS }, startContender);
  for (const c of contenders) expect(await c.next()).toBe('ready');
}, 60_000);

afterAll(() => {
  for (const c of contenders) c.process.kill('SIGKILL');
});

/** One trial: every contender tries at once; returns how many held the lock, in turn. */
async function trial(n: number, dir: string): Promise<number> {
  for (const c of contenders) c.process.stdin.write(`try ${n} ${dir}\n`);
  const results = await Promise.all(contenders.map((c) => c.next()));
  for (const result of results) expect(result).toMatch(new RegExp(`^${n} (held|refused)$`));
  return results.filter((r) => r.endsWith(' held')).length;
}

describe('the data-folder lock under a race of many processes', () => {
  it(`never has two holders: ${CONTENDERS} processes, ${TRIALS} trials on a fresh folder`, async () => {
    let held = 0;
    for (let n = 0; n < TRIALS; n += 1) {
      const dir = await tempDir();
      held += await trial(n, dir);
      expect(await readdir(join(dir, LOCK_FOLDER)).catch(() => [])).toEqual([]); // every ticket and temp file removed
    }
    expect(held).toBeGreaterThanOrEqual(TRIALS); // someone won each trial (at least once, on average)
  }, TIMEOUT_MS);

  it(`never has two holders with a stale lock of a dead process present (${TRIALS} trials)`, async () => {
    const pid = await deadPid();
    let held = 0;
    for (let n = 0; n < TRIALS; n += 1) {
      const dir = await tempDir();
      await mkdir(join(dir, LOCK_FOLDER));
      const stale = `${pid}-1-00000000000000aa@${hostTag(hostname())}.lock`;
      await writeFile(join(dir, LOCK_FOLDER, stale), JSON.stringify({ pid, startTime: '1', bootId: null, host: hostname(), by: 'cli', since: '2026-01-01T00:00:00.000Z' }));
      // An empty one, as a crash of the fallback (no hard links) would leave, and the old single lock file.
      await writeFile(join(dir, LOCK_FOLDER, `${pid}-2-00000000000000bb@${hostTag(hostname())}.lock`), '');
      await writeFile(join(dir, LEGACY_LOCK_FILE), JSON.stringify({ pid, host: hostname(), startedAt: 'then', by: 'cli' }));
      held += await trial(n, dir);
      expect(await readdir(join(dir, LOCK_FOLDER)).catch(() => [])).toEqual([]); // the dead process's tickets were cleared too
    }
    expect(held).toBeGreaterThanOrEqual(TRIALS);
  }, TIMEOUT_MS);
});

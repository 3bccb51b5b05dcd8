import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { JOURNAL_FILE } from '../../../electron/services/store/journal';
import { bundledChildScript } from '../../helpers/child-script';
import { openTestStore, REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

let childScript = '';
beforeAll(async () => {
  // Bundled once: each trial starts plain Node (see child-script.ts).
  childScript = await bundledChildScript('test/fixtures/scripts/transaction-step.ts');
});
/** Three files staged, the journal, three renames, the folder synced, the journal removed. */
const STEPS = ['staged', 'staged', 'staged', 'journal-written', 'renamed', 'renamed', 'renamed', 'synced', 'journal-removed'];

/** Runs the child to step `stopAt` (or to the end with 0), then kills it with SIGKILL; resolves with what it printed. */
function killAt(dataDir: string, stopAt: number, generation: number): Promise<string> {
  return runChild(dataDir, String(stopAt), generation, (stdout) => /^(at \S+|done)$/m.test(stdout));
}

/** Lets the child save generation after generation and kills it `delayMs` after its first save. */
function killWhileSaving(dataDir: string, generation: number, delayMs: number): Promise<string> {
  let armed = false;
  return runChild(dataDir, 'loop', generation, (stdout, kill) => {
    if (!armed && stdout.includes('saved')) {
      armed = true;
      setTimeout(kill, delayMs);
    }
    return false;
  });
}

function runChild(dataDir: string, stopAt: string, generation: number, killNow: (stdout: string, kill: () => void) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dataDir, stopAt, String(generation)], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const kill = () => child.kill('SIGKILL');
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (killNow(stdout, kill)) kill();
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(stdout.trim());
      else reject(new Error(`the child ended by itself: ${stderr}`));
    });
  });
}

type Generation = { library: string; curricula: string; file: string };

/** What each of the three files says after reopening the folder (the store recovers on open). */
async function generationsAfterReopening(dataDir: string): Promise<Generation> {
  const store = await openTestStore(dataDir, { keep: 3, minIntervalMs: 0 });
  try {
    expect(store.status().problems).toEqual([]);
    const library = store.read('library').modules[0]?.summary.replace('generation ', '') ?? '';
    const curricula = store.read('curricula').archived[0]?.replace('generation-', '') ?? '';
    const file = String((JSON.parse(await readFile(join(dataDir, 'imports/generation.json'), 'utf8')) as { generation: number }).generation);
    return { library, curricula, file };
  } finally {
    store.close();
  }
}

const same = (generation: number): Generation => ({ library: String(generation), curricula: String(generation), file: String(generation) });

async function leftovers(dataDir: string): Promise<string[]> {
  const names = [...(await readdir(dataDir)), ...(await readdir(join(dataDir, 'imports'))).map((n) => `imports/${n}`)];
  return names.filter((n) => n.includes('.txn-') || n.startsWith(JOURNAL_FILE));
}

describe('a transaction over several files, killed with SIGKILL', () => {
  it('leaves every file old before the journal is written and every file new from then on, at each step', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    expect(await killAt(dataDir, 0, 0)).toBe('done');
    expect(await generationsAfterReopening(dataDir)).toEqual(same(0));
    for (const [index, step] of STEPS.entries()) {
      const generation = index + 1;
      expect(await killAt(dataDir, index + 1, generation)).toBe(`at ${step}`);
      const committed = index >= STEPS.indexOf('journal-written');
      expect(await generationsAfterReopening(dataDir), `killed after step ${String(index + 1)} (${step})`).toEqual(same(committed ? generation : generation - 1));
      // Opening finished or undid the transaction: no staged file or journal is left behind.
      expect(await leftovers(dataDir)).toEqual([]);
      // Bring the folder to this generation for the next round whatever happened.
      if (!committed) expect(await killAt(dataDir, 0, generation)).toBe('done');
    }
  });

  it('leaves all files old or all new when killed at random moments', { timeout: 120_000 }, async () => {
    const dataDir = await tempDir();
    let current = 0;
    expect(await killAt(dataDir, 0, current)).toBe('done');
    for (let round = 1; round <= 8; round += 1) {
      const printed = await killWhileSaving(dataDir, current + 1, Math.random() * 30);
      const saved = Math.max(...[...printed.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])));
      const after = await generationsAfterReopening(dataDir);
      // Every save it reported is there, and the one it was killed in is there entirely or not at all.
      expect([same(saved), same(saved + 1)]).toContainEqual(after);
      current = Number(after.library);
      expect(await leftovers(dataDir)).toEqual([]);
    }
  });
});

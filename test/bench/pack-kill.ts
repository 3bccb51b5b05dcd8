/**
 * kill -9 during a 200-module pack import: each trial copies one seeded data folder, starts an import in a
 * child process and kills it (SIGKILL) at a random moment between the start of the import and its end (as
 * timed by a first, uninterrupted run). The folder is then opened as the app opens it (recovering a journal
 * the kill interrupted), and must hold either none or all of the pack's modules, with the last import
 * recorded exactly when they are all there. Anything else is a failure and is counted as such.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { writePack } from '../../electron/services/packs/pack-writer';
import { openTestServices, REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';
import { generatedModules } from './library-search';
import { summarise } from './stats';

type Run = { killedAfterMs: number | null; importMs: number | null; transactionAtMs: number | null };

/** Runs the child; kills it `killAfterMs` after it is ready (null: lets it finish). */
function runImport(dataDir: string, packPath: string, killAfterMs: number | null): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/bench/pack-kill-child.ts'), dataDir, packPath], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let readyAt = 0;
    let transactionAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (readyAt === 0 && /^ready$/m.test(stdout)) {
        readyAt = performance.now();
        if (killAfterMs !== null) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      }
      if (transactionAt === 0 && /^transaction$/m.test(stdout)) transactionAt = performance.now();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const done = /^done$/m.test(stdout);
      if (signal === 'SIGKILL') resolve({ killedAfterMs: killAfterMs, importMs: null, transactionAtMs: null });
      else if (code === 0 && done) resolve({ killedAfterMs: null, importMs: performance.now() - readyAt, transactionAtMs: transactionAt - readyAt });
      else reject(new Error(`the import failed (${String(code)}): ${stderr}`));
    });
  });
}

export async function benchPackKill(moduleCount = 200, trials = 30): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-kill-'));
  try {
    const sample = await loadSampleLibrary(RESOURCES_DIR);
    const modules = (await generatedModules(moduleCount)).map((m, i) => ({ ...m, id: `partner-${String(i).padStart(3, '0')}` }));
    const packPath = join(dir, 'partner.ccpack');
    const meta = { packId: 'kill-bench', title: 'Partner pack', publisher: 'Partner Academy', license: 'CC-BY-4.0', appVersion: '0.1.0', createdAt: '2026-01-01T00:00:00Z' };
    await writePack({ modules, references: sample.references, meta }, packPath);
    const template = join(dir, 'template');
    (await openTestServices(template)).store.close();
    const ids = new Set(modules.map((m) => m.id));

    const state = async (dataDir: string): Promise<string> => {
      const services = await openTestServices(dataDir);
      try {
        const present = services.store.read('library').modules.filter((m) => ids.has(m.id)).length;
        const recorded = services.packs.lastImport() !== null;
        if (present === 0 && !recorded) return 'before';
        if (present === ids.size && recorded) return 'after';
        return `partial: ${present} of ${ids.size} modules, last import ${recorded ? 'recorded' : 'not recorded'}`;
      } finally {
        services.store.close();
      }
    };

    const calibration = join(dir, 'calibration');
    await cp(template, calibration, { recursive: true });
    const full = await runImport(calibration, packPath, null);
    const importMs = full.importMs ?? 0;
    const transactionAtMs = full.transactionAtMs ?? 0;
    const outcomes = { before: 0, after: 0, failures: [] as string[] };
    const killTimes: number[] = [];
    for (let trial = 0; trial < trials; trial += 1) {
      const dataDir = join(dir, `trial-${trial}`);
      await cp(template, dataDir, { recursive: true });
      // Odd trials: anywhere in the import. Even trials: from the start of its transaction to a little after
      // the end (a kill after the end must find it complete). Reading and checking the pack come first and
      // take most of the time; the transaction is where a crash could leave half a library.
      const from = trial % 2 === 0 ? transactionAtMs : 0;
      const killAfterMs = Math.round(from + Math.random() * (importMs * 1.1 - from));
      const run = await runImport(dataDir, packPath, killAfterMs);
      killTimes.push(killAfterMs);
      let outcome: string;
      try {
        outcome = await state(dataDir);
      } catch (error) {
        outcome = `does not open: ${(error as Error).message}`;
      }
      if (outcome === 'before') outcomes.before += 1;
      else if (outcome === 'after') outcomes.after += 1;
      else outcomes.failures.push(`trial ${trial} (killed ${run.killedAfterMs === null ? 'after the end' : `at ${killAfterMs} ms`}): ${outcome}`);
      await rm(dataDir, { recursive: true, force: true });
    }
    return {
      target: `kill -9 during a ${moduleCount}-module pack import, ${trials} trials: each time entirely before or entirely after`,
      modules: moduleCount,
      uninterruptedImportMs: Math.round(importMs),
      transactionStartsAtMs: Math.round(transactionAtMs),
      killMoments: summarise(killTimes),
      entirelyBefore: outcomes.before,
      entirelyAfter: outcomes.after,
      partialOrBroken: outcomes.failures.length,
      failures: outcomes.failures,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

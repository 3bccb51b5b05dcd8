/**
 * Word export benchmarks.
 * 1. Cold cost: each run is a fresh Node process that loads the export code, builds the plan and renders
 *    the .docx for a course of N modules × 6 lessons (10, 40, 160, 320), reporting time and peak RSS.
 * 2. Responsiveness: a 160-module course is exported through the composer's export dialog in the web
 *    harness (worker thread, progress, download). Meanwhile the page asks the server for its status every
 *    20 ms; the slowest answer shows how long the server's main thread was ever blocked, and a
 *    PerformanceObserver records the page's long tasks (including turning the answer into a download).
 * 3. The server's event loop during the same export, sampled in-process (see benchServerEventLoop).
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { workerExportRunners } from '../../electron/services/export/export-worker';
import { createHandlers, openServices } from '../../electron/services/handlers';
import { startWebHarness } from '../../electron/web/server';
import type { ExportJob } from '../../electron/services/export/export-job';
import { launchBrowser, startHarness } from '../e2e/harness';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';
import { exportBenchCourse } from './export-course';
import { summarise } from './stats';

const run = promisify(execFile);
const SIZES = [10, 40, 160, 320];
/** Items a curriculum may hold (CurriculumSchema). */
const MAX_ITEMS = 200;
const RUNS = 3;

type ChildResult = { totalMs: number; exportMs: number; bytes: number; peakRssMb: number };

async function coldExport(jobFile: string, unchecked: boolean): Promise<ChildResult> {
  const args = ['--import', 'tsx', join(REPO_ROOT, 'test/bench/export-child.ts'), jobFile, ...(unchecked ? ['--unchecked'] : [])];
  const { stdout } = await run(process.execPath, args, {
    cwd: REPO_ROOT,
    maxBuffer: 10_000_000,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult;
}

async function benchCold(dir: string): Promise<Record<string, unknown>> {
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const results: Record<string, unknown> = {};
  for (const size of SIZES) {
    const job: ExportJob = {
      input: { curriculum: exportBenchCourse(library.modules, size), references: library.references, today: '2026-11-26' },
      options: { variant: 'full', paper: 'a4', annexes: true },
    };
    const file = join(dir, `job-${size}.json`);
    await writeFile(file, JSON.stringify(job));
    const runs: ChildResult[] = [];
    // More than MAX_ITEMS modules is not a valid curriculum: measured without the schema check, for the curve only.
    for (let i = 0; i < RUNS; i += 1) runs.push(await coldExport(file, size > MAX_ITEMS));
    const time = summarise(runs.map((r) => r.totalMs));
    results[`${size} modules`] = {
      medianMs: time.medianMs,
      maxMs: time.maxMs,
      exportOnlyMedianMs: summarise(runs.map((r) => r.exportMs)).medianMs,
      peakRssMb: Math.max(...runs.map((r) => r.peakRssMb)),
      docxKb: Math.round((runs[0]?.bytes ?? 0) / 1024),
    };
  }
  return results;
}

async function benchResponsiveness(dir: string): Promise<Record<string, unknown>> {
  const dataDir = join(dir, 'data');
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const services = await openServices(dataDir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) });
  const course = exportBenchCourse(library.modules, 160);
  await services.store.update('curricula', (data) => ({ ...data, curricula: [...data.curricula, course] }));
  services.store.close();
  const harness = await startHarness(dataDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(harness.url);
    await page.waitForSelector('nav');
    await page.goto(`${harness.origin}/#/curricula/${course.id}`);
    await page.getByRole('heading', { level: 1, name: course.title }).waitFor();
    await page.getByRole('button', { name: 'Export…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export to Word' });
    // From here on: the page's long tasks, and how long the server takes to answer while it exports.
    // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
    await page.evaluate(() => {
      const probe = { tasks: [] as number[], pings: [] as number[], running: true, done: Promise.resolve() };
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) probe.tasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      probe.done = (async () => {
        while (probe.running) {
          const t = performance.now();
          await fetch('/api/invoke/store:status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
          probe.pings.push(performance.now() - t);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })();
      (window as unknown as { benchProbe: typeof probe }).benchProbe = probe;
    });
    const started = performance.now();
    const downloading = page.waitForEvent('download', { timeout: 120_000 });
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const download = await downloading;
    const exportMs = performance.now() - started;
    const size = (await readFile(await download.path())).length;
    const probe = await page.evaluate(async () => {
      const state = (window as unknown as { benchProbe: { tasks: number[]; pings: number[]; running: boolean; done: Promise<void> } }).benchProbe;
      state.running = false;
      await state.done;
      return { tasks: state.tasks, pings: state.pings };
    });
    return {
      exportMs: Math.round(exportMs),
      docxKb: Math.round(size / 1024),
      statusPings: probe.pings.length,
      slowestServerAnswerMs: Math.round(Math.max(...probe.pings)),
      pageLongTasks: probe.tasks.length,
      longestPageTaskMs: Math.round(Math.max(0, ...probe.tasks)),
    };
  } finally {
    await browser.close();
    await harness.stop();
  }
}

/**
 * The server's own view: the web harness runs in this process (its export in the worker thread the app
 * uses), a child process asks it for the 160-module .docx, and the event loop's delay is sampled every 5 ms.
 */
async function benchServerEventLoop(dir: string): Promise<Record<string, unknown>> {
  const chunks = join(REPO_ROOT, 'out/main/chunks');
  const workerFile = (await readdir(chunks)).find((f) => f.startsWith('export.worker-') && f.endsWith('.js'));
  if (!workerFile) throw new Error('Build the app first (npm run build): out/main/chunks has no export worker');
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const runExport = workerExportRunners((options) => new Worker(join(chunks, workerFile), options));
  const services = await openServices(join(dir, 'lag-data'), { kind: 'web', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false), runExport });
  const course = exportBenchCourse(library.modules, 160);
  await services.store.update('curricula', (data) => ({ ...data, curricula: [...data.curricula, course] }));
  const harness = await startWebHarness({ rendererDir: join(REPO_ROOT, 'out/renderer'), handlers: createHandlers(services), port: 0 });
  const delays = monitorEventLoopDelay({ resolution: 5 });
  try {
    const request = JSON.stringify({ target: { kind: 'curriculum', id: course.id }, taskId: 'bench' });
    // The client is started first and waits for a line on stdin: spawning it is not the server's work.
    const client = `process.stdout.write('ready\\n'); process.stdin.once('data', () => fetch(process.argv[1], { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-composer-token': process.argv[2] }, body: process.argv[3] }).then((r) => r.text()).then((t) => process.exit(t.includes('bytesBase64') ? 0 : 1)))`;
    const child = spawn(process.execPath, ['-e', client, `${new URL(harness.url).origin}/api/invoke/export:docx`, harness.token, request], { stdio: ['pipe', 'pipe', 'inherit'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    delays.enable();
    const started = performance.now();
    child.stdin.write('go\n');
    const code = await exited;
    const exportMs = performance.now() - started;
    delays.disable();
    if (code !== 0) throw new Error('The export request failed');
    return { exportMs: Math.round(exportMs), maxEventLoopDelayMs: Math.round(delays.max / 1e6), p99EventLoopDelayMs: Math.round(delays.percentile(99) / 1e6) };
  } finally {
    await harness.close();
    services.store.close();
  }
}

export async function benchExport(): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-export-'));
  try {
    return {
      target: '40 modules <= 1500 ms and <= 250 MB, 160 modules <= 5000 ms, linear; server and page never blocked > 50 ms',
      cold: await benchCold(dir),
      whileExporting160: await benchResponsiveness(dir),
      serverWhileExporting160: await benchServerEventLoop(dir),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { MODULES_DIR, SEARCH_INDEX_FILE } from '../../electron/services/store/layout';
import { Store } from '../../electron/services/store/store';
import { LIBRARY_PAGE_SIZE } from '../../shared/schemas/library-query';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { launchBrowser, startHarness, type RunningHarness } from '../e2e/harness';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';
import { generatedModules } from './library-search';
import { summarise } from './stats';

const round1 = (n: number) => Math.round(n * 10) / 10;
/** The 1-minute load average, reported beside each figure: the machine is shared. */
const load = () => round1(loadavg()[0] ?? Number.NaN);

/** Resident memory of a process in MB (Linux: /proc); null elsewhere. `peak`: the highest it has been. */
function rssMB(pid: number | undefined, peak = false): number | null {
  if (pid === undefined || process.platform !== 'linux') return null;
  const match = new RegExp(`^${peak ? 'VmHWM' : 'VmRSS'}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match?.[1] ? Math.round(Number(match[1]) / 1024) : null;
}

/** Calls the harness's API as its page does; returns the value and how long until the whole answer was received (not parsed). */
async function invoke(harness: RunningHarness, channel: string, body: unknown): Promise<{ ms: number; value: unknown }> {
  const token = new URL(harness.url).searchParams.get('token') ?? '';
  const started = performance.now();
  const response = await fetch(`${harness.origin}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'x-composer-token': token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = round1(performance.now() - started);
  const result = JSON.parse(text) as { ok: boolean; value?: unknown; error?: { message: string } };
  if (!result.ok) throw new Error(`${channel} failed: ${result.error?.message ?? response.status}`);
  return { ms, value: result.value };
}

async function until(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const exists = (path: string) => stat(path).then(() => true, () => false);

/** The search the user types first: a word, then a prefix being typed (the text changes, so no memo answers). */
const FIRST_SEARCHES = ['human rights', 'custody', 'proport'];

/** A first search as the library page asks it: the first page of the best matches. */
const pageRequest = (text: string) => ({ text, sort: 'relevance', limit: LIBRARY_PAGE_SIZE });

/**
 * One cold start of the harness (a fresh process): until its ready line, then the first searches through
 * its API, and optionally the library page until its first rows show.
 */
async function coldStart(dataDir: string, browser: Browser | null): Promise<{ harness: RunningHarness; figures: Record<string, unknown> }> {
  const loadAtStart = load();
  const started = performance.now();
  const harness = await startHarness(dataDir);
  const readyMs = Math.round(performance.now() - started);
  const rssAtReady = rssMB(harness.process.pid);
  // The first searches as the page asks them (a page of 100 rows), then the same texts answered with every
  // match (what the page asked for before it was paged; the text index is warm by then, so these are lower
  // than a cold all-hits search would be: `allHitsColdStart` measures that on its own start).
  const searches: Record<string, number> = {};
  for (const text of FIRST_SEARCHES) searches[text] = (await invoke(harness, 'library:list', pageRequest(text))).ms;
  const allHits: Record<string, number> = {};
  for (const text of FIRST_SEARCHES) allHits[text] = (await invoke(harness, 'library:list', { text, sort: 'relevance' })).ms;
  let pageToFirstRowsMs: number | null = null;
  if (browser) {
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const opened = performance.now();
    await page.goto(harness.url);
    await page.locator('.module-row').first().waitFor({ timeout: 600_000 });
    pageToFirstRowsMs = Math.round(performance.now() - opened);
    await page.close();
  }
  return { harness, figures: { readyMs, firstSearchMs: searches, allHitsAfterwardsMs: allHits, pageToFirstRowsMs, rssAtReadyMB: rssAtReady, load: loadAtStart } };
}

/** Waits for the library to be read in the background; returns how long after `since` that was, and the memory then. */
async function untilSettled(harness: RunningHarness, since: number): Promise<Record<string, unknown>> {
  await invoke(harness, 'store:status', { settled: true });
  return { libraryReadAfterMs: Math.round(performance.now() - since), rssLibraryReadMB: rssMB(harness.process.pid), load: load() };
}

/**
 * A module opened before the module bodies are read (from its own file and the index), then searches typed
 * while they are read (a call that needs them, here the placeholders of Settings, starts the reading at
 * once): what the reading costs the searches on this machine.
 */
async function searchesWhileReading(harness: RunningHarness): Promise<Record<string, unknown>> {
  const list = (await invoke(harness, 'library:list', { sort: 'title' })).value as { modules: { id: string }[] };
  const id = list.modules[0]?.id ?? 'accountability-oversight-0';
  const moduleOpenedBeforeReadingMs = Math.round((await invoke(harness, 'library:get', { id })).ms);
  const since = performance.now();
  const reading = invoke(harness, 'library:placeholders', undefined);
  const times: number[] = [];
  const state = { done: false };
  void reading.then(() => (state.done = true));
  for (let i = 0; !state.done && i < 200; i += 1) {
    times.push((await invoke(harness, 'library:list', pageRequest(`${FIRST_SEARCHES[i % FIRST_SEARCHES.length] ?? ''} ${String(i)}`))).ms);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await reading;
  return { moduleOpenedBeforeReadingMs, libraryReadMs: Math.round(performance.now() - since), searchesMeanwhile: summarise(times), load: load() };
}

/** One cold opening of the services in a fresh process (library-open-child.ts): service-side times, before any HTTP. */
function inProcess(dataDir: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'test/bench/library-open-child.ts'), dataDir, ...FIRST_SEARCHES], { cwd: REPO_ROOT }, (error, stdout) => {
      if (error) reject(new Error(`library-open-child.ts failed: ${error.message}`));
      else resolve({ ...(JSON.parse(stdout) as Record<string, unknown>), load: load() });
    });
  });
}

/** A data folder of `count` generated modules; the modules do not stay in this process (its own collections would slow it). */
async function seedLibrary(dataDir: string, count: number): Promise<void> {
  const { references } = await loadSampleLibrary(RESOURCES_DIR);
  const store = await Store.open({
    dataDir,
    owner: 'bench',
    seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: async () => ({ modules: await generatedModules(count), references, upstream: [] }) },
  });
  store.close();
}

/**
 * A 5,000-module library in the web harness: its size, then cold starts (fresh processes) without a persisted
 * search index (the first start after the upgrade, or a damaged index) and with one, each to its ready line,
 * its first searches (ms each, through the API, as the library page asks them: the first 100 matches; then
 * the same texts with every match, and once on a cold start, as the page asked before it was paged: several
 * MB for a common word), and the library page until its first rows show; memory at ready and once the module
 * bodies are read in the background, and peak memory. With the index, also the services opened in a fresh
 * process (service-side times of opening and of the first searches, wall and processor), and the searches
 * typed while the module bodies are being read.
 */
export async function benchLibraryWeb(count = 5000, rounds = 3): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-lib-'));
  const browser = await launchBrowser();
  try {
    await seedLibrary(dataDir, count);
    const files = await readdir(join(dataDir, MODULES_DIR));
    const bytes = (await Promise.all(files.map(async (f) => (await stat(join(dataDir, MODULES_DIR, f))).size))).reduce((a, b) => a + b, 0);
    const library = { modules: files.length, moduleFilesMB: round1(bytes / 1e6), averageModuleKB: Math.round(bytes / files.length / 1e3) };
    const indexPath = join(dataDir, SEARCH_INDEX_FILE);

    // Without a persisted index: ready at once, but the first text search waits for the full text to be built.
    const first = await coldStart(dataDir, null);
    const since = performance.now();
    const settled = await untilSettled(first.harness, since);
    await until(() => exists(indexPath), 15 * 60_000);
    const withoutIndex = { ...first.figures, ...settled, indexWrittenAfterMs: Math.round(performance.now() - since), peakRssMB: rssMB(first.harness.process.pid, true) };
    await first.harness.stop();
    const indexMB = round1((await stat(indexPath)).size / 1e6);

    // The same starts on the sample library (21 modules, with its index): what start-up costs on this machine now.
    const sampleDir = await mkdtemp(join(tmpdir(), 'cc-bench-sample-'));
    const seeding = await startHarness(sampleDir);
    await until(() => exists(join(sampleDir, SEARCH_INDEX_FILE)), 120_000);
    await seeding.stop();

    const withIndex: Record<string, unknown>[] = [];
    const services: Record<string, unknown>[] = [];
    const baseline: Record<string, unknown>[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const sample = await coldStart(sampleDir, null);
      baseline.push(sample.figures);
      await sample.harness.stop();
      services.push(await inProcess(dataDir));
      const run = await coldStart(dataDir, browser);
      // Nothing asks for the modules: they are read after a quiet moment (LibraryLoading).
      const settledRun = await untilSettled(run.harness, performance.now());
      withIndex.push({ ...run.figures, ...settledRun, peakRssMB: rssMB(run.harness.process.pid, true) });
      await run.harness.stop();
    }
    // One more cold start whose first search asks for every match, as the page did before it was paged.
    const allHitsStart = await startHarness(dataDir);
    const allHitsColdStart = { firstSearchMs: (await invoke(allHitsStart, 'library:list', { text: FIRST_SEARCHES[0], sort: 'relevance' })).ms, load: load() };
    await allHitsStart.stop();
    const reading = await coldStart(dataDir, null);
    const whileReading = await searchesWhileReading(reading.harness);
    await reading.harness.stop();
    await rm(sampleDir, { recursive: true, force: true });
    const numbers = (key: string) => withIndex.map((r) => r[key] as number);
    return {
      library,
      indexMB,
      withoutPersistedIndex: withoutIndex,
      sampleLibraryStarts: baseline,
      servicesOpenedInProcess: services,
      withPersistedIndex: {
        runs: withIndex,
        searchesWhileModulesAreRead: whileReading,
        readyMs: summarise(numbers('readyMs')),
        /** The first search as the page asks it: 100 rows. */
        firstSearchMs: summarise(withIndex.map((r) => (r['firstSearchMs'] as Record<string, number>)[FIRST_SEARCHES[0] as string] as number)),
        /** The same text on a fresh start, answered with every match (4,524 rows for "human rights"): the figure before paging. */
        allHitsColdStart,
        pageToFirstRowsMs: summarise(numbers('pageToFirstRowsMs')),
      },
    };
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

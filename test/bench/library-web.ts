import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { Store } from '../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { launchBrowser, startHarness } from '../e2e/harness';
import { RESOURCES_DIR } from '../helpers/open-test-store';
import { generatedModules } from './library-search';
import { summarise } from './stats';

/**
 * The library screen with a large library: a data folder of `count` generated modules, the web harness
 * started on it (its start-up is reported, not part of the target), then the time from opening the page
 * until the first rows of the list are shown, over several page loads.
 */
export async function benchLibraryWeb(count = 5000, rounds = 5): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-lib-'));
  const browser = await launchBrowser();
  try {
    const { references } = await loadSampleLibrary(RESOURCES_DIR);
    const modules = await generatedModules(count);
    const store = await Store.open({
      dataDir,
      owner: 'bench',
      seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.resolve({ modules, references, upstream: [] }) },
    });
    store.close();
    const libraryMB = Math.round((await stat(join(dataDir, 'library.json'))).size / 1e5) / 10;

    const started = performance.now();
    const harness = await startHarness(dataDir);
    const serverStartMs = Math.round(performance.now() - started);
    const times: number[] = [];
    try {
      for (let i = 0; i < rounds; i += 1) {
        const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
        const opened = performance.now();
        await page.goto(harness.url);
        await page.locator('.module-row').first().waitFor({ timeout: 120_000 });
        times.push(performance.now() - opened);
        await page.close();
      }
    } finally {
      await harness.stop();
    }
    return { modules: count, libraryMB, serverStartMs, pageToFirstRows: summarise(times) };
  } finally {
    await browser.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startHarness } from '../e2e/harness';
import { summarise } from './stats';

/**
 * Cold start of the web harness to first render: from spawning the server process (new data folder, so it
 * also seeds the library) until the library's first module card is painted in an already running Chromium.
 */
export async function benchWebColdStart(rounds = 7): Promise<Record<string, unknown>> {
  const browser = await launchBrowser();
  const total: number[] = [];
  const serverReady: number[] = [];
  try {
    for (let i = 0; i < rounds; i += 1) {
      const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-web-'));
      const started = performance.now();
      const harness = await startHarness(dataDir);
      serverReady.push(performance.now() - started);
      const page = await browser.newPage();
      try {
        await page.goto(harness.url);
        await page.locator('.card').first().waitFor();
        total.push(performance.now() - started);
      } finally {
        await page.close();
        await harness.stop();
        await rm(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    await browser.close();
  }
  return { toFirstRender: summarise(total), serverReady: summarise(serverReady) };
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, startHarness } from '../e2e/harness';
import { summarise } from './stats';

/** Records, in the page, the wall-clock time at which the first library card is in the DOM. */
const FIRST_CARD_PROBE = `
  new MutationObserver((_, observer) => {
    if (document.querySelector('.card')) {
      window.__firstCardAt = performance.timeOrigin + performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
`;

/**
 * Cold start of the web harness to first render: from spawning the server process (on a new data folder,
 * so it also seeds the library) until the library's first module card is rendered. The browser and its
 * tab are opened beforehand: they are the user's browser, not part of the app's start-up.
 */
export async function benchWebColdStart(rounds = 7): Promise<Record<string, unknown>> {
  const browser = await launchBrowser();
  const total: number[] = [];
  const serverReady: number[] = [];
  try {
    for (let i = 0; i < rounds; i += 1) {
      const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-web-'));
      const page = await browser.newPage();
      await page.addInitScript(FIRST_CARD_PROBE);
      const started = Date.now();
      const harness = await startHarness(dataDir);
      serverReady.push(Date.now() - started);
      try {
        await page.goto(harness.url);
        await page.waitForFunction(() => (window as unknown as { __firstCardAt?: number }).__firstCardAt !== undefined);
        const firstCardAt = await page.evaluate(() => (window as unknown as { __firstCardAt: number }).__firstCardAt);
        total.push(firstCardAt - started);
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

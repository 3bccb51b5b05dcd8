import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { Store } from '../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { generatedModules } from '../bench/library-search';
import { RESOURCES_DIR } from '../helpers/open-test-store';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';

/** A data folder whose library holds `count` generated modules (the sample library's, varied). */
async function largeLibrary(count: number): Promise<string> {
  const dataDir = await tempDir();
  const { references } = await loadSampleLibrary(RESOURCES_DIR);
  const modules = await generatedModules(count);
  const store = await Store.open({ dataDir, owner: 'test', seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.resolve({ modules, references, upstream: [] }) } });
  store.close();
  return dataDir;
}

describe.runIf(!SKIP_E2E)('a library larger than one page, in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('shows the first 100 modules, loads more as the list scrolls to its end and with Show more', async () => {
    const harness = await startHarness(await largeLibrary(230));
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors = watchErrors(page);
    try {
      await page.goto(harness.url);
      const status = page.locator('.library__results > p[aria-live="polite"]');
      await expect.poll(() => status.textContent()).toBe('Showing 100 of 230 modules');
      await page.screenshot({ path: join(SCREENSHOTS, 'library-paged-en.png') });

      // Scrolling to the end of the rows loaded asks for the next page.
      await page.locator('.module-list').evaluate((list) => {
        list.scrollTop = list.scrollHeight;
      });
      await expect.poll(() => status.textContent()).toBe('Showing 200 of 230 modules');

      await page.getByRole('button', { name: 'Show 30 more' }).click();
      await expect.poll(() => status.textContent()).toBe('230 modules');
      expect(await page.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);

      // A search starts again from its first page, over every match.
      await page.getByRole('searchbox', { name: 'Search modules' }).fill('police');
      await expect.poll(() => status.textContent()).toMatch(/^Showing 100 of \d{3} modules( · \d+ of 230)?$/);
      // From the top of the new list, without loading its second page.
      expect(await page.locator('.module-list').evaluate((list) => list.scrollTop)).toBe(0);
      await page.locator('[aria-posinset="1"] .module-row').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

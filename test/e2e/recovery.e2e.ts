import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SEARCH_INDEX_FILE } from '../../electron/services/store/layout';
import { openTestStore } from '../helpers/open-test-store';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness } from './harness';

describe.runIf(!SKIP_E2E)('recovering damaged data in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('reports a truncated library, keeps it, and restores the newest good backup', async () => {
    const dataDir = await tempDir();
    // One edit keeps a backup of the module's file; then the file is cut short, as a crash of the disk would.
    const store = await openTestStore(dataDir);
    const [module] = store.read('library').modules;
    if (!module) throw new Error('The test library has a module');
    await store.update('library', (l) => ({ ...l, modules: [{ ...module, summary: `${module.summary} Edited.` }] }));
    store.close();
    const damaged = join(dataDir, 'library', 'modules', `${module.id}.json`);
    await writeFile(damaged, '{"schemaVersion":4,"id":"trunc');

    const harness = await startHarness(dataDir);
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    try {
      await page.goto(harness.url);
      await page.getByRole('heading', { name: 'Your data needs attention' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'recovery-en.png') });
      expect(await readFile(damaged, 'utf8')).toBe('{"schemaVersion":4,"id":"trunc');
      await page.getByRole('button', { name: 'Restore this backup' }).click();
      await page.getByRole('heading', { level: 1, name: 'Module library' }).waitFor();
      await page.locator('.card').first().waitFor();
      const quarantined = await readdir(join(dataDir, 'quarantine'));
      expect(quarantined).toHaveLength(1);
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('shows the same screen when a damaged module is found after starting from the search index', async () => {
    const dataDir = await tempDir();
    // A first run seeds the folder and writes its search index a moment after building it.
    const first = await startHarness(dataDir);
    await vi.waitFor(() => stat(join(dataDir, SEARCH_INDEX_FILE)), { timeout: 60_000, interval: 250 });
    await first.stop();
    const damaged = join(dataDir, 'library', 'modules', 'ethics-integrity.json');
    await writeFile(damaged, '{"schemaVersion":4,"id":"trunc');

    // The second run answers from the index while it reads the modules, then finds the damage.
    const harness = await startHarness(dataDir);
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    try {
      await page.goto(harness.url);
      await page.getByRole('heading', { name: 'Your data needs attention' }).waitFor();
      await expect(page.getByText(/ethics-integrity\.json/).first().isVisible()).resolves.toBe(true);
      expect(await readFile(damaged, 'utf8')).toBe('{"schemaVersion":4,"id":"trunc');
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('refuses to start a second harness on a folder in use, naming the holder', async () => {
    const dataDir = await tempDir();
    const first = await startHarness(dataDir);
    try {
      await expect(startHarness(dataDir)).rejects.toThrow(/error: The data folder .* is in use by another Curriculum Composer \(web harness/);
    } finally {
      await first.stop();
    }
  });
});

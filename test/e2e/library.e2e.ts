import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';

async function openLibrary(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.module-row').first().waitFor();
}

describe.runIf(!SKIP_E2E)('the module library in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('searches, filters, opens a module, edits it, undoes, saves, and finds the edit after a reload', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors = watchErrors(page);
    try {
      await openLibrary(page, harness.url);
      await page.screenshot({ path: join(SCREENSHOTS, 'library-en.png') });

      // Accent-insensitive search as you type.
      await page.getByRole('searchbox', { name: 'Search modules' }).fill('securite');
      await expect.poll(() => page.locator('.module-row').count()).toBeGreaterThan(0);
      await page.getByRole('searchbox', { name: 'Search modules' }).fill('');

      // A facet narrows the list.
      await page.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: /Ethics and anti-corruption/ }).check();
      await expect.poll(() => page.locator('.module-row').count()).toBeLessThan(5);
      await page.getByRole('link', { name: /Police ethics and integrity/i }).click();
      await page.getByRole('heading', { level: 1, name: /ethics and integrity/i }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'module-en.png') });

      // Edit the title; the editor autosaves.
      await page.getByRole('button', { name: 'Edit' }).click();
      const title = page.getByLabel('Module title');
      await title.fill('Police ethics, integrity and gifts');
      await page.getByText('All changes saved').waitFor();
      // A second change, in another field: typing on in the same field within a second is one undo step.
      const summary = page.getByLabel('Summary', { exact: true });
      const summaryBefore = await summary.inputValue();
      await summary.fill(`${summaryBefore} Draft.`);
      await page.getByText('All changes saved').waitFor();
      // Undo (outside the text field) goes back one step and is saved too.
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => summary.inputValue()).toBe(summaryBefore);
      expect(await title.inputValue()).toBe('Police ethics, integrity and gifts');
      await page.getByText('All changes saved').waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'editor-en.png') });

      await page.reload();
      await expect.poll(() => page.getByLabel('Module title').inputValue()).toBe('Police ethics, integrity and gifts');
      await page.getByRole('button', { name: 'Done' }).click();
      await page.getByRole('heading', { level: 1, name: 'Police ethics, integrity and gifts' }).waitFor();
      expect(await page.getByText(/Revision 2/).count()).toBeGreaterThan(0);
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('shows the library and a module page in Arabic, right to left', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 850 } });
    try {
      await page.goto(harness.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Interface language').selectOption('ar');
      await page.getByRole('button', { name: 'المكتبة' }).click();
      await page.getByRole('searchbox').fill('الشرطه');
      await expect.poll(() => page.locator('.module-row').count()).toBeLessThan(6);
      await page.getByRole('link', { name: /الشرطة المجتمعية/ }).first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'library-ar.png') });
      await page.getByRole('link', { name: /الشرطة المجتمعية/ }).first().click();
      await page.getByRole('heading', { level: 1, name: /الشرطة المجتمعية/ }).waitFor();
      expect(await page.locator('article header').getAttribute('dir')).toBe('rtl');
      // The English original is one click away.
      await page.getByRole('link', { name: /Community Policing/ }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'module-ar.png') });
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('asks before deleting a module that others need, and says where it is used', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage();
    try {
      await page.goto(`${harness.url}#/library/hr-foundations`);
      await page.getByRole('button', { name: 'Delete' }).click();
      const dialog = page.getByRole('alertdialog', { name: 'Delete this module?' });
      await dialog.getByText('Prerequisite of').waitFor();
      await dialog.getByText(/Fondements des droits/).waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      expect(await page.getByRole('alertdialog').count()).toBe(0);
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';

describe.runIf(!SKIP_E2E)('the app in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('seeds a new data folder and shows the library, in English and in Arabic (RTL), and remembers the language', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = watchErrors(page);
    try {
      await page.goto(harness.url);
      await page.getByRole('heading', { level: 1, name: 'Module library' }).waitFor();
      await page.locator('.card').first().waitFor();
      expect(await page.locator('.card').count()).toBeGreaterThanOrEqual(2);
      await page.screenshot({ path: join(SCREENSHOTS, 'shell-en.png') });

      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Interface language').selectOption('ar');
      await page.getByRole('heading', { level: 1, name: 'الإعدادات' }).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      // The sidebar sits on the right in RTL.
      const box = await page.getByRole('navigation').boundingBox();
      expect(box?.x).toBeGreaterThan(640);
      await page.getByRole('button', { name: 'المكتبة' }).click();
      await page.locator('.card').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'shell-ar.png') });

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'مكتبة الوحدات التدريبية' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('refuses a page request without the token', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage();
    try {
      const response = await page.goto(`${harness.origin}/`);
      expect(response?.status()).toBe(403);
      const withToken = await page.goto(harness.url);
      expect(withToken?.headers()['content-security-policy']).toContain("default-src 'self'");
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('keeps the keyboard usable: skip link, visible focus, arrow keys in the sidebar', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage();
    try {
      await page.goto(harness.url);
      await page.getByRole('heading', { level: 1, name: 'Module library' }).waitFor();
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to main content');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-library');
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
      expect(outline).toBe('solid');
      await page.keyboard.press('ArrowDown');
      await page.getByRole('heading', { level: 1, name: 'Curricula' }).waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('nav-curricula');
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

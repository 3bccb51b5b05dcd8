import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors, type RunningHarness } from './harness';
import { axeViolations, sections } from './sections';

/** Calls the harness's API from the page (the page holds the session cookie). */
async function api<T>(page: Page, channel: string, payload?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ([c, p]) => {
      const response = await fetch(`/api/invoke/${c}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: p === undefined ? '' : JSON.stringify(p) });
      return (await response.json()) as { ok: boolean; value?: unknown; error?: unknown };
    },
    [channel, payload] as const,
  );
  if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

const SIZES = [
  { width: 1024, height: 700 },
  { width: 1920, height: 1080 },
] as const;

describe.runIf(!SKIP_E2E)('every section in English and Arabic: axe-core finds nothing, and screenshots at 1024 × 700 and 1920 × 1080', () => {
  let browser: Browser;
  let harness: RunningHarness | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    await harness?.stop();
  });

  it.each(['en', 'ar'] as const)('%s', async (language) => {
    harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: SIZES[0] });
    const errors = watchErrors(page);
    await page.goto(harness.url);
    await page.locator('.sidebar').waitFor();
    // A partner's pack of the sample course, one of whose modules was since changed here: the preview has
    // identical modules, a module that differs, and a course.
    const exported = await api<{ bytesBase64: string }>(page, 'pack:export', { moduleIds: [], curriculumId: 'foundation-course', title: 'Partner pack', publisher: 'Partner academy', license: 'CC BY 4.0' });
    const pack = Buffer.from(exported.bytesBase64, 'base64');
    const { module } = await api<{ module: { revision: number; summary: string } }>(page, 'library:get', { id: 'ethics-integrity' });
    await api(page, 'library:save', { module: { ...module, summary: `${module.summary} Adapted here.` }, baseRevision: module.revision, bump: true });
    await api(page, 'settings:update', { language });
    await page.reload();
    const url = harness.url;
    const found: string[] = [];
    for (const section of sections(() => ({ name: 'partner.ccpack', mimeType: 'application/octet-stream', buffer: pack }))) {
      await page.setViewportSize(SIZES[0]);
      // The app routes by hash: a section is reached without reloading (the composer's tabs share one).
      if (new URL(page.url()).hash !== section.hash) await page.goto(new URL(section.hash, url).toString());
      else await page.keyboard.press('Escape');
      await page.locator(section.ready).first().waitFor();
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      await section.act?.(page);
      found.push(...(await axeViolations(page)).map((v) => `${section.name}: ${v}`));
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.screenshot({ path: join(SCREENSHOTS, `${section.name}-${language}-${String(size.width)}.png`) });
      }
    }
    expect(found).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});

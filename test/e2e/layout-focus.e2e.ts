import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SKIP_E2E, startHarness, watchErrors, type RunningHarness } from './harness';

const SAMPLE_TITLE = 'Foundation course on human rights and community policing for recruits';
const LAPTOP = { width: 1024, height: 700 };

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

/** Whether two boxes overlap (by more than a pixel's rounding). */
function overlap(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x + 1 < b.x + b.width && b.x + 1 < a.x + a.width && a.y + 1 < b.y + b.height && b.y + 1 < a.y + a.height;
}

describe.runIf(!SKIP_E2E)('layout at 1024 × 700 and focus, in the web harness', () => {
  let browser: Browser;
  let harness: RunningHarness | undefined;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await page.close();
    await harness?.stop();
  });

  async function open(language: 'en' | 'ar' = 'en'): Promise<void> {
    harness = await startHarness(await tempDir());
    page = await browser.newPage({ viewport: LAPTOP });
    errors = watchErrors(page);
    await page.goto(harness.url);
    await page.locator('.sidebar').waitFor();
    if (language !== 'en') {
      await api(page, 'settings:update', { language });
      await page.reload();
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    }
  }

  it('moves the focus to the new course title after creating a course, and keeps it on Export during and after an export', async () => {
    await open();
    await page.getByRole('button', { name: 'Curricula' }).click();
    await page.getByRole('button', { name: 'New course' }).click();
    const dialog = page.getByRole('dialog', { name: 'New course' });
    await dialog.getByLabel('Title').fill('Focus course');
    await dialog.getByRole('button', { name: 'Create and open' }).click();
    const title = page.getByRole('heading', { level: 1, name: 'Focus course' });
    await title.waitFor();
    await expect.poll(() => title.evaluate((h) => h === document.activeElement)).toBe(true);

    await page.getByRole('button', { name: 'Export…' }).click();
    const exportDialog = page.getByRole('dialog', { name: 'Export to Word' });
    const exportButton = exportDialog.getByRole('button', { name: 'Export', exact: true });
    const downloading = page.waitForEvent('download');
    await exportButton.focus();
    await page.keyboard.press('Enter');
    await downloading;
    await exportDialog.getByRole('status').filter({ hasText: 'Downloaded:' }).waitFor();
    expect(await exportButton.evaluate((b) => b === document.activeElement)).toBe(true);
  });

  it.each(['en', 'ar'] as const)('lays out the outline of the sample course without covering or breaking titles (%s)', async (language) => {
    await open(language);
    await page.goto(new URL('#/curricula/foundation-course', harness?.url).toString());
    await page.locator('.composer-item').first().waitFor();
    const rows = await page.locator('.composer-item').all();
    expect(rows.length).toBeGreaterThan(5);
    for (const row of rows) {
      const title = await row.locator('.composer-item__title').boundingBox();
      const menu = await row.locator('.composer-item__actions').boundingBox();
      if (!title || !menu) throw new Error('row without title or menu');
      expect(overlap(title, menu)).toBe(false);
      // "Module 1" stays on one line.
      const number = row.locator('.composer-item__number');
      const lines = await number.evaluate((n) => n.getClientRects().length);
      expect(lines).toBe(1);
    }
    // No title line is wider than its row (words are not pushed out of it either).
    const overflowing = await page.locator('.composer-item__title').evaluateAll((titles) => titles.filter((t) => t.scrollWidth > t.clientWidth + 1).map((t) => t.textContent));
    expect(overflowing).toEqual([]);
  });

  it('shows the whole share list of the packs page, with no small scrolling box', async () => {
    await open();
    await page.getByRole('button', { name: 'Packs' }).click();
    const list = page.locator('.packs__list');
    await list.locator('input').first().waitFor();
    expect(await list.locator('input[type=checkbox]').count()).toBe(21);
    const { client, scroll } = await list.evaluate((l) => ({ client: l.clientHeight, scroll: l.scrollHeight }));
    expect(scroll).toBeLessThanOrEqual(client + 1);
  });

  it('shows the beginning of a Latin title cut off in the Arabic timetable', async () => {
    await open('ar');
    await page.goto(new URL('#/curricula/foundation-course', harness?.url).toString());
    await page.locator('#composer-tab-timetable').click();
    const titles = page.locator('.tt-slot--short .tt-slot__title');
    await titles.first().waitFor();
    const cut = await titles.evaluateAll((elements) =>
      elements.filter((e) => e.scrollWidth > e.clientWidth && /[A-Za-z]/.test(e.textContent)).map((e) => ({ direction: getComputedStyle(e).direction, overflow: getComputedStyle(e).textOverflow })),
    );
    expect(cut.length).toBeGreaterThan(0);
    for (const title of cut) expect(title).toEqual({ direction: 'ltr', overflow: 'ellipsis' });
  });

  it('remembers "Keep the version in this course" across a reload', async () => {
    await open();
    const { module } = await api<{ module: { revision: number; summary: string } }>(page, 'library:get', { id: 'ethics-integrity' });
    await api(page, 'library:save', { module: { ...module, summary: `${module.summary} Revised.` }, baseRevision: module.revision, bump: true });
    await page.goto(new URL('#/curricula/foundation-course', harness?.url).toString());
    await page.getByRole('link', { name: 'All courses' }).waitFor();
    await page.getByRole('button', { name: /^Update available \(1 → 2\)/ }).click();
    await page.getByRole('button', { name: 'Keep the version in this course' }).click();
    await page.getByRole('button', { name: /^Kept r1 · r2 available/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: SAMPLE_TITLE }).waitFor();
    await page.getByRole('button', { name: /^Kept r1 · r2 available/ }).waitFor();
    expect(await page.getByRole('button', { name: /^Update available/ }).count()).toBe(0);
  });
});

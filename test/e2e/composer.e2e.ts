import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, saved, SCREENSHOTS, SKIP_E2E, startHarness, tab, watchErrors } from './harness';

/** Eight English sample modules, in the order they are added; all but the first build on the first. */
const MODULES = [
  'Human Rights Foundations for Policing',
  'Police ethics and integrity',
  'Use of Force and Firearms: Necessity, Proportionality and the Protection of Life',
  'Arrest and Detention in Line with Human Rights Standards',
  'Prevention of Torture and Ill-Treatment in Policing',
  'Gender-Responsive Policing',
  'Community Policing: Partnership, Prevention and Trust',
  'Police accountability and oversight',
];
const FOUNDATIONS = MODULES[0] ?? '';
const ETHICS = MODULES[1] ?? '';
/** Lesson 1.2 of the foundations module and lesson 3.2 (library code) of the ethics module, by their titles. */
const LESSON_1_2 = /Core rights in daily policing/;
const LESSON_3_2 = /Corruption, gifts and conflicts of interest/;
const PREREQUISITE_AFTER = `Module “${ETHICS}” builds on “${FOUNDATIONS}”, which comes after it.`;

/** The titles of the outline's modules, in order, without their numbers. */
async function order(page: Page): Promise<string[]> {
  const titles = await page.locator('.composer-item__title').allTextContents();
  return titles.map((t) => t.replace(/^Module \d+\s+/, ''));
}

describe.runIf(!SKIP_E2E)('the curriculum composer in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('creates a 5-day course from 8 modules, reorders by keyboard and mouse, drops a lesson, undoes, and finds it all after a reload', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    try {
      await page.goto(harness.url);
      await page.getByRole('button', { name: 'Curricula' }).click();
      await page.getByRole('button', { name: 'New course' }).click();
      const dialog = page.getByRole('dialog', { name: 'New course' });
      await dialog.getByLabel('Title').fill('Five-day human rights course');
      await dialog.getByLabel('Number of days').fill('5');
      await dialog.getByRole('button', { name: 'Create and open' }).click();
      await page.getByRole('heading', { level: 1, name: 'Five-day human rights course' }).waitFor();

      for (const title of MODULES) await page.getByRole('button', { name: `Add ${title} to the course`, exact: true }).click();
      await expect.poll(() => order(page)).toEqual(MODULES);
      await page.getByText('8 modules', { exact: true }).waitFor();
      await saved(page);
      expect(await (await tab(page, 'Checks')).getByText(PREREQUISITE_AFTER).count()).toBe(0);
      await tab(page, 'Outline');

      // Keyboard: Space picks the first module up by its handle, ArrowDown moves it one place, Space drops it.
      const grip = page.getByRole('button', { name: `Reorder Module 1: ${FOUNDATIONS}` });
      await grip.focus();
      // Each step waits for dnd-kit to take it: the pressed handle, then the announcement of the new place.
      await page.keyboard.press('Space');
      await expect.poll(() => grip.getAttribute('aria-pressed')).toBe('true');
      // dnd-kit starts listening for arrow keys in a zero-delay timer after the pick-up; a timer queued now
      // runs after it, so once it has run the arrow key cannot be lost (it was, on a busy machine).
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
      await page.keyboard.press('ArrowDown');
      await page.getByText(`Module 1: ${FOUNDATIONS} is over position 2 of 8.`).waitFor({ state: 'attached' });
      await page.keyboard.press('Space');
      await expect.poll(async () => (await order(page)).slice(0, 2)).toEqual([ETHICS, FOUNDATIONS]);
      // The checks follow at once: ethics now comes before the module it builds on.
      await (await tab(page, 'Checks')).getByText(PREREQUISITE_AFTER).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'composer-checks-en.png') });
      await tab(page, 'Outline');

      // Mouse: drag the foundations module by its handle back above the first module.
      const handle = page.getByRole('button', { name: `Reorder Module 2: ${FOUNDATIONS}` });
      const from = await handle.boundingBox();
      const to = await page.locator('.composer-item').first().boundingBox();
      if (!from || !to) throw new Error('outline rows are not laid out');
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
      await page.mouse.down();
      await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 10, { steps: 4 });
      await page.mouse.move(from.x + from.width / 2, to.y + 10, { steps: 12 });
      await page.mouse.up();
      await expect.poll(() => order(page)).toEqual(MODULES);
      expect(await (await tab(page, 'Checks')).getByText(PREREQUISITE_AFTER).count()).toBe(0);

      // Drop lesson 1.2, then the ethics lesson 2.2: both leave the timetable.
      const timetable = await tab(page, 'Timetable');
      expect(await timetable.getByText(LESSON_1_2).count()).toBeGreaterThan(0);
      expect(await timetable.getByText(LESSON_3_2).count()).toBeGreaterThan(0);
      await tab(page, 'Outline');
      await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Module 1 ${FOUNDATIONS}` }) }).getByRole('button', { name: /Show the lessons/ }).click();
      await page.getByRole('checkbox', { name: /Teach lesson 1\.2 Core rights in daily policing/ }).uncheck();
      await page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: `Module 2 ${ETHICS}` }) }).getByRole('button', { name: /Show the lessons/ }).click();
      // The course's numbers: the ethics module is the course's second, whatever its library code (3).
      await page.getByRole('checkbox', { name: /Teach lesson 2\.2 Corruption, gifts/ }).uncheck();
      await page.screenshot({ path: join(SCREENSHOTS, 'composer-en.png') });
      await tab(page, 'Timetable');
      await expect.poll(() => page.getByRole('tabpanel').getByText(LESSON_1_2).count()).toBe(0);
      expect(await page.getByRole('tabpanel').getByText(LESSON_3_2).count()).toBe(0);
      await page.screenshot({ path: join(SCREENSHOTS, 'composer-timetable-en.png') });

      // Undo takes the ethics lesson back (the last change) and nothing else.
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => page.getByRole('tabpanel').getByText(LESSON_3_2).count()).toBeGreaterThan(0);
      expect(await page.getByRole('tabpanel').getByText(LESSON_1_2).count()).toBe(0);
      await saved(page);

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Five-day human rights course' }).waitFor();
      expect(await order(page)).toEqual(MODULES);
      await page.getByRole('button', { name: /Show the lessons/ }).first().click();
      // A lesson left out has no number in the course; the lesson after it takes its number.
      expect(await page.getByRole('checkbox', { name: /Teach left-out lesson Core rights in daily policing/ }).isChecked()).toBe(false);
      expect(await page.getByRole('checkbox', { name: /Teach lesson 1\.2 Serving and protecting/ }).isChecked()).toBe(true);
      const after = await tab(page, 'Timetable');
      expect(await after.getByText(LESSON_1_2).count()).toBe(0);
      expect(await after.getByText(LESSON_3_2).count()).toBeGreaterThan(0);
      await page.getByRole('link', { name: 'All courses' }).click();
      const row = page.getByRole('row').filter({ hasText: 'Five-day human rights course' });
      // The list loads after the link is followed: its row is read once it is there (it was read empty once).
      await row.getByRole('cell').first().waitFor();
      expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['5', '8', 'English']));
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

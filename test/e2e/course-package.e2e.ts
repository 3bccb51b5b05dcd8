/**
 * Issue 12 end to end in the web harness: a designer composes a 5-day course from 8 modules, fits it with
 * one of the remedies offered, accepts a warning with a reason, and exports the trainer kit; the course's
 * numbers are the same in the composer's timetable, the print preview and the Word document.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { part, readDocx, visibleText } from '../helpers/docx-read';
import { tempDir } from '../helpers/temp-dir';
import { readZip } from '../helpers/zip-read';
import { launchBrowser, saved, SCREENSHOTS, SKIP_E2E, startHarness, tab, watchErrors } from './harness';

const TITLE = 'Five-day course package';
const SLUG = 'five-day-course-package';
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
const REASON = 'participants completed this in basic training';

describe.runIf(!SKIP_E2E)('a course package, composed, fitted, checked and exported in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('composes 5 days from 8 modules, fits them with a remedy, accepts a warning and exports the kit with one numbering', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    const folder = await tempDir();
    try {
      await page.goto(harness.url);
      await page.getByRole('button', { name: 'Curricula' }).click();
      await page.getByRole('button', { name: 'New course' }).click();
      const create = page.getByRole('dialog', { name: 'New course' });
      await create.getByLabel('Title').fill(TITLE);
      await create.getByLabel('Number of days').fill('5');
      await create.getByRole('button', { name: 'Create and open' }).click();
      await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
      for (const title of MODULES) await page.getByRole('button', { name: `Add ${title} to the course`, exact: true }).click();
      await page.getByText('8 modules', { exact: true }).waitFor();
      await saved(page);

      // Eight modules do not fit five days: the fit view says how far they spill and offers remedies.
      const fit = await tab(page, 'Fit to days');
      await fit.getByText(/^As it stands, the course needs \d+ days: .* fall after day 5\.$/).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'course-package-remedies-en.png'), fullPage: true });
      await fit.getByRole('button', { name: 'Apply: leave out lessons' }).click();
      await fit.getByText('The course already fits 5 days: nothing to change.').waitFor();
      await saved(page);
      const timetable = await tab(page, 'Timetable');
      await timetable.getByText(/^Uses 5 days of 5 days: /).waitFor();

      // The course's numbers: the first lesson of its second module is 2.1, whatever its library code.
      const slot = timetable.locator('.tt-slot__button').filter({ has: page.locator('.tt-slot__code', { hasText: /^2\.1$/ }) }).first();
      const lessonTitle = (await slot.locator('.tt-slot__title').textContent()) ?? '';
      expect(lessonTitle).not.toBe('');

      // A warning accepted with a reason moves to the accepted ones and stays with the course.
      const checks = await tab(page, 'Checks');
      const warnings = checks.getByRole('region', { name: /^Warnings/ });
      await warnings.getByRole('button', { name: 'Accept…' }).first().click();
      const form = checks.getByRole('form', { name: 'Accept this warning' });
      await form.getByRole('textbox').fill(REASON);
      await form.getByRole('button', { name: 'Accept', exact: true }).click();
      await checks.getByText(`Accepted: ${REASON}`).first().waitFor({ state: 'attached' });
      await saved(page);
      await page.screenshot({ path: join(SCREENSHOTS, 'course-package-accepted-en.png'), fullPage: true });

      // The trainer kit: one .zip of every document.
      await page.getByRole('button', { name: 'Export…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Export to Word' });
      const downloading = page.waitForEvent('download', { timeout: 280_000 });
      await dialog.getByRole('button', { name: 'Export trainer kit' }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${SLUG}-kit.zip`);
      const path = join(folder, download.suggestedFilename());
      await download.saveAs(path);
      await dialog.getByText('Trainer kit downloaded:', { exact: false }).waitFor();
      const entries = await readZip(await readFile(path));
      const names = [...entries.keys()].map((name) => name.replace(`${SLUG}-kit/`, ''));
      expect(names).toContain(`${SLUG}-01-curriculum.docx`);
      expect(names).toContain(`${SLUG}-02-trainer-plans.docx`);
      expect(names).toContain(`${SLUG}-03-participant-handouts.docx`);
      const curriculum = [...entries.entries()].find(([name]) => name.endsWith('-01-curriculum.docx'))?.[1];
      const text = visibleText(part(await readDocx(curriculum ?? Buffer.alloc(0)), 'word/document.xml'));
      expect(text).toMatch(new RegExp(`Lesson 2\\.1\\W+${lessonTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
      // The quality page lists the accepted warning with its reason.
      expect(text).toContain(REASON);

      // The print preview of the full document gives the lesson the same number.
      await dialog.getByRole('radio', { name: /^Full document/ }).check();
      await dialog.getByRole('button', { name: 'Print preview' }).click();
      const preview = page.getByRole('article', { name: TITLE });
      await preview.getByRole('heading', { name: new RegExp(`^Lesson 2\\.1\\W+${lessonTitle.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'course-package-preview-en.png') });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  }, 300_000);
});

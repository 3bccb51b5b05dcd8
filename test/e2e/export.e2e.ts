import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { part, readDocx, visibleText } from '../helpers/docx-read';
import { tempDir } from '../helpers/temp-dir';
import { readZip } from '../helpers/zip-read';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors, type RunningHarness } from './harness';

const SAMPLE_TITLE = 'Foundation course on human rights and community policing for recruits';

/** Opens the sample course in the composer and its export dialog. */
async function openSampleExport(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Curricula' }).click();
  await page.getByRole('link', { name: SAMPLE_TITLE }).click();
  await page.getByRole('button', { name: 'Export…' }).click();
}

/** Exports through the dialog and returns the downloaded .docx (the web harness downloads instead of a save dialog). */
async function exportFromDialog(page: Page, variant: string, paper: string, folder: string): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Export to Word' });
  await dialog.getByRole('radio', { name: new RegExp(`^${variant}`) }).check();
  await dialog.getByRole('radio', { name: paper }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  const path = join(folder, download.suggestedFilename());
  await download.saveAs(path);
  await dialog.getByRole('status').filter({ hasText: 'Downloaded:' }).waitFor();
  return { name: download.suggestedFilename(), bytes: await readFile(path) };
}

describe.runIf(!SKIP_E2E)('exporting to Word and print preview in the web harness', () => {
  let browser: Browser;
  let harness: RunningHarness;
  beforeAll(async () => {
    browser = await launchBrowser();
    harness = await startHarness(await tempDir());
  });
  afterAll(async () => {
    await browser.close();
    await harness.stop();
  });

  it('exports the sample course as trainer lesson plans on US Letter and previews it', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    const folder = await tempDir();
    await openSampleExport(page, harness.url);
    const file = await exportFromDialog(page, 'Trainer lesson plans', 'US Letter', folder);
    expect(file.name).toMatch(/-trainer\.docx$/);
    const docx = await readDocx(file.bytes);
    const body = part(docx, 'word/document.xml');
    expect(body).toContain('w:w="12240"');
    const text = visibleText(body);
    expect(text).toContain('Lesson 1.1');
    expect(text).toContain(SAMPLE_TITLE);

    await page.getByRole('dialog', { name: 'Export to Word' }).getByRole('button', { name: 'Print preview' }).click();
    const preview = page.getByRole('article', { name: SAMPLE_TITLE });
    await preview.getByRole('heading', { name: /^Lesson 1\.1/ }).first().waitFor();
    expect(page.url()).toContain('/preview?variant=trainer&paper=letter');
    await page.screenshot({ path: join(SCREENSHOTS, 'preview-trainer-en.png') });
    // A reload keeps the document and paper chosen.
    await page.reload();
    await page.getByRole('article', { name: SAMPLE_TITLE }).getByRole('heading', { name: /^Lesson 1\.1/ }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('exports the sample course\'s trainer kit as one .zip, with one progress bar, focus back on its trigger', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    const folder = await tempDir();
    await openSampleExport(page, harness.url);
    const dialog = page.getByRole('dialog', { name: 'Export to Word' });
    const downloading = page.waitForEvent('download', { timeout: 170_000 });
    const trigger = dialog.getByRole('button', { name: 'Export trainer kit' });
    await trigger.click();
    await dialog.getByRole('progressbar', { name: 'Trainer kit progress' }).waitFor();
    await dialog.getByText(/document \d of 8/).first().waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'export-kit-progress-en.png') });
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('foundation-course-on-human-rights-and-community-policing-kit.zip');
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    await dialog.getByText('Trainer kit downloaded:', { exact: false }).waitFor();
    await expect.poll(() => trigger.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'export-kit-done-en.png') });
    const entries = await readZip(await readFile(path));
    const names = [...entries.keys()].map((name) => name.replace(/^foundation-course-on-human-rights-and-community-policing-kit\//, ''));
    expect(names).toEqual(['01-curriculum', '02-trainer-plans', '03-participant-handouts', '04-pre-test', '05-post-test', '06-answer-key', '07-observation-checklist', '08-evaluation-form'].map((n) => `foundation-course-on-human-rights-and-community-policing-${n}.docx`));
    const checklist = visibleText(part(await readDocx([...entries.values()][6] ?? Buffer.alloc(0)), 'word/document.xml'));
    expect(checklist).toContain('Participant sheet 1');
    expect(errors).toEqual([]);
    await page.close();
  }, 200_000);

  it('exports participant handouts of an Arabic module right to left, without trainer notes', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    const folder = await tempDir();
    await page.goto(harness.url);
    await page.evaluate(() => {
      window.location.hash = '#/library/hr-foundations-ar';
    });
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const file = await exportFromDialog(page, 'Participant handouts', 'A4', folder);
    const body = part(await readDocx(file.bytes), 'word/document.xml');
    expect(body).toContain('<w:bidi/>');
    expect(body).toContain('<w:rtl/>');
    const module = JSON.parse(await readFile(join(import.meta.dirname, '../../resources/library/modules/hr-foundations-ar.json'), 'utf8')) as {
      lessons: { trainerNotes: string }[];
    };
    const text = visibleText(body);
    for (const lesson of module.lessons) expect(text).not.toContain(lesson.trainerNotes.slice(0, 40));
    expect(errors).toEqual([]);
    await page.close();
  });
});

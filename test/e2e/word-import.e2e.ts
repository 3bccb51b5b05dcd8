import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir';
import { CORPUS } from '../unit/word-import/corpus';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';

const corpus = (name: string): Promise<Buffer> => {
  const found = CORPUS.find((d) => d.name === name);
  if (!found) throw new Error(name);
  return found.bytes();
};

describe.runIf(!SKIP_E2E)('importing lesson plans from Word in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('uploads two documents, previews them next to their text, corrects one mapping, imports, and finds the module in the library', async () => {
    const files = await tempDir();
    const headingBased = join(files, 'heading-based.docx');
    const french = join(files, 'seance-francais.docx');
    await writeFile(headingBased, await corpus('heading-based.docx'));
    await writeFile(french, await corpus('seance-francais.docx'));
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(page);
    try {
      await page.goto(`${harness.url}#/library`);
      await page.getByRole('button', { name: 'Import from Word' }).click();
      await page.getByRole('heading', { name: 'Import from Word', level: 1 }).waitFor();
      const uploads: string[] = [];
      page.on('request', (request) => {
        if (request.url().endsWith('/api/upload') && request.method() === 'POST') uploads.push(request.url());
      });
      await page.locator('input[type=file]').setInputFiles([headingBased, french]);
      const file = page.getByRole('region', { name: 'heading-based.docx' });
      await file.getByRole('heading', { name: 'In the document' }).waitFor();
      // Both files were streamed to the harness as raw bytes.
      expect(uploads).toHaveLength(2);
      const proposed = file.getByRole('article', { name: 'Use of force and firearms' });
      await proposed.getByText('3.1 Principles of necessity').waitFor();
      await proposed.getByText('3.2 Firearms').waitFor();
      await proposed.getByText('Case study: the market').waitFor();
      await page.getByRole('region', { name: 'seance-francais.docx' }).getByRole('article', { name: 'Police de proximité' }).waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'word-import-preview-en.png'), fullPage: false });

      // Correction: the handout's sub-heading "The three principles" is a lesson.
      const block = file.locator('li.word-block', { hasText: 'The three principles' }).first();
      await block.getByLabel('This heading is').selectOption('lesson');
      await proposed.getByText('3.3 The three principles').waitFor();
      await page.getByRole('button', { name: 'Import 2 draft modules' }).click();
      await page.getByText('Imported 2 draft modules.').waitFor();
      await page.getByRole('link', { name: 'Use of force and firearms' }).click();
      await page.getByRole('heading', { name: 'Use of force and firearms', level: 1 }).waitFor();
      await page.getByRole('heading', { name: /The three principles/ }).first().waitFor();
      // The module checks list what the import left to complete.
      const draft = page.getByRole('note', { name: 'Imported from Word' });
      await draft.getByText(/^Draft imported from heading-based\.docx on /).waitFor();
      await draft.getByText(/things to check/).click();
      await draft.getByText('Relevance missing').first().waitFor();
      await page.screenshot({ path: join(SCREENSHOTS, 'word-import-module-en.png'), fullPage: false });

      await page.goto(`${harness.url}#/library`);
      await page.getByRole('searchbox').fill('proximité');
      await page.getByText('Police de proximité').first().waitFor();
      expect(errors).toEqual([]);
    } finally {
      await page.close();
      await harness.stop();
    }
  });

  it('shows the preview in Arabic, right to left, and a refused file with its reason', async () => {
    const files = await tempDir();
    const arabic = join(files, 'dars-arabi.docx');
    const broken = join(files, 'broken.docx');
    await writeFile(arabic, await corpus('dars-arabi.docx'));
    await writeFile(broken, 'not a zip');
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    try {
      await page.goto(harness.url);
      await page.getByRole('button', { name: 'Settings' }).click();
      await page.getByLabel('Interface language').selectOption('ar');
      await page.getByRole('button', { name: 'المكتبة' }).click();
      await page.getByRole('button', { name: 'استيراد من Word' }).click();
      await page.getByRole('heading', { name: 'استيراد من Word', level: 1 }).waitFor();
      await page.locator('input[type=file]').setInputFiles([arabic, broken]);
      await page.getByRole('region', { name: 'dars-arabi.docx' }).getByRole('article', { name: 'الاحتجاز والتوقيف' }).waitFor();
      await page.getByRole('region', { name: 'broken.docx' }).getByText(/The file is not a Word document/).waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await page.screenshot({ path: join(SCREENSHOTS, 'word-import-preview-ar.png'), fullPage: false });
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

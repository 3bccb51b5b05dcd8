import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run-cli';
import { REPO_ROOT } from '../helpers/open-test-store';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';

const silent = { out: () => undefined, err: () => undefined };

describe.runIf(!SKIP_E2E)('module packs in the web harness', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('exports a pack from one academy, imports it into another with a conflict, chooses per module, and undoes it', async () => {
    // Academy A shares two modules.
    const dataA = await tempDir();
    const harnessA = await startHarness(dataA);
    const pageA = await browser.newPage({ acceptDownloads: true, viewport: { width: 1366, height: 900 } });
    const packFile = join(await tempDir(), 'shared.ccpack');
    try {
      await pageA.goto(`${harnessA.url}#/packs`);
      await pageA.getByRole('heading', { name: 'Share modules' }).waitFor();
      await pageA.getByRole('checkbox', { name: /Police ethics and integrity/ }).check();
      await pageA.getByRole('checkbox', { name: /^Use of Force and Firearms/ }).check();
      await pageA.getByLabel('Pack title').fill('Ethics and force');
      await pageA.getByLabel('Publisher').fill('Academy A');
      const download = pageA.waitForEvent('download');
      await pageA.getByRole('button', { name: 'Save pack…' }).click();
      await (await download).saveAs(packFile);
      await pageA.getByText(/Saved ethics-and-force\.ccpack with 2 modules/).waitFor();
    } finally {
      await pageA.close();
      await harnessA.stop();
    }

    // Academy B has adapted one of them locally (through the CLI, as another tool would).
    const dataB = await tempDir();
    const exported = join(await tempDir(), 'ethics.json');
    await runCli(['library', 'export-json', 'ethics-integrity', '--out', exported, '--data', dataB], silent, { appRoot: REPO_ROOT });
    const { readFile, writeFile } = await import('node:fs/promises');
    const local = JSON.parse(await readFile(exported, 'utf8')) as { title: string };
    await writeFile(exported, JSON.stringify({ ...local, title: 'Ethics at our academy' }));
    expect(await runCli(['library', 'import-json', exported, '--replace', '--data', dataB], silent, { appRoot: REPO_ROOT })).toBe(0);

    const harnessB = await startHarness(dataB);
    const pageB = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = watchErrors(pageB);
    try {
      await pageB.goto(`${harnessB.url}#/packs`);
      // The file is streamed to the harness as raw bytes, not sent as base64 in JSON.
      const uploaded = pageB.waitForRequest((request) => request.url().endsWith('/api/upload') && request.method() === 'POST');
      await pageB.locator('input[type=file][accept=".ccpack"]').setInputFiles(packFile);
      await uploaded;
      await pageB.getByRole('heading', { name: 'Preview of “Ethics and force”' }).waitFor();
      const row = pageB.getByRole('row', { name: /Police ethics and integrity/ });
      await row.getByText('Different from yours').waitFor();
      await pageB.getByRole('row', { name: /Use of Force/ }).getByText('Identical').waitFor();
      // What differs is shown as content: their title and ours, side by side.
      await pageB.getByText('Show what differs: 1 field').click();
      const title = pageB.getByRole('region', { name: 'Title' });
      await title.getByText('Ethics at our academy').waitFor();
      await title.getByText('Police ethics and integrity').waitFor();
      await pageB.getByText(/The pack has revision 1 of this module; your library has revision 2\./).waitFor();
      await pageB.screenshot({ path: join(SCREENSHOTS, 'pack-preview-en.png'), fullPage: true });
      // Keep both: the local adaptation stays, the partner's version arrives as a copy.
      await row.getByRole('combobox').selectOption('keep-both');
      await pageB.getByRole('button', { name: 'Import 1 module' }).click();
      await pageB.getByText(/Imported 1 module\. A backup was taken first\./).waitFor();
      await pageB.getByText(/Last import: “Ethics and force” from Academy A/).waitFor();

      await pageB.getByRole('button', { name: 'Library' }).click();
      await pageB.getByRole('searchbox', { name: 'Search modules' }).fill('ethics');
      await pageB.getByRole('link', { name: /Ethics at our academy/ }).waitFor();
      await pageB.getByRole('link', { name: /Police ethics and integrity \(Academy A\)/ }).waitFor();
      // Provenance: the library filters by source.
      await pageB.getByRole('complementary', { name: 'Filters' }).getByRole('checkbox', { name: /Academy A/ }).check();
      await expect.poll(() => pageB.locator('.module-row').count()).toBe(1);
      await pageB.getByRole('complementary', { name: 'Filters' }).getByRole('button', { name: 'Clear filters' }).click();

      // Undo the import.
      await pageB.getByRole('button', { name: 'Packs' }).click();
      pageB.once('dialog', (dialog) => void dialog.accept());
      await pageB.getByRole('button', { name: 'Undo last import' }).click();
      await pageB.getByText('The import was undone.').waitFor();
      await pageB.getByRole('button', { name: 'Library' }).click();
      await pageB.getByRole('searchbox', { name: 'Search modules' }).fill('ethics');
      await pageB.getByRole('link', { name: /Ethics at our academy/ }).waitFor();
      expect(await pageB.getByRole('link', { name: /\(Academy A\)/ }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await pageB.close();
      await harnessB.stop();
    }
  });

  it('refuses a file that is not a pack with a specific message', async () => {
    const harness = await startHarness(await tempDir());
    const page = await browser.newPage();
    try {
      const bogus = join(await tempDir(), 'bogus.ccpack');
      const { writeFile } = await import('node:fs/promises');
      await writeFile(bogus, 'this is not a zip file');
      await page.goto(`${harness.url}#/packs`);
      await page.locator('input[type=file][accept=".ccpack"]').setInputFiles(bogus);
      await page.getByRole('alert').getByText(/This pack cannot be opened: .*not a zip archive/).waitFor();
    } finally {
      await page.close();
      await harness.stop();
    }
  });
});

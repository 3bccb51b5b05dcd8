/**
 * Steps of the shared-library e2e test, as a designer takes them in the web harness: connect in Settings,
 * sync from the status bar, edit a module in the editor.
 */
import type { Locator, Page } from 'playwright-core';

/** The shared library's corner of the status bar. */
export const syncBar = (page: Page): Locator => page.getByRole('group', { name: 'Shared library' });

/** Connects the data folder to the remote in Settings → Shared library. */
export async function connect(page: Page, url: string, remote: string, token: string, who: { name: string; email: string }): Promise<void> {
  await page.goto(`${url}#/settings`);
  const section = page.getByRole('region', { name: 'Shared library' });
  await section.getByLabel('Address of the repository').fill(remote);
  await section.getByLabel('Access token').fill(token);
  await section.getByLabel('Name', { exact: true }).fill(who.name);
  await section.getByLabel('E-mail').fill(who.email);
  await section.getByRole('button', { name: 'Connect' }).click();
  await section.getByText(/^Connected\./).waitFor();
}

/** Presses "Sync now" in the status bar and waits until the bar says how it ended (`outcome`). */
export async function syncNow(page: Page, outcome: RegExp): Promise<void> {
  await syncBar(page).getByRole('button', { name: 'Sync now' }).click();
  await syncBar(page).getByRole('status').filter({ hasText: outcome }).waitFor();
}

/** Opens a module in the editor, changes some of its fields, waits for the autosave and closes the editor. */
export async function editModule(page: Page, url: string, moduleId: string, fields: { title?: string; summaryEnd?: string }): Promise<void> {
  await page.goto(`${url}#/library/${moduleId}/edit`);
  const title = page.getByLabel('Module title');
  await title.waitFor();
  if (fields.title !== undefined) {
    await title.fill(fields.title);
    await page.getByText('All changes saved').waitFor();
  }
  if (fields.summaryEnd !== undefined) {
    const summary = page.getByLabel('Summary', { exact: true });
    await summary.fill(`${await summary.inputValue()}${fields.summaryEnd}`);
    await page.getByText('All changes saved').waitFor();
  }
  await page.getByRole('button', { name: 'Done' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

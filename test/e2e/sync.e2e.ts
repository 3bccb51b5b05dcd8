import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bareRepo, startGitServer } from '../helpers/git-server';
import { tempDir } from '../helpers/temp-dir';
import { launchBrowser, SCREENSHOTS, SKIP_E2E, startHarness, watchErrors } from './harness';
import { axeViolations } from './sections';
import { connect, editModule, syncBar, syncNow } from './sync-steps';

const TOKEN = 'e2e-token-0123456789';
const MODULE = 'hr-foundations';
const ORIGINAL_TITLE = 'Human Rights Foundations for Policing';

describe.runIf(!SKIP_E2E)('a library shared by two academies through a git server', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser.close();
  });

  it('connects both, syncs their edits, resolves a conflict in the UI, shows who changed what, and restores an old revision with undo', async () => {
    const root = await tempDir('cc-git-');
    bareRepo(root, 'library');
    const server = await startGitServer(root, TOKEN);
    const remote = server.url('library');
    const [harnessA, harnessB] = await Promise.all([tempDir(), tempDir()].map(async (dir) => startHarness(await dir)));
    if (!harnessA || !harnessB) throw new Error('the harnesses did not start');
    const pageA = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const pageB = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors = [...[pageA, pageB].map(watchErrors)];
    try {
      // Academy A: a first try without the needed fields is answered in plain words, next to each field.
      await pageA.goto(`${harnessA.url}#/settings`);
      const settingsA = pageA.getByRole('region', { name: 'Shared library' });
      await settingsA.getByLabel('Address of the repository').fill('git@git.academy.example:library.git');
      await settingsA.getByRole('button', { name: 'Connect' }).click();
      await settingsA.getByText('This is an SSH address. This app needs the HTTPS address (it starts with https://).').waitFor();
      await settingsA.getByText('Give your name: it goes with every change you share.').waitFor();
      expect(await axeViolations(pageA)).toEqual([]);
      expect(server.requests).toEqual([]);
      await connect(pageA, harnessA.url, remote, TOKEN, { name: 'Designer A', email: 'a@academy.example' });
      await syncNow(pageA, /up to date · last synced/);

      // Academy B joins the same library.
      await connect(pageB, harnessB.url, remote, TOKEN, { name: 'Designer B', email: 'b@academy.example' });
      await syncNow(pageB, /up to date/);

      // Both edit the same module: A its title; B its title too, and its summary.
      await editModule(pageA, harnessA.url, MODULE, { title: 'Human rights: the foundations (A)' });
      await syncBar(pageA).getByRole('status').filter({ hasText: /1 change to send/ }).waitFor();
      await syncNow(pageA, /up to date/);
      await editModule(pageB, harnessB.url, MODULE, { title: 'Human rights foundations (B)', summaryEnd: ' Revised by academy B.' });
      await syncNow(pageB, /stopped on conflicts/);

      // B resolves in the pack-conflict interface: the title was changed on both sides; B takes A's.
      await syncBar(pageB).getByRole('link', { name: 'Resolve conflicts…' }).click();
      await pageB.getByRole('heading', { level: 1, name: 'Conflicts with the shared library' }).waitFor();
      const title = pageB.getByRole('group', { name: 'Title', exact: true });
      await title.getByText('Human rights: the foundations (A)').waitFor();
      await title.getByText('Human rights foundations (B)').waitFor();
      await title.getByText(ORIGINAL_TITLE).waitFor();
      await title.getByRole('radio', { name: 'Take theirs' }).check();
      expect(await axeViolations(pageB)).toEqual([]);
      await pageB.screenshot({ path: join(SCREENSHOTS, 'sync-conflicts-en.png'), fullPage: true });
      await pageB.getByRole('button', { name: 'Apply my choices and sync' }).click();
      await pageB.getByText('The conflicts are resolved and the library is synced.').waitFor();
      await syncBar(pageB).getByRole('status').filter({ hasText: /up to date/ }).waitFor();

      // B's module has A's title and B's summary; its shared history says who changed what.
      await pageB.goto(`${harnessB.url}#/library/${MODULE}`);
      await pageB.getByRole('heading', { level: 1, name: 'Human rights: the foundations (A)' }).waitFor();
      await pageB.getByText(/Revised by academy B\.$/).first().waitFor();
      const historyB = pageB.getByRole('region', { name: 'Shared history' });
      const fromA = historyB.getByRole('listitem').filter({ hasText: 'Designer A' }).filter({ hasText: /Changed Human rights: the foundations \(A\)/ });
      await fromA.waitFor();
      await historyB.getByRole('listitem').filter({ hasText: 'Designer B' }).first().waitFor();

      // The difference between A's revision and the version here now, field by field.
      await fromA.getByRole('button', { name: 'Compare' }).click();
      const diff = pageB.getByRole('dialog', { name: /What changed in/ });
      await diff.getByRole('group', { name: 'Summary' }).getByText(/Revised by academy B\./).waitFor();
      expect(await diff.getByRole('group', { name: 'Title', exact: true }).count()).toBe(0);
      expect(await axeViolations(pageB)).toEqual([]);
      await pageB.screenshot({ path: join(SCREENSHOTS, 'sync-history-diff-en.png') });
      await diff.getByRole('button', { name: 'Close' }).click();

      // The first shared revision opened in full, then put back as a new change, then the restore undone.
      const first = historyB.getByRole('listitem').last();
      await first.getByRole('button', { name: 'Open' }).click();
      const shown = pageB.getByRole('dialog', { name: /an earlier version/ });
      await shown.getByRole('heading', { name: /Lesson 1\.1/ }).first().waitFor();
      await shown.getByRole('button', { name: 'Close' }).click();
      pageB.once('dialog', (dialog) => void dialog.accept());
      await first.getByRole('button', { name: 'Restore' }).click();
      await historyB.getByText(/Revision 1 is back, as revision \d+\. It will be shared at the next sync\./).waitFor();
      await pageB.getByRole('heading', { level: 1, name: ORIGINAL_TITLE }).waitFor();
      // The restore is a local change, to be sent at the next sync.
      await syncBar(pageB).getByRole('status').filter({ hasText: /^1 change to send/ }).waitFor();
      await historyB.getByRole('button', { name: 'Undo' }).click();
      await historyB.getByText('The restore was undone.').waitFor();
      await pageB.getByRole('heading', { level: 1, name: 'Human rights: the foundations (A)' }).waitFor();

      // A receives the merge and sees B's change in its own history.
      await syncNow(pageA, /up to date/);
      await pageA.goto(`${harnessA.url}#/library/${MODULE}`);
      await pageA.getByText(/Revised by academy B\.$/).first().waitFor();
      await pageA.getByRole('region', { name: 'Shared history' }).getByRole('listitem').filter({ hasText: 'Designer B' }).first().waitFor();

      // In Arabic (right to left), the history panel and the Settings section pass axe too.
      await pageB.evaluate(async () => {
        await fetch('/api/invoke/settings:update', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ language: 'ar' }) });
      });
      await pageB.goto(`${harnessB.url}#/library/${MODULE}`);
      await pageB.reload();
      await pageB.waitForFunction(() => document.documentElement.dir === 'rtl');
      await pageB.locator('.revision-history li').first().waitFor();
      expect(await axeViolations(pageB)).toEqual([]);
      await pageB.goto(`${harnessB.url}#/settings`);
      await pageB.locator('.shared-library .sync-facts').waitFor();
      expect(await axeViolations(pageB)).toEqual([]);
      expect(errors.flat()).toEqual([]);
    } finally {
      await pageA.close();
      await pageB.close();
      await Promise.all([harnessA.stop(), harnessB.stop()]);
      await server.close();
    }
    // Two harnesses, a git server, seven syncs and three edits on a two-core machine: well over the default minute.
  }, 240_000);
});

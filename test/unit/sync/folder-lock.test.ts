/**
 * The branch lock of a shared folder (refs/heads/main.lock) left behind by a push that was interrupted: the
 * sync-kill test found that one such lock refused every later push of every academy, reported as "others kept
 * pushing". It is now taken over once stale, and reported by name while it is young.
 */
import { readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_LOCK_MS } from '../../../electron/services/sync/transport';
import { git } from '../../helpers/git-server';
import { folderRemote, openSite, type Site } from '../../helpers/sync-sites';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

const lockOf = (remote: string): string => join(remote, 'refs', 'heads', 'main.lock');
const guardOf = (remote: string): string => join(remote, 'curriculum-composer-takeover');

/** A lock as an interrupted push leaves it, made `ageMs` ago. */
async function leaveLock(remote: string, ageMs: number): Promise<void> {
  await writeFile(lockOf(remote), `${'a'.repeat(40)}\n`);
  const made = (Date.now() - ageMs) / 1000;
  await utimes(lockOf(remote), made, made);
}

/** Academy A, synced once with the folder, with an edit to send. */
async function academyWithAnEdit(remote: string): Promise<Site> {
  const a = await openSite('A');
  sites.push(a);
  await a.setup(remote);
  await a.call('sync:now');
  await a.edit('hr-foundations', () => ({ title: 'Edited at A' }));
  return a;
}

async function expectSent(remote: string): Promise<void> {
  expect(git(remote, 'show', 'main:library/modules/hr-foundations.json')).toContain('"title": "Edited at A"');
  // Nothing of the lock handling is left: no lock, no guard, no clock probe, no branch but main.
  expect(await readdir(join(remote, 'refs', 'heads'))).toEqual(['main']);
  expect((await readdir(remote)).filter((name) => name.startsWith('curriculum-composer-'))).toEqual([]);
  // A push refused under the lock had copied its commit already: it dangles until the next push uses it.
  expect(git(remote, 'fsck', '--strict', '--no-dangling')).toBe('');
}

describe('the branch lock of a shared folder', () => {
  it('is taken over once stale: a push interrupted a while ago no longer refuses every push', async () => {
    const remote = await folderRemote();
    const a = await academyWithAnEdit(remote);
    await leaveLock(remote, STALE_LOCK_MS + 5_000);
    expect((await a.call('sync:now')).outcome).toBe('done');
    await expectSent(remote);
  });

  it('while young and held, is reported by name (not as others pushing), loses nothing, and the sync succeeds once it is stale', async () => {
    const remote = await folderRemote();
    const a = await academyWithAnEdit(remote);
    await leaveLock(remote, 0);
    const error = await a.failure('sync:now');
    expect(error.code).toBe('sync-locked');
    expect(error.message).toContain(lockOf(remote));
    expect(error.message).toContain('Nothing was lost');
    // The lock is not ours to remove yet, and the edit still waits to be sent.
    expect(await readdir(join(remote, 'refs', 'heads'))).toEqual(['main', 'main.lock']);
    expect(await a.call('sync:status')).toMatchObject({ state: 'error', lastError: { code: 'sync-locked' } });
    expect(a.module('hr-foundations').title).toBe('Edited at A');
    await leaveLock(remote, STALE_LOCK_MS + 1_000);
    expect((await a.call('sync:now')).outcome).toBe('done');
    await expectSent(remote);
  });

  it('is waited for while another academy holds it, and the push goes on once it is released', async () => {
    const remote = await folderRemote();
    const a = await academyWithAnEdit(remote);
    await leaveLock(remote, 0);
    // The other academy's push ends (well within the wait) while ours waits.
    const released = new Promise<void>((resolve) => {
      setTimeout(() => void rm(lockOf(remote)).then(resolve), 300);
    });
    expect((await a.call('sync:now')).outcome).toBe('done');
    await released;
    await expectSent(remote);
  });

  it('is not cleared while another academy clears it: two academies never remove each other\'s locks', async () => {
    const remote = await folderRemote();
    const a = await academyWithAnEdit(remote);
    await leaveLock(remote, STALE_LOCK_MS + 5_000);
    await writeFile(guardOf(remote), '');
    const error = await a.failure('sync:now');
    expect(error.code).toBe('sync-locked');
    expect(error.message).toContain(guardOf(remote));
    expect(await readdir(join(remote, 'refs', 'heads'))).toEqual(['main', 'main.lock']);
    // Once that other academy is done (its guard gone), the stale lock is taken over.
    await rm(guardOf(remote));
    expect((await a.call('sync:now')).outcome).toBe('done');
    await expectSent(remote);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { bareRepo, git } from '../../helpers/git-server';
import { openSite, type Site } from '../../helpers/sync-sites';
import { tempDir } from '../../helpers/temp-dir';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

async function twoSites(): Promise<{ a: Site; b: Site; remote: string }> {
  const root = await tempDir('cc-remote-');
  const remote = bareRepo(root, 'library');
  const a = await openSite('A');
  const b = await openSite('B');
  sites.push(a, b);
  await a.setup(remote);
  await b.setup(remote);
  return { a, b, remote };
}

describe('sharing a library through a bare folder', () => {
  it('sends the first library, and a second academy receives edits to different fields of one module merged', async () => {
    const { a, b, remote } = await twoSites();
    const first = await a.call('sync:now');
    expect(first.outcome).toBe('done');
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).toContain('library/modules/hr-foundations.json');
    expect((await b.call('sync:now')).outcome).toBe('done');

    await a.edit('hr-foundations', () => ({ title: 'Human rights: the foundations' }));
    await b.edit('hr-foundations', (m) => ({ summary: `${m.summary} Revised by B.` }));
    expect((await a.call('sync:now')).outcome).toBe('done');
    const merged = await b.call('sync:now');
    expect(merged).toMatchObject({ outcome: 'done', changes: { merged: ['hr-foundations'], pushed: true } });
    expect(b.module('hr-foundations')).toMatchObject({ title: 'Human rights: the foundations' });
    expect(b.module('hr-foundations').summary).toMatch(/Revised by B\.$/);
    await a.call('sync:now');
    expect(a.module('hr-foundations')).toEqual(b.module('hr-foundations'));
    expect(git(remote, 'fsck', '--strict')).toBe('');
  });
});

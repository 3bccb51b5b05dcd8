import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bareRepo, git, startGitServer, type GitServer } from '../../helpers/git-server';
import { openSite, twoSites, type Site } from '../../helpers/sync-sites';
import { tempDir } from '../../helpers/temp-dir';

const TOKEN = 'glpat-loopback-token';
const sites: Site[] = [];
const servers: GitServer[] = [];
afterEach(async () => {
  for (const site of sites.splice(0)) site.close();
  for (const server of servers.splice(0)) await server.close();
});

async function served(): Promise<{ server: GitServer; root: string; url: string }> {
  const root = await tempDir('cc-server-');
  bareRepo(root, 'library');
  const server = await startGitServer(root, TOKEN);
  servers.push(server);
  return { server, root, url: server.url('library') };
}

async function site(name: string): Promise<Site> {
  const s = await openSite(name);
  sites.push(s);
  return s;
}

describe('sharing over smart HTTP with a token', () => {
  it('sends a change without fetching first, and when someone pushed meanwhile, fetches, merges and sends it', async () => {
    const { server, url } = await served();
    const { a, b } = await twoSites(sites);
    await a.setup(url, { token: TOKEN });
    await b.setup(url, { token: TOKEN });
    await a.call('sync:now');
    await b.call('sync:now');

    await a.edit('hr-foundations', () => ({ title: 'Sent straight away' }));
    server.requests.length = 0;
    const sent = await a.call('sync:now');
    expect(sent).toMatchObject({ outcome: 'done', changes: { sent: 1, pushed: true, retries: 0 } });
    // One exchange: the push (its ref list and its pack), no fetch.
    expect(server.requests.filter((r) => r.includes('upload-pack'))).toEqual([]);
    expect(server.requests).toContain('/library.git/git-receive-pack');

    // B has not seen A's push: its own push is refused, and the next round fetches, merges and sends.
    await b.edit('use-of-force-firearms', () => ({ title: 'Edited by B' }));
    const merged = await b.call('sync:now');
    expect(merged).toMatchObject({ outcome: 'done', changes: { sent: 1, pushed: true, retries: 1 } });
    expect(b.module('hr-foundations').title).toBe('Sent straight away');
    await a.call('sync:now');
    expect(a.module('use-of-force-firearms').title).toBe('Edited by B');
  });

  it('downloads only what is new: a library received once is not fetched again whole', async () => {
    const { url } = await served();
    const { a, b } = await twoSites(sites);
    await a.setup(url, { token: TOKEN });
    await b.setup(url, { token: TOKEN });
    await a.call('sync:now');
    await b.call('sync:now');
    const packs = async () => {
      const folder = join(b.dir, 'sync', 'repo.git', 'objects', 'pack');
      const names = (await readdir(folder)).filter((n) => n.endsWith('.pack'));
      return new Map(await Promise.all(names.map(async (n) => [n, (await stat(join(folder, n))).size] as const)));
    };
    const first = await packs();
    const whole = Math.max(...first.values());
    for (const title of ['Second edit']) {
      await a.edit('hr-foundations', () => ({ title }));
      await a.call('sync:now');
      const before = await packs();
      await b.call('sync:now');
      expect(b.module('hr-foundations').title).toBe(title);
      const fetched = [...(await packs())].filter(([name]) => !before.has(name)).map(([, size]) => size);
      expect(fetched).toHaveLength(1);
      // One module changed: its blob, three trees and a commit, not the library's 21 modules again.
      expect(fetched[0]).toBeLessThan(whole / 5);
    }
  });

  it('sends and receives through a real git server, the token kept by the host and never in the data folder', async () => {
    const { root, url } = await served();
    const { a, b } = await twoSites(sites);
    await a.setup(url, { token: TOKEN });
    await b.setup(url, { token: TOKEN });
    expect((await a.call('sync:status')).tokenStored).toBe(true);
    expect((await a.call('sync:now')).outcome).toBe('done');
    await a.edit('hr-foundations', () => ({ title: 'Over HTTP' }));
    expect((await a.call('sync:now')).outcome).toBe('done');
    expect((await b.call('sync:now')).outcome).toBe('done');
    expect(b.module('hr-foundations').title).toBe('Over HTTP');
    // git itself credits the edit to its author.
    expect(git(`${root}/library.git`, 'log', '--format=%an <%ae>|%s', '-1', 'main', '--', 'library/modules/hr-foundations.json')).toBe('Designer A <a@academy.example>|Changed Over HTTP');
    expect(git(`${root}/library.git`, 'fsck', '--strict')).toBe('');
    const { stdout } = await import('node:child_process').then(({ spawnSync }) => spawnSync('grep', ['-rl', TOKEN, a.dir], { encoding: 'utf8' }));
    expect(stdout).toBe('');
  });

  it('refuses a wrong token and a missing one with sync-auth, and says which', async () => {
    const { url } = await served();
    const wrong = await site('W');
    await wrong.setup(url, { token: 'not-the-token' });
    const refused = await wrong.failure('sync:now');
    expect(refused).toMatchObject({ code: 'sync-auth', message: expect.stringContaining('refused the access token') as unknown });
    const none = await site('N');
    await none.setup(url);
    expect(await none.failure('sync:now')).toMatchObject({ code: 'sync-auth', message: expect.stringContaining('needs an access token') as unknown });
    const status = await none.call('sync:status');
    expect(status).toMatchObject({ state: 'error', lastError: { code: 'sync-auth' } });
  });

  it('keeps working offline: the sync says so, the edit stays, and the next sync online sends it', async () => {
    const { server, root, url } = await served();
    const a = await site('A');
    await a.setup(url, { token: TOKEN });
    await a.call('sync:now');
    server.offline = true;
    await a.edit('hr-foundations', () => ({ title: 'Written offline' }));
    expect(await a.failure('sync:now')).toMatchObject({ code: 'sync-offline' });
    const status = await a.call('sync:status');
    expect(status).toMatchObject({ state: 'error', localChanges: 1, lastError: { code: 'sync-offline' } });
    expect(status.summary).toMatch(/1 local change to send/);
    expect(a.module('hr-foundations').title).toBe('Written offline');
    server.offline = false;
    expect((await a.call('sync:now')).outcome).toBe('done');
    expect(git(`${root}/library.git`, 'show', 'main:library/modules/hr-foundations.json')).toContain('"title": "Written offline"');
    expect(await a.call('sync:status')).toMatchObject({ state: 'up-to-date', localChanges: 0, lastError: null });
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { workerSyncRunner } from '../../../electron/services/sync/sync-worker';
import { bareRepo, git } from '../../helpers/git-server';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { openSite, type Site } from '../../helpers/sync-sites';
import { tempDir } from '../../helpers/temp-dir';
import { openTestServices } from '../../helpers/open-test-store';
import { memoryTokenKeeper } from '../../../electron/services/sync/tokens';

/** The worker as the app ships it: the file electron-vite built (npm test builds before testing). */
const chunks = join(REPO_ROOT, 'out/main/chunks');
const builtWorker = readdirSync(chunks).find((f) => f.startsWith('sync.worker-') && f.endsWith('.js'));
if (!builtWorker) throw new Error('Build the app first (npm run build): out/main/chunks has no sync worker');
const createWorker = (options: WorkerOptions) => new Worker(join(chunks, builtWorker), options);

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

describe('syncing in a worker thread', () => {
  it('commits, merges and pushes off the main thread, reporting each phase as progress', async () => {
    const remote = bareRepo(await tempDir('cc-remote-'), 'library');
    const dir = await tempDir('cc-worker-');
    const services = await openTestServices(dir, { syncTokens: memoryTokenKeeper({}), runSync: workerSyncRunner(createWorker) });
    try {
      await services.sync.setup({ remote, mode: 'share', includeCourses: true, author: { name: 'W', email: 'w@academy.example' }, autoSyncMinutes: 0, username: 'oauth2' });
      const phases: string[] = [];
      const result = await services.sync.sync({ onProgress: (p) => phases.push(p.label) });
      expect(result).toMatchObject({ outcome: 'done', changes: { pushed: true } });
      expect(phases).toEqual(expect.arrayContaining(['Committing local changes', 'Fetching', 'Sending']));
      expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).toMatch(/^curricula\/foundation-course\.json$/m);
    } finally {
      services.store.close();
    }
  });

  it('passes a refusal back with its code, and can be cancelled', async () => {
    const dir = await tempDir('cc-worker-');
    const services = await openTestServices(dir, { syncTokens: memoryTokenKeeper({}), runSync: workerSyncRunner(createWorker) });
    try {
      await services.sync.setup({ remote: join(dir, 'no-such-share', 'library.git'), mode: 'share', includeCourses: false, author: { name: 'W', email: 'w@academy.example' }, autoSyncMinutes: 0, username: 'oauth2' });
      await expect(services.sync.sync()).rejects.toMatchObject({ code: 'sync-offline', message: expect.stringContaining('is not there') as unknown });
      const running = services.sync.sync({ taskId: 'sync-1' });
      expect(services.sync.cancel('sync-1')).toBe(true);
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      expect(await services.sync.status()).toMatchObject({ running: false, lastError: { code: 'sync-offline' } });
    } finally {
      services.store.close();
    }
  });

  it('refuses a second sync while one runs', async () => {
    const remote = bareRepo(await tempDir('cc-remote-'), 'library');
    const site = await openSite('S');
    sites.push(site);
    await site.setup(remote);
    const first = site.call('sync:now');
    expect(await site.failure('sync:now')).toMatchObject({ code: 'sync-busy' });
    expect((await first).outcome).toBe('done');
  });
});

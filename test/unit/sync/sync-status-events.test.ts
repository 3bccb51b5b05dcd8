import { afterEach, describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../shared/schemas/sync';
import { IN_PROCESS_SYNC, SyncService } from '../../../electron/services/sync/sync-service';
import { memoryTokenKeeper } from '../../../electron/services/sync/tokens';
import { bareRepo } from '../../helpers/git-server';
import { openSite, type Site } from '../../helpers/sync-sites';
import { tempDir } from '../../helpers/temp-dir';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

describe('sync status events', () => {
  it('never end on a status read before the sync finished, even when that read answers last', async () => {
    const site = await openSite('A');
    sites.push(site);
    await site.setup(bareRepo(await tempDir('cc-remote-'), 'library'));
    const sent: SyncStatus[] = [];
    const service = new SyncService(site.services.store, memoryTokenKeeper({}), IN_PROCESS_SYNC, (status) => sent.push(status));
    // The status read as the sync starts (running) is held back until the one read at its end has answered.
    const read = service.status.bind(service);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const answers: Promise<SyncStatus>[] = [];
    service.status = () => {
      const answer = read().then(async (status) => {
        if (answer === answers[0]) await held;
        return status;
      });
      answers.push(answer);
      return answer;
    };
    expect((await service.sync()).outcome).toBe('done');
    // Reads: as the sync starts (held), for its answer, and as it ends. The last one answers first.
    await expect.poll(() => answers.length).toBe(3);
    await answers[2];
    await expect.poll(() => sent.length).toBe(1);
    release();
    // The held read has answered (and the service has acted on it, having waited for it first).
    await answers[0];
    expect(sent.at(-1)).toMatchObject({ running: false, state: 'up-to-date' });
    expect(sent.some((status) => status.running)).toBe(false);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { folderRemote, twoSites, type Site } from '../../helpers/sync-sites';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

describe('the history of a module', () => {
  it('lists who changed it, shows a revision in full, diffs two, restores one as a new change and undoes that', async () => {
    const remote = await folderRemote();
    const { a, b } = await twoSites(sites);
    expect(await a.call('history:list', { module: 'hr-foundations' })).toEqual({ available: false, entries: [] });
    await a.setup(remote);
    await b.setup(remote);
    await a.call('sync:now');
    await b.call('sync:now');
    await a.edit('hr-foundations', () => ({ title: 'Edited by A' }));
    await a.call('sync:now');
    await b.call('sync:now');
    await b.edit('hr-foundations', () => ({ title: 'Edited by B' }));
    await b.call('sync:now');
    await a.call('sync:now');

    const { available, entries } = await a.call('history:list', { module: 'hr-foundations' });
    expect(available).toBe(true);
    expect(entries.slice(0, 2).map((e) => [e.author.name, e.title, e.change])).toEqual([
      ['Designer B', 'Edited by B', 'changed'],
      ['Designer A', 'Edited by A', 'changed'],
    ]);
    // A's first sync added the sample module; B's first sync found the same module in the shared library and
    // took A's commit rather than adding it a second time ("Revision 1 · Added" once, not twice).
    expect(entries.slice(2).map((e) => [e.author.name, e.change])).toEqual([['Designer A', 'added']]);
    const [latest, middle] = entries;
    if (!latest || !middle) throw new Error('history too short');
    const shown = await a.call('history:show', { module: 'hr-foundations', commit: middle.commit });
    expect(shown.module).toMatchObject({ id: 'hr-foundations', title: 'Edited by A' });
    const diff = await a.call('history:diff', { module: 'hr-foundations', from: middle.commit, to: latest.commit });
    expect(diff.fields).toEqual([{ key: 'title', before: { kind: 'text', text: 'Edited by A' }, after: { kind: 'text', text: 'Edited by B' } }]);

    const before = a.module('hr-foundations');
    const restored = await a.call('history:restore', { module: 'hr-foundations', commit: middle.commit });
    expect(restored.revision).toBe(before.revision + 1);
    expect(a.module('hr-foundations')).toMatchObject({ title: 'Edited by A', revision: before.revision + 1 });
    expect((await a.call('sync:status')).localChanges).toBe(1);
    await a.call('history:undo-restore');
    // Exactly what was there before the restore: the synced version, so nothing is left to send.
    expect(a.module('hr-foundations')).toEqual(before);
    expect((await a.call('sync:status')).localChanges).toBe(0);
    await expect(a.failure('history:undo-restore')).resolves.toMatchObject({ code: 'not-found' });

    await a.call('history:restore', { module: 'hr-foundations', commit: middle.commit });
    await a.call('sync:now');
    await b.call('sync:now');
    expect(b.module('hr-foundations').title).toBe('Edited by A');
    expect((await b.call('history:list', { module: 'hr-foundations' })).entries[0]?.author.name).toBe('Designer A');
  });
});

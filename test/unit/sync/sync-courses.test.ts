import { afterEach, describe, expect, it } from 'vitest';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { folderRemote, twoSites, type Site } from '../../helpers/sync-sites';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

const COURSE = 'foundation-course';

function course(site: Site): Curriculum {
  const found = site.services.store.read('curricula').curricula.find((c) => c.id === COURSE);
  if (!found) throw new Error(`no course ${COURSE} at ${site.name}`);
  return found;
}

/** Saves the course as the composer does: the whole course, its module snapshots left to the store. */
async function editAim(site: Site, aim: string): Promise<void> {
  const current = course(site);
  const items = current.items.map((item) => (item.kind === 'module' ? { ...item, snapshot: undefined } : item));
  await site.call('curriculum:save', { curriculum: { ...current, aim, items } as unknown as Curriculum, baseUpdatedAt: current.updatedAt });
}

describe('sharing courses through the shared library', () => {
  it("receives the other academy's course edit with its module snapshots, and lists, shows and restores the course's revisions", async () => {
    const remote = await folderRemote();
    const { a, b } = await twoSites(sites);
    await a.setup(remote, { includeCourses: true });
    await b.setup(remote, { includeCourses: true });
    expect((await a.call('sync:now')).outcome).toBe('done');
    // Both academies were seeded with the sample course, each at its own moment: the same course, taken once.
    expect((await b.call('sync:now')).outcome).toBe('done');

    const firstAim = course(a).aim;
    await editAim(a, 'An aim written at academy A.');
    expect((await a.call('sync:now')).outcome).toBe('done');
    // B reads A's course file and the module snapshots it names, as the store writes them.
    expect((await b.call('sync:now')).outcome).toBe('done');
    expect(course(b).aim).toBe('An aim written at academy A.');
    expect(course(b).items.filter((i) => i.kind === 'module').length).toBe(course(a).items.filter((i) => i.kind === 'module').length);

    const { entries } = await b.call('history:list', { course: COURSE });
    expect(entries.map((e) => [e.author.name, e.change])).toEqual([
      ['Designer A', 'changed'],
      ['Designer A', 'added'],
    ]);
    const older = entries[1];
    if (!older) throw new Error('history too short');
    const shown = await b.call('history:show', { course: COURSE, commit: older.commit });
    expect(shown.course?.aim).toBe(firstAim);
    await b.call('history:restore', { course: COURSE, commit: older.commit });
    expect(course(b).aim).toBe(firstAim);
    expect((await b.call('sync:now')).outcome).toBe('done');
    expect((await a.call('sync:now')).outcome).toBe('done');
    expect(course(a).aim).toBe(firstAim);
  }, 60_000);
});

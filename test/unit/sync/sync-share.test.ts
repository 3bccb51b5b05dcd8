import { afterEach, describe, expect, it } from 'vitest';
import { bareRepo, git } from '../../helpers/git-server';
import { folderRemote, openSite, twoSites, type Site } from '../../helpers/sync-sites';
import { tempDir } from '../../helpers/temp-dir';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

/** Two academies sharing a folder remote, both set up. */
async function connectedSites(): Promise<{ a: Site; b: Site; remote: string }> {
  const remote = await folderRemote();
  const { a, b } = await twoSites(sites);
  await a.setup(remote);
  await b.setup(remote);
  return { a, b, remote };
}

describe('sharing a library through a bare folder', () => {
  it('sends the first library, and a second academy receives edits to different fields of one module merged', async () => {
    const { a, b, remote } = await connectedSites();
    const first = await a.call('sync:now');
    expect(first.outcome).toBe('done');
    // The status a sync answers with is the one after it: finished, up to date.
    expect(first.status.state).toBe('up-to-date');
    expect(first.status.summary).not.toContain('Syncing now');
    expect(git(remote, 'ls-tree', '-r', '--name-only', 'main')).toContain('library/modules/hr-foundations.json');
    expect((await b.call('sync:now')).outcome).toBe('done');

    await a.edit('hr-foundations', () => ({ title: 'Human rights: the foundations' }));
    await b.edit('hr-foundations', (m) => ({ summary: `${m.summary} Revised by B.` }));
    expect((await a.call('sync:now')).outcome).toBe('done');
    const merged = await b.call('sync:now');
    expect(merged).toMatchObject({ outcome: 'done', changes: { merged: ['hr-foundations'], pushed: true } });
    expect(b.module('hr-foundations')).toMatchObject({ title: 'Human rights: the foundations' });
    expect(b.module('hr-foundations').summary).toMatch(/Revised by B\.$/);
    // The merged module is stored exactly as committed: nothing is left to send.
    expect(await b.call('sync:status')).toMatchObject({ state: 'up-to-date', localChanges: 0 });
    await a.call('sync:now');
    expect(a.module('hr-foundations')).toEqual(b.module('hr-foundations'));
    expect(git(remote, 'fsck', '--strict')).toBe('');
  });
});

describe('conflicts', () => {
  it('stops on the same field changed on both sides with nothing applied, then takes the choice made for it', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    await a.edit('hr-foundations', () => ({ title: 'Title from A' }));
    const bBefore = await b.edit('hr-foundations', (m) => ({ title: 'Title from B', summary: `${m.summary} (B)` }));
    await a.call('sync:now');
    const stopped = await b.call('sync:now');
    if (stopped.outcome !== 'conflicts') throw new Error('expected conflicts');
    expect(stopped.conflicts).toHaveLength(1);
    expect(stopped.conflicts[0]).toMatchObject({ kind: 'module', id: 'hr-foundations', reason: 'both-changed', choose: 'fields', conflicts: ['title'] });
    const title = stopped.conflicts[0]?.fields.find((f) => f.key === 'title');
    expect(title).toMatchObject({ source: 'conflict', mine: { kind: 'text', text: 'Title from B' }, theirs: { kind: 'text', text: 'Title from A' } });
    // Nothing applied: B's module is its own edit, and the status says so.
    expect(b.module('hr-foundations')).toBe(bBefore);
    expect((await b.call('sync:status')).state).toBe('conflicts');

    const resolved = await b.call('sync:resolve', { resolveId: stopped.resolveId, choices: { modules: { 'hr-foundations': { fields: { title: 'theirs' } } } } });
    expect(resolved.outcome).toBe('done');
    expect(b.module('hr-foundations')).toMatchObject({ title: 'Title from A' });
    expect(b.module('hr-foundations').summary).toMatch(/\(B\)$/);
    await a.call('sync:now');
    expect(a.module('hr-foundations')).toEqual(b.module('hr-foundations'));
    expect((await a.call('sync:status')).state).toBe('up-to-date');
  });

  it('answers a resolve for versions that have moved on with the conflicts as they now are', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    await a.edit('hr-foundations', () => ({ title: 'A1' }));
    await b.edit('hr-foundations', () => ({ title: 'B1' }));
    await a.call('sync:now');
    const first = await b.call('sync:now');
    if (first.outcome !== 'conflicts') throw new Error('expected conflicts');
    await a.edit('hr-foundations', () => ({ title: 'A2' }));
    await a.call('sync:now');
    const again = await b.call('sync:resolve', { resolveId: first.resolveId, choices: { modules: { 'hr-foundations': { fields: { title: 'theirs' } } } } });
    if (again.outcome !== 'conflicts') throw new Error('expected the conflicts again');
    expect(again.resolveId).not.toBe(first.resolveId);
    expect(again.conflicts[0]?.fields.find((f) => f.key === 'title')?.theirs).toEqual({ kind: 'text', text: 'A2' });
    expect(b.module('hr-foundations').title).toBe('B1');
  });

  it('treats an edit against a delete as a conflict, and keeping the edit brings the module back for everyone', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    await a.call('library:delete', { id: 'hr-foundations', confirmed: true });
    await b.edit('hr-foundations', () => ({ title: 'Still needed' }));
    await a.call('sync:now');
    const stopped = await b.call('sync:now');
    if (stopped.outcome !== 'conflicts') throw new Error('expected conflicts');
    expect(stopped.conflicts.map((c) => [c.id, c.reason, c.choose])).toContainEqual(['hr-foundations', 'deleted-there', 'whole']);
    expect(stopped.conflicts.find((c) => c.id === 'hr-foundations')?.fields.find((f) => f.key === 'title')).toMatchObject({ mine: { text: 'Still needed' }, theirs: { kind: 'absent' } });
    const kept = await b.call('sync:resolve', { resolveId: stopped.resolveId, choices: { modules: { 'hr-foundations': { take: 'mine' } } } });
    expect(kept.outcome).toBe('done');
    await a.call('sync:now');
    expect(a.module('hr-foundations').title).toBe('Still needed');
  });

  it('decides every conflict one way with --on-conflict', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    await a.edit('hr-foundations', () => ({ title: 'A' }));
    await b.edit('hr-foundations', () => ({ title: 'B' }));
    await a.call('sync:now');
    expect((await b.call('sync:now', { onConflict: 'keep-mine' })).outcome).toBe('done');
    expect(b.module('hr-foundations').title).toBe('B');
    await a.call('sync:now');
    expect(a.module('hr-foundations').title).toBe('B');
    await a.edit('hr-foundations', () => ({ title: 'A again' }));
    await b.edit('hr-foundations', () => ({ title: 'B again' }));
    await a.call('sync:now');
    expect((await b.call('sync:now', { onConflict: 'take-theirs' })).outcome).toBe('done');
    expect(b.module('hr-foundations').title).toBe('A again');
  });
});

describe('courses and racing pushes', () => {
  it('offers "update available" to a course whose module changed upstream, and changes nothing in the course', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    const [course] = b.services.store.read('curricula').curricula;
    if (!course) throw new Error('the sample course is missing');
    const item = course.items.find((i) => i.kind === 'module');
    if (item?.kind !== 'module') throw new Error('the sample course has no module');
    await a.edit(item.moduleId, (m) => ({ summary: `${m.summary} Updated upstream.` }));
    await a.call('sync:now');
    const received = await b.call('sync:now');
    if (received.outcome !== 'done') throw new Error('expected done');
    expect(received.changes.received.modules.changed).toContain(item.moduleId);
    expect(received.changes.coursesWithUpdates).toContainEqual(expect.objectContaining({ curriculumId: course.id, moduleIds: expect.arrayContaining([item.moduleId]) as unknown }));
    const after = b.services.store.read('curricula').curricula.find((c) => c.id === course.id);
    expect(after).toEqual(course);
    const checks = await b.call('curriculum:check', { id: course.id });
    expect(checks.some((c) => c.code === 'update-available' && c.where.moduleId === item.moduleId)).toBe(true);
  });

  it('lets two academies that push at the same moment both land, the later one after a fetch and a merge', async () => {
    const { a, b } = await connectedSites();
    await a.call('sync:now');
    await b.call('sync:now');
    const ids = a.services.store.read('library').modules.map((m) => m.id);
    await a.edit(ids[0] as string, () => ({ title: 'Raced by A' }));
    await b.edit(ids[1] as string, () => ({ title: 'Raced by B' }));
    const [ra, rb] = await Promise.all([a.call('sync:now'), b.call('sync:now')]);
    expect([ra.outcome, rb.outcome]).toEqual(['done', 'done']);
    if (ra.outcome !== 'done' || rb.outcome !== 'done') return;
    expect(ra.changes.pushed && rb.changes.pushed).toBe(true);
    await a.call('sync:now');
    await b.call('sync:now');
    expect(a.module(ids[1] as string).title).toBe('Raced by B');
    expect(b.module(ids[0] as string).title).toBe('Raced by A');
  });
});

describe('following a partner read-only', () => {
  it('receives the partner\'s modules with the partner as publisher, merges local adaptations with updates, and never pushes', async () => {
    const root = await tempDir('cc-remote-');
    const remote = bareRepo(root, 'partner');
    const partner = await openSite('P');
    const follower = await openSite('F');
    sites.push(partner, follower);
    await partner.setup(remote);
    await partner.call('sync:now');
    await follower.setup(remote, { mode: 'follow', publisher: 'Partner Academy' });
    await partner.call('library:duplicate', { id: 'hr-foundations', title: 'Partner module' });
    const newId = partner.services.store.read('library').modules.find((m) => m.title === 'Partner module')?.id ?? '';
    await partner.call('sync:now');
    const pushedBefore = git(remote, 'rev-parse', 'main');
    expect((await follower.call('sync:now')).outcome).toBe('done');
    expect(follower.module(newId).provenance.sourcePack).toMatchObject({ publisher: 'Partner Academy', packId: remote });
    expect((await follower.call('library:list', {})).facets.sources['Partner Academy']).toBeGreaterThan(0);
    // A local adaptation and the partner's update of another field merge; nothing goes back to the partner.
    await follower.edit(newId, (m) => ({ summary: `${m.summary} Adapted locally.` }));
    await partner.edit(newId, () => ({ title: 'Partner module, second edition' }));
    await partner.call('sync:now');
    const pushedByPartner = git(remote, 'rev-parse', 'main');
    const followed = await follower.call('sync:now');
    expect(followed).toMatchObject({ outcome: 'done', changes: { pushed: false } });
    expect(follower.module(newId)).toMatchObject({ title: 'Partner module, second edition' });
    expect(follower.module(newId).summary).toMatch(/Adapted locally\.$/);
    expect(git(remote, 'rev-parse', 'main')).toBe(pushedByPartner);
    expect(pushedByPartner).not.toBe(pushedBefore);
  });
});

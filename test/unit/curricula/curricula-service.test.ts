import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CurriculaService } from '../../../electron/services/curricula/curricula-service';
import { curriculumFromTemplate } from '../../../electron/services/curricula/sample-curriculum';
import { scheduleFits } from '../../../shared/domain/curriculum/schedule';
import { dispatch } from '../../../shared/ipc/dispatch';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { openTestServices } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

type Opened = Awaited<ReturnType<typeof openTestServices>>;
const open: Opened[] = [];

/** Real services over a fresh data folder, seeded as on a first start (sample library and sample course). */
async function services(dir?: string): Promise<Opened> {
  const opened = await openTestServices(dir ?? (await tempDir()));
  open.push(opened);
  return opened;
}

afterEach(() => {
  for (const s of open.splice(0)) s.store.close();
});

const SAMPLE = 'foundation-course';

describe('CurriculaService: the seeded sample course', () => {
  it('is listed on first start with its days and modules', async () => {
    const { curricula } = await services();
    expect(curricula.list()).toEqual([
      expect.objectContaining({ id: SAMPLE, status: 'draft', days: 10, modules: 9, language: 'en', archived: false }),
    ]);
  });

  it('has no errors and no warnings, and its schedule fits the 10 days without overflow', async () => {
    const { curricula } = await services();
    const detail = curricula.get(SAMPLE);
    expect(detail.checks.filter((c) => c.severity !== 'info')).toEqual([]);
    expect(curricula.check(SAMPLE).filter((c) => c.severity === 'error')).toEqual([]);
    expect(scheduleFits(detail.schedule)).toBe(true);
    expect(detail.schedule.daysUsed).toBe(10);
    expect(detail.schedule.days.some((d) => d.overflow)).toBe(false);
  });

  it('opens with a trust-building session and the pre-test, and ends with the post-test and the closing session', async () => {
    const { curricula } = await services();
    const { curriculum, schedule } = curricula.get(SAMPLE);
    const sessions = curriculum.items.flatMap((i) => (i.kind === 'session' ? [i.sessionKind] : []));
    expect(curriculum.items[0]).toMatchObject({ kind: 'session', sessionKind: 'opening' });
    expect(sessions).toEqual(['opening', 'assessment', 'other', 'assessment', 'closing']);
    expect(schedule.placements.find((p) => p.itemId === 'pre-test')?.day).toBe(1);
    expect(schedule.placements.find((p) => p.itemId === 'post-test')?.day).toBe(10);
    expect(schedule.placements.find((p) => p.itemId === 'closing')?.day).toBe(10);
  });

  it('takes its snapshots from the library at the library revision and fills every placeholder', async () => {
    const { curricula, library } = await services();
    const { curriculum, checks } = curricula.get(SAMPLE);
    for (const item of curriculum.items) {
      if (item.kind !== 'module') continue;
      const current = library.find(item.moduleId);
      expect(item.revision).toBe(current.revision);
      expect(item.snapshot).toEqual(current);
    }
    expect(checks.map((c) => c.code)).not.toContain('placeholder-unfilled');
    expect(checks.map((c) => c.code)).not.toContain('update-available');
    expect(curriculum.description).toMatch(/placeholder values are examples/);
  });

  it('is added to a data folder from before curricula existed, leaving its library alone', async () => {
    const dir = await tempDir();
    const first = await services(dir);
    const module = first.library.find('ethics-integrity');
    await first.library.save({ module: { ...module, title: 'Ethics (local edition)' }, baseRevision: module.revision, bump: true });
    first.store.close();
    open.splice(0);
    await rm(join(dir, 'curricula'), { recursive: true });
    await rm(join(dir, 'snapshots'), { recursive: true });
    const library = await snapshotDir(join(dir, 'library'));
    const second = await services(dir);
    expect(second.store.status()).toMatchObject({ healthy: true, seeded: true });
    expect(await snapshotDir(join(dir, 'library'))).toEqual(library);
    // The sample's snapshots come from the shipped library, so the local edit shows as an update.
    expect(second.curricula.check(SAMPLE)).toContainEqual(expect.objectContaining({ code: 'update-available', where: expect.objectContaining({ moduleId: 'ethics-integrity' }) as object }));
  });

  it('is not seeded again into a folder that already has curricula', async () => {
    const dir = await tempDir();
    const first = await services(dir);
    await first.curricula.delete(SAMPLE, true);
    first.store.close();
    open.splice(0);
    const second = await services(dir);
    expect(second.curricula.list()).toEqual([]);
  });
});

describe('CurriculaService: create', () => {
  it('snapshots the modules in the given order and gives the course the days it needs', async () => {
    const { curricula, library } = await services();
    const created = await curricula.create({ title: 'Custody week', moduleIds: ['hr-foundations', 'arrest-and-detention', 'torture-prevention'] });
    expect(created.id).toBe('custody-week');
    expect(created.items.map((i) => (i.kind === 'module' ? i.moduleId : i.id))).toEqual(['hr-foundations', 'arrest-and-detention', 'torture-prevention']);
    expect(created.items[1]).toMatchObject({ id: 'arrest-and-detention', revision: library.find('arrest-and-detention').revision });
    expect(created.days).toBe(curricula.get('custody-week').schedule.daysUsed);
    expect(created).toMatchObject({ status: 'draft', language: 'en', createdAt: created.updatedAt });
  });

  it('keeps ids unique: same title twice, same module twice', async () => {
    const { curricula } = await services();
    const a = await curricula.create({ title: 'Refresher', moduleIds: ['ethics-integrity', 'ethics-integrity'], days: 4 });
    const b = await curricula.create({ title: 'Refresher', moduleIds: [] });
    expect([a.id, b.id]).toEqual(['refresher', 'refresher-2']);
    expect(a.items.map((i) => i.id)).toEqual(['ethics-integrity', 'ethics-integrity-2']);
    expect(a.days).toBe(4);
    expect(b.days).toBe(1);
    expect(curricula.check('refresher').map((c) => c.code)).toContain('duplicate-module');
  });

  it('takes the language of the first module unless told', async () => {
    const { curricula } = await services();
    expect((await curricula.create({ title: 'Police de proximité', moduleIds: ['community-policing-fr'] })).language).toBe('fr');
    expect((await curricula.create({ title: 'Mixed', moduleIds: ['community-policing-fr'], language: 'en' })).language).toBe('en');
  });

  it('refuses an unknown module and writes nothing', async () => {
    const { curricula, store } = await services();
    const before = await snapshotDir(store.dataDir);
    await expect(curricula.create({ title: 'Broken', moduleIds: ['hr-foundations', 'no-such-module'] })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining('no-such-module') as string,
    });
    expect(await snapshotDir(store.dataDir)).toEqual(before);
  });
});

describe('CurriculaService: save', () => {
  it('saves an edit based on the stored version and moves updatedAt on', async () => {
    const { curricula } = await services();
    const { curriculum } = curricula.get(SAMPLE);
    const saved = await curricula.save({ curriculum: { ...curriculum, subtitle: 'Edited' }, baseUpdatedAt: curriculum.updatedAt });
    expect(saved.subtitle).toBe('Edited');
    expect(saved.updatedAt > curriculum.updatedAt).toBe(true);
    expect(curricula.get(SAMPLE).curriculum.subtitle).toBe('Edited');
  });

  it('keeps the stored objects of what a save sent unchanged (as the composer sends it: a new copy of everything)', async () => {
    const { curricula } = await services();
    const { curriculum } = curricula.get(SAMPLE);
    const copy = JSON.parse(JSON.stringify(curriculum)) as typeof curriculum;
    const [first, second] = copy.items;
    if (!first || !second) throw new Error('the sample course has items');
    const edited = { ...copy, items: [{ ...first, ...(first.kind === 'session' ? { minutes: first.minutes + 5 } : { lessons: [] }) }, ...copy.items.slice(1)] };
    await curricula.save({ curriculum: edited, baseUpdatedAt: curriculum.updatedAt });
    const after = curricula.get(SAMPLE).curriculum;
    // Unchanged items and fields are the stored objects, so everything computed from them stays valid.
    expect(after.items.slice(1).every((item, i) => item === curriculum.items[i + 1])).toBe(true);
    expect(after.outcomes).toBe(curriculum.outcomes);
    expect(after.dayTemplate).toBe(curriculum.dayTemplate);
    expect(after.items[0]).not.toBe(curriculum.items[0]);
    expect(after.items[0]).toEqual(edited.items[0]?.kind === 'module' ? { ...edited.items[0], snapshot: after.items[0]?.kind === 'module' ? after.items[0].snapshot : undefined } : edited.items[0]);
  });

  it('refuses a save based on a version that was changed elsewhere (conflict), keeping the other change', async () => {
    const { curricula } = await services();
    const { curriculum: base } = curricula.get(SAMPLE);
    await curricula.save({ curriculum: { ...base, title: 'First window' }, baseUpdatedAt: base.updatedAt });
    await expect(curricula.save({ curriculum: { ...base, title: 'Second window' }, baseUpdatedAt: base.updatedAt })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^"First window" was changed elsewhere/) as string,
    });
    expect(curricula.get(SAMPLE).curriculum.title).toBe('First window');
  });

  it('answers each of two saves written together with its own version, so the first editor cannot overwrite the second', async () => {
    const { curricula } = await services();
    const { curriculum: base } = curricula.get(SAMPLE);
    // The first window saves; the second opens the course meanwhile (it sees that save) and saves on top of
    // it before the first save is on disk: both are written in one group commit.
    const first = curricula.save({ curriculum: { ...base, title: 'First window' }, baseUpdatedAt: base.updatedAt });
    const seen = curricula.get(SAMPLE).curriculum;
    expect(seen.title).toBe('First window');
    const second = curricula.save({ curriculum: { ...seen, aim: 'Written in the second window' }, baseUpdatedAt: seen.updatedAt });
    const [firstSaved, secondSaved] = await Promise.all([first, second]);
    // Each answer is the version that save wrote: its stamp is the base of that window's next save.
    expect(firstSaved).toMatchObject({ title: 'First window', updatedAt: seen.updatedAt });
    expect(secondSaved).toMatchObject({ aim: 'Written in the second window' });
    expect(secondSaved.updatedAt > firstSaved.updatedAt).toBe(true);
    // The first window's next save is based on its own version: refused, so the second window's aim stays.
    await expect(curricula.save({ curriculum: { ...firstSaved, title: 'First window again' }, baseUpdatedAt: firstSaved.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
    expect(curricula.get(SAMPLE).curriculum.aim).toBe('Written in the second window');
  });

  it('gives every save a later stamp even when the clock stands still, so stale saves are always caught', async () => {
    const { store } = await services();
    const frozen = new Date('2020-01-01T00:00:00.000Z');
    const service = new CurriculaService(store, () => frozen);
    const base = service.get(SAMPLE).curriculum;
    const one = await service.save({ curriculum: { ...base, version: '1.1' }, baseUpdatedAt: base.updatedAt });
    const two = await service.save({ curriculum: { ...one, version: '1.2' }, baseUpdatedAt: one.updatedAt });
    expect(Date.parse(one.updatedAt)).toBe(Date.parse(base.updatedAt) + 1);
    expect(Date.parse(two.updatedAt)).toBe(Date.parse(one.updatedAt) + 1);
    await expect(service.save({ curriculum: one, baseUpdatedAt: one.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('keeps the stored createdAt and refuses an unknown id or invalid data without writing', async () => {
    const { curricula, store } = await services();
    const { curriculum } = curricula.get(SAMPLE);
    const saved = await curricula.save({ curriculum: { ...curriculum, createdAt: '2000-01-01T00:00:00.000Z' }, baseUpdatedAt: curriculum.updatedAt });
    expect(saved.createdAt).toBe(curriculum.createdAt);
    const before = await snapshotDir(store.dataDir);
    await expect(curricula.save({ curriculum: { ...saved, id: 'nobody' }, baseUpdatedAt: saved.updatedAt })).rejects.toMatchObject({ code: 'not-found' });
    const invalid = { ...saved, days: 0 };
    await expect(curricula.save({ curriculum: invalid, baseUpdatedAt: saved.updatedAt })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: expect.stringContaining('curricula.0.days') as string,
    });
    expect(await snapshotDir(store.dataDir)).toEqual(before);
    expect(curricula.get(SAMPLE).curriculum.days).toBe(10);
  });

  it('renames, counting as a change for open editors', async () => {
    const { curricula } = await services();
    const before = curricula.get(SAMPLE).curriculum;
    const renamed = await curricula.rename(SAMPLE, 'Basic course');
    expect(renamed).toMatchObject({ id: SAMPLE, title: 'Basic course' });
    await expect(curricula.save({ curriculum: before, baseUpdatedAt: before.updatedAt })).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('CurriculaService: duplicate, archive, delete', () => {
  it('duplicates as a new draft with its own id, leaving the original alone', async () => {
    const { curricula } = await services();
    const original = curricula.get(SAMPLE).curriculum;
    await curricula.save({ curriculum: { ...original, status: 'approved' }, baseUpdatedAt: original.updatedAt });
    const copy = await curricula.duplicate(SAMPLE, 'Foundation course 2027');
    expect(copy).toMatchObject({ id: 'foundation-course-2027', title: 'Foundation course 2027', status: 'draft' });
    expect(copy.items).toEqual(original.items);
    expect(curricula.get(SAMPLE).curriculum.status).toBe('approved');
    expect(curricula.list().map((c) => c.id).sort()).toEqual([SAMPLE, 'foundation-course-2027']);
    await expect(curricula.duplicate('nobody', 'X')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('archives and unarchives without touching the content or its stamp', async () => {
    const { curricula } = await services();
    const before = curricula.get(SAMPLE).curriculum;
    expect(await curricula.setArchived(SAMPLE, true)).toMatchObject({ id: SAMPLE, archived: true });
    expect(curricula.list()).toEqual([]);
    expect(curricula.list({ includeArchived: true }).map((c) => [c.id, c.archived])).toEqual([[SAMPLE, true]]);
    expect(curricula.get(SAMPLE)).toMatchObject({ archived: true, curriculum: before });
    await curricula.setArchived(SAMPLE, true);
    expect(curricula.list({ includeArchived: true })).toHaveLength(1);
    expect(await curricula.setArchived(SAMPLE, false)).toMatchObject({ archived: false });
    expect(curricula.list().map((c) => c.id)).toEqual([SAMPLE]);
    await expect(curricula.save({ curriculum: before, baseUpdatedAt: before.updatedAt })).resolves.toBeTruthy();
  });

  it('deletes a course with content only when confirmed; an empty one without asking', async () => {
    const { curricula } = await services();
    await curricula.setArchived(SAMPLE, true);
    await expect(curricula.delete(SAMPLE, false)).rejects.toMatchObject({ code: 'conflict', message: expect.stringMatching(/confirm to delete it$/) as string });
    expect(curricula.list({ includeArchived: true })).toHaveLength(1);
    expect(await curricula.delete(SAMPLE, true)).toMatchObject({ id: SAMPLE, archived: true });
    expect(curricula.list({ includeArchived: true })).toEqual([]);
    const empty = await curricula.create({ title: 'Empty', moduleIds: [] });
    await curricula.delete(empty.id, false);
    expect(curricula.list()).toEqual([]);
    await expect(curricula.delete(SAMPLE, true)).rejects.toMatchObject({ code: 'not-found' });
  });

  it('keeps everything across a restart', async () => {
    const dir = await tempDir();
    const first = await services(dir);
    const created = await first.curricula.create({ title: 'Persisted', moduleIds: ['hr-foundations'] });
    await first.curricula.setArchived(SAMPLE, true);
    first.store.close();
    open.splice(0);
    const second = await services(dir);
    expect(second.curricula.get(created.id).curriculum).toEqual(created);
    expect(second.curricula.list({ includeArchived: true }).map((c) => [c.id, c.archived]).sort()).toEqual([
      [SAMPLE, true],
      ['persisted', false],
    ]);
  });
});

describe('CurriculaService and the library', () => {
  it('makes deleting a module used by a curriculum ask first, naming the curricula', async () => {
    const { library, curricula } = await services();
    await curricula.create({ title: 'Custody week', moduleIds: ['torture-prevention'] });
    expect(library.usage('torture-prevention').curricula.map((c) => c.id).sort()).toEqual(['custody-week', SAMPLE]);
    await expect(library.delete('torture-prevention', false)).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('Foundation course on human rights and community policing for recruits') as string,
    });
    expect(library.find('torture-prevention')).toBeTruthy();
    const usage = await library.delete('torture-prevention', true);
    expect(usage.curricula).toHaveLength(2);
    // The course keeps its own copy and says so.
    expect(curricula.check(SAMPLE)).toContainEqual(expect.objectContaining({ code: 'module-not-in-library', severity: 'info' }));
    expect(curricula.get(SAMPLE).curriculum.items.some((i) => i.kind === 'module' && i.moduleId === 'torture-prevention')).toBe(true);
  });

  it('reports "update available" once the library module has a newer revision', async () => {
    const { library, curricula } = await services();
    const module = library.find('ethics-integrity');
    await library.save({ module: { ...module, summary: `${module.summary} Revised.` }, baseRevision: module.revision, bump: true });
    expect(curricula.check(SAMPLE)).toContainEqual(
      expect.objectContaining({ code: 'update-available', severity: 'info', params: expect.objectContaining({ from: 1, to: 2 }) as object }),
    );
  });

  it('computes an opened course once, and again when the library or the settings change', async () => {
    const { library, curricula, store } = await services();
    const first = curricula.get(SAMPLE);
    // Nothing changed: the same schedule and checks, not recomputed.
    expect(curricula.get(SAMPLE).checks).toBe(first.checks);
    const module = library.find('ethics-integrity');
    await library.save({ module: { ...module, summary: `${module.summary} Revised.` }, baseRevision: module.revision, bump: true });
    const afterLibrary = curricula.get(SAMPLE);
    expect(afterLibrary.checks).not.toBe(first.checks);
    expect(afterLibrary.checks.some((c) => c.code === 'update-available')).toBe(true);
    await store.update('settings', (s) => ({ ...s, placeholderDefaults: { ...s.placeholderDefaults } }));
    expect(curricula.get(SAMPLE).checks).not.toBe(afterLibrary.checks);
  });

  it('builds a course file against whatever library it is given, naming a missing module', () => {
    const raw = { id: 'x-course', title: 'X', language: 'en', days: 1, items: [{ kind: 'module', id: 'm1', moduleId: 'nowhere' }] };
    expect(() => curriculumFromTemplate(raw, [], new Date(), 'The test course')).toThrow(/The test course uses module "nowhere"/);
    expect(() => curriculumFromTemplate({ ...raw, items: [], colour: 'blue' }, [], new Date(), 'The test course')).toThrow(/The test course is invalid/);
  });
});

describe('curriculum channels', () => {
  it('serve the service through the contract', async () => {
    const { handlers } = await services();
    expect(await dispatch(handlers, 'curriculum:list', undefined)).toMatchObject({ ok: true, value: [{ id: SAMPLE }] });
    expect(await dispatch(handlers, 'curriculum:check', { id: SAMPLE })).toMatchObject({ ok: true });
    const created = await dispatch(handlers, 'curriculum:create', { title: 'Via IPC', moduleIds: ['hr-foundations'] });
    expect(created).toMatchObject({ ok: true, value: { id: 'via-ipc' } });
    expect(await dispatch(handlers, 'curriculum:archive', { id: 'via-ipc', archived: true })).toMatchObject({ ok: true, value: { archived: true } });
    expect(await dispatch(handlers, 'curriculum:list', { includeArchived: true })).toMatchObject({ ok: true, value: [{ id: 'via-ipc' }, { id: SAMPLE }] });
    expect(await dispatch(handlers, 'curriculum:delete', { id: 'via-ipc', confirmed: false })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await dispatch(handlers, 'curriculum:delete', { id: 'via-ipc', confirmed: true })).toMatchObject({ ok: true, value: { deleted: { id: 'via-ipc' } } });
    expect(await dispatch(handlers, 'curriculum:get', { id: 'via-ipc' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const detail = await dispatch(handlers, 'curriculum:get', { id: SAMPLE });
    if (!detail.ok) throw new Error(detail.error.message);
    const { curriculum } = detail.value as { curriculum: Curriculum };
    const saved = await dispatch(handlers, 'curriculum:save', { curriculum: { ...curriculum, title: 'Renamed' }, baseUpdatedAt: curriculum.updatedAt });
    expect(saved).toMatchObject({ ok: true, value: { title: 'Renamed' } });
    expect(await dispatch(handlers, 'curriculum:duplicate', { id: SAMPLE, title: 'Copy' })).toMatchObject({ ok: true, value: { id: 'copy' } });
  });
});

describe('saving without the snapshots the back end already holds', () => {
  it('puts the stored snapshots back, so an autosave need not send them', async () => {
    const { curricula } = await services();
    const { curriculum } = curricula.get(SAMPLE);
    const light = {
      ...curriculum,
      title: 'Renamed course',
      items: curriculum.items.map((item) => {
        if (item.kind !== 'module') return item;
        const { snapshot: _left, ...rest } = item;
        return rest;
      }),
    };
    const saved = await curricula.save({ curriculum: light, baseUpdatedAt: curriculum.updatedAt });
    expect(saved.title).toBe('Renamed course');
    expect(saved.items).toEqual(curriculum.items);
  });

  it('refuses an item without a snapshot the course does not hold, writing nothing', async () => {
    const { curricula, store } = await services();
    const { curriculum } = curricula.get(SAMPLE);
    const before = await snapshotDir(store.dataDir);
    const stranger = { kind: 'module' as const, id: 'stranger', moduleId: 'children-juvenile-justice', revision: 1, lessons: [] };
    await expect(curricula.save({ curriculum: { ...curriculum, items: [...curriculum.items, stranger] }, baseUpdatedAt: curriculum.updatedAt })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'Item "stranger" has no snapshot, and the stored course has none of module "children-juvenile-justice" at revision 1',
    });
    expect(await snapshotDir(store.dataDir)).toEqual(before);
  });
});

import { describe, expect, it } from 'vitest';
import { LibraryService, PLACEHOLDER_SCAN_BATCH } from '../../../electron/services/library/library-service';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { Store } from '../../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import type { Module } from '../../../shared/schemas/module';
import { openTestServices, RESOURCES_DIR } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const NOW = new Date('2026-11-26T12:00:00.000Z');

async function openLibrary(users: (id: string) => { id: string; title: string }[] = () => []) {
  const store = await Store.open({
    dataDir: await tempDir(),
    owner: 'test',
    seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => loadSampleLibrary(RESOURCES_DIR) },
    backups: { keep: 3, minIntervalMs: 0 },
  });
  return { store, library: new LibraryService(store, users, () => NOW) };
}

function edited(module: Module, title: string): Module {
  return { ...module, title };
}

describe('LibraryService: reading', () => {
  it('shows a module with its cited references, translations, prerequisites and placeholders', async () => {
    const { store, library } = await openLibrary();
    const detail = library.get('use-of-force-firearms');
    expect(detail.references.map((r) => r.id)).toContain('bpuff-1990');
    expect(detail.prerequisites).toEqual([{ id: 'hr-foundations', title: expect.any(String) as string }]);
    expect(detail.placeholders.length).toBeGreaterThan(0);
    expect(library.get('hr-foundations').translations.map((t) => t.id).sort()).toEqual(['hr-foundations-ar', 'hr-foundations-fr']);
    expect(library.get('hr-foundations-fr').translationStatus).toBe('current');
    store.close();
  });

  it('answers not-found for an unknown id', async () => {
    const { store, library } = await openLibrary();
    expect(() => library.get('no-such-module')).toThrow(expect.objectContaining({ code: 'not-found' }) as Error);
    store.close();
  });
});

describe('LibraryService: editing', () => {
  it('starts a new revision on the first save of a session and amends it on autosaves', async () => {
    const { store, library } = await openLibrary();
    const original = library.find('ethics-integrity');
    const first = await library.save({ module: edited(original, 'Ethics 1'), baseRevision: original.revision, bump: true });
    expect(first).toMatchObject({ title: 'Ethics 1', revision: original.revision + 1, updatedAt: NOW.toISOString() });
    const second = await library.save({ module: edited(first, 'Ethics 2'), baseRevision: first.revision, bump: false });
    expect(second.revision).toBe(first.revision);
    expect(library.find('ethics-integrity').title).toBe('Ethics 2');
    store.close();
  });

  it('refuses a save based on a revision that is no longer current', async () => {
    const { store, library } = await openLibrary();
    const original = library.find('ethics-integrity');
    await library.save({ module: edited(original, 'From window A'), baseRevision: original.revision, bump: true });
    await expect(library.save({ module: edited(original, 'From window B'), baseRevision: original.revision, bump: true })).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(library.find('ethics-integrity').title).toBe('From window A');
    store.close();
  });

  it('answers each of two saves written together with the revision that save made', async () => {
    const { store, library } = await openLibrary();
    const original = library.find('ethics-integrity');
    // Window A saves; window B opens the module meanwhile and saves a new revision on top, before A's save
    // is on disk: both go in one write. A's answer is the base of its next save, so it must be A's revision.
    const first = library.save({ module: edited(original, 'From window A'), baseRevision: original.revision, bump: true });
    const seen = library.find('ethics-integrity');
    const second = library.save({ module: edited(seen, 'From window B'), baseRevision: seen.revision, bump: true });
    const [a, b] = await Promise.all([first, second]);
    expect(a).toMatchObject({ title: 'From window A', revision: original.revision + 1 });
    expect(b).toMatchObject({ title: 'From window B', revision: original.revision + 2 });
    await expect(library.save({ module: edited(a, 'A again'), baseRevision: a.revision, bump: false })).rejects.toMatchObject({ code: 'conflict' });
    store.close();
  });

  it("refuses an autosave based on a version another window has amended since, within the same revision", async () => {
    const { store, library } = await openLibrary();
    const original = library.find('ethics-integrity');
    // Window A starts a revision; window B opens it; A amends it (same revision, later stamp).
    const a1 = await library.save({ module: edited(original, 'A'), baseRevision: original.revision, bump: true, baseUpdatedAt: original.updatedAt });
    const opened = library.find('ethics-integrity');
    const a2 = await library.save({ module: edited(a1, 'A, amended'), baseRevision: a1.revision, bump: false, baseUpdatedAt: a1.updatedAt });
    expect(a2.revision).toBe(a1.revision);
    expect(a2.updatedAt > a1.updatedAt).toBe(true);
    // B's first save names the revision it opened, which is still current, and the stamp, which is not.
    await expect(library.save({ module: edited(opened, 'B'), baseRevision: opened.revision, bump: true, baseUpdatedAt: opened.updatedAt })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/^"A, amended" was changed elsewhere/) as string,
    });
    expect(library.find('ethics-integrity').title).toBe('A, amended');
    // A's next autosave, on its own last answer, goes through.
    const a3 = await library.save({ module: edited(a2, 'A, again'), baseRevision: a2.revision, bump: false, baseUpdatedAt: a2.updatedAt });
    expect(a3.title).toBe('A, again');
    store.close();
  });

  it('marks translations outdated once their source gets a new revision', async () => {
    const { store, library } = await openLibrary();
    const source = library.find('hr-foundations');
    await library.save({ module: edited(source, 'Human rights, revised'), baseRevision: source.revision, bump: true });
    expect(library.get('hr-foundations-fr').translationStatus).toBe('outdated');
    expect(library.get('hr-foundations').translations.find((t) => t.id === 'hr-foundations-ar')?.status).toBe('outdated');
    store.close();
  });

  it('refuses links to references, objectives or prerequisites that do not exist', async () => {
    const { store, library } = await openLibrary();
    const m = library.find('ethics-integrity');
    const badRef = { ...m, references: [...m.references, 'no-such-ref'] };
    await expect(library.save({ module: badRef, baseRevision: m.revision, bump: true })).rejects.toThrow(/Unknown reference "no-such-ref"/);
    const [lesson] = m.lessons;
    if (!lesson) throw new Error('sample module has no lesson');
    const badObjective = { ...m, lessons: [{ ...lesson, steps: lesson.steps.map((s) => ({ ...s, objectives: ['o99'] })) }, ...m.lessons.slice(1)] };
    await expect(library.save({ module: badObjective, baseRevision: m.revision, bump: true })).rejects.toThrow(/Unknown objective "o99"/);
    const selfPrerequisite = { ...m, prerequisites: [m.id] };
    await expect(library.save({ module: selfPrerequisite, baseRevision: m.revision, bump: true })).rejects.toThrow(/Prerequisite "ethics-integrity"/);
    store.close();
  });

  it('creates a module only under a free id', async () => {
    const { store, library } = await openLibrary();
    const m = library.find('ethics-integrity');
    await expect(library.save({ module: m, baseRevision: null, bump: false })).rejects.toMatchObject({ code: 'conflict' });
    const created = await library.save({ module: { ...m, id: 'ethics-for-supervisors' }, baseRevision: null, bump: true });
    expect(created.revision).toBe(1);
    store.close();
  });

  it('duplicates a module under a new id, without its translation link or pack provenance', async () => {
    const { store, library } = await openLibrary();
    const copy = await library.duplicate('hr-foundations-fr', 'Droits humains (copie)');
    expect(copy.id).toBe('droits-humains-copie');
    expect(copy.translationOf).toBeUndefined();
    expect(copy.revision).toBe(1);
    const again = await library.duplicate('hr-foundations-fr', 'Droits humains (copie)');
    expect(again.id).toBe('droits-humains-copie-2');
    store.close();
  });
});

describe('LibraryService: deleting', () => {
  it('deletes an unused module at once', async () => {
    const { store, library } = await openLibrary();
    const copy = await library.duplicate('ethics-integrity', 'Scratch copy');
    await library.delete(copy.id, false);
    expect(() => library.find(copy.id)).toThrow();
    store.close();
  });

  it('asks before deleting a module that others use, and says where', async () => {
    const { store, library } = await openLibrary(() => [{ id: 'c1', title: 'Basic course 2027' }]);
    await expect(library.delete('hr-foundations', false)).rejects.toThrow(/used by Basic course 2027, .*confirm/);
    expect(library.find('hr-foundations')).toBeDefined();
    const usage = await library.delete('hr-foundations', true);
    expect(usage.prerequisiteOf.length).toBeGreaterThan(3);
    expect(usage.translations.map((t) => t.id).sort()).toEqual(['hr-foundations-ar', 'hr-foundations-fr']);
    // Modules that needed it no longer point at a module that is gone.
    expect(library.find('use-of-force-firearms').prerequisites).not.toContain('hr-foundations');
    expect(library.get('hr-foundations-fr').translationStatus).toBe('orphaned');
    store.close();
  });
});

describe('LibraryService: search stays in step with the data', () => {
  it('finds a module by its new title right after a save, and not after a delete', async () => {
    const { store, library } = await openLibrary();
    const m = library.find('ethics-integrity');
    await library.save({ module: edited(m, 'Integrity and quokkas'), baseRevision: m.revision, bump: true });
    expect((await library.search({ text: 'quokkas' })).modules.map((s) => s.id)).toContain('ethics-integrity');
    await library.delete('ethics-integrity', true);
    expect((await library.search({ text: 'quokkas' })).modules.map((s) => s.id)).not.toContain('ethics-integrity');
    store.close();
  });

  it('rebuilds the index when the data was replaced behind its back (a backup restore)', async () => {
    const { store, library } = await openLibrary();
    const m = library.find('ethics-integrity');
    await library.save({ module: edited(m, 'Integrity and quokkas'), baseRevision: m.revision, bump: true });
    expect((await library.search({ text: 'quokkas' })).modules.map((s) => s.id)).toContain('ethics-integrity');
    const [backup] = await store.listBackups('library/modules/ethics-integrity.json');
    await store.restore(backup?.id ?? '');
    expect((await library.search({ text: 'quokkas' })).modules.map((s) => s.id)).not.toContain('ethics-integrity');
    store.close();
  });
});

describe('LibraryService: a page of the matches', () => {
  it('answers the requested slice, with facets and the match count over every match', async () => {
    const { store, library } = await openLibrary();
    const whole = await library.search({ text: 'police', sort: 'relevance' });
    expect(whole.matched).toBe(whole.modules.length);
    expect(whole.matched).toBeGreaterThan(4);
    const page = await library.search({ text: 'police', sort: 'relevance', offset: 2, limit: 3 });
    expect(page.modules).toEqual(whole.modules.slice(2, 5));
    expect(page.matched).toBe(whole.matched);
    expect(page.facets).toEqual(whole.facets);
    expect(page.total).toBe(21);
    store.close();
  });
});


describe('LibraryService: placeholders for Settings', () => {
  it('lists every placeholder the library uses, with how many modules use it and one definition per language', async () => {
    const { handlers, store } = await openTestServices(await tempDir());
    try {
      const list = await handlers['library:placeholders'](undefined);
      const country = list.find((p) => p.name === 'country');
      expect(country?.modules).toBe(21);
      expect(country?.definitions.map((d) => [d.language, d.label])).toEqual(
        expect.arrayContaining([
          ['en', 'Country'],
          ['fr', 'Pays'],
          ['ar', 'البلد'],
        ]),
      );
      expect(country?.definitions).toHaveLength(3);
      expect(list.map((p) => p.name)).toEqual([...list.map((p) => p.name)].sort());
    } finally {
      store.close();
    }
  });
});

describe('LibraryService: placeholders of a large library', () => {
  /** 126 modules: the sample library six times over, under new ids. */
  async function openLargeLibrary() {
    const sample = await loadSampleLibrary(RESOURCES_DIR);
    const modules = Array.from({ length: 6 }, (_, copy) => sample.modules.map((m) => ({ ...m, id: `${m.id}-copy-${String(copy)}` }))).flat();
    const store = await Store.open({
      dataDir: await tempDir(),
      owner: 'test',
      seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.resolve({ ...sample, modules }) },
    });
    return { store, library: new LibraryService(store, () => [], () => NOW), count: modules.length };
  }

  /** Whether a callback queued now runs while `run` is under way: whether it gives way to other requests. */
  async function letsOthersIn<T>(run: () => Promise<T>): Promise<{ value: T; others: boolean }> {
    let others = false;
    setImmediate(() => { others = true; });
    const value = await run();
    return { value, others };
  }

  it('gives way to waiting requests while it first reads the modules, then answers from what it kept', async () => {
    const { store, library, count } = await openLargeLibrary();
    try {
      expect(count).toBeGreaterThan(2 * PLACEHOLDER_SCAN_BATCH);
      const first = await letsOthersIn(() => library.placeholders());
      expect(first.others).toBe(true);
      expect(first.value.find((p) => p.name === 'country')?.modules).toBe(count);
      // Nothing left to read: answered at once, the same.
      const again = await letsOthersIn(() => library.placeholders());
      expect(again.others).toBe(false);
      expect(again.value).toEqual(first.value);
      // A saved module is read again, and only its own names change.
      const module = library.find('hr-foundations-copy-0');
      const saved = await library.save({ module: { ...module, summary: `${module.summary} In {new_placeholder_name}.` }, baseRevision: module.revision, bump: true });
      const after = await library.placeholders();
      expect(after.find((p) => p.name === 'new_placeholder_name')?.modules).toBe(1);
      expect(library.find(saved.id).summary).toContain('{new_placeholder_name}');
    } finally {
      store.close();
    }
  });
});

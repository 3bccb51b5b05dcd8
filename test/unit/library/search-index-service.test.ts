import { readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { closeServices, createHandlers, openServices, type Services } from '../../../electron/services/handlers';
import { dispatch } from '../../../shared/ipc/dispatch';
import { LibraryService } from '../../../electron/services/library/library-service';
import { stampOf } from '../../../electron/services/library/module-files';
import { decodeIndex, encodeIndex } from '../../../electron/services/library/search-index-file';
import { MODULES_DIR, SEARCH_INDEX_FILE } from '../../../electron/services/store/layout';
import { Store } from '../../../electron/services/store/store';
import { LibraryIndex } from '../../../shared/domain/library-search';
import type { LibraryQuery } from '../../../shared/schemas/library-query';
import type { Module } from '../../../shared/schemas/module';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

/** The services as the web harness wires them (library read in the background), with the notes they log. */
async function open(dataDir: string, kind: 'web' | 'cli' = 'web') {
  const log: string[] = [];
  const services = await openServices(
    dataDir,
    { kind, appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false), log: (line) => log.push(line) },
    { keep: 10, minIntervalMs: 0 },
  );
  return { services, log, handlers: createHandlers(services) };
}

/** Builds the full text (a text search) and writes the index now, as a command-line run does when it ends. */
async function persist(services: Services): Promise<void> {
  await services.library.search({ text: 'police' });
  await services.searchIndex.flush();
}

/** A data folder whose search index was written at the end of a first session, now closed. */
async function folderWithIndex(): Promise<string> {
  const dir = await tempDir();
  const first = await open(dir);
  await persist(first.services);
  closeServices(first.services);
  return dir;
}

/**
 * Dates every module file an hour back: files written a moment before the index are read again at the next
 * start (their stamps are "racy"), which would hide what a test looks for.
 */
async function ageModuleFiles(dataDir: string): Promise<void> {
  const past = new Date(Date.now() - 3_600_000);
  for (const name of await readdir(join(dataDir, MODULES_DIR))) await utimes(join(dataDir, MODULES_DIR, name), past, past);
}

const QUERIES: LibraryQuery[] = [
  { sort: 'title' },
  { text: 'police' },
  { text: 'human rights', languages: ['en'] },
  { text: 'custdy' },
  { text: 'comm', sort: 'relevance' },
  { text: 'الشرطة' },
  { text: 'quokka' },
  { themes: ['community-policing'], sort: 'updated' },
];

async function answers(services: Services) {
  return Promise.all(QUERIES.map((q) => services.library.search(q)));
}

/** What a freshly built index answers for the library as the store holds it. */
async function freshAnswers(services: Services) {
  await services.store.loaded('library');
  const index = new LibraryIndex(services.store.read('library').modules);
  return QUERIES.map((q) => ({ ...index.searchPage(q), facets: index.facetCounts(q), total: index.size }));
}

async function indexedTitles(dataDir: string): Promise<Map<string, string>> {
  const { entries } = decodeIndex(await readFile(join(dataDir, SEARCH_INDEX_FILE)));
  return new Map(entries.map((e) => [e.summary.id, e.summary.title]));
}

describe('the persisted search index', () => {
  it('is written beside the library and used at the next start, answering as a fresh build does', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await ageModuleFiles(dir);
    await persist(first.services);
    const before = await answers(first.services);
    closeServices(first.services);

    const { services, log } = await open(dir);
    try {
      expect(services.searchIndex.persisted).toBe(true);
      // No module file changed: none was read again.
      expect(log).toEqual([]);
      const after = await answers(services);
      expect(after).toEqual(before);
      expect(after).toEqual(await freshAnswers(services));
    } finally {
      closeServices(services);
    }
  });

  it('re-indexes at start exactly the modules added, changed or removed while the app was closed', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await ageModuleFiles(dir);
    await persist(first.services);
    closeServices(first.services);

    // Another program (an older version, the command line without the index) changes the folder meanwhile.
    const store = await Store.open({ dataDir: dir, owner: 'test', seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.reject(new Error('not new')) } });
    const library = new LibraryService(store);
    const ethics = library.find('ethics-integrity');
    await library.save({ module: { ...ethics, title: 'Quokka ethics' }, baseRevision: ethics.revision, bump: true });
    const copy = await library.duplicate('arrest-and-detention', 'Zyzzyva detention');
    await library.delete('trafficking-smuggling', true);
    store.close();

    const { services, log } = await open(dir);
    try {
      expect(services.searchIndex.persisted).toBe(true);
      expect(log).toEqual([expect.stringMatching(/1 module files added, 1 changed .* 1 removed/)]);
      expect((await services.library.search({ text: 'quokka' })).modules.map((m) => m.id)).toEqual(['ethics-integrity']);
      expect((await services.library.search({ text: 'zyzzyva' })).modules.map((m) => m.id)).toEqual([copy.id]);
      expect((await services.library.search({})).modules.map((m) => m.id)).not.toContain('trafficking-smuggling');
      expect(await answers(services)).toEqual(await freshAnswers(services));
      // The catch-up is written back: the next start has nothing to re-read.
      await services.searchIndex.flush();
      expect((await indexedTitles(dir)).get('ethics-integrity')).toBe('Quokka ethics');
    } finally {
      closeServices(services);
    }
  });

  it.each([
    ['a foreign file', () => Buffer.from('{"modules": []}\n')],
    ['a damaged file', (good: Buffer) => Buffer.concat([good.subarray(0, 1000), Buffer.alloc(64)])],
    ['a file of a newer format', (good: Buffer) => Buffer.concat([good.subarray(0, 8), Buffer.from([99, 0, 0, 0]), good.subarray(12)])],
  ])('rebuilds %s, with a note in the log and nothing to tell the user', async (_what, damage: (good: Buffer) => Buffer) => {
    const dir = await folderWithIndex();
    const path = join(dir, SEARCH_INDEX_FILE);
    await writeFile(path, damage(await readFile(path)));

    const { services, log, handlers } = await open(dir);
    try {
      expect(services.searchIndex.persisted).toBe(false);
      expect(log).toEqual([expect.stringMatching(/^note: the search index is not used, .*; it is rebuilt$/)]);
      expect(await handlers['store:status']({ settled: true })).toMatchObject({ healthy: true, problems: [] });
      expect(await answers(services)).toEqual(await freshAnswers(services));
      await services.searchIndex.flush();
      expect(decodeIndex(await readFile(path)).entries).toHaveLength(services.store.read('library').modules.length);
    } finally {
      closeServices(services);
    }
  });

  it('removes what a write cut short by a crash left beside it, and reads the index that was there', async () => {
    const dir = await folderWithIndex();
    const leftover = join(dir, `${SEARCH_INDEX_FILE}.tmp-1234-abcdef`);
    await writeFile(leftover, 'half of a new index');

    const { services } = await open(dir);
    try {
      expect(services.searchIndex.persisted).toBe(true);
      await expect(stat(leftover)).rejects.toThrow(/ENOENT/);
    } finally {
      closeServices(services);
    }
  });

  it('writes itself back a moment after a save, without being asked', async () => {
    const dir = await tempDir();
    const { services, handlers } = await open(dir);
    try {
      await services.library.search({ text: 'police' });
      const ethics = services.library.find('ethics-integrity');
      await handlers['library:save']({ module: { ...ethics, title: 'Ethics, saved' }, baseRevision: ethics.revision, bump: true });
      await vi.waitFor(async () => {
        expect((await indexedTitles(dir)).get('ethics-integrity')).toBe('Ethics, saved');
      }, { timeout: 20_000, interval: 200 });
    } finally {
      closeServices(services);
    }
  });

  it('reads again at start a module written just before the index, whose stamp cannot be trusted', async () => {
    // Files written a moment ago: a change in the same clock tick might leave their size and time as they are.
    const dir = await folderWithIndex();
    const file = join(dir, MODULES_DIR, 'ethics-integrity.json');
    expect((await stampOf(dir, 'ethics-integrity'))?.racy).toBe(true);

    const { log, services } = await open(dir);
    closeServices(services);
    expect(log).toEqual([expect.stringMatching(/0 module files added, \d+ changed/)]);
    const past = new Date(Date.now() - 3_600_000);
    await utimes(file, past, past);
    expect((await stampOf(dir, 'ethics-integrity'))?.racy).toBe(false);
  });

  it('keeps user text that names Object.prototype members as plain data, through a save and a reload', async () => {
    const dir = await tempDir();
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    let { services } = await open(dir);
    const source = services.library.find('ethics-integrity');
    const odd: Module = {
      ...source,
      id: 'constructor',
      title: 'toString valueOf hasOwnProperty',
      provenance: { author: 'A', sourcePack: { packId: 'p', publisher: '__proto__', revision: 1, importedAt: '2026-11-01T00:00:00.000Z' } },
    };
    await services.library.save({ module: odd, baseRevision: null, bump: false });
    await persist(services);
    closeServices(services);

    ({ services } = await open(dir));
    try {
      expect(services.searchIndex.persisted).toBe(true);
      const found = await services.library.search({ text: 'hasownproperty' });
      expect(found.modules.map((m) => m.id)).toEqual(['constructor']);
      expect(Object.hasOwn(found.facets.sources, '__proto__')).toBe(true);
      expect(found.facets.sources['__proto__']).toBe(1);
      expect((await services.library.search({ sources: ['__proto__'] })).modules.map((m) => m.id)).toEqual(['constructor']);
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    } finally {
      closeServices(services);
    }
  });
});

describe('a library read in the background', () => {
  it('answers the list from the index at once while other calls wait until the library is read', async () => {
    const dir = await folderWithIndex();

    const { services, handlers } = await open(dir);
    try {
      expect(services.store.status().loading).toEqual(['library']);
      expect(() => services.store.read('library')).toThrow(/still loading/);
      const list = await handlers['library:list']({ text: 'police' });
      expect(list.modules.length).toBeGreaterThan(10);
      const placeholders = await handlers['library:placeholders'](undefined);
      expect(placeholders.length).toBeGreaterThan(0);
      expect(services.store.status().loading).toBeUndefined();
    } finally {
      closeServices(services);
    }
  });

  it('opens a module from its own file while the library is read, with the detail it has once read', async () => {
    const dir = await folderWithIndex();
    const { services, handlers } = await open(dir);
    // A course that uses modules, so that a module's usage has something to list.
    const course = services.store.read('curricula').curricula[0];
    try {
      // Nothing reads the library unless asked: every detail below comes from single files.
      services.libraryLoading.close();
      const ids = (await handlers['library:list']({ sort: 'title' })).modules.map((m) => m.id);
      expect(ids.length).toBeGreaterThan(15);
      const early = [];
      for (const id of ids) early.push(await handlers['library:get']({ id }));
      const missing = await dispatch(handlers, 'library:get', { id: 'no-such-module' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
      expect(services.store.status().loading).toEqual(['library']);

      await services.store.loaded('library');
      expect(early).toEqual(ids.map((id) => services.library.get(id)));
      // What the comparison covers: usage by a course, prerequisites both ways, translations, linked modules.
      expect(early.some((d) => d.usage.curricula.some((c) => c.id === course?.id))).toBe(true);
      expect(early.some((d) => d.usage.prerequisiteOf.length > 0)).toBe(true);
      expect(early.some((d) => d.translations.length > 0)).toBe(true);
      expect(early.some((d) => d.linkedModules.length > 0)).toBe(true);
    } finally {
      closeServices(services);
    }
  });

  it('opens a course while the library is read, with the checks and coverage it has once read', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    const course = first.services.store.read('curricula').curricula[0];
    const item = course?.items.find((i) => i.kind === 'module');
    if (!course || item?.kind !== 'module') throw new Error('no sample course with a module');
    // A new revision of one of its modules: the checks then say an update is available.
    const module = first.services.library.find(item.moduleId);
    await first.services.library.save({ module: { ...module, title: `${module.title} (revised)` }, baseRevision: module.revision, bump: true });
    await persist(first.services);
    closeServices(first.services);

    const { services, handlers } = await open(dir);
    try {
      services.libraryLoading.close();
      const early = await handlers['curriculum:get']({ id: course.id });
      const references = await handlers['library:references'](undefined);
      expect(services.store.status().loading).toEqual(['library']);
      expect(early.checks.map((c) => c.code)).toContain('update-available');

      await services.store.loaded('library');
      expect(early).toEqual(services.curricula.get(course.id));
      expect(references).toEqual(services.library.references());
    } finally {
      closeServices(services);
    }
  });

  it('reports a damaged module file when the module is opened while the library is read', async () => {
    const dir = await folderWithIndex();
    const file = join(dir, MODULES_DIR, 'ethics-integrity.json');
    const stamp = await stat(file);
    // Damaged without changing size or time: the index still trusts the file, the module's own reading does not.
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"title":', '"titel":'));
    await utimes(file, stamp.atime, stamp.mtime);

    const { services, handlers } = await open(dir);
    try {
      services.libraryLoading.close();
      const result = await dispatch(handlers, 'library:get', { id: 'ethics-integrity' });
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.error.message).toContain('library/modules/ethics-integrity.json');
    } finally {
      closeServices(services);
    }
  });

  it('trusts a module file only while its stamp matches: one of another size is read again', async () => {
    const dir = await tempDir();
    const first = await open(dir);
    await ageModuleFiles(dir);
    await persist(first.services);
    closeServices(first.services);
    const path = join(dir, SEARCH_INDEX_FILE);
    const persisted = decodeIndex(await readFile(path));
    await writeFile(path, encodeIndex({ ...persisted, entries: persisted.entries.map((e) => (e.summary.id === 'ethics-integrity' ? { ...e, file: { ...e.file, size: 1 } } : e)) }));
    const { services, log } = await open(dir);
    try {
      expect(log).toEqual([expect.stringMatching(/0 module files added, 1 changed .* 0 removed/)]);
    } finally {
      closeServices(services);
    }
  });
});

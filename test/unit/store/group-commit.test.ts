import { afterEach, describe, expect, it, vi } from 'vitest';
import { CurriculaFiles } from '../../../electron/services/store/curricula-files';
import type { FilePlan } from '../../../electron/services/store/document-files';
import { LibraryFiles } from '../../../electron/services/store/library-files';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import { openTestStore } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';
import { curriculum } from '../curriculum/sample';

/** The library's first module with another title: a change a save must carry to disk. */
const retitle = (title: string) => (library: { modules: readonly Module[] }) => library.modules.map((m, i) => (i === 0 ? { ...m, title } : m));

describe('group commit: saves waiting in the queue are written together', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('many saves of one document at once are one write, and every one of them is on disk', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const writes = vi.spyOn(LibraryFiles.prototype, 'write');
    try {
      const titles = Array.from({ length: 30 }, (_, i) => `Title ${i}`);
      const saved = await Promise.all(titles.map((title) => store.update('library', (library) => ({ ...library, modules: retitle(title)(library) }))));
      expect(saved.map((library) => library.modules[0]?.title)).toEqual(titles);
      // Thirty changes, one after the other in memory; one write of the newest data.
      expect(writes).toHaveBeenCalledTimes(1);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    try {
      expect(reopened.read('library').modules[0]?.title).toBe('Title 29');
    } finally {
      reopened.close();
    }
  });

  it('a save never takes along a change made after a transaction queued behind it', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const written: string[] = [];
    const write = LibraryFiles.prototype.write;
    vi.spyOn(LibraryFiles.prototype, 'write').mockImplementation(function (this: LibraryFiles, data) {
      written.push(data.modules[0]?.title ?? '');
      return write.call(this, data);
    });
    try {
      const first = store.update('library', (library) => ({ ...library, modules: retitle('before the transaction')(library) }));
      const transaction = store.transaction({ library: (library) => ({ ...library, modules: retitle('the transaction')(library) }) });
      const after = store.update('library', (library) => ({ ...library, modules: retitle('after the transaction')(library) }));
      await Promise.all([first, transaction, after]);
      // The first save wrote only its own change; the transaction's went through its journal, then the last save.
      expect(written).toEqual(['before the transaction', 'after the transaction']);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    try {
      expect(reopened.read('library').modules[0]?.title).toBe('after the transaction');
    } finally {
      reopened.close();
    }
  });

  it('a failed group write puts memory back to what the files hold and tells everyone who joined it', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const before = store.read('library');
    vi.spyOn(LibraryFiles.prototype, 'write').mockRejectedValue(new Error('ENOSPC: no space left on device'));
    try {
      const results = await Promise.allSettled(['a', 'b', 'c'].map((title) => store.update('library', (library) => ({ ...library, modules: retitle(title)(library) }))));
      expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
      expect(String((results[2] as PromiseRejectedResult).reason)).toContain('no space left on device');
      expect(store.read('library')).toBe(before);
    } finally {
      store.close();
    }
  });
});

describe('group commit of courses', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const course = (id: string, snapshot: Module): Curriculum =>
    curriculum([{ kind: 'module', id: snapshot.id, moduleId: snapshot.id, revision: snapshot.revision, snapshot, lessons: [] }], { id, title: id });

  it('writes courses saved together each on its own, their new snapshots first, and the journal only for what belongs together', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    const plans: FilePlan[] = [];
    const plan = CurriculaFiles.prototype.plan;
    vi.spyOn(CurriculaFiles.prototype, 'plan').mockImplementation(function (this: CurriculaFiles, data) {
      const made = plan.call(this, data);
      plans.push(made);
      return made;
    });
    const [module] = store.read('library').modules;
    if (!module) throw new Error('no module');
    const add = (c: Curriculum) => store.update('curricula', (data) => ({ ...data, curricula: [...data.curricula.filter((x) => x.id !== c.id), c] }));
    try {
      const folders = (plan: FilePlan | undefined) => plan?.stages?.map((stage) => stage.map((w) => w.path.split('/')[0]));
      await add(course('first', module));
      expect(folders(plans.at(-1))).toEqual([['snapshots'], ['curricula']]);
      const revised = { ...module, revision: module.revision + 1, title: 'Revised' };
      await Promise.all(['course-a', 'course-b', 'course-c'].map((id) => add(course(id, revised))));
      const joined = plans.at(-1);
      expect(plans).toHaveLength(2);
      expect(folders(joined)).toEqual([['snapshots'], ['curricula', 'curricula', 'curricula']]);
      expect(joined?.stages?.flat()).toEqual(joined?.writes);
      // Archiving changes the index, which goes with the courses it names: all or nothing, through the journal.
      await store.update('curricula', (data) => ({ ...data, archived: ['course-a'] }));
      expect(plans.at(-1)?.stages).toBeUndefined();
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    try {
      expect(reopened.read('curricula').curricula.map((c) => [c.id, c.items[0]?.kind === 'module' ? c.items[0].snapshot.title : ''])).toEqual([
        ['course-a', 'Revised'],
        ['course-b', 'Revised'],
        ['course-c', 'Revised'],
        ['first', module.title],
      ]);
      expect(reopened.read('curricula').archived).toEqual(['course-a']);
    } finally {
      reopened.close();
    }
  });
});

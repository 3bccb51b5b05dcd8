import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitFiles, JOURNAL_FILE, recoverJournal } from '../../../electron/services/store/journal';
import { openTestStore } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A folder as a crash would leave it: targets with old content, staged files, and optionally the journal. */
async function interrupted(withJournal: boolean, stagedText = { 'a.json': 'new a', 'sub/b.json': 'new b' }): Promise<string> {
  const dir = await tempDir();
  await mkdir(join(dir, 'sub'));
  await writeFile(join(dir, 'a.json'), 'old a');
  await writeFile(join(dir, 'sub/b.json'), 'old b');
  const id = '0123456789abcdef';
  for (const [path, text] of Object.entries(stagedText)) await writeFile(join(dir, `${path}.txn-${id}`), text);
  if (withJournal) {
    const entries = [
      { target: 'a.json', staged: `a.json.txn-${id}`, bytes: 5, sha256: sha('new a') },
      { target: 'sub/b.json', staged: `sub/b.json.txn-${id}`, bytes: 5, sha256: sha('new b') },
    ];
    await writeFile(join(dir, JOURNAL_FILE), JSON.stringify({ format: 'curriculum-composer-journal', version: 1, id, entries }));
  }
  return dir;
}

const contents = async (dir: string) => [await readFile(join(dir, 'a.json'), 'utf8'), await readFile(join(dir, 'sub/b.json'), 'utf8')];

describe('the transaction journal', () => {
  it('replaces and creates files, in subfolders too, leaving no staged file or journal', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.json'), 'old a');
    await commitFiles(dir, [
      { path: 'a.json', bytes: 'new a' },
      { path: 'sub/deeper/c.json', bytes: Buffer.from('new c') },
    ]);
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new a');
    expect(await readFile(join(dir, 'sub/deeper/c.json'), 'utf8')).toBe('new c');
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'sub']);
  });

  it('refuses paths outside the folder, odd paths and a file written twice, writing nothing', async () => {
    const dir = await tempDir();
    const before = await snapshotDir(dir);
    for (const path of ['../x.json', '/tmp/x.json', 'a/../b.json', './a.json', 'a//b.json', 'a\\b.json', 'a.json.txn-1']) {
      await expect(commitFiles(dir, [{ path, bytes: 'x' }]), path).rejects.toThrow(/not a path inside the data folder/);
    }
    await expect(
      commitFiles(dir, [
        { path: 'a.json', bytes: '1' },
        { path: 'a.json', bytes: '2' },
      ]),
    ).rejects.toThrow('"a.json" is written twice in one transaction');
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('leaves every target untouched when staging fails, and removes what it staged', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'a.json'), 'old a');
    await writeFile(join(dir, 'blocker'), 'a file where a folder is needed');
    const before = await snapshotDir(dir);
    await expect(
      commitFiles(dir, [
        { path: 'a.json', bytes: 'new a' },
        { path: 'blocker/b.json', bytes: 'new b' },
      ]),
    ).rejects.toThrow();
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('removes every staged file when staging fails while other files are still being staged', async () => {
    // The first file fails at once (no folder can be made under a file); the others are still being written.
    // The cleanup must wait for them: a staged file written after it would be left behind (found once in a full run).
    const dir = await tempDir();
    await writeFile(join(dir, 'blocker'), 'a file where a folder is needed');
    const before = await snapshotDir(dir);
    const large = 'x'.repeat(4 * 1024 * 1024);
    await expect(
      commitFiles(dir, [{ path: 'blocker/b.json', bytes: 'new b' }, ...Array.from({ length: 7 }, (_, i) => ({ path: `c${String(i)}.json`, bytes: large }))]),
    ).rejects.toThrow();
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('undoes a transaction that a crash stopped before its journal: staged files go, targets stay old', async () => {
    const dir = await interrupted(false);
    expect(await recoverJournal(dir)).toEqual({ action: 'rolled-back', removed: [join(dir, 'a.json.txn-0123456789abcdef'), join(dir, 'sub/b.json.txn-0123456789abcdef')] });
    expect(await contents(dir)).toEqual(['old a', 'old b']);
    expect(await recoverJournal(dir)).toEqual({ action: 'none' });
  });

  it('finishes a journalled transaction, including renames already done before the crash', async () => {
    const dir = await interrupted(true);
    // The first rename happened before the crash.
    const { rename } = await import('node:fs/promises');
    await rename(join(dir, 'a.json.txn-0123456789abcdef'), join(dir, 'a.json'));
    expect(await recoverJournal(dir)).toEqual({ action: 'rolled-forward', files: ['a.json', 'sub/b.json'] });
    expect(await contents(dir)).toEqual(['new a', 'new b']);
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'sub']);
  });

  it('removes files in the same transaction, and finishes the removals of a journal a crash interrupted', async () => {
    const dir = await tempDir();
    await mkdir(join(dir, 'sub'));
    await writeFile(join(dir, 'a.json'), 'old a');
    await writeFile(join(dir, 'sub/gone.json'), 'deleted module');
    await commitFiles(dir, [{ path: 'a.json', bytes: 'new a' }], {}, ['sub/gone.json']);
    expect(await readdir(join(dir, 'sub'))).toEqual([]);
    expect(await readFile(join(dir, 'a.json'), 'utf8')).toBe('new a');
    await expect(commitFiles(dir, [{ path: 'a.json', bytes: 'x' }], {}, ['../outside.json'])).rejects.toThrow(/not a path inside the data folder/);
    await expect(commitFiles(dir, [{ path: 'a.json', bytes: 'x' }], {}, ['a.json'])).rejects.toThrow(/twice/);

    // A crash after the journal, before the removal: reopening removes the file.
    const crashed = await interrupted(false);
    const id = '0123456789abcdef';
    await writeFile(join(crashed, 'sub/gone.json'), 'deleted module');
    const entries = [
      { target: 'a.json', staged: `a.json.txn-${id}`, bytes: 5, sha256: sha('new a') },
      { target: 'sub/b.json', staged: `sub/b.json.txn-${id}`, bytes: 5, sha256: sha('new b') },
    ];
    await writeFile(join(crashed, JOURNAL_FILE), JSON.stringify({ format: 'curriculum-composer-journal', version: 1, id, entries, removals: ['sub/gone.json'] }));
    expect(await recoverJournal(crashed)).toEqual({ action: 'rolled-forward', files: ['a.json', 'sub/b.json', 'sub/gone.json'] });
    expect((await readdir(join(crashed, 'sub'))).sort()).toEqual(['b.json']);
  });

  it('rolls back, and says so, a journal whose staged file was damaged from outside', async () => {
    const dir = await interrupted(true, { 'a.json': 'new a', 'sub/b.json': 'new B' });
    const outcome = await recoverJournal(dir);
    expect(outcome).toMatchObject({ action: 'rolled-back', problem: `The transaction journal ${JOURNAL_FILE} names files that are missing or damaged; it could not be completed and was undone.` });
    expect(await contents(dir)).toEqual(['old a', 'old b']);
    expect((await readdir(dir)).sort()).toEqual(['a.json', 'sub']);
  });

  it('never renames files a tampered journal names outside its own staged files', async () => {
    const dir = await interrupted(true);
    const journal = JSON.parse(await readFile(join(dir, JOURNAL_FILE), 'utf8')) as { entries: { staged: string }[] };
    journal.entries[0]!.staged = 'sub/b.json.txn-0123456789abcdef';
    await writeFile(join(dir, JOURNAL_FILE), JSON.stringify(journal));
    expect(await recoverJournal(dir)).toMatchObject({ action: 'rolled-back', problem: expect.stringMatching(/cannot be read/) as string });
    expect(await contents(dir)).toEqual(['old a', 'old b']);
  });
});

describe('Store.transaction', () => {
  it('saves several documents together and keeps rolling backups of each', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    try {
      await store.transaction({
        library: (library) => ({ ...library, references: library.references.slice(1) }),
        curricula: (curricula) => ({ ...curricula, archived: ['some-course'] }),
      });
      expect(store.read('curricula').archived).toEqual(['some-course']);
      // Each changed file keeps its previous version: here the two index files.
      expect((await readdir(join(dir, 'backups', 'library'))).some((n) => n.startsWith('_index.'))).toBe(true);
      expect((await readdir(join(dir, 'backups', 'curricula'))).some((n) => n.startsWith('_index.'))).toBe(true);
    } finally {
      store.close();
    }
    const reopened = await openTestStore(dir);
    expect(reopened.read('curricula').archived).toEqual(['some-course']);
    reopened.close();
  });

  it('writes nothing and changes nothing in memory when one of the changes is invalid', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    try {
      const before = await snapshotDir(dir);
      const library = store.read('library');
      await expect(
        store.transaction({
          library: (l) => ({ ...l, references: [] }),
          curricula: (c) => ({ ...c, archived: ['Not An Id'] }),
        }),
      ).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(/^Invalid curricula data at archived\.0/) as string });
      expect(store.read('library')).toBe(library);
      expect(await snapshotDir(dir)).toEqual(before);
    } finally {
      store.close();
    }
  });
});

import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeText, HISTORY_INDEX_NAME, HistoryIndex, historyOf } from '../../../electron/services/sync/history-index';
import { LocalRepo } from '../../../electron/services/sync/repo';
import { tempDir } from '../../helpers/temp-dir';

const PATHS = ['library/modules/arrest.json', 'library/modules/patrol.json', 'library/modules/con_.json', 'curricula/basic.json', 'library/references.json', 'snapshots/arrest/r1-0123456789abcdef.json'];
const TRACKED = PATHS.slice(0, 4);

type Entry = { commit: string; blob: string | null; change: string; title: string | null; revision: number | null; author: string; date: number; message: string };

/**
 * The history as the service read it before the index: a walk of the repository from `start`, newest commit
 * first, reading the file's blob in each commit and its parents. The index must give exactly this.
 */
async function walkFromGit(repo: LocalRepo, start: string, path: string, limit: number): Promise<Entry[]> {
  const found: Entry[] = [];
  const seen = new Set<string>([start]);
  const queue: { oid: string; time: number }[] = [{ oid: start, time: Number.MAX_SAFE_INTEGER }];
  while (queue.length > 0 && found.length < limit) {
    queue.sort((a, b) => b.time - a.time);
    const { oid } = queue.shift() as { oid: string };
    const commit = await repo.readCommit(oid);
    const blob = await repo.blobAt(oid, path);
    const parentBlobs = await Promise.all(commit.parent.map((p) => repo.blobAt(p, path)));
    const changed = commit.parent.length === 0 ? blob !== null : parentBlobs.every((b) => b !== blob);
    if (changed) {
      const described = blob ? describeText(Buffer.from(await repo.readBlob(blob)).toString('utf8'), path) : { title: null, revision: null };
      found.push({
        commit: oid,
        blob,
        change: blob === null ? 'deleted' : parentBlobs.some((b) => b !== null) ? 'changed' : 'added',
        ...described,
        author: commit.author.name,
        date: commit.author.timestamp,
        message: commit.message.trim(),
      });
    }
    for (const parent of commit.parent) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      queue.push({ oid: parent, time: (await repo.readCommit(parent)).committer.timestamp });
    }
  }
  return found;
}

async function fromIndex(repo: LocalRepo, index: HistoryIndex, start: string, path: string, limit: number): Promise<Entry[]> {
  const records = await index.ensure(repo, [start]);
  return historyOf(records, start, path, limit).map(({ record, change: [, blob, change, title, revision] }) => ({
    commit: record.c,
    blob,
    change,
    title,
    revision,
    author: record.a.name,
    date: record.a.at,
    message: record.m,
  }));
}

/** One step of a random history: edit files on a branch, rename one, or merge the other branch into it. */
type Step =
  | { kind: 'edit'; branch: number; files: { path: number; content: number | null }[]; dt: number }
  | { kind: 'rename'; branch: number; from: number; to: number; dt: number }
  | { kind: 'merge'; branch: number; pick: number[]; dt: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), branch: fc.nat(1), files: fc.array(fc.record({ path: fc.nat(PATHS.length - 1), content: fc.option(fc.nat(3)) }), { minLength: 1, maxLength: 3 }), dt: fc.nat(3) }),
  fc.record({ kind: fc.constant('rename' as const), branch: fc.nat(1), from: fc.nat(3), to: fc.nat(3), dt: fc.nat(3) }),
  fc.record({ kind: fc.constant('merge' as const), branch: fc.nat(1), pick: fc.array(fc.nat(2), { minLength: PATHS.length, maxLength: PATHS.length }), dt: fc.nat(3) }),
);

/** Builds the steps' commits in a fresh repository; returns it and every commit made. */
async function build(steps: Step[]): Promise<{ repo: LocalRepo; commits: string[]; dir: string }> {
  const dir = await tempDir('cc-history-index-');
  const repo = await LocalRepo.open(join(dir, 'sync', 'repo.git'));
  const text = (path: string, content: number) => JSON.stringify({ title: `${path} v${String(content)}`, revision: content + 1 });
  const trees: Map<string, string>[] = [new Map<string, string>(), new Map<string, string>()];
  const heads: (string | null)[] = [null, null];
  const commits: string[] = [];
  let time = 1_700_000_000;
  const commit = async (branch: number, parents: string[], message: string) => {
    const oid = await repo.writeCommit({ tree: await repo.writeTree(trees[branch] as Map<string, string>), parents, message, author: { name: `Designer ${String(branch)}`, email: 'd@academy.example' }, date: new Date(time * 1000) });
    heads[branch] = oid;
    commits.push(oid);
  };
  for (const step of steps) {
    time += step.dt;
    const tree = trees[step.branch] as Map<string, string>;
    const head = heads[step.branch] ?? null;
    if (step.kind === 'edit') {
      for (const { path, content } of step.files) {
        const name = PATHS[path] as string;
        if (content === null) tree.delete(name);
        else tree.set(name, await repo.writeBlob(Buffer.from(text(name, content))));
      }
      await commit(step.branch, head ? [head] : [], 'Edited');
    } else if (step.kind === 'rename') {
      const [from, to] = [TRACKED[step.from] as string, TRACKED[step.to] as string];
      const oid = tree.get(from);
      if (oid === undefined || from === to) continue;
      tree.delete(from);
      tree.set(to, oid);
      await commit(step.branch, head ? [head] : [], 'Renamed');
    } else {
      const other = heads[1 - step.branch] ?? null;
      if (!head || !other || head === other) continue;
      const theirs = trees[1 - step.branch] as Map<string, string>;
      // Each file: mine, theirs, or a third version (a merge that changed it).
      for (const [i, path] of PATHS.entries()) {
        const pick = step.pick[i] ?? 0;
        if (pick === 1) {
          const oid = theirs.get(path);
          if (oid === undefined) tree.delete(path);
          else tree.set(path, oid);
        } else if (pick === 2) tree.set(path, await repo.writeBlob(Buffer.from(text(path, 9))));
      }
      await commit(step.branch, [head, other], 'Merged');
      trees[1 - step.branch] = new Map(tree);
      heads[1 - step.branch] = heads[step.branch] ?? null;
    }
  }
  return { repo, commits, dir };
}

describe('the history index', () => {
  it('gives exactly what a walk of the repository gives, for any history of edits, deletes, renames and merges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 24 }), fc.integer({ min: 1, max: 30 }), async (steps, limit) => {
        const { repo, commits } = await build(steps);
        const index = HistoryIndex.of(repo);
        for (const start of commits.slice(-3)) {
          for (const path of TRACKED) {
            expect(await fromIndex(repo, index, start, path, limit)).toEqual(await walkFromGit(repo, start, path, limit));
          }
        }
        // A second process opening the same file reads what the first appended.
        const other = new HistoryIndex(index.file);
        const head = commits.at(-1);
        if (head) expect(await fromIndex(repo, other, head, TRACKED[0] as string, 100)).toEqual(await walkFromGit(repo, head, TRACKED[0] as string, 100));
        LocalRepo.forget(repo.gitdir);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('is rebuilt from git when its file is missing, damaged or cut off, and never fails the history', async () => {
    const steps: Step[] = [
      { kind: 'edit', branch: 0, files: [{ path: 0, content: 0 }, { path: 1, content: 0 }], dt: 1 },
      { kind: 'edit', branch: 1, files: [{ path: 0, content: 1 }], dt: 1 },
      { kind: 'merge', branch: 0, pick: [1, 0, 0, 0, 0, 0], dt: 1 },
      { kind: 'edit', branch: 0, files: [{ path: 0, content: 2 }, { path: 1, content: null }], dt: 1 },
    ];
    const { repo, commits, dir } = await build(steps);
    const head = commits.at(-1) as string;
    const path = TRACKED[0] as string;
    const expected = await walkFromGit(repo, head, path, 100);
    expect(expected.map((e) => [e.change, e.message])).toEqual([['changed', 'Edited'], ['added', 'Edited'], ['added', 'Edited']]);
    const file = join(dir, 'sync', HISTORY_INDEX_NAME);
    expect(await fromIndex(repo, new HistoryIndex(file), head, path, 100)).toEqual(expected);
    const good = await readFile(file, 'utf8');

    const damages: [string, () => Promise<void>][] = [
      ['garbage in a line', () => writeFile(file, good.replace('"ch":', '"ch":x'))],
      ['a record of the wrong shape', () => writeFile(file, good.replace(/"t":\d+/, '"t":"soon"'))],
      ['another format', () => writeFile(file, good.replace('historyIndex', 'somethingElse'))],
      ['an empty file', () => writeFile(file, '')],
      ['a line cut off by a kill', () => appendFile(file, '{"c":"' + 'a'.repeat(40) + '","p":[')],
      ['a record lost', () => writeFile(file, good.split('\n').filter((_, i) => i !== 2).join('\n'))],
    ];
    for (const [name, damage] of damages) {
      await writeFile(file, good);
      await damage();
      const fresh = new HistoryIndex(file);
      expect(await fromIndex(repo, fresh, head, path, 100), name).toEqual(expected);
      // Rebuilt (or completed) on disk: a third reader finds every commit there.
      const lines = (await readFile(file, 'utf8')).split('\n').filter(Boolean);
      expect(new Set(lines.slice(1).map((l) => (JSON.parse(l) as { c: string }).c)), name).toEqual(new Set(commits));
    }
  });
});

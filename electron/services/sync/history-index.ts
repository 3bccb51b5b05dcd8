/**
 * A cache of what each commit of the sync repository did to the module and course files, so a history is
 * read without walking commits and trees: `<data>/sync/history-index.ndjson`, one line per commit (its
 * parents, author, date, message, and each module or course file it added, changed or deleted, with the
 * title and revision that file held). Lines are appended as the sync makes or fetches commits; a commit
 * the file lacks is indexed from git when it is first needed. Git stays the truth: a missing, unreadable
 * or damaged file is rebuilt from the repository, never shown to the user as an error.
 */
import { appendFile, mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import type { TreeEntry } from 'isomorphic-git';
import { writeFileAtomic } from '../store/atomic-file';
import { CURRICULA_DIR, MODULES_DIR } from '../store/layout';
import type { LocalRepo } from './repo';

export const HISTORY_INDEX_NAME = 'history-index.ndjson';
const HEADER = JSON.stringify({ historyIndex: 1 });

const ChangeSchema = z.tuple([
  z.string(), // path
  z.string().regex(/^[0-9a-f]{40}$/).nullable(), // blob, null when deleted
  z.enum(['added', 'changed', 'deleted']),
  z.string().nullable(), // title
  z.number().int().nullable(), // revision (modules)
]);
const RecordSchema = z.object({
  c: z.string().regex(/^[0-9a-f]{40}$/),
  p: z.array(z.string().regex(/^[0-9a-f]{40}$/)),
  /** Committer time (seconds): the order a history is walked in. */
  t: z.number().int(),
  a: z.object({ name: z.string(), email: z.string(), at: z.number().int() }),
  m: z.string(),
  ch: z.array(ChangeSchema),
});
export type CommitRecord = z.infer<typeof RecordSchema>;
export type FileChange = z.infer<typeof ChangeSchema>;

/** What a file of a commit says of itself, for the history list: read once, when the commit is indexed. */
export type Describe = (blob: string, path: string) => Promise<{ title: string | null; revision: number | null }>;

/** Files whose history is kept: one module or one course each (not snapshots, not the reference list). */
const TRACKED_FOLDERS = new Set(['library', MODULES_DIR, CURRICULA_DIR]);
const isTracked = (path: string): boolean => {
  const slash = path.lastIndexOf('/');
  return slash > 0 && (path.slice(0, slash) === MODULES_DIR || path.slice(0, slash) === CURRICULA_DIR);
};

/** Title and revision read from a file's JSON, or nulls (a file that is not JSON still has a history). */
export function describeText(text: string, path: string): { title: string | null; revision: number | null } {
  try {
    const data = JSON.parse(text) as { title?: unknown; revision?: unknown };
    const revision = path.startsWith(`${MODULES_DIR}/`) && Number.isInteger(data.revision) ? (data.revision as number) : null;
    return { title: typeof data.title === 'string' ? data.title : null, revision };
  } catch {
    return { title: null, revision: null };
  }
}

/** Tracked files that differ between two trees (either may be absent): path → [blob in `a`, blob in `b`]. */
async function diffTrees(repo: LocalRepo, a: string | null, b: string | null, folder: string, into: Map<string, [string | null, string | null]>): Promise<void> {
  if (a === b) return;
  const entries = async (oid: string | null): Promise<Map<string, TreeEntry>> => new Map(oid ? (await repo.readTreeEntries(oid)).map((e) => [e.path, e]) : []);
  const [left, right] = [await entries(a), await entries(b)];
  for (const name of new Set([...left.keys(), ...right.keys()])) {
    const [l, r] = [left.get(name), right.get(name)];
    if (l?.oid === r?.oid && l?.type === r?.type) continue;
    const path = folder ? `${folder}/${name}` : name;
    if (TRACKED_FOLDERS.has(path)) {
      await diffTrees(repo, l?.type === 'tree' ? l.oid : null, r?.type === 'tree' ? r.oid : null, path, into);
    } else if (isTracked(path)) {
      const [lb, rb] = [l?.type === 'blob' ? l.oid : null, r?.type === 'blob' ? r.oid : null];
      if (lb !== rb) into.set(path, [lb, rb]);
    }
  }
}

/**
 * The tracked files a commit changed, as `git log -- path` counts them: unlike its only parent, or (a merge)
 * unlike every parent; a merge that took one side's version of a file did not change it.
 */
export async function recordOf(repo: LocalRepo, oid: string, describe: Describe): Promise<CommitRecord> {
  const commit = await repo.readCommit(oid);
  const parents = await Promise.all(commit.parent.map(async (p) => (await repo.readCommit(p)).tree));
  const diffs: Map<string, [string | null, string | null]>[] = [];
  for (const parentTree of parents.length > 0 ? parents : [null]) {
    const diff = new Map<string, [string | null, string | null]>();
    await diffTrees(repo, commit.tree, parentTree, '', diff);
    diffs.push(diff);
  }
  const [first, ...others] = diffs;
  const changes: FileChange[] = [];
  for (const [path, [blob, parentBlob]] of first ?? new Map<string, [string | null, string | null]>()) {
    if (!others.every((d) => d.has(path))) continue;
    const parentBlobs = [parentBlob, ...others.map((d) => (d.get(path) as [string | null, string | null])[1])];
    const change = blob === null ? 'deleted' : parents.length > 0 && parentBlobs.some((b) => b !== null) ? 'changed' : 'added';
    const { title, revision } = blob ? await describe(blob, path) : { title: null, revision: null };
    changes.push([path, blob, change, title, revision]);
  }
  changes.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0));
  return {
    c: oid,
    p: commit.parent,
    t: commit.committer.timestamp,
    a: { name: commit.author.name, email: commit.author.email, at: commit.author.timestamp },
    m: commit.message.trim(),
    ch: changes,
  };
}

/** A history entry found in the index: the commit and what it did to the file. */
export type IndexedChange = { record: CommitRecord; change: FileChange };

/**
 * The commits that changed `path`, newest first by commit date, at most `limit`: the order and the choice a
 * walk of the repository from `start` makes, over the index instead of the repository.
 */
export function historyOf(records: ReadonlyMap<string, CommitRecord>, start: string, path: string, limit: number): IndexedChange[] {
  const found: IndexedChange[] = [];
  const seen = new Set<string>([start]);
  const queue: { oid: string; time: number }[] = [{ oid: start, time: Number.MAX_SAFE_INTEGER }];
  while (queue.length > 0 && found.length < limit) {
    queue.sort((a, b) => b.time - a.time);
    const { oid } = queue.shift() as { oid: string };
    const record = records.get(oid);
    if (!record) throw new Error(`commit ${oid} is not indexed`);
    const change = record.ch.find((c) => c[0] === path);
    if (change) found.push({ record, change });
    for (const parent of record.p) {
      if (seen.has(parent)) continue;
      seen.add(parent);
      queue.push({ oid: parent, time: (records.get(parent) as CommitRecord).t });
    }
  }
  return found;
}

const OPEN = new WeakMap<LocalRepo, HistoryIndex>();

/** The index of one repository, kept open with the repository (the worker's and the main process's each). */
export class HistoryIndex {
  private readonly records = new Map<string, CommitRecord>();
  /** How much of the file this process has read (the inode and the byte it stopped at); null: read it all again. */
  private read: { ino: number; size: number } | null = null;

  constructor(readonly file: string) {}

  static of(repo: LocalRepo): HistoryIndex {
    let index = OPEN.get(repo);
    if (!index) {
      index = new HistoryIndex(join(dirname(repo.gitdir), HISTORY_INDEX_NAME));
      OPEN.set(repo, index);
    }
    return index;
  }

  /** Reads what was appended since the last read (by this process or another); false when the file must be rebuilt. */
  private async refresh(): Promise<boolean> {
    let info;
    try {
      info = await stat(this.file);
    } catch {
      this.records.clear();
      this.read = null;
      return false;
    }
    if (this.read && this.read.ino === info.ino && this.read.size === info.size) return true;
    const from = this.read && this.read.ino === info.ino && this.read.size < info.size ? this.read.size : 0;
    if (from === 0) this.records.clear();
    const handle = await open(this.file, 'r');
    let text: string;
    try {
      const bytes = Buffer.alloc(info.size - from);
      await handle.read(bytes, 0, bytes.length, from);
      text = bytes.toString('utf8');
    } finally {
      await handle.close();
    }
    // Lines are appended whole, in one write: a line without its end was cut off by a crash.
    if (text.length > 0 && !text.endsWith('\n')) return this.damaged();
    const lines = text.split('\n').slice(0, -1);
    if (from === 0 && lines.shift() !== HEADER) return this.damaged();
    for (const line of lines) {
      let parsed;
      try {
        parsed = RecordSchema.safeParse(JSON.parse(line));
      } catch {
        return this.damaged();
      }
      if (!parsed.success) return this.damaged();
      this.records.set(parsed.data.c, parsed.data);
    }
    this.read = { ino: info.ino, size: info.size };
    return true;
  }

  private damaged(): false {
    this.records.clear();
    this.read = null;
    return false;
  }

  /**
   * Every commit reachable from `heads`, indexed: those the file lacks are read from git and appended (a
   * missing or damaged file is written again whole). Returns the records, for historyOf.
   */
  async ensure(repo: LocalRepo, heads: readonly (string | null)[], describe: Describe = readDescribe(repo)): Promise<ReadonlyMap<string, CommitRecord>> {
    const whole = await this.refresh();
    const added: CommitRecord[] = [];
    const queue = heads.filter((h): h is string => h !== null);
    const seen = new Set<string>(queue);
    while (queue.length > 0) {
      const oid = queue.pop() as string;
      let record = this.records.get(oid);
      if (!record) {
        record = await recordOf(repo, oid, describe);
        this.records.set(oid, record);
        added.push(record);
      }
      for (const parent of record.p) {
        if (seen.has(parent)) continue;
        seen.add(parent);
        queue.push(parent);
      }
    }
    if (!whole) await this.rewrite();
    else if (added.length > 0) await this.append(added.reverse());
    return this.records;
  }

  private async append(records: CommitRecord[]): Promise<void> {
    // The next refresh reads from where this process stopped, these lines included: harmless, a Map keeps one.
    // A cache that cannot be written is read from git again next time.
    await appendFile(this.file, records.map((r) => `${JSON.stringify(r)}\n`).join('')).catch(() => undefined);
  }

  private async rewrite(): Promise<void> {
    const lines = [HEADER, ...[...this.records.values()].map((r) => JSON.stringify(r))];
    try {
      await mkdir(dirname(this.file), { recursive: true });
      await writeFileAtomic(this.file, `${lines.join('\n')}\n`);
      const info = await stat(this.file);
      this.read = { ino: info.ino, size: info.size };
    } catch {
      this.read = null;
    }
  }
}

/** Describes a file by reading its blob from the repository. */
export function readDescribe(repo: LocalRepo): Describe {
  return async (blob, path) => describeText(Buffer.from(await repo.readBlob(blob)).toString('utf8'), path);
}

/**
 * Multi-file transactions for the data folder: several files replaced all or nothing, whatever moment a
 * crash or power cut strikes. A write-ahead journal names the renames that make up the transaction:
 *
 *   1. stage: each new file is written beside its target as `<name>.txn-<id>` and fsynced;
 *   2. commit: the journal `.journal.json` (the staged names, sizes and SHA-256) is written to a temp
 *      file, fsynced and renamed into place; this rename is the moment the transaction happens;
 *   3. apply: each staged file is renamed over its target, and the folders are fsynced;
 *   4. files the transaction deletes are removed (a module deleted, say), and the folders fsynced;
 *   5. the journal is removed.
 *
 * On open, `recoverJournal` finishes or undoes what a crash interrupted: without a journal, staged files
 * are leftovers of a transaction that never happened and are removed (the targets were never touched);
 * with one, every staged file still present is complete (it was fsynced before the journal existed), so the
 * renames are redone (roll forward). Only damage from outside (a staged file altered or missing while its
 * target lacks its content) makes a journalled transaction impossible to finish; it is then rolled back as
 * far as it can be (staged files removed) and reported.
 *
 * Paths are relative to the folder and may name subfolders, so the same journal serves one file per module.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, normalize, sep } from 'node:path';
import { z } from 'zod';
import { fsyncDirectory } from './atomic-file';
import { inSettledBatches } from './settled-batches';

export const JOURNAL_FILE = '.journal.json';
const JOURNAL_FORMAT = 'curriculum-composer-journal';
const STAGED_MARK = '.txn-';
const JOURNAL_TEMP = `${JOURNAL_FILE}.tmp-`;
/** Files staged at the same time; more would only queue in libuv's four threads and the open-file limit. */
const STAGE_PARALLEL = 8;
/** Folders that never take part in a transaction and may hold many files. */
const SKIPPED_FOLDERS = new Set(['backups', 'quarantine']);

export type FileWrite = { path: string; bytes: string | Uint8Array };

/** The points between the steps above, for tests that kill a process at each one. */
export type CommitStep =
  | { step: 'staged'; path: string }
  | { step: 'journal-written' }
  | { step: 'renamed'; path: string }
  | { step: 'synced' }
  | { step: 'journal-removed' };

export type CommitOptions = {
  /** Called after each step; a test may hold the process there (and kill it). */
  onStep?: (step: CommitStep) => void | Promise<void>;
};

const RelativePathSchema = z
  .string()
  .min(1)
  .max(1000)
  .refine((path) => isSafeRelative(path), 'A path inside the data folder');

const JournalSchema = z
  .strictObject({
    format: z.literal(JOURNAL_FORMAT),
    version: z.literal(1),
    id: z.string().regex(/^[0-9a-f]{16}$/),
    entries: z
      .array(
        z.strictObject({
          target: RelativePathSchema,
          staged: z.string().max(1100),
          bytes: z.number().int().min(0),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
        }),
      )
      .max(100_000),
    /** Files the transaction deletes, after the renames; removing an absent file is a no-op, so redoing it is safe. */
    removals: z.array(RelativePathSchema).max(100_000).default([]),
  })
  .refine((journal) => journal.entries.length + journal.removals.length > 0, 'A journal names at least one file')
  // A journal names only its own staged files, so recovery can never rename anything else into place.
  .refine((journal) => journal.entries.every((entry) => entry.staged === stagedName(entry.target, journal.id)), 'Staged names must match their targets');
type Journal = z.infer<typeof JournalSchema>;

/** Raised when a transaction was committed (journalled) but could not be applied in full right away. */
export class JournalPendingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JournalPendingError';
  }
}

const stagedName = (target: string, id: string): string => `${target}${STAGED_MARK}${id}`;

function isSafeRelative(path: string): boolean {
  if (isAbsolute(path) || path.includes('\\') || path.includes('\0')) return false;
  const normal = normalize(path);
  return normal === path.split('/').join(sep) && !normal.split(sep).includes('..') && !path.includes(STAGED_MARK);
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

async function writeSynced(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces every file of `writes` (paths relative to `root`) all or nothing; see the file comment. Throws
 * before the commit point with nothing changed, or JournalPendingError after it when applying failed and
 * could not be finished either: the next `recoverJournal` then completes the transaction.
 */
export async function commitFiles(root: string, writes: readonly FileWrite[], options: CommitOptions = {}, removals: readonly string[] = []): Promise<void> {
  if (writes.length === 0 && removals.length === 0) return;
  const seen = new Set<string>();
  for (const path of [...writes.map((w) => w.path), ...removals]) {
    if (!isSafeRelative(path)) throw new Error(`Cannot write "${path}" in a transaction: not a path inside the data folder`);
    if (seen.has(path)) throw new Error(`"${path}" is written twice in one transaction`);
    seen.add(path);
  }
  if (await exists(join(root, JOURNAL_FILE))) throw new Error('An earlier transaction is still pending in this data folder; reopen it first.');
  const id = randomBytes(8).toString('hex');
  const journal: Journal = { format: JOURNAL_FORMAT, version: 1, id, entries: [], removals: [...removals] };
  const folders = new Set<string>([root]);
  const stage = async (write: FileWrite): Promise<Journal['entries'][number]> => {
    const bytes = typeof write.bytes === 'string' ? Buffer.from(write.bytes, 'utf8') : write.bytes;
    const target = join(root, write.path);
    await mkdir(dirname(target), { recursive: true });
    folders.add(dirname(target));
    const staged = stagedName(write.path, id);
    const entry = { target: write.path, staged, bytes: bytes.length, sha256: sha256(bytes) };
    // Named in the journal before it is written: if staging fails, the cleanup below removes it.
    journal.entries.push(entry);
    await writeSynced(join(root, staged), bytes);
    return entry;
  };
  try {
    if (options.onStep) {
      // One by one, so a test can stop the process after each file.
      for (const write of writes) {
        await stage(write);
        await options.onStep({ step: 'staged', path: write.path });
      }
    } else {
      // Several files at once: their fsyncs overlap instead of queueing (a group commit of many courses).
      // Each batch settled before a failure is thrown: a file still being staged would be written after the cleanup below.
      journal.entries = await inSettledBatches(writes, STAGE_PARALLEL, stage);
    }
    await Promise.all([...folders].map((folder) => fsyncDirectory(folder)));
    const temp = join(root, `${JOURNAL_TEMP}${id}`);
    await writeSynced(temp, Buffer.from(JSON.stringify(journal), 'utf8'));
    await rename(temp, join(root, JOURNAL_FILE));
    await fsyncDirectory(root);
  } catch (error) {
    // Before the commit point: the targets are untouched; what was staged is garbage.
    await Promise.all([...journal.entries.map((e) => rm(join(root, e.staged), { force: true })), rm(join(root, `${JOURNAL_TEMP}${id}`), { force: true })]);
    throw error;
  }
  await options.onStep?.({ step: 'journal-written' });
  try {
    await apply(root, journal, options);
  } catch (error) {
    const outcome = await recoverJournal(root).catch(() => null);
    if (outcome?.action !== 'rolled-forward') {
      throw new JournalPendingError(`The changes were saved but not yet put in place (${(error as Error).message}); they will be completed when the data folder is next opened.`);
    }
  }
}

async function apply(root: string, journal: Journal, options: CommitOptions): Promise<void> {
  const folders = new Set<string>([root]);
  for (const entry of journal.entries) {
    const staged = join(root, entry.staged);
    // Absent: renamed before a crash, when recovery repeats the renames.
    if (await exists(staged)) await rename(staged, join(root, entry.target));
    folders.add(dirname(join(root, entry.target)));
    await options.onStep?.({ step: 'renamed', path: entry.target });
  }
  for (const removal of journal.removals) {
    await rm(join(root, removal), { force: true });
    folders.add(dirname(join(root, removal)));
  }
  await Promise.all([...folders].map((folder) => fsyncDirectory(folder)));
  await options.onStep?.({ step: 'synced' });
  await rm(join(root, JOURNAL_FILE), { force: true });
  await fsyncDirectory(root);
  await options.onStep?.({ step: 'journal-removed' });
}

export type RecoveryOutcome =
  | { action: 'none' }
  /** Staged files without a journal were removed: the interrupted transaction never happened. */
  | { action: 'rolled-back'; removed: string[]; problem?: string }
  /** The journal's renames were completed: the interrupted transaction happened in full. */
  | { action: 'rolled-forward'; files: string[] };

/** Finishes or undoes an interrupted transaction in `root`; call it before reading any file there. */
export async function recoverJournal(root: string): Promise<RecoveryOutcome> {
  const journalPath = join(root, JOURNAL_FILE);
  const leftovers = await stagedLeftovers(root);
  let journal: Journal | null = null;
  let problem: string | undefined;
  if (await exists(journalPath)) {
    const parsed = JournalSchema.safeParse(await readJson(journalPath));
    if (parsed.success) journal = parsed.data;
    else problem = `The transaction journal ${JOURNAL_FILE} cannot be read; its staged files were removed.`;
  }
  if (journal) {
    const complete = await Promise.all(journal.entries.map((entry) => entryComplete(root, entry)));
    if (complete.every(Boolean)) {
      await apply(root, journal, {});
      const staged = new Set(journal.entries.map((e) => join(root, e.staged)));
      for (const path of leftovers) if (!staged.has(path)) await rm(path, { force: true });
      return { action: 'rolled-forward', files: [...journal.entries.map((e) => e.target), ...journal.removals] };
    }
    problem = `The transaction journal ${JOURNAL_FILE} names files that are missing or damaged; it could not be completed and was undone.`;
  }
  for (const path of leftovers) await rm(path, { force: true });
  await rm(journalPath, { force: true });
  if (leftovers.length > 0 || problem) await fsyncDirectory(root);
  if (leftovers.length === 0 && !problem) return { action: 'none' };
  return { action: 'rolled-back', removed: leftovers, ...(problem ? { problem } : {}) };
}

/** A staged file still to rename holds exactly what the journal says; one already renamed left its content in the target. */
async function entryComplete(root: string, entry: Journal['entries'][number]): Promise<boolean> {
  const staged = join(root, entry.staged);
  const path = (await exists(staged)) ? staged : join(root, entry.target);
  try {
    const bytes = await readFile(path);
    return bytes.length === entry.bytes && sha256(bytes) === entry.sha256;
  } catch {
    return false;
  }
}

/** Staged files and journal temp files anywhere in the folder (backups and quarantine excepted). */
async function stagedLeftovers(root: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < 3 && !(dir === root && SKIPPED_FOLDERS.has(entry.name))) await walk(path, depth + 1);
      } else if (entry.name.includes(STAGED_MARK) || (dir === root && entry.name.startsWith(JOURNAL_TEMP))) {
        found.push(path);
      }
    }
  }
  await walk(root, 0);
  return found.sort();
}

async function readJson(path: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

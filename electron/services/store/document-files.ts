/**
 * A document (the library, the curricula) kept as one file per module and per course (layout.ts), behind
 * lowdb's Adapter interface: `read` assembles the document from its files, `write` works out which files
 * the new data changes and writes only those. Stored data is frozen and an unchanged module or course keeps
 * its object, so "changed" is an identity test: a save costs what changed, not what the folder holds.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Adapter } from 'lowdb';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { DocumentProblem } from '../../../shared/schemas/store';
import { backUpFile, pruneBackups } from './backups';
import type { DocumentDefinition } from './documents';
import type { BackupPolicy } from './durable-adapter';
import { decodeFile, encodeFile } from './file-definitions';
import { idOfFileName } from './layout';
import { commitFiles, type CommitOptions, type FileWrite } from './journal';
import { replaceFilesHere, type FileBytes, type ReplaceFiles } from './replace-files';
import { inSettledBatches } from './settled-batches';

/**
 * What a save writes and removes, relative to the data folder. `stages`, when a storage sets it, says
 * that the writes need no journal: each file stands on its own (a course file, an immutable snapshot), so a
 * crash between two of them leaves each whole, old or new, and none of them was reported saved yet. It
 * holds the same writes as `writes`, in the order they must reach the disk: a stage is made durable before
 * the next starts (the snapshots a course file names before the course file).
 */
export type FilePlan = { writes: FileWrite[]; removals: string[]; stages?: FileWrite[][] };

/** A document's storage as the Store drives it: lowdb's read/write, and the parts a transaction combines. */
export type DocumentStorage<T> = Adapter<T> & {
  read(): Promise<T | null>;
  write(data: T): Promise<void>;
  /** The files that turn what was last read or written into `data`. */
  plan(data: T): FilePlan;
  /** Keeps the rolling backups of the files a plan replaces or removes; before it is applied. */
  backUp(plan: FilePlan): Promise<void>;
  /** Records that `data` is now what the files hold (after a transaction applied `plan`). */
  committed(data: T, plan: FilePlan): void;
};

/** A file that stops its document from loading; the status names it and offers its newest good backup. */
export class FileProblem extends AppError {
  constructor(
    code: ErrorCode,
    message: string,
    /** Relative to the data folder. */
    readonly file: string,
    readonly kind: DocumentProblem['kind'],
  ) {
    super(code, message);
  }
}

export const sha256Of = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Applies a plan: one file is replaced atomically; files that stand on their own (`stages`) each
 * atomically, stage by stage; both through `replaceFiles` (the writer thread in the app and the web harness).
 * Anything else (several files that belong together, any removal) goes through the journal.
 *
 * Stages rather than a journal: fifty courses saved together cost one round of fsyncs, not a journal's five
 * rounds and fifty renames in a row (a group commit of 15–20 courses took 85–130 ms through the journal). If
 * one file fails (a full disk), the others may already be in place: each is then a whole version that its
 * designer saved, and the save is reported failed to everyone who joined it, who keep their drafts and save again.
 */
export async function applyPlan(dataDir: string, plan: FilePlan, options: CommitOptions = {}, replaceFiles: ReplaceFiles = replaceFilesHere): Promise<void> {
  const inFolder = (writes: readonly FileWrite[]): FileBytes[] => writes.map((write) => ({ path: join(dataDir, write.path), bytes: write.bytes }));
  if (plan.writes.length === 1 && plan.removals.length === 0 && !options.onStep) {
    await replaceFiles([inFolder(plan.writes)]);
    return;
  }
  if (plan.stages && plan.removals.length === 0 && !options.onStep) {
    await replaceFiles(plan.stages.map(inFolder));
    return;
  }
  await commitFiles(dataDir, plan.writes, options, plan.removals);
}

/** How many files are backed up at once (each opens its backup folder to fsync it). */
const PARALLEL_BACKUPS = 16;

/** Common ground of the split documents: which files exist, rolling backups per file, writing a plan. */
export abstract class SplitStorage<T> implements DocumentStorage<T> {
  /** Files of this document known to be on disk: only they have a version to back up. */
  protected readonly present = new Set<string>();
  private readonly lastBackupAt = new Map<string, number>();

  constructor(
    protected readonly dataDir: string,
    private readonly policy: BackupPolicy,
    /** False for a read-only look (`data check`): temp files a crash left are then skipped, not removed. */
    protected readonly tidy = true,
    /** How files that need no journal are written: on this thread, or by the host's writer thread. */
    private readonly replaceFiles: ReplaceFiles = replaceFilesHere,
  ) {}

  abstract read(): Promise<T | null>;
  abstract plan(data: T): FilePlan;
  protected abstract remember(data: T): void;

  committed(data: T, plan: FilePlan): void {
    this.settle(plan);
    this.remember(data);
  }

  /** Called by the Store, whose queue orders every write: one at a time, each a diff against the last. */
  async write(data: T): Promise<void> {
    const plan = this.plan(data);
    await this.backUp(plan);
    await applyPlan(this.dataDir, plan, {}, this.replaceFiles);
    this.committed(data, plan);
  }

  /** Files written now exist; files removed do not. */
  protected settle(plan: FilePlan): void {
    for (const w of plan.writes) this.present.add(w.path);
    for (const r of plan.removals) this.present.delete(r);
  }

  async backUp(plan: FilePlan): Promise<void> {
    const now = Date.now();
    const due = (file: string) => now - (this.lastBackupAt.get(file) ?? 0) >= this.policy.minIntervalMs;
    // A removed file is always kept: it is the only way back to a deleted module or course.
    const files = [...plan.writes.map((w) => w.path).filter((f) => this.backedUp(f) && due(f)), ...plan.removals.filter((f) => this.present.has(f))];
    // Several files at once, each its copy then its pruning: one after the other, the backups of a group
    // commit of twenty courses took some ten fs steps each, every one waiting for a turn of a busy event loop.
    await inSettledBatches(
      files.filter((file) => this.present.has(file)),
      PARALLEL_BACKUPS,
      async (file) => {
        await backUpFile(this.dataDir, file, new Date(now));
        await pruneBackups(this.dataDir, file, this.policy.keep);
        this.lastBackupAt.set(file, now);
      },
    );
  }

  /** Whether a file's old versions are kept (snapshots are immutable and are not). */
  protected backedUp(_file: string): boolean {
    return true;
  }

  /** Reads and decodes one file; null when it does not exist. */
  protected async readOne<F>(file: string, definition: DocumentDefinition<F>): Promise<F | null> {
    const text = await this.readText(file);
    return text === null ? null : this.decode(file, text, definition);
  }

  private async readText(file: string): Promise<string | null> {
    try {
      return await readFile(join(this.dataDir, file), 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new FileProblem('io-error', `The file ${file} cannot be read: ${(error as Error).message}`, file, 'unreadable');
    }
  }

  private decode<F>(file: string, text: string, definition: DocumentDefinition<F>): F {
    let data: F;
    try {
      data = decodeFile(text, definition, file);
    } catch (error) {
      // A version with no way to this one (older than the file kind itself) is damage too.
      const tooNew = error instanceof AppError && error.code === 'store-too-new';
      throw new FileProblem(tooNew ? 'store-too-new' : 'store-corrupt', (error as Error).message, file, tooNew ? 'too-new' : 'corrupt');
    }
    this.present.add(file);
    return data;
  }

  /**
   * Reads every item file of a folder, sorted by id. Each must hold the item its name says. Files that are
   * not ours (no id in their name) are left alone; temp files of a save a crash interrupted are removed.
   * Files are read in batches (thousands opened at once would run into the process's file limit) and decoded
   * one per turn of the event loop: a library read in the background must not hold up requests meanwhile.
   * `settle` is done to each item in its own turn too (freezing a module, which the store does to all of
   * them once they are read, took 300 ms at once over 5,000 modules).
   */
  protected async readFolder<F extends { id: string }>(folder: string, definition: DocumentDefinition<F>, settle: (item: F) => F = (item) => item): Promise<F[]> {
    let names: string[];
    try {
      names = await readdir(join(this.dataDir, folder));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const items: { id: string; file: string }[] = [];
    for (const name of names) {
      if (name.includes('.tmp-') && this.tidy) await rm(join(this.dataDir, folder, name), { force: true });
      const id = idOfFileName(name);
      if (id) items.push({ id, file: `${folder}/${name}` });
    }
    items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const read: F[] = [];
    for (let at = 0; at < items.length; at += 64) {
      const batch = await Promise.all(items.slice(at, at + 64).map(async ({ id, file }) => ({ id, file, text: await this.readText(file) })));
      for (const { id, file, text } of batch) {
        if (text === null) continue; // removed since the listing
        const data = this.decode(file, text, definition);
        if (data.id !== id) throw new FileProblem('store-corrupt', `The file ${file} holds "${data.id}", not "${id}"`, file, 'corrupt');
        read.push(settle(data));
        await new Promise<void>((resolve) => {
          setImmediate(resolve);
        });
      }
    }
    return read;
  }

  /**
   * Removes the temp files a crash left in the subfolders of `folder` whose files are read by name, never
   * listed (snapshots): `readFolder` does it for the folders it lists.
   */
  protected async tidySubfolders(folder: string): Promise<void> {
    if (!this.tidy) return;
    const root = join(this.dataDir, folder);
    const subfolders = await readdir(root).catch(() => []);
    for (const subfolder of subfolders) {
      const names = await readdir(join(root, subfolder)).catch(() => []);
      for (const name of names) if (name.includes('.tmp-')) await rm(join(root, subfolder, name), { force: true });
    }
  }

  protected encode<F>(data: F, definition: DocumentDefinition<F>, path: string): FileWrite {
    return { path, bytes: encodeFile(data, definition) };
  }
}

/** Items of `next` that are not the very objects of `before`, and ids of `before` that `next` no longer has. */
export function changedItems<I extends { id: string }>(before: readonly I[], next: readonly I[], what: string): { changed: I[]; removed: string[] } {
  const old = new Map(before.map((item) => [item.id, item]));
  const seen = new Set<string>();
  const changed: I[] = [];
  for (const item of next) {
    if (seen.has(item.id)) throw new AppError('invalid-argument', `Two ${what} have the id "${item.id}"`);
    seen.add(item.id);
    if (old.get(item.id) !== item) changed.push(item);
  }
  return { changed, removed: before.filter((item) => !seen.has(item.id)).map((item) => item.id) };
}

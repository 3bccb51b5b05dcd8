import { mkdir, readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { DOCUMENT_NAMES, type BackupInfo, type DocumentName, type DocumentProblem, type StoreReadOnly, type StoreStatus } from '../../../shared/schemas/store';
import { fileExists, removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { backupPath, backUpFile, listBackups } from './backups';
import { definitionOf, DOCUMENTS, type DocumentData } from './documents';
import { DurableJsonAdapter, type BackupPolicy } from './durable-adapter';
import { deepFreeze } from './deep-freeze';
import { commitFiles, JournalPendingError, recoverJournal, type CommitOptions, type FileWrite, type RecoveryOutcome } from './journal';
import { DataDirLock, type LockOptions } from './lock';
import { readOnlyError, refuseUnfinishedJournal } from './read-only';

export type StoreOptions = {
  dataDir: string;
  /** Who holds the lock, for the message another instance shows ("desktop app", "cli", "web harness"). */
  owner: string;
  /**
   * Data for a document that has never existed in this folder (first start). Documents that may start
   * empty (see EMPTY_DOCUMENTS) need no seed, so hosts and tools that do not use them need not know them.
   */
  seed: { [N in Exclude<DocumentName, keyof typeof EMPTY_DOCUMENTS>]: () => Promise<DocumentData[N]> } & {
    [N in keyof typeof EMPTY_DOCUMENTS]?: () => Promise<DocumentData[N]>;
  };
  backups?: Partial<BackupPolicy>;
  /** File-system and process seams of the lock, for tests. */
  lock?: LockOptions;
};

/** What a document holds when the host gives no seed for it. */
const EMPTY_DOCUMENTS: { curricula: () => Promise<DocumentData['curricula']> } = {
  curricula: () => Promise.resolve({ curricula: [], archived: [] }),
};

const DEFAULT_BACKUPS: BackupPolicy = { keep: 10, minIntervalMs: 60_000 };
export const QUARANTINE_FOLDER = 'quarantine';

type Slot<N extends DocumentName> = { db: Low<DocumentData[N]> | null; adapter: DurableJsonAdapter<DocumentData[N]> | null; problem: DocumentProblem | null };

/** Changes to several documents, saved together by `Store.transaction`. */
export type DocumentChanges = { [N in DocumentName]?: (current: DocumentData[N]) => DocumentData[N] };

export type TransactionOptions = {
  /** Other files of the data folder (paths relative to it) written in the same transaction. */
  files?: readonly FileWrite[];
  onStep?: CommitOptions['onStep'];
};

type Prepared = { name: DocumentName; text: string; apply: () => void; revert: () => void; backup: () => Promise<void> };

/**
 * The data directory: one lowdb document per data file, a lock, backups and recovery.
 * A file that cannot be loaded is never replaced by defaults: its document stays unavailable, the file stays
 * untouched, and the status offers the newest good backup.
 */
export class Store {
  private readonly slots = {} as { [N in DocumentName]: Slot<N> };
  private seeded = false;
  /** Objects (frozen) that passed validation; see `remember`. */
  private readonly validated = new WeakSet<object>();
  /** Every write, single-file or transaction, runs in turn: a transaction never interleaves with a save. */
  private queue: Promise<unknown> = Promise.resolve();
  /** What opening found of a transaction interrupted by a crash. */
  recovery: RecoveryOutcome = { action: 'none' };

  private constructor(
    readonly dataDir: string,
    /** Null when the folder could not be locked because nothing can be written there: see `readOnly`. */
    private readonly lock: DataDirLock | null,
    /** Why nothing can be saved (a full disk...): reads work, every write throws `store-read-only`. */
    private readonly readOnly: StoreReadOnly | null,
    private readonly options: StoreOptions,
    private readonly policy: BackupPolicy,
  ) {}

  static async open(options: StoreOptions): Promise<Store> {
    await mkdir(options.dataDir, { recursive: true });
    const locked = await DataDirLock.acquire(options.dataDir, options.owner, options.lock);
    const lock = locked.kind === 'held' ? locked.lock : null;
    const readOnly = locked.kind === 'read-only' ? locked.readOnly : null;
    const store = new Store(options.dataDir, lock, readOnly, options, { ...DEFAULT_BACKUPS, ...options.backups });
    try {
      // Before any file is read: a transaction a crash interrupted is finished or undone first.
      store.recovery = readOnly ? await refuseUnfinishedJournal(options.dataDir, readOnly) : await recoverJournal(options.dataDir);
      for (const name of DOCUMENT_NAMES) await store.load(name);
    } catch (error) {
      lock?.release();
      throw error;
    }
    return store;
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.lock?.release();
  }

  /** Every write path starts here: a read-only store refuses before anything is changed, in memory or on disk. */
  private assertWritable(what: string): void {
    if (this.readOnly) throw readOnlyError(this.readOnly, what);
  }

  status(): StoreStatus {
    const problems = DOCUMENT_NAMES.map((n) => this.slots[n].problem).filter((p): p is DocumentProblem => p !== null);
    return { dataDir: this.dataDir, healthy: problems.length === 0, problems, seeded: this.seeded, readOnly: this.readOnly };
  }

  /** Current data of a document; throws `store-unavailable` while that file has an unresolved problem. */
  read<N extends DocumentName>(name: N): DocumentData[N] {
    const slot = this.slots[name];
    if (!slot.db) throw new AppError('store-unavailable', slot.problem?.message ?? `The ${name} data is not loaded`);
    return slot.db.data;
  }

  /**
   * Applies a change and saves durably. The change receives the current (frozen) data and returns new data,
   * which is validated before anything is written: a failed validation alters neither memory nor file.
   */
  async update<N extends DocumentName>(name: N, change: (current: DocumentData[N]) => DocumentData[N]): Promise<DocumentData[N]> {
    this.assertWritable(`the ${name} data`);
    const slot = this.slots[name];
    const validated = this.parseChange(name, change(this.read(name)));
    const db = slot.db as Low<DocumentData[N]>;
    const previous = db.data;
    db.data = validated;
    try {
      await this.enqueue(() => db.write());
    } catch (error) {
      db.data = previous;
      throw new AppError('io-error', `Could not save the ${name} data: ${(error as Error).message}`);
    }
    return db.data;
  }

  /**
   * Changes several documents (and writes other files) all or nothing, through the journal (journal.ts): a
   * crash at any moment leaves every file old or every file new. All changes are validated before anything
   * is written; rolling backups are kept as for single saves.
   */
  async transaction(changes: DocumentChanges, options: TransactionOptions = {}): Promise<void> {
    this.assertWritable('the changes');
    const prepared: Prepared[] = [];
    const add = <N extends DocumentName>(name: N, change: DocumentChanges[N]): void => {
      if (change) prepared.push(this.prepare(name, change));
    };
    for (const name of DOCUMENT_NAMES) add(name, changes[name]);
    if (prepared.length === 0 && (options.files ?? []).length === 0) return;
    for (const p of prepared) p.apply();
    try {
      await this.enqueue(async () => {
        for (const p of prepared) await p.backup();
        await commitFiles(this.dataDir, [...prepared.map((p) => ({ path: DOCUMENTS[p.name].fileName, bytes: p.text })), ...(options.files ?? [])], {
          ...(options.onStep ? { onStep: options.onStep } : {}),
        });
      });
    } catch (error) {
      // Once journalled, the transaction will be completed on the next open: memory already holds its result.
      if (!(error instanceof JournalPendingError)) for (const p of prepared) p.revert();
      throw new AppError('io-error', `Could not save the ${prepared.map((p) => p.name).join(' and ')} data: ${(error as Error).message}`);
    }
  }

  /** Validates one document's change and encodes it, without changing anything yet. */
  private prepare<N extends DocumentName>(name: N, change: (current: DocumentData[N]) => DocumentData[N]): Prepared {
    const slot = this.slots[name];
    const validated = this.parseChange(name, change(this.read(name)));
    const db = slot.db as Low<DocumentData[N]>;
    const adapter = slot.adapter as DurableJsonAdapter<DocumentData[N]>;
    const previous = db.data;
    return {
      name,
      text: adapter.encode(validated),
      apply: () => {
        db.data = validated;
      },
      revert: () => {
        db.data = previous;
      },
      backup: () => adapter.backupIfDue(),
    };
  }

  private parseChange<N extends DocumentName>(name: N, next: DocumentData[N]): DocumentData[N] {
    const definition = definitionOf(name);
    let parsed: DocumentData[N];
    try {
      parsed = definition.parseChange ? definition.parseChange(next, (part) => this.validated.has(part)) : definition.schema.parse(next);
    } catch (error) {
      const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
      const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
      throw new AppError('invalid-argument', `Invalid ${name} data${where}: ${issue?.message ?? (error as Error).message}`);
    }
    return this.remember(parsed);
  }

  /** Freezes validated data and notes its top-level parts, so the next change can skip re-validating them. */
  private remember<T>(data: T): T {
    deepFreeze(data);
    for (const part of Object.values(data as object)) {
      if (!Array.isArray(part)) continue;
      this.validated.add(part);
      for (const item of part) if (item && typeof item === 'object') this.validated.add(item as object);
    }
    return data;
  }

  /** Keeps a backup of a document now, whatever the spacing policy (before an import, for instance). */
  async backupNow(name: DocumentName): Promise<string> {
    this.assertWritable(`a backup of the ${name} data`);
    this.read(name);
    return backUpFile(this.dataDir, name, this.pathOf(name));
  }

  listBackups(): Promise<BackupInfo[]> {
    return listBackups(this.dataDir);
  }

  /**
   * Puts a backup back in place of its document. The file it replaces is moved to the quarantine folder,
   * never deleted, so a wrong choice can be undone by hand.
   */
  async restore(backupId: string): Promise<StoreStatus> {
    this.assertWritable(`the restored backup ${backupId}`);
    const backups = await this.listBackups();
    const backup = backups.find((b) => b.id === backupId);
    if (!backup) throw new AppError('not-found', `No backup named ${backupId}`);
    if (!backup.loadable) throw new AppError('store-corrupt', `Backup ${backupId} cannot be loaded: ${backup.problem ?? 'unknown problem'}`);
    const text = await readFile(backupPath(this.dataDir, backupId), 'utf8');
    const path = this.pathOf(backup.document);
    if (await fileExists(path)) {
      if (this.slots[backup.document].db) await backUpFile(this.dataDir, backup.document, path);
      else await this.quarantine(backup.document);
    }
    await writeFileAtomic(path, text);
    await this.load(backup.document);
    return this.status();
  }

  private pathOf(name: DocumentName): string {
    return join(this.dataDir, DOCUMENTS[name].fileName);
  }

  private async quarantine(name: DocumentName): Promise<void> {
    const dir = join(this.dataDir, QUARANTINE_FOLDER);
    await mkdir(dir, { recursive: true });
    const stampNow = new Date().toISOString().replace(/[-:.]/g, '');
    await rename(this.pathOf(name), join(dir, `${name}.${stampNow}.json`));
  }

  private async load(name: DocumentName): Promise<void> {
    type Data = DocumentData[typeof name];
    const definition = definitionOf(name);
    const path = this.pathOf(name);
    if (!this.readOnly) await removeStaleTempFiles(this.dataDir, definition.fileName);
    const adapter = new DurableJsonAdapter<Data>(this.dataDir, path, definition, this.policy);
    const slot: Slot<typeof name> = { db: null, adapter, problem: null };
    (this.slots as Record<DocumentName, Slot<typeof name>>)[name] = slot;
    let data: Data | null;
    try {
      data = await adapter.read();
    } catch (error) {
      slot.problem = await this.describeProblem(name, path, error);
      return;
    }
    if (data === null) {
      const backups = (await this.listBackups()).filter((b) => b.document === name);
      if (backups.length > 0) {
        // The file vanished but it had a history: that is data loss to report, not a first start.
        slot.problem = {
          document: name,
          file: path,
          kind: 'missing',
          message: `The ${name} file (${definition.fileName}) is missing, although backups of it exist.`,
          newestGoodBackup: backups.filter((b) => b.loadable).at(-1) ?? null,
        };
        return;
      }
      this.assertWritable(`the ${name} data of a new data folder`);
      data = await this.seedOf(name)();
      await adapter.write(data);
      this.seeded = true;
    }
    slot.db = new Low(adapter, this.remember(data));
  }

  private seedOf<N extends DocumentName>(name: N): () => Promise<DocumentData[N]> {
    const seeds = this.options.seed as Partial<{ [M in DocumentName]: () => Promise<DocumentData[M]> }>;
    const empty = EMPTY_DOCUMENTS as Partial<{ [M in DocumentName]: () => Promise<DocumentData[M]> }>;
    const seed = seeds[name] ?? empty[name];
    if (!seed) throw new AppError('internal', `No seed for the ${name} data`);
    return seed;
  }

  private async describeProblem(name: DocumentName, path: string, error: unknown): Promise<DocumentProblem> {
    const code = error instanceof AppError ? error.code : 'io-error';
    const kind = code === 'store-too-new' ? 'too-new' : code === 'store-corrupt' ? 'corrupt' : 'unreadable';
    const message = error instanceof Error ? error.message : String(error);
    const backups = (await this.listBackups()).filter((b) => b.document === name && b.loadable);
    return { document: name, file: path, kind, message, newestGoodBackup: backups.at(-1) ?? null };
  }
}


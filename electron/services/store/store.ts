import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { BACKUP_NAME, DOCUMENT_NAMES, type BackupInfo, type DocumentName, type DocumentProblem, type StoreReadOnly, type StoreStatus } from '../../../shared/schemas/store';
import { fileExists, removeStaleTempFiles, writeFileAtomic } from './atomic-file';
import { backupPath, BACKUPS_FOLDER, listBackups } from './backups';
import { CurriculaFiles } from './curricula-files';
import type { StoredCurriculum } from './file-definitions';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import { FileProblem, type DocumentStorage, type FilePlan } from './document-files';
import { definitionOf, type DocumentData } from './documents';
import { DurableJsonAdapter, type BackupPolicy } from './durable-adapter';
import { deepFreeze } from './deep-freeze';
import { snapshotFolder } from './folder-snapshot';
import { commitFiles, JournalPendingError, recoverJournal, type CommitOptions, type FileWrite, type RecoveryOutcome } from './journal';
import { SETTINGS_FILE } from './layout';
import { LibraryFiles } from './library-files';
import { DataDirLock, type LockOptions } from './lock';
import { legacyDocuments, migrateLayout, type LayoutMigration } from './migrate-layout';
import { readOnlyError, refuseUnfinishedJournal } from './read-only';
import { restoreIntoStore } from './restore-backup';
import type { ReplaceFiles } from './replace-files';

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
  /**
   * Documents read after `open` returns, once `loaded(name)` is first called: a library of thousands of
   * modules takes many seconds to read, and the app can answer from the search index meanwhile. Until it is
   * read, `read` throws store-unavailable, writes wait for it, and `status().loading` names it.
   */
  deferred?: readonly DocumentName[];
  /** How files that need no journal are written: by default on this thread; the app and the web harness give their writer thread (file-writer-thread.ts). */
  replaceFiles?: ReplaceFiles;
};

/** What a document holds when the host gives no seed for it. */
const EMPTY_DOCUMENTS: { curricula: () => Promise<DocumentData['curricula']> } = {
  curricula: () => Promise.resolve({ curricula: [], archived: [] }),
};

const DEFAULT_BACKUPS: BackupPolicy = { keep: 10, minIntervalMs: 60_000 };
export const QUARANTINE_FOLDER = 'quarantine';

type Slot<N extends DocumentName> = { db: Low<DocumentData[N]> | null; storage: DocumentStorage<DocumentData[N]> | null; problem: DocumentProblem | null };

/** Changes to several documents, saved together by `Store.transaction`. */
export type DocumentChanges = { [N in DocumentName]?: (current: DocumentData[N]) => DocumentData[N] };

export type TransactionOptions = {
  /** Other files of the data folder (paths relative to it) written in the same transaction. */
  files?: readonly FileWrite[];
  onStep?: CommitOptions['onStep'];
};

type Prepared = { name: DocumentName; data: unknown; plan: () => FilePlan; apply: () => void; revert: () => void; storage: DocumentStorage<never> };

/**
 * The data directory: three lowdb documents (settings, library, curricula), a lock, backups and recovery.
 * The settings are one file; the library and the curricula one file per module and course (layout.ts).
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
  /**
   * Group commit: a document's save waiting in the queue takes later saves of the same document along
   * (see `save`), until anything else is queued behind it.
   */
  private readonly openSaves = new Map<DocumentName, { data: unknown; done: Promise<void> }>();
  /** Each document's data as its files hold it: what memory goes back to when a save fails. */
  private readonly onDisk = new Map<DocumentName, unknown>();
  /** What opening found of a transaction interrupted by a crash. */
  recovery: RecoveryOutcome = { action: 'none' };
  /** What opening did to a data folder of the first layout. */
  migrated: LayoutMigration | null = null;
  /** Problems of first-layout files that could not be moved to the new layout; they keep their document from loading. */
  private legacyProblems = new Map<DocumentName, FileProblem>();
  /** First-layout documents read in place, when the folder is read-only and they cannot be moved. */
  private legacyData = new Map<DocumentName, DocumentData['library'] | DocumentData['curricula']>();
  /** Deferred documents not read yet, with their reading once started (`loaded`). */
  private readonly deferredLoads = new Map<DocumentName, Promise<void> | null>();

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
      await store.migrate();
      for (const name of DOCUMENT_NAMES) {
        if (options.deferred?.includes(name)) store.defer(name);
        else await store.load(name);
      }
    } catch (error) {
      lock?.release();
      throw error;
    }
    return store;
  }

  /**
   * Resolves once a document has been read (at once unless deferred), starting to read a deferred one. A file
   * that does not load gives the document its problem, as at open; what would have failed the opening (a new
   * folder that cannot be seeded) rejects, and the next call tries again.
   */
  loaded(name: DocumentName): Promise<void> {
    if (!this.deferredLoads.has(name)) return Promise.resolve();
    let reading = this.deferredLoads.get(name);
    if (!reading) {
      reading = this.load(name).then(
        () => {
          this.deferredLoads.delete(name);
        },
        (error: unknown) => {
          this.deferredLoads.set(name, null);
          throw error;
        },
      );
      this.deferredLoads.set(name, reading);
    }
    return reading;
  }

  private defer(name: DocumentName): void {
    (this.slots as Record<DocumentName, Slot<DocumentName>>)[name] = { db: null, storage: null, problem: null };
    this.deferredLoads.set(name, null);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    // A save queued before this task must not take along changes made after it: they would be written
    // ahead of it (a transaction's changes outside its journal).
    this.openSaves.clear();
    return this.append(task);
  }

  private append<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Saves a document's current data: joins the save of this document already waiting in the queue, if any,
   * or queues one. A document's data in memory always holds every change made so far, so the waiting save
   * writes the newest data once for all who joined it. Fifty designers saving their courses at once cost
   * one write of the files they changed (one journal, one round of fsyncs), not fifty in a row.
   */
  private save<N extends DocumentName>(name: N, data: DocumentData[N]): Promise<void> {
    const open = this.openSaves.get(name);
    if (open) {
      open.data = data;
      return open.done;
    }
    const storage = this.slots[name].storage as DocumentStorage<DocumentData[N]>;
    const batch: { data: unknown; done: Promise<void> } = { data, done: Promise.resolve() };
    batch.done = this.append(async () => {
      // From now on this save takes no one else along: later changes go into the next one.
      if (this.openSaves.get(name) === batch) this.openSaves.delete(name);
      await storage.write(batch.data as DocumentData[N]);
      this.onDisk.set(name, batch.data);
    });
    this.openSaves.set(name, batch);
    return batch.done;
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
    const loading = DOCUMENT_NAMES.filter((n) => this.isLoading(n));
    return { dataDir: this.dataDir, healthy: problems.length === 0, problems, seeded: this.seeded, migrated: this.migrated, readOnly: this.readOnly, ...(loading.length > 0 ? { loading } : {}) };
  }

  /**
   * One module's file, read on its own while the library is still being read (`deferred`), so that opening
   * a module need not wait for thousands: checked and frozen as the library's modules are; null when the
   * module has no file. It reads without tidying anything (the library's reading does that).
   */
  async readModuleAlone(id: string): Promise<Module | null> {
    const module = await new LibraryFiles(this.dataDir, this.policy, false).readModule(id);
    return module ? deepFreeze(module) : null;
  }

  /** The library's reference list, read on its own from its index file (see `readModuleAlone`). */
  async readReferencesAlone(): Promise<readonly Reference[]> {
    return deepFreeze(await new LibraryFiles(this.dataDir, this.policy, false).readReferences());
  }

  /** Whether a deferred document is still being read (as `status().loading` lists it, without building the status). */
  isLoading(name: DocumentName): boolean {
    return this.deferredLoads.has(name);
  }

  /** Current data of a document; throws `store-unavailable` while that file has an unresolved problem. */
  read<N extends DocumentName>(name: N): DocumentData[N] {
    const slot = this.slots[name];
    if (!slot.db) throw new AppError('store-unavailable', slot.problem?.message ?? `The ${name} data is ${this.deferredLoads.has(name) ? 'still loading' : 'not loaded'}`);
    return slot.db.data;
  }

  /**
   * Applies a change and saves durably. The change receives the current (frozen) data and returns new data,
   * which is validated before anything is written: a failed validation alters neither memory nor file.
   */
  async update<N extends DocumentName>(name: N, change: (current: DocumentData[N]) => DocumentData[N]): Promise<DocumentData[N]> {
    this.assertWritable(`the ${name} data`);
    if (this.deferredLoads.has(name)) await this.loaded(name);
    const slot = this.slots[name];
    const validated = this.parseChange(name, change(this.read(name)));
    const db = slot.db as Low<DocumentData[N]>;
    db.data = validated;
    try {
      await this.save(name, validated);
    } catch (error) {
      // Back to what the files hold, unless later changes are on their way to the disk (they include this
      // one: a save that fails does not undo the changes made after it).
      if (db.data === validated && this.onDisk.has(name)) db.data = this.onDisk.get(name) as DocumentData[N];
      throw new AppError('io-error', `Could not save the ${name} data: ${(error as Error).message}`);
    }
    return validated;
  }

  /**
   * Changes several documents (and writes other files) all or nothing, through the journal (journal.ts): a
   * crash at any moment leaves every file old or every file new. All changes are validated before anything
   * is written; rolling backups are kept as for single saves.
   */
  async transaction(changes: DocumentChanges, options: TransactionOptions = {}): Promise<void> {
    this.assertWritable('the changes');
    for (const name of DOCUMENT_NAMES) if (changes[name] && this.deferredLoads.has(name)) await this.loaded(name);
    const prepared: Prepared[] = [];
    const add = <N extends DocumentName>(name: N, change: DocumentChanges[N]): void => {
      if (change) prepared.push(this.prepare(name, change));
    };
    for (const name of DOCUMENT_NAMES) add(name, changes[name]);
    if (prepared.length === 0 && (options.files ?? []).length === 0) return;
    for (const p of prepared) p.apply();
    const plans: FilePlan[] = [];
    try {
      await this.enqueue(async () => {
        for (const p of prepared) plans.push(p.plan());
        for (const [i, p] of prepared.entries()) await p.storage.backUp(plans[i] as FilePlan);
        const writes = [...plans.flatMap((plan) => plan.writes), ...(options.files ?? [])];
        await commitFiles(this.dataDir, writes, { ...(options.onStep ? { onStep: options.onStep } : {}) }, plans.flatMap((plan) => plan.removals));
        // The transaction's own data: memory may already hold later changes, whose saves are queued behind.
        for (const [i, p] of prepared.entries()) {
          p.storage.committed(p.data as never, plans[i] as FilePlan);
          this.onDisk.set(p.name, p.data);
        }
      });
    } catch (error) {
      // Once journalled, the transaction will be completed on the next open: memory already holds its result.
      if (!(error instanceof JournalPendingError)) for (const p of prepared) p.revert();
      throw new AppError('io-error', `Could not save the ${prepared.map((p) => p.name).join(' and ')} data: ${(error as Error).message}`);
    }
  }

  /** Validates one document's change, without changing anything yet. */
  private prepare<N extends DocumentName>(name: N, change: (current: DocumentData[N]) => DocumentData[N]): Prepared {
    const slot = this.slots[name];
    const validated = this.parseChange(name, change(this.read(name)));
    const db = slot.db as Low<DocumentData[N]>;
    const storage = slot.storage as DocumentStorage<DocumentData[N]>;
    const previous = db.data;
    return {
      name,
      data: validated,
      plan: () => storage.plan(validated),
      apply: () => {
        db.data = validated;
      },
      revert: () => {
        db.data = previous;
      },
      storage: storage as DocumentStorage<never>,
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

  /**
   * Freezes validated data and notes its parts down to the fields and items of each module or course, so
   * the next change can skip re-validating them (or keep their identity, see documents.ts).
   */
  private remember<T>(data: T): T {
    deepFreeze(data);
    for (const part of Object.values(data as object)) {
      if (!Array.isArray(part)) continue;
      this.validated.add(part);
      for (const item of part) if (item && typeof item === 'object' && !this.validated.has(item as object)) this.rememberParts(item as object);
    }
    return data;
  }

  private rememberParts(item: object): void {
    this.validated.add(item);
    for (const field of Object.values(item)) {
      if (!field || typeof field !== 'object') continue;
      this.validated.add(field as object);
      if (Array.isArray(field)) for (const element of field) if (element && typeof element === 'object') this.validated.add(element as object);
    }
  }

  /**
   * A course as its file stores it, with the snapshots it names: from the curricula's own storage, which
   * holds the snapshots already read (restoring a course backup).
   */
  courseWithSnapshots(stored: StoredCurriculum): Promise<Curriculum> {
    const storage = this.slots.curricula.storage;
    if (!(storage instanceof CurriculaFiles)) throw new AppError('store-unavailable', 'The curricula data is not loaded');
    return storage.withSnapshots(stored);
  }

  /** A whole-folder snapshot (hard links, so it costs no copy) before an operation that changes much: a pack import. */
  async snapshotFolder(reason: string): Promise<string> {
    this.assertWritable('a snapshot of the data folder');
    return this.enqueue(() => snapshotFolder(this.dataDir, reason));
  }

  /** Backups of the settings, the indexes and the first layout's files; or those of one data file (`file`, relative). */
  listBackups(file?: string): Promise<BackupInfo[]> {
    return listBackups(this.dataDir, file);
  }

  /**
   * Puts a backup back. A document that loads takes it as an ordinary change (restore-backup.ts), itself
   * backed up and undoable by restoring again. A document that does not load can only take a backup of the
   * very file that stops it: that file is moved to the quarantine folder, never deleted, and the backup put
   * in its place.
   */
  async restore(backupId: string): Promise<StoreStatus> {
    if (!BACKUP_NAME.test(backupId)) throw new AppError('invalid-argument', `"${backupId}" is not a backup name`);
    this.assertWritable(`the restored backup ${backupId}`);
    const backup = (await this.listBackups(fileOfBackup(backupId))).find((b) => b.id === backupId);
    if (!backup) throw new AppError('not-found', `No backup named ${backupId}`);
    if (!backup.loadable) throw new AppError('store-corrupt', `Backup ${backupId} cannot be loaded: ${backup.problem ?? 'unknown problem'}`);
    const text = await readFile(backupPath(this.dataDir, backupId), 'utf8');
    await this.loaded(backup.document);
    const problem = this.slots[backup.document].problem;
    if (!problem) {
      await restoreIntoStore(this, backup, text);
      return this.status();
    }
    const broken = problem.file.slice(this.dataDir.length + 1).split('\\').join('/');
    if (broken !== backup.file) {
      throw new AppError('invalid-argument', `The ${backup.document} data cannot be loaded because of ${broken}; restore a backup of that file first.`);
    }
    await this.enqueue(async () => {
      const path = join(this.dataDir, backup.file);
      if (await fileExists(path)) await this.quarantine(backup.file);
      await mkdir(dirname(path), { recursive: true });
      await writeFileAtomic(path, text);
    });
    if (this.legacyProblems.has(backup.document)) await this.migrate();
    await this.load(backup.document);
    return this.status();
  }

  private async quarantine(file: string): Promise<void> {
    const dir = join(this.dataDir, QUARANTINE_FOLDER);
    await mkdir(dir, { recursive: true });
    const stampNow = new Date().toISOString().replace(/[-:.]/g, '');
    await rename(join(this.dataDir, file), join(dir, `${file.split('/').join('__').replace(/\.json$/, '')}.${stampNow}.json`));
  }

  /** Moves first-layout files to one file per module and course; see migrate-layout.ts. */
  private async migrate(): Promise<void> {
    if (this.readOnly) {
      // Nothing can be written: the old files are read as they are, and moved once the folder is writable.
      const { documents, problems } = await legacyDocuments(this.dataDir);
      this.legacyData = documents;
      this.legacyProblems = problems;
      return;
    }
    const { migrated, problems } = await migrateLayout(this.dataDir, this.policy);
    this.migrated = migrated ?? this.migrated;
    this.legacyProblems = problems;
  }

  private storageOf<N extends DocumentName>(name: N): DocumentStorage<DocumentData[N]> {
    const storages: { [M in DocumentName]: () => DocumentStorage<DocumentData[M]> } = {
      settings: () => new DurableJsonAdapter(this.dataDir, join(this.dataDir, SETTINGS_FILE), definitionOf('settings'), this.policy),
      library: () => new LibraryFiles(this.dataDir, this.policy, true, this.options.replaceFiles),
      curricula: () => new CurriculaFiles(this.dataDir, this.policy, true, this.options.replaceFiles),
    };
    return storages[name]();
  }

  private async load(name: DocumentName): Promise<void> {
    type Data = DocumentData[typeof name];
    if (name === 'settings' && !this.readOnly) await removeStaleTempFiles(this.dataDir, SETTINGS_FILE);
    const storage = this.storageOf(name) as DocumentStorage<Data>;
    const slot: Slot<typeof name> = { db: null, storage, problem: null };
    (this.slots as Record<DocumentName, Slot<typeof name>>)[name] = slot;
    const legacy = this.legacyProblems.get(name);
    if (legacy) {
      slot.problem = await this.describeProblem(name, legacy);
      return;
    }
    let data: Data | null;
    try {
      data = (this.legacyData.get(name) as Data | undefined) ?? (await storage.read());
    } catch (error) {
      slot.problem = await this.describeProblem(name, error);
      return;
    }
    if (data === null) {
      const history = await this.listBackups();
      if (history.some((b) => b.document === name) || (await hasItemBackups(this.dataDir, name))) {
        // The data vanished but it had a history: that is data loss to report, not a first start.
        slot.problem = {
          document: name,
          file: join(this.dataDir, name === 'settings' ? SETTINGS_FILE : name),
          kind: 'missing',
          message: `The ${name} data is missing from ${this.dataDir}, although backups of it exist.`,
          newestGoodBackup: history.filter((b) => b.document === name && b.loadable).at(-1) ?? null,
        };
        return;
      }
      this.assertWritable(`the ${name} data of a new data folder`);
      data = await this.seedOf(name)();
      const validated = this.parseChange(name, data);
      await storage.write(validated);
      data = validated;
      this.seeded = true;
    }
    slot.db = new Low(storage, this.remember(data));
    this.onDisk.set(name, slot.db.data);
  }

  private seedOf<N extends DocumentName>(name: N): () => Promise<DocumentData[N]> {
    const seeds = this.options.seed as Partial<{ [M in DocumentName]: () => Promise<DocumentData[M]> }>;
    const empty = EMPTY_DOCUMENTS as Partial<{ [M in DocumentName]: () => Promise<DocumentData[M]> }>;
    const seed = seeds[name] ?? empty[name];
    if (!seed) throw new AppError('internal', `No seed for the ${name} data`);
    return seed;
  }

  private async describeProblem(name: DocumentName, error: unknown): Promise<DocumentProblem> {
    const file = error instanceof FileProblem ? error.file : name === 'settings' ? SETTINGS_FILE : name;
    const code = error instanceof AppError ? error.code : 'io-error';
    const kind = error instanceof FileProblem ? error.kind : code === 'store-too-new' ? 'too-new' : code === 'store-corrupt' ? 'corrupt' : 'unreadable';
    const message = error instanceof Error ? error.message : String(error);
    const backups = (await this.listBackups(file)).filter((b) => b.loadable);
    return { document: name, file: join(this.dataDir, file), kind, message, newestGoodBackup: backups.at(-1) ?? null };
  }
}

/** Whether backups of single modules or courses exist: their document had data, so its absence is a loss. */
async function hasItemBackups(dataDir: string, name: DocumentName): Promise<boolean> {
  if (name === 'settings') return false;
  try {
    return (await readdir(join(dataDir, BACKUPS_FOLDER, name), { recursive: true })).some((entry) => entry.endsWith('.json'));
  } catch {
    return false;
  }
}

/** The data file a backup id keeps ("library/modules/arrest.2026...Z.json" → "library/modules/arrest.json"). */
function fileOfBackup(id: string): string {
  const match = /^(.*)\.\d{8}T\d{9}Z(-\d+)?\.json$/.exec(id);
  if (!match?.[1]) throw new AppError('invalid-argument', `"${id}" is not a backup name`);
  return `${match[1]}.json`;
}

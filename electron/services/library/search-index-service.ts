/**
 * Keeps the library's search index: opened from `library/_search/index.bin` at start (checked against the
 * module files, re-indexing only those that changed since it was written), kept in step with the library
 * module by module, and written back a little after changes, off the path of any save.
 *
 * Why a module file can be trusted without reading it: the index stores each file's size and modification
 * time as they were when the index last described that file, and stamps are only taken while the library in
 * memory is known to match what is on disk (see `write`). A stamp can therefore be older than its file, which
 * only costs a re-read at the next start, but never newer.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { LibraryIndex } from '../../../shared/domain/library-search';
import { CorruptIndexError } from '../../../shared/domain/search/bytes';
import { runStepsAsync } from '../../../shared/domain/search/segment';
import type { ModuleSummary } from '../../../shared/schemas/library';
import { LIBRARY_PAGE_SIZE } from '../../../shared/schemas/library-query';
import type { Module } from '../../../shared/schemas/module';
import { removeStaleTempFiles, writeFileAtomic } from '../store/atomic-file';
import { SEARCH_INDEX_FILE } from '../store/layout';
import type { Store } from '../store/store';
import { LibraryLoading } from './library-loading';
import { readModuleFile, stampModuleFiles, stampsOf } from './module-files';
import { CAN_PERSIST, decodeIndex, encodeIndex, UnusableIndex, type FileStamp } from './search-index-file';

export type SearchIndexOptions = {
  /** Keep the index in the data folder; without it the index lives in memory only (tests, tools). */
  persist: boolean;
  /**
   * For hosts that run long (the desktop app, the web harness): build the full text as soon as the library is
   * read rather than at the first text search, and write the index a little after each change. Otherwise
   * (the command line) the index is written only by `flush`.
   */
  background: boolean;
  /** Where notes go (an unusable index rebuilt, a write that failed); never an error to the user. */
  log: (line: string) => void;
  /** When the library is read in full, if the store defers it; by default at once when needed. */
  loading?: LibraryLoading;
  /** Quiet time after the last change before the index is written, and the longest a change waits. */
  debounceMs?: number;
  maxWaitMs?: number;
};

/** A stamp no file has: the module is read again at the next start. */
const UNKNOWN_STAMP: FileStamp = { size: 0, mtimeNs: '0', racy: true };

const sameVersion = (summary: ModuleSummary | undefined, module: Module): boolean =>
  summary !== undefined && summary.revision === module.revision && summary.updatedAt === module.updatedAt;

export class SearchIndexService {
  private index: LibraryIndex | null = null;
  private building: Promise<LibraryIndex> | null = null;
  /** Per indexed module, the object it was indexed from; null when known from the file by its list row only. */
  private readonly sources = new Map<string, Module | null>();
  /** The library's module list the index was last brought in step with. */
  private syncedWith: readonly Module[] | null = null;
  /** Each module file's stamp as the index describes it; `unstamped`: changed since its stamp was taken. */
  private readonly stamps = new Map<string, FileStamp>();
  private readonly unstamped = new Set<string>();
  /** The index version the file holds (-1: none, or out of date). */
  private writtenVersion = -1;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private firstChangeAt: number | null = null;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private fromFile = false;
  private readonly loading: LibraryLoading;

  constructor(
    private readonly store: Store,
    private readonly options: SearchIndexOptions = { persist: false, background: false, log: () => undefined },
  ) {
    this.loading = options.loading ?? new LibraryLoading(store, 0);
  }

  private get path(): string {
    return join(this.store.dataDir, SEARCH_INDEX_FILE);
  }

  /** Whether a usable index was found in the data folder at `open`. */
  get persisted(): boolean {
    return this.fromFile;
  }

  /** Opens the persisted index, if there is a usable one, and brings it up to date with the module files. */
  async open(): Promise<void> {
    if (!this.options.persist || !CAN_PERSIST) return;
    let bytes: Buffer;
    try {
      bytes = await readFile(this.path);
      // Temp files of a write a crash interrupted: the index itself is whole (written by rename).
      if (!this.store.status().readOnly) await removeStaleTempFiles(dirname(this.path), basename(this.path));
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      this.options.log(missing ? 'note: no search index yet; it is built once the library is read' : `note: the search index cannot be read (${(error as Error).message}); it is rebuilt`);
      return;
    }
    let index: LibraryIndex;
    try {
      const persisted = decodeIndex(bytes);
      index = LibraryIndex.restore({ entries: persisted.entries.map((e) => e.summary), text: persisted.text });
      for (const { summary, file } of persisted.entries) this.stamps.set(summary.id, file);
    } catch (error) {
      if (!(error instanceof UnusableIndex || error instanceof CorruptIndexError)) throw error;
      this.options.log(`note: the search index is not used, ${error.message}; it is rebuilt`);
      this.stamps.clear();
      return;
    }
    for (const id of index.ids()) this.sources.set(id, null);
    const changed = await this.catchUp(index);
    warmUp(index);
    this.index = index;
    this.fromFile = true;
    this.writtenVersion = changed ? -1 : index.version;
    if (changed) this.schedule();
  }

  /** Re-indexes the modules whose files were added, changed or removed since the index was written. */
  private async catchUp(index: LibraryIndex): Promise<boolean> {
    const onDisk = stampModuleFiles(this.store.dataDir);
    const counts = { added: 0, changed: 0, removed: 0 };
    for (const id of [...index.ids()]) {
      if (onDisk.has(id)) continue;
      index.remove({ id });
      this.forget(id);
      counts.removed += 1;
    }
    for (const [id, stamp] of onDisk) {
      const known = this.stamps.get(id);
      if (known && !known.racy && known.size === stamp.size && known.mtimeNs === stamp.mtimeNs) continue;
      counts[index.summaryOf(id) ? 'changed' : 'added'] += 1;
      try {
        // Stamped before it was read: if it changes in between, the next start reads it again.
        index.replace(await readModuleFile(this.store.dataDir, id));
        this.sources.set(id, null);
        this.stamps.set(id, stamp);
      } catch (error) {
        // The library itself will report this file when it is read; the index just leaves it out.
        this.options.log(`note: ${(error as Error).message}; left out of the search index`);
        index.remove({ id });
        this.forget(id);
      }
    }
    const total = counts.added + counts.changed + counts.removed;
    if (total > 0) {
      this.options.log(`note: search index brought up to date: ${counts.added} module files added, ${counts.changed} changed (or written just before the index), ${counts.removed} removed since it was written`);
    }
    return total > 0;
  }

  /**
   * Has the library read after a quiet moment (see LibraryLoading), then brings the index in step with it,
   * building it when none was persisted (the full text too, in `background` mode).
   */
  startInBackground(): void {
    this.loading.later();
    void this.loading.settled().then(() =>
      this.current().catch((error: unknown) => {
        this.options.log(`note: the search index waits for the library (${(error as Error).message})`);
      }),
    );
  }

  /** The index, in step with the library as far as it is read. Waits for the library only when no index was persisted. */
  async current(): Promise<LibraryIndex> {
    // Searches while the library is still to be read put its reading off: they are answered from the index.
    this.loading.later();
    if (!this.index) {
      const building = (this.building ??= this.buildFromLibrary());
      try {
        this.index ??= await building;
      } finally {
        // A library that could not be read is tried again at the next call (after a restore, say).
        if (this.building === building) this.building = null;
      }
    }
    this.sync();
    return this.index;
  }

  /** The index once text searches can run (the full text is built first if it was not persisted). */
  async forText(): Promise<LibraryIndex> {
    const index = await this.current();
    if (!index.textIsReady) {
      await index.textReady();
      this.schedule();
    }
    return index;
  }

  /** Brings the index in step after the library changed, and schedules its writing. */
  changed(): void {
    if (this.index) this.sync();
  }

  /** Writes what is pending now (a command-line run ending); resolves when written or found unnecessary. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.firstChangeAt = null;
    await this.enqueueWrite();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private isClosed(): boolean {
    return this.closed;
  }

  private async buildFromLibrary(): Promise<LibraryIndex> {
    await this.loading.now();
    const modules = this.store.read('library').modules;
    const index = LibraryIndex.open(modules);
    for (const module of modules) {
      this.sources.set(module.id, module);
      this.unstamped.add(module.id);
    }
    this.syncedWith = modules;
    if (this.options.background) {
      void index.textReady().then(() => {
        this.schedule();
      });
    }
    return index;
  }

  /** Compares the library's modules with what was indexed, object by object, and applies the differences. */
  private sync(): void {
    const index = this.index;
    if (!index || this.store.isLoading('library')) return;
    const modules = this.store.read('library').modules;
    if (modules === this.syncedWith) return;
    let changed = false;
    const present = new Set<string>();
    for (const module of modules) {
      present.add(module.id);
      const source = this.sources.get(module.id);
      if (source === module) continue;
      // Known from the file: the module read now is the one indexed if it is the same version.
      if (source === null && sameVersion(index.summaryOf(module.id), module)) {
        this.sources.set(module.id, module);
        continue;
      }
      index.replace(module);
      this.sources.set(module.id, module);
      this.unstamped.add(module.id);
      changed = true;
    }
    for (const id of [...this.sources.keys()]) {
      if (present.has(id)) continue;
      index.remove({ id });
      this.forget(id);
      changed = true;
    }
    this.syncedWith = modules;
    if (changed) this.schedule();
  }

  private forget(id: string): void {
    this.sources.delete(id);
    this.stamps.delete(id);
    this.unstamped.delete(id);
  }

  /** Writes a little after the last change, and at the latest `maxWaitMs` after the first unwritten one. */
  private schedule(): void {
    if (!this.options.persist || !this.options.background || !CAN_PERSIST || this.closed || this.store.status().readOnly) return;
    const now = Date.now();
    this.firstChangeAt ??= now;
    clearTimeout(this.timer);
    const wait = Math.max(0, Math.min(this.options.debounceMs ?? 2_000, this.firstChangeAt + (this.options.maxWaitMs ?? 30_000) - now));
    this.timer = setTimeout(() => {
      this.firstChangeAt = null;
      void this.enqueueWrite();
    }, wait);
    // A pending write never keeps a process alive: one that ends writes what it must with `flush`.
    this.timer.unref();
  }

  private enqueueWrite(): Promise<void> {
    this.writing = this.writing.then(() =>
      this.write().catch((error: unknown) => {
        this.options.log(`note: the search index was not saved (${(error as Error).message}); it is brought up to date at the next start`);
      }),
    );
    return this.writing;
  }

  /**
   * Writes the index as the library is now. File stamps are taken while the library in memory stays the
   * same object (every write sets the new data before touching a file), so each stamp is of a file at least
   * as old as the content indexed: a file still being written is stamped old and read again at the next start.
   */
  private async write(): Promise<void> {
    const index = this.index;
    if (!index?.textIsReady || !this.options.persist || this.closed || this.store.status().readOnly) return;
    // Stamps are only trusted against the library as read (see above): wait for it, without asking for it.
    await this.loading.settled();
    this.sync();
    if (index.version === this.writtenVersion) return;
    const modules = this.store.read('library').modules;
    const snapshot = index.snapshot();
    const stamping = [...this.unstamped];
    const stamps = await stampsOf(this.store.dataDir, stamping);
    if (this.store.read('library').modules !== modules || index.version !== snapshot.version) {
      this.schedule();
      return;
    }
    for (const id of stamping) {
      const stamp = stamps.get(id);
      if (stamp) this.stamps.set(id, stamp);
      this.unstamped.delete(id);
    }
    const entries = snapshot.entries.map((summary) => ({ summary, file: this.stamps.get(summary.id) ?? UNKNOWN_STAMP }));
    const text = await runStepsAsync(snapshot.text);
    // Closed meanwhile: the data folder's lock may be released already.
    if (this.isClosed()) return;
    await mkdir(dirname(this.path), { recursive: true });
    await writeFileAtomic(this.path, encodeIndex({ entries, text }));
    index.adoptText(snapshot, text);
    this.writtenVersion = snapshot.version;
  }
}

/**
 * Searches before the first one typed, asked as the library page asks (a page of the best matches, and the
 * facet counts), so that compiling the search code is not part of that answer. Two texts made of a title's
 * words (whole words, a prefix, typo matching): code runs fast only once it has run a few times.
 */
function warmUp(index: LibraryIndex): void {
  const titles = index.searchPage({ sort: 'title' }, { limit: 2 }).modules.map((m) => m.title);
  for (const text of titles) {
    const request = { text, sort: 'relevance' as const };
    index.searchPage(request, { limit: LIBRARY_PAGE_SIZE });
    index.facetCounts(request);
  }
}

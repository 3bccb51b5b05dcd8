/**
 * The shared library over git, as the hosts see it: the connection (config), the status, and syncs. A sync
 * is rounds of: the engine commits and merges (engine.ts, in a worker thread where the host has one), the
 * store takes the result in one journalled transaction that also records the new head (state.ts), after a
 * snapshot of the folder; then the engine pushes. A push refused because someone pushed first starts another
 * round (fetch, merge, push), up to MAX_ROUNDS. Conflicts stop the sync before anything is applied.
 */
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import {
  remoteKind,
  type SyncChanges,
  type SyncChoices,
  type SyncConfig,
  type SyncOnConflict,
  type SyncResult,
  type SyncSetup,
  type SyncStatus,
} from '../../../shared/schemas/sync';
import type { DistributiveOmit } from '../../../shared/type-utils';
import type { Store } from '../store/store';
import { prepareSync, pushSync, type EngineTask, type PrepareInput, type PrepareResult, type StoreChanges } from './engine';
import { syncedFiles } from './files';
import { isManaged } from './remote-tree';
import { LocalRepo, type FlatTree } from './repo';
import { readConfig, readState, removeSyncFiles, REPO_DIR, STATE_FILE, stateText, writeConfig, writeState, type SyncStateFile } from './state';
import { describeStatus } from './status-words';
import { transportError, type PushOutcome } from './transport';

/** Fetch-merge-push rounds before giving up on a remote others keep pushing to. */
export const MAX_ROUNDS = 5;

/** Where the host keeps the token of an HTTPS remote: the OS keychain, memory, the environment. */
export type TokenKeeper = {
  get(remote: string): Promise<string | null>;
  /** null forgets it. Hosts that cannot keep a token (the CLI reads CC_SYNC_TOKEN) refuse a new one. */
  set(remote: string, token: string | null): Promise<void>;
};

/** Runs the engine: in process (CLI, tests) or in a worker thread (desktop app, web harness). */
export type SyncRunner = {
  prepare(input: PrepareInput, task: EngineTask): Promise<PrepareResult>;
  push(input: Parameters<typeof pushSync>[0], task: EngineTask): Promise<PushOutcome>;
};

export const IN_PROCESS_SYNC: SyncRunner = { prepare: prepareSync, push: pushSync };

export type SyncTask = { taskId?: string; onProgress?: EngineTask['onProgress'] };

/** Raised inside the store transaction when an item the merge touches was edited during the round. */
class EditedMeanwhile extends Error {}

/** A sync's answer before its status is read. */
type SyncOutcome = DistributiveOmit<SyncResult, 'status'>;

export class SyncService {
  private running: AbortController | null = null;
  private runningTask: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextAutoSyncAt: Date | null = null;
  private announcements = 0;

  constructor(
    private readonly store: Store,
    private readonly tokens: TokenKeeper,
    private readonly runner: SyncRunner = IN_PROCESS_SYNC,
    private readonly onStatus: (status: SyncStatus) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private get dataDir(): string {
    return this.store.dataDir;
  }

  get gitdir(): string {
    return join(this.dataDir, REPO_DIR);
  }

  config(): Promise<SyncConfig | null> {
    return readConfig(this.dataDir);
  }

  private async requireConfig(): Promise<SyncConfig> {
    const config = await this.config();
    if (!config) throw new AppError('sync-not-configured', 'This library is not connected to a shared library; run "sync setup --remote URL|PATH" or connect it in Settings.');
    return config;
  }

  async status(): Promise<SyncStatus> {
    const config = await this.config();
    const token = config && remoteKind(config.remote) === 'http' ? await this.tokens.get(config.remote) : null;
    if (!config) return describeStatus({ config: null, state: null, tokenStored: false, localChanges: 0, running: false, nextAutoSyncAt: null });
    const state = await readState(this.dataDir, config.remote);
    return describeStatus({
      config,
      state,
      tokenStored: token !== null,
      localChanges: config.mode === 'share' ? await this.localChanges(config, state) : 0,
      running: this.running !== null,
      nextAutoSyncAt: this.nextAutoSyncAt,
    });
  }

  /** Modules and courses whose file differs from the last sync's commit. */
  private async localChanges(config: SyncConfig, state: SyncStateFile): Promise<number> {
    const files = this.files(config);
    const repo = await LocalRepo.open(this.gitdir);
    let tree: FlatTree;
    try {
      tree = await repo.flatTreeOfCommit(state.head);
    } catch {
      tree = new Map() as FlatTree;
    }
    const counted = (path: string) => path.startsWith('library/modules/') || /^curricula\/[^/]+\.json$/.test(path);
    let changes = 0;
    for (const [path, file] of files) if (counted(path) && tree.get(path)?.oid !== file.oid) changes += 1;
    for (const path of tree.keys()) if (counted(path) && isManaged(path, config.includeCourses) && !files.has(path)) changes += 1;
    return changes;
  }

  private files(config: SyncConfig) {
    return syncedFiles(this.store.read('library'), config.includeCourses && config.mode === 'share' ? this.store.read('curricula') : null);
  }

  async setup(request: SyncSetup): Promise<SyncStatus> {
    const current = await this.config();
    if (this.running) throw new AppError('sync-busy', 'A sync is running; connect again when it has finished.');
    const publisher = request.publisher ?? publisherOf(request.remote);
    const config: SyncConfig = {
      remote: request.remote,
      mode: request.mode,
      includeCourses: request.includeCourses,
      author: request.author,
      autoSyncMinutes: request.autoSyncMinutes,
      username: request.username,
      publisher,
      branch: current?.remote === request.remote ? current.branch : 'main',
    };
    if (request.token !== undefined && remoteKind(request.remote) === 'http') await this.tokens.set(request.remote, request.token);
    await writeConfig(this.dataDir, config);
    this.schedule(config);
    return this.announce();
  }

  async disconnect(forgetHistory: boolean): Promise<SyncStatus> {
    if (this.running) throw new AppError('sync-busy', 'A sync is running; disconnect when it has finished.');
    const config = await this.config();
    if (config && remoteKind(config.remote) === 'http') await this.tokens.set(config.remote, null).catch(() => undefined);
    await removeSyncFiles(this.dataDir, forgetHistory);
    if (forgetHistory) LocalRepo.forget(this.gitdir);
    this.schedule(null);
    return this.announce();
  }

  cancel(taskId: string): boolean {
    if (!this.running || this.runningTask !== taskId) return false;
    this.running.abort();
    return true;
  }

  /**
   * Tells the host the status. Statuses are read concurrently (the one at the start of a sync can take
   * longer than the one at its end), so only the latest one asked for is sent: an older one arriving last
   * would leave the interface saying "syncing" after the sync ended.
   */
  private async announce(): Promise<SyncStatus> {
    const ticket = ++this.announcements;
    const status = await this.status();
    if (ticket === this.announcements) this.onStatus(status);
    return status;
  }

  /** Syncs now; stops on conflicts (nothing applied) unless `onConflict` decides them, or `resolve` carries the choices. */
  async sync(options: { onConflict?: SyncOnConflict | undefined; resolve?: { resolveId: string; choices: SyncChoices } | undefined } & SyncTask = {}): Promise<SyncResult> {
    // Taken before the first await: a second sync, or a cancel, sees this one at once.
    if (this.running) throw new AppError('sync-busy', 'A sync is already running for this library.');
    const controller = new AbortController();
    this.running = controller;
    this.runningTask = options.taskId ?? null;
    let config: SyncConfig | null = null;
    try {
      config = await this.requireConfig();
      void this.announce();
      const result = await this.rounds(config, options, controller.signal);
      // The status it carries is the one after this sync: finished, not "syncing now".
      this.running = null;
      this.runningTask = null;
      return { ...result, status: await this.status() };
    } catch (error) {
      if (!config) throw error;
      const failure = transportError(error, config.remote);
      // A cancelled sync is no failure to report; anything else stays in the status until a sync succeeds.
      if (failure.code !== 'cancelled') {
        const state = await readState(this.dataDir, config.remote);
        await writeState(this.dataDir, { ...state, lastError: { code: failure.code, message: failure.message } }).catch(() => undefined);
      }
      throw failure;
    } finally {
      this.running = null;
      this.runningTask = null;
      void this.announce();
    }
  }

  /** The sync's rounds; its answer's status is read by `sync` once the sync has finished. */
  private async rounds(config: SyncConfig, options: { onConflict?: SyncOnConflict | undefined; resolve?: { resolveId: string; choices: SyncChoices } | undefined } & SyncTask, signal: AbortSignal): Promise<SyncOutcome> {
    const token = remoteKind(config.remote) === 'http' ? await this.tokens.get(config.remote) : null;
    const task: EngineTask = { signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
    const changes: SyncChanges = {
      sent: 0,
      received: { modules: { added: [], changed: [], removed: [] }, courses: { added: [], changed: [], removed: [] } },
      merged: [],
      coursesWithUpdates: [],
      pushed: false,
      retries: 0,
    };
    let snapshotTaken = false;
    for (let round = 0; round < MAX_ROUNDS; round += 1) {
      const state = await readState(this.dataDir, config.remote);
      const library = this.store.read('library');
      const curricula = this.store.read('curricula');
      const files = syncedFiles(library, config.includeCourses ? curricula : null);
      const prepared = await this.runner.prepare(
        {
          gitdir: this.gitdir,
          config,
          token,
          files: [...files].map(([path, file]) => [path, file.text, file.oid]),
          head: state.head,
          // Only the first round may push without fetching; a refused push is followed by a full round.
          pushOnto: round === 0 && !state.conflicts ? state.remoteHead : null,
          resolve: options.resolve ?? null,
          onConflict: options.onConflict ?? null,
          now: this.now().toISOString(),
        },
        task,
      );
      changes.sent += prepared.sent;
      if (prepared.kind === 'conflicts') {
        await writeState(this.dataDir, { ...state, head: prepared.head, lastError: null, conflicts: true });
        return { outcome: 'conflicts', resolveId: prepared.resolveId, conflicts: prepared.conflicts };
      }
      const next: SyncStateFile = { ...state, head: prepared.result, remoteHead: prepared.remoteHead, lastError: null, conflicts: false };
      if (hasChanges(prepared.changes)) {
        if (!snapshotTaken) await this.store.snapshotFolder('before-sync');
        snapshotTaken = true;
        try {
          await this.apply(prepared.changes, { library, curricula }, next, changes);
        } catch (error) {
          if (error instanceof EditedMeanwhile) continue; // edited while we merged: merge again with the edit
          throw error;
        }
        changes.merged.push(...prepared.merged.filter((id) => !changes.merged.includes(id)));
      } else if (!prepared.unfetched) {
        // (A change pushed without fetching is recorded once it landed: until then it is still to send.)
        await writeState(this.dataDir, next);
      }
      if (!prepared.push || !prepared.result) return this.finish(next, changes, config);
      const pushed = await this.runner.push({ gitdir: this.gitdir, config, token, commit: prepared.result, expected: prepared.remoteHead }, task);
      if (pushed === 'pushed') {
        changes.pushed = true;
        return this.finish({ ...next, remoteHead: prepared.result }, changes, config);
      }
      changes.retries += 1;
      // A change pushed without fetching is committed again by the next round, after the fetch.
      if (prepared.unfetched) changes.sent -= prepared.sent;
    }
    throw new AppError('sync-rejected', `Others kept pushing to ${config.remote} while this library synced (${String(MAX_ROUNDS)} tries); nothing was lost. Sync again in a moment.`);
  }

  private async finish(state: SyncStateFile, changes: SyncChanges, config: SyncConfig): Promise<SyncOutcome> {
    await writeState(this.dataDir, { ...state, lastSyncAt: this.now().toISOString(), ahead: 0, behind: 0, lastError: null, conflicts: false });
    this.schedule(config);
    changes.coursesWithUpdates = this.coursesWithUpdates([...changes.received.modules.added, ...changes.received.modules.changed]);
    return { outcome: 'done', changes };
  }

  /** Courses of this academy that use a module received now, at an older revision: they offer "update available". */
  private coursesWithUpdates(moduleIds: readonly string[]): SyncChanges['coursesWithUpdates'] {
    if (moduleIds.length === 0) return [];
    const received = new Set(moduleIds);
    const current = new Map(this.store.read('library').modules.map((m) => [m.id, m.revision]));
    const found: SyncChanges['coursesWithUpdates'] = [];
    for (const course of this.store.read('curricula').curricula) {
      const ids = course.items.filter((i) => i.kind === 'module' && received.has(i.moduleId) && (current.get(i.moduleId) ?? 0) > i.revision).map((i) => (i.kind === 'module' ? i.moduleId : ''));
      if (ids.length > 0) found.push({ curriculumId: course.id, title: course.title, moduleIds: [...new Set(ids)] });
    }
    return found;
  }

  /** One transaction: the modules, courses and references the merge changed, and the new head, all or nothing. */
  private async apply(changes: StoreChanges, captured: { library: LibraryData; curricula: CurriculaData }, next: SyncStateFile, summary: SyncChanges): Promise<void> {
    const before = new Map(captured.library.modules.map((m) => [m.id, m]));
    const coursesBefore = new Map(captured.curricula.curricula.map((c) => [c.id, c]));
    const unchangedSince = <T extends { id: string }>(list: readonly T[], was: Map<string, T>, ids: Iterable<string>): void => {
      const now = new Map(list.map((x) => [x.id, x]));
      for (const id of ids) if (now.get(id) !== was.get(id)) throw new EditedMeanwhile();
    };
    const moduleIds = [...changes.modules.put.map((m) => m.id), ...changes.modules.removed];
    const courseIds = [...changes.courses.put.map((c) => c.id), ...changes.courses.removed];
    const withModules = (library: LibraryData): LibraryData => {
      unchangedSince(library.modules, before, moduleIds);
      const put = new Map(changes.modules.put.map((m) => [m.id, m]));
      const removed = new Set(changes.modules.removed);
      const modules: Module[] = library.modules.filter((m) => !removed.has(m.id)).map((m) => put.get(m.id) ?? m);
      for (const m of changes.modules.put) if (!before.has(m.id)) modules.push(m);
      return { ...library, modules, references: changes.references ?? library.references };
    };
    const withCourses = (data: CurriculaData): CurriculaData => {
      unchangedSince(data.curricula, coursesBefore, courseIds);
      const put = new Map(changes.courses.put.map((c) => [c.id, c]));
      const removed = new Set(changes.courses.removed);
      const curricula: Curriculum[] = data.curricula.filter((c) => !removed.has(c.id)).map((c) => put.get(c.id) ?? c);
      for (const c of changes.courses.put) if (!coursesBefore.has(c.id)) curricula.push(c);
      return { curricula, archived: data.archived.filter((id) => !removed.has(id)) };
    };
    const touchesLibrary = moduleIds.length > 0 || changes.references !== null;
    await this.store.transaction(
      {
        ...(touchesLibrary ? { library: withModules } : {}),
        ...(courseIds.length > 0 ? { curricula: withCourses } : {}),
      },
      { files: [{ path: STATE_FILE, bytes: stateText(next) }] },
    );
    for (const m of changes.modules.put) (before.has(m.id) ? summary.received.modules.changed : summary.received.modules.added).push(m.id);
    summary.received.modules.removed.push(...changes.modules.removed);
    for (const c of changes.courses.put) (coursesBefore.has(c.id) ? summary.received.courses.changed : summary.received.courses.added).push(c.id);
    summary.received.courses.removed.push(...changes.courses.removed);
  }

  /** Automatic sync every N minutes while the host runs (desktop app, web harness); failures are kept in the status. */
  schedule(config: SyncConfig | null): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.nextAutoSyncAt = null;
    if (!config || config.autoSyncMinutes === 0 || !this.autoSyncEnabled) return;
    const delay = config.autoSyncMinutes * 60_000;
    this.nextAutoSyncAt = new Date(this.now().getTime() + delay);
    this.timer = setTimeout(() => {
      this.timer = null;
      // A large library may still be loading in the background when the first automatic sync is due.
      void this.store.loaded('library').then(() => this.sync()).catch(() => undefined).finally(() => {
        if (!this.timer) void this.config().then((c) => { this.schedule(c); });
      });
    }, delay);
    this.timer.unref();
  }

  /** Only long-running hosts sync by themselves; the CLI never does. */
  autoSyncEnabled = false;

  async startAutoSync(): Promise<void> {
    this.autoSyncEnabled = true;
    this.schedule(await this.config());
  }

  stop(): void {
    this.autoSyncEnabled = false;
    this.schedule(null);
    this.running?.abort();
  }
}

function hasChanges(changes: StoreChanges): boolean {
  return changes.modules.put.length + changes.modules.removed.length + changes.courses.put.length + changes.courses.removed.length > 0 || changes.references !== null;
}

/** "git.academy.example/library" for provenance, from a URL or the last folder of a path. */
function publisherOf(remote: string): string {
  if (remoteKind(remote) === 'http') {
    const url = new URL(remote);
    return `${url.host}${url.pathname.replace(/\.git$/, '')}`.slice(0, 300);
  }
  const parts = remote.split(/[\\/]/).filter(Boolean);
  return (parts.at(-1) ?? remote).replace(/\.git$/, '').slice(0, 300) || 'shared library';
}

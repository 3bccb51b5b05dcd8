import type { Channel, EventName } from '../../shared/ipc/channels';
import type { EventPayload, Handlers } from '../../shared/ipc/contract';
import { AppError } from '../../shared/errors';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { readAppVersion, readLicenseTexts, readThirdPartyLicenses } from './app/licenses';
import { CurriculaService } from './curricula/curricula-service';
import { loadSampleCurriculum } from './curricula/sample-curriculum';
import { IN_PROCESS_EXPORT, type ExportRunners } from './export/export-job';
import { ExportService } from './export/export-service';
import { exportKit } from './export/kit-export';
import { LibraryService } from './library/library-service';
import { LibraryLoading } from './library/library-loading';
import { SearchIndexService } from './library/search-index-service';
import { loadSampleLibrary } from './library/sample-library';
import { exportPack } from './packs/pack-export';
import { PackImportService } from './packs/pack-import';
import type { PackReader } from './packs/pack-read-worker';
import { RoundTripService } from './round-trip/round-trip-service';
import { Store } from './store/store';
import { curriculumFile, moduleFile } from './store/layout';
import { WordImportService } from './word-import/word-import-service';
import { HistoryService } from './sync/history';
import { IN_PROCESS_SYNC, SyncService, type SyncRunner, type SyncTask, type TokenKeeper } from './sync/sync-service';
import { envTokenKeeper } from './sync/tokens';
import type { HistorySubject } from '../../shared/schemas/sync';
import type { ReplaceFiles } from './store/replace-files';

/** What differs between the desktop app, the web harness and the CLI. */
export type Host = {
  kind: 'electron' | 'web' | 'cli';
  /** Folder holding `resources/` content (the sample library, schemas, templates). */
  resourcesDir: string;
  /** Folder holding the app's package.json and node_modules (for version and licenses). */
  appRoot: string;
  /** Opens an http(s) link after the user confirms; false when declined or not possible on this host. */
  openExternal(url: string): Promise<boolean>;
  /** Asks where to save a file and writes it atomically; null when cancelled. Absent where the renderer downloads. */
  saveFile?: (fileName: string, bytes: Buffer) => Promise<string | null>;
  /** Reads packs off the main thread (a worker); absent in the CLI, which may block. */
  readPack?: PackReader;
  /** Builds Word documents off the main thread (a worker); absent in the CLI, which runs them in-process. */
  runExport?: ExportRunners;
  /** Opens a file this app saved, or shows it in its folder; absent where there is no desktop (web, CLI). */
  revealFile?: (path: string, action: 'open' | 'folder') => Promise<boolean>;
  /** Asks for a folder (a trainer kit goes into one); null when cancelled. Absent where the renderer downloads a .zip. */
  chooseFolder?: (suggestedName: string) => Promise<string | null>;
  /** Files written for the user outside a save dialog (a kit), which may then be opened or shown in their folder. */
  savedFiles?: (paths: readonly string[]) => void;
  /** Pushes an event to the renderer (progress of long jobs). */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  /** Keeps the token of an HTTPS sync remote (desktop: the OS keychain; web harness: memory); the CLI reads CC_SYNC_TOKEN. */
  syncTokens?: TokenKeeper;
  /** Runs the sync engine off the main thread (a worker); absent in the CLI, which runs it in process. */
  runSync?: SyncRunner;
  /** Writes the files of saves off the main thread (the writer thread); absent in the CLI, which writes them in process. */
  replaceFiles?: ReplaceFiles;
  /** Sync every N minutes when the user turned it on (the desktop app and the web harness; never the CLI). */
  autoSync?: boolean;
  /** The bytes of a file streamed to this host (the web harness), once; null when there is no such upload. */
  takeUpload?: (uploadId: string) => Buffer | null;
  /** Where notes for the operator go (a search index rebuilt...); absent where they would only be noise (CLI). */
  log?: (line: string) => void;
};

function takeUpload(host: Host, uploadId: string): Buffer {
  if (!host.takeUpload) throw new AppError('invalid-argument', 'This app takes packs as bytes, not as uploads.');
  const bytes = host.takeUpload(uploadId);
  if (!bytes) throw new AppError('not-found', 'The uploaded pack is no longer available; open the file again.');
  return bytes;
}

export type Services = {
  store: Store;
  library: LibraryService;
  searchIndex: SearchIndexService;
  /** When a library opened from its search index is read in full. */
  libraryLoading: LibraryLoading;
  curricula: CurriculaService;
  packs: PackImportService;
  words: WordImportService;
  exports: ExportService;
  roundTrip: RoundTripService;
  sync: SyncService;
  history: HistoryService;
  host: Host;
};

/** A history request's subject alone (the module or the course). */
function subjectOf(req: { module: string } | { course: string }): HistorySubject {
  return 'module' in req ? { module: req.module } : { course: req.course };
}

/** Progress of a sync as `task:progress` events, when the caller gave a task id. */
function taskOf(host: Host, taskId: string | undefined): SyncTask {
  if (!taskId) return {};
  return { taskId, onProgress: (p) => host.emit?.('task:progress', { taskId, done: p.done, total: p.total, label: p.label }) };
}

/** Opens the data directory (taking its lock) and wires the services. */
export async function openServices(dataDir: string, host: Host, backups?: { keep?: number; minIntervalMs?: number }): Promise<Services> {
  // Read once when both seeds need it: the sample course's snapshots come from the sample library.
  let sampleLibrary: ReturnType<typeof loadSampleLibrary> | undefined;
  const sample = () => (sampleLibrary ??= loadSampleLibrary(host.resourcesDir));
  // The desktop app and the web harness start answering from the persisted search index while a large
  // library is still being read; the command line reads everything first, as each command needs it.
  const background = host.kind !== 'cli';
  const store = await Store.open({
    dataDir,
    owner: host.kind === 'electron' ? 'desktop app' : host.kind === 'web' ? 'web harness' : 'command line',
    seed: {
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      library: sample,
      curricula: async () => ({ curricula: [await loadSampleCurriculum(host.resourcesDir, (await sample()).modules)], archived: [] }),
    },
    ...(backups ? { backups } : {}),
    ...(background ? { deferred: ['library'] as const } : {}),
    ...(host.replaceFiles ? { replaceFiles: host.replaceFiles } : {}),
  });
  const libraryLoading = new LibraryLoading(store);
  const searchIndex = new SearchIndexService(store, { persist: true, background, log: host.log ?? (() => undefined), loading: libraryLoading });
  try {
    await searchIndex.open();
    // Without a persisted index nothing could answer meanwhile: read the library now (seeding a new folder).
    if (!searchIndex.persisted) await libraryLoading.now();
  } catch (error) {
    store.close();
    throw error;
  }
  if (background) searchIndex.startInBackground();
  const curricula = new CurriculaService(store, undefined, async () => {
    const index = await searchIndex.current();
    return { lookup: (id) => index.summaryOf(id), references: await store.readReferencesAlone() };
  });
  const sync = new SyncService(store, host.syncTokens ?? envTokenKeeper(), host.runSync ?? IN_PROCESS_SYNC, (status) => host.emit?.('sync:status', status));
  if (host.autoSync) await sync.startAutoSync();
  return {
    store,
    library: new LibraryService(store, (moduleId) => curricula.usersOf(moduleId), undefined, searchIndex),
    searchIndex,
    libraryLoading,
    curricula,
    packs: new PackImportService(store, host.readPack),
    words: new WordImportService(store),
    exports: new ExportService(store, host.runExport ?? IN_PROCESS_EXPORT),
    roundTrip: new RoundTripService(store),
    sync,
    history: new HistoryService(store, sync.gitdir),
    host,
  };
}

/** Stops what the services do in the background, then releases the data folder. */
export function closeServices(services: Pick<Services, 'store' | 'searchIndex' | 'libraryLoading'> & Partial<Pick<Services, 'sync'>>): void {
  services.sync?.stop();
  services.libraryLoading.close();
  services.searchIndex.close();
  services.store.close();
}

/**
 * Channels that need nothing of the library, or only its search index: they answer while a large library is
 * still being read. Every other channel waits until it is (see `openServices`).
 */
const ANSWERED_WHILE_LOADING: ReadonlySet<Channel> = new Set<Channel>([
  'app:info',
  'app:licenses',
  'app:open-external',
  'app:save-file',
  'app:reveal-file',
  'store:status',
  'store:backups',
  'settings:get',
  'settings:update',
  'library:list',
  // From the module's own file while the library is read (LibraryService.detail).
  'library:get',
  'library:references',
  'curriculum:list',
  // With the search index's rows for its checks (CurriculaService.detail).
  'curriculum:get',
  'task:cancel',
]);

/** Every channel of the contract, implemented once over the services and served by every host. */
export function createHandlers(services: Services): Handlers {
  const handlers = handlersOf(services);
  const waiting = Object.fromEntries(
    (Object.keys(handlers) as Channel[]).map((channel) => {
      const handler = handlers[channel] as (req: unknown) => Promise<unknown>;
      if (ANSWERED_WHILE_LOADING.has(channel)) return [channel, handler];
      return [
        channel,
        async (req: unknown) => {
          await services.libraryLoading.now();
          return handler(req);
        },
      ];
    }),
  );
  return waiting as Handlers;
}

function handlersOf({ store, library, libraryLoading, curricula, packs, words, exports, roundTrip, sync, history, host }: Services): Handlers {
  return {
    'app:info': async () => ({
      ...(await readAppVersion(host.appRoot)),
      host: host.kind,
      dataDir: store.dataDir,
      licenses: await readThirdPartyLicenses(host.appRoot),
    }),
    'app:licenses': () => readLicenseTexts(host.appRoot),
    'app:open-external': async ({ url }) => ({ opened: await host.openExternal(url) }),
    'store:status': async (req) => {
      // Waits for the library without asking for it: reading it is put off while the app is busy (LibraryLoading).
      if (req?.settled) await libraryLoading.settled();
      return store.status();
    },
    'store:backups': (which) => store.listBackups(which === undefined ? undefined : 'module' in which ? moduleFile(which.module) : curriculumFile(which.course)),
    'store:restore': ({ backupId }) => store.restore(backupId),
    'settings:get': () => Promise.resolve(store.read('settings')),
    'settings:update': (patch) => store.update('settings', (settings) => ({ ...settings, ...patch })),
    'library:list': (query) => library.search(query),
    'library:get': ({ id }) => library.detail(id),
    'library:references': async () => [...(await library.referencesNow())],
    'library:placeholders': () => library.placeholders(),
    'library:save': (req) => library.save(req),
    'library:duplicate': ({ id, title }) => library.duplicate(id, title),
    'library:usage': ({ id }) => Promise.resolve(library.usage(id)),
    'library:delete': async ({ id, confirmed }) => ({ usage: await library.delete(id, confirmed) }),
    'curriculum:list': (req) => Promise.resolve(curricula.list(req ?? {})),
    'curriculum:get': ({ id }) => curricula.detail(id),
    'curriculum:create': (req) => curricula.create(req),
    'curriculum:save': async (req) => curricula.summary(await curricula.save(req)),
    'curriculum:duplicate': ({ id, title }) => curricula.duplicate(id, title),
    'curriculum:archive': ({ id, archived }) => curricula.setArchived(id, archived),
    'curriculum:delete': async ({ id, confirmed }) => ({ deleted: await curricula.delete(id, confirmed) }),
    'curriculum:check': ({ id }) => Promise.resolve(curricula.check(id)),
    'app:save-file': async ({ fileName, bytesBase64 }) => {
      if (!host.saveFile) return { saved: false };
      const path = await host.saveFile(fileName, Buffer.from(bytesBase64, 'base64'));
      return path ? { saved: true, path } : { saved: false };
    },
    'pack:export': async ({ moduleIds, ...meta }) => {
      const { version } = await readAppVersion(host.appRoot);
      const pack = await exportPack(store, { moduleIds, ...meta }, version);
      return { fileName: pack.fileName, bytesBase64: pack.bytes.toString('base64'), modules: pack.modules };
    },
    'pack:preview': (req) =>
      packs.preview(
        { bytes: 'uploadId' in req ? takeUpload(host, req.uploadId) : Buffer.from(req.bytesBase64, 'base64') },
        {
          ...(req.taskId ? { id: req.taskId } : {}),
          onProgress: (p) => {
            if (req.taskId) host.emit?.('task:progress', { taskId: req.taskId, done: p.done, total: p.total, label: p.label });
          },
        },
      ),
    'export:plan': (request) => exports.plan(request),
    'export:docx': async ({ taskId, ...request }) => {
      const file = await exports.docx(request, {
        ...(taskId ? { taskId } : {}),
        onProgress: (p) => {
          if (taskId) host.emit?.('task:progress', { taskId, done: p.done, total: p.total, label: p.label });
        },
      });
      return { fileName: file.fileName, bytesBase64: Buffer.from(file.bytes).toString('base64') };
    },
    'export:kit': (req) =>
      exportKit(exports, {
        ...(host.chooseFolder ? { chooseFolder: host.chooseFolder } : {}),
        ...(host.savedFiles ? { savedFiles: host.savedFiles } : {}),
        onProgress: (p) => {
          if (req.taskId) host.emit?.('task:progress', { taskId: req.taskId, done: p.done, total: p.total, label: p.label });
        },
      }, req),
    'app:reveal-file': async ({ path, action }) => ({ done: host.revealFile ? await host.revealFile(path, action) : false }),
    'task:cancel': ({ taskId }) => Promise.resolve({ cancelled: packs.cancel(taskId) || exports.cancel(taskId) || sync.cancel(taskId) }),
    'pack:import': ({ previewId, decisions, curricula: chosen, leaveOut, dryRun }) => packs.import(previewId, decisions, { dryRun, curricula: chosen, leaveOut }),
    'pack:last-import': () => Promise.resolve(packs.lastImport()),
    'pack:undo-import': () => packs.undoLastImport(),
    'word:preview': ({ files }) =>
      words.preview(files.map((file) => ({ fileName: file.fileName, bytes: 'uploadId' in file ? takeUpload(host, file.uploadId) : Buffer.from(file.bytesBase64, 'base64') }))),
    'word:repreview': ({ previewId, corrections }) => Promise.resolve(words.repreview(previewId, corrections)),
    'word:import': ({ previewId, corrections, dryRun }) => words.import(previewId, corrections, { dryRun }),
    'roundtrip:preview': (req) => roundTrip.preview(req.fileName, 'uploadId' in req ? takeUpload(host, req.uploadId) : Buffer.from(req.bytesBase64, 'base64')),
    'roundtrip:apply': ({ previewId, as, names, dryRun }) => roundTrip.apply(previewId, as, { ...(names ? { names } : {}), dryRun }),
    'roundtrip:undo': () => roundTrip.undoLast(),
    'sync:status': () => sync.status(),
    'sync:setup': (req) => sync.setup(req),
    'sync:disconnect': (req) => sync.disconnect(req?.forgetHistory ?? false),
    'sync:now': (req) => sync.sync({ onConflict: req?.onConflict, ...taskOf(host, req?.taskId) }),
    'sync:resolve': ({ resolveId, choices, taskId }) => sync.sync({ resolve: { resolveId, choices }, ...taskOf(host, taskId) }),
    'history:list': (req) => history.list(subjectOf(req), 'limit' in req ? req.limit : undefined),
    'history:show': (req) => history.show(subjectOf(req), req.commit),
    'history:diff': (req) => history.diff(subjectOf(req), req.from, req.to),
    'history:restore': (req) => history.restore(subjectOf(req), req.commit),
    'history:undo-restore': () => history.undoRestore(),
  };
}

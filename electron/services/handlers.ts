import type { Handlers } from '../../shared/ipc/contract';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { readAppVersion, readThirdPartyLicenses } from './app/licenses';
import { LibraryService } from './library/library-service';
import { loadSampleLibrary } from './library/sample-library';
import { exportPack } from './packs/pack-export';
import { PackImportService } from './packs/pack-import';
import { Store } from './store/store';

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
};

export type Services = { store: Store; library: LibraryService; packs: PackImportService; host: Host };

/** Opens the data directory (taking its lock) and wires the services. */
export async function openServices(dataDir: string, host: Host, backups?: { keep?: number; minIntervalMs?: number }): Promise<Services> {
  const store = await Store.open({
    dataDir,
    owner: host.kind === 'electron' ? 'desktop app' : host.kind === 'web' ? 'web harness' : 'command line',
    seed: {
      settings: () => Promise.resolve(DEFAULT_SETTINGS),
      library: () => loadSampleLibrary(host.resourcesDir),
    },
    ...(backups ? { backups } : {}),
  });
  return { store, library: new LibraryService(store), packs: new PackImportService(store), host };
}

/** Every channel of the contract, implemented once over the services and served by every host. */
export function createHandlers({ store, library, packs, host }: Services): Handlers {
  return {
    'app:info': async () => ({
      ...(await readAppVersion(host.appRoot)),
      host: host.kind,
      dataDir: store.dataDir,
      licenses: await readThirdPartyLicenses(host.appRoot),
    }),
    'app:open-external': async ({ url }) => ({ opened: await host.openExternal(url) }),
    'store:status': () => Promise.resolve(store.status()),
    'store:backups': () => store.listBackups(),
    'store:restore': ({ backupId }) => store.restore(backupId),
    'settings:get': () => Promise.resolve(store.read('settings')),
    'settings:update': (patch) => store.update('settings', (settings) => ({ ...settings, ...patch })),
    'library:list': (query) => library.search(query),
    'library:get': ({ id }) => Promise.resolve(library.get(id)),
    'library:references': () => Promise.resolve([...library.references()]),
    'library:save': (req) => library.save(req),
    'library:duplicate': ({ id, title }) => library.duplicate(id, title),
    'library:usage': ({ id }) => Promise.resolve(library.usage(id)),
    'library:delete': async ({ id, confirmed }) => ({ usage: await library.delete(id, confirmed) }),
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
    'pack:preview': ({ bytesBase64 }) => packs.preview({ bytes: Buffer.from(bytesBase64, 'base64') }),
    'pack:import': ({ previewId, decisions, dryRun }) => packs.import(previewId, decisions, { dryRun }),
    'pack:last-import': () => Promise.resolve(packs.lastImport()),
    'pack:undo-import': () => packs.undoLastImport(),
  };
}

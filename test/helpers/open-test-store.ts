import { join } from 'node:path';
import type { LibraryData } from '../../shared/schemas/library';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { Store } from '../../electron/services/store/store';
import { createHandlers, openServices, type Host, type Services } from '../../electron/services/handlers';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import type { ReplaceFiles } from '../../electron/services/store/replace-files';

export const REPO_ROOT = join(import.meta.dirname, '../..');
export const RESOURCES_DIR = join(REPO_ROOT, 'resources');

/** A small library so that store tests stay fast: the first sample module and the references. */
export async function smallLibrary(): Promise<LibraryData> {
  const sample = await loadSampleLibrary(RESOURCES_DIR);
  return { modules: sample.modules.slice(0, 1), references: sample.references, upstream: [] };
}

export function openTestStore(dataDir: string, backups = { keep: 10, minIntervalMs: 0 }, replaceFiles?: ReplaceFiles): Promise<Store> {
  return Store.open({
    dataDir,
    owner: 'test',
    seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: smallLibrary },
    backups,
    ...(replaceFiles ? { replaceFiles } : {}),
  });
}

/** The real services and handlers over a data folder, as a host would wire them. */
export async function openTestServices(dataDir: string, host: Partial<Host> = {}): Promise<Services & { handlers: ReturnType<typeof createHandlers> }> {
  const services = await openServices(
    dataDir,
    { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false), ...host },
    { keep: 10, minIntervalMs: 0 },
  );
  return { ...services, handlers: createHandlers(services) };
}

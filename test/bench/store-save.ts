import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import type { LibraryData } from '../../shared/schemas/library';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { Store } from '../../electron/services/store/store';
import { RESOURCES_DIR } from '../helpers/open-test-store';
import { summarise } from './stats';

/** A library of about `targetBytes` made of copies of the sample modules. */
async function libraryOfSize(targetBytes: number): Promise<LibraryData> {
  const sample = await loadSampleLibrary(RESOURCES_DIR);
  const modules = [];
  let bytes = 0;
  for (let i = 0; bytes < targetBytes; i += 1) {
    const source = sample.modules[i % sample.modules.length];
    if (!source) break;
    const copy = { ...source, id: `${source.id}-copy-${i}` };
    bytes += JSON.stringify(copy).length;
    modules.push(copy);
  }
  return { modules, references: sample.references, upstream: [] };
}

/** Saving a ~5 MB data file: serialise, temp file, fsync, rename, fsync folder, plus a backup each time. */
export async function benchStoreSave(rounds = 40): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-store-'));
  try {
    const library = await libraryOfSize(5 * 1024 * 1024);
    const store = await Store.open({
      dataDir,
      owner: 'bench',
      seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.resolve(library) },
      backups: { keep: 10, minIntervalMs: 0 },
    });
    const times: number[] = [];
    for (let i = 0; i < rounds; i += 1) {
      const started = performance.now();
      await store.update('library', (l) => ({ ...l, modules: l.modules.map((m, j) => (j === 0 ? { ...m, revision: m.revision + 1 } : m)) }));
      times.push(performance.now() - started);
    }
    const bytes = (await stat(join(dataDir, 'library.json'))).size;
    store.close();
    return { fileBytes: bytes, modules: library.modules.length, backupEverySave: true, ...summarise(times) };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

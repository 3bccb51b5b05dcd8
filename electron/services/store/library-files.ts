import type { LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import { deepFreeze } from './deep-freeze';
import { SplitStorage, FileProblem, changedItems, type FilePlan } from './document-files';
import { FILE_DEFINITIONS, type LibraryIndex } from './file-definitions';
import { LIBRARY_INDEX_FILE, moduleFile, MODULES_DIR, upstreamFile, UPSTREAM_DIR } from './layout';

const EMPTY: LibraryData = { modules: [], references: [], upstream: [] };

/** The library as `library/_index.json`, one file per module and one per upstream version (layout.ts). */
export class LibraryFiles extends SplitStorage<LibraryData> {
  private last: LibraryData = EMPTY;
  /** Whether the index file exists: a first save writes it even when the references are empty. */
  private indexed = false;

  async read(): Promise<LibraryData | null> {
    const index = await this.readOne(LIBRARY_INDEX_FILE, FILE_DEFINITIONS.libraryIndex);
    // Frozen as they are read: the store freezes all it holds, and the modules are nearly all of it.
    const modules = await this.readFolder(MODULES_DIR, FILE_DEFINITIONS.module, deepFreeze);
    const upstream = await this.readFolder(UPSTREAM_DIR, FILE_DEFINITIONS.upstream, deepFreeze);
    if (!index) {
      if (modules.length === 0 && upstream.length === 0) return null; // a new data folder
      throw new FileProblem('store-corrupt', `The library's index (${LIBRARY_INDEX_FILE}) is missing, although the library holds modules.`, LIBRARY_INDEX_FILE, 'missing');
    }
    const data: LibraryData = { modules, references: index.references, upstream, ...(index.lastImport ? { lastImport: index.lastImport } : {}) };
    this.indexed = true;
    this.last = data;
    return data;
  }

  /** One module's file, read and checked on its own; null when there is none (see Store.readModuleAlone). */
  readModule(id: string): Promise<Module | null> {
    return this.readOne(moduleFile(id), FILE_DEFINITIONS.module);
  }

  /** The reference list, from the library's index file alone. */
  async readReferences(): Promise<Reference[]> {
    return (await this.readOne(LIBRARY_INDEX_FILE, FILE_DEFINITIONS.libraryIndex))?.references ?? [];
  }

  plan(next: LibraryData): FilePlan {
    const plan: FilePlan = { writes: [], removals: [] };
    const modules = changedItems(this.last.modules, next.modules, 'modules');
    for (const m of modules.changed) plan.writes.push(this.encode(m, FILE_DEFINITIONS.module, moduleFile(m.id)));
    for (const id of modules.removed) plan.removals.push(moduleFile(id));
    const upstream = changedItems(this.last.upstream, next.upstream, 'upstream versions');
    for (const m of upstream.changed) plan.writes.push(this.encode(m, FILE_DEFINITIONS.upstream, upstreamFile(m.id)));
    for (const id of upstream.removed) plan.removals.push(upstreamFile(id));
    if (!this.indexed || next.references !== this.last.references || next.lastImport !== this.last.lastImport) {
      const index: LibraryIndex = { references: next.references, ...(next.lastImport ? { lastImport: next.lastImport } : {}) };
      plan.writes.push(this.encode(index, FILE_DEFINITIONS.libraryIndex, LIBRARY_INDEX_FILE));
    }
    return plan;
  }

  protected remember(data: LibraryData): void {
    this.last = data;
    this.indexed = true;
  }
}

import { uniqueId } from '../../../shared/domain/ids';
import type { LibraryIndex } from '../../../shared/domain/library-search';
import { structuralProblems } from '../../../shared/domain/module-checks';
import { modulePlaceholders, placeholderDefinitions } from '../../../shared/domain/placeholders';
import { referencedModules } from '../../../shared/domain/references/text-checks';
import { AppError } from '../../../shared/errors';
import type { LibrarySearchResult } from '../../../shared/schemas/library';
import type { LibraryListRequest } from '../../../shared/schemas/library-query';
import type { LibraryPlaceholder, ModuleDetail, ModuleUsage } from '../../../shared/schemas/library-detail';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import type { Store } from '../store/store';
import { AnswerMemo } from '../answer-memo';
import { deepFreeze } from '../store/deep-freeze';
import { moduleDetail, moduleUsage } from './module-detail';
import { SearchIndexService } from './search-index-service';
import { laterStamp } from '../later-stamp';

/** Modules whose texts the placeholder scan reads before it lets waiting requests in (a few milliseconds' worth). */
export const PLACEHOLDER_SCAN_BATCH = 50;

/** The placeholder names each stored module uses, kept while it is the same (frozen) module. */
const usedPlaceholders = new WeakMap<Module, readonly string[]>();

/** Who else uses modules (curricula, once they exist); kept abstract so the library does not depend on them. */
export type ModuleUsers = (moduleId: string) => { id: string; title: string }[];

export type SaveRequest = {
  module: Module;
  /** The revision the editor started from; null to create a new module. */
  baseRevision: number | null;
  /** Start a new revision (first save of an editing session) or amend the current one (autosave). */
  bump: boolean;
  /** The `updatedAt` the edit started from: refused when the module was saved since, even within a revision. */
  baseUpdatedAt?: string | undefined;
};

/**
 * The module library over the store: search, detail, and editing with optimistic concurrency (a save names
 * the revision it was based on, so two windows or a CLI import cannot silently overwrite each other).
 */
export class LibraryService {
  constructor(
    private readonly store: Store,
    private readonly curriculaUsing: ModuleUsers = () => [],
    private readonly now: () => Date = () => new Date(),
    /** The search index; in memory only unless the host keeps it in the data folder. */
    private readonly searchIndex = new SearchIndexService(store),
  ) {}

  private get modules(): readonly Module[] {
    return this.store.read('library').modules;
  }

  /**
   * Lists and filters at once, from the persisted index even while the library itself is still being read;
   * a text search waits only if the full text has to be built first.
   */
  async search(request: LibraryListRequest = {}): Promise<LibrarySearchResult> {
    const { offset, limit, ...query } = request;
    const index = query.text?.trim() ? await this.searchIndex.forText() : await this.searchIndex.current();
    return this.searchAnswers.answer(index, request, () => {
      const { modules, matched } = index.searchPage(query, { offset, limit });
      return deepFreeze({ modules, facets: index.facetCounts(query), matched, total: index.size });
    });
  }

  /** Answers kept while the index does not change: designers repeat searches (a page shown again, the same word typed). */
  private readonly searchAnswers = new AnswerMemo<LibraryIndex, LibraryListRequest, LibrarySearchResult>((index) => index.version);

  find(id: string): Module {
    const module = this.modules.find((m) => m.id === id);
    if (!module) throw new AppError('not-found', `No module with id "${id}" in the library`);
    return module;
  }

  references(): readonly Reference[] {
    return this.store.read('library').references;
  }

  /** The reference list; while the library is still being read, from its index file alone. */
  async referencesNow(): Promise<readonly Reference[]> {
    return this.store.isLoading('library') ? this.store.readReferencesAlone() : this.references();
  }

  get(id: string): ModuleDetail {
    const module = this.find(id);
    const all = this.modules;
    const linked = referencedModules(module);
    return moduleDetail({ module, rows: all, references: this.references(), curricula: this.curriculaUsing(id), linked: all.filter((m) => m.id !== id && linked.has(m.id)) });
  }

  /**
   * A module's detail. While a large library is still being read (the first seconds after start), it is
   * worked out from the module's own file, the files of the modules its texts refer to and the search
   * index's list rows, instead of waiting for every module: the same answer (a test compares them).
   */
  async detail(id: string): Promise<ModuleDetail> {
    if (!this.store.isLoading('library')) return this.get(id);
    const module = await this.store.readModuleAlone(id);
    // Read meanwhile: the library in memory is the truth again.
    if (!this.store.isLoading('library')) return this.get(id);
    if (!module) throw new AppError('not-found', `No module with id "${id}" in the library`);
    const index = await this.searchIndex.current();
    // In id order, the order the library's folder is read in.
    const rows = [...index.ids()].sort().flatMap((row) => index.summaryOf(row) ?? []);
    const linked: Module[] = [];
    const refersTo = referencedModules(module);
    for (const row of rows) {
      const other = row.id !== id && refersTo.has(row.id) ? await this.store.readModuleAlone(row.id) : null;
      if (other) linked.push(other);
    }
    return moduleDetail({ module, rows, references: await this.store.readReferencesAlone(), curricula: this.curriculaUsing(id), linked });
  }

  /**
   * Every placeholder the modules use, by name, with the first definition each language gives it. Finding
   * them reads every text of every module: over a 5,000-module library (390 MB), 1.1 s of the one thread
   * that also answers searches (measured). So each module's names are kept while the module stays the same
   * (stored modules are frozen and replaced, never edited), and the first scan gives way to the requests
   * waiting after every PLACEHOLDER_SCAN_BATCH modules it reads.
   */
  async placeholders(): Promise<LibraryPlaceholder[]> {
    const found = new Map<string, LibraryPlaceholder>();
    // The library of this moment: a save meanwhile replaces the list, and is seen by the next call.
    const modules = this.modules;
    let scanned = 0;
    for (const module of modules) {
      let names = usedPlaceholders.get(module);
      if (!names) {
        if (scanned > 0 && scanned % PLACEHOLDER_SCAN_BATCH === 0) await new Promise((resolve) => setImmediate(resolve));
        scanned += 1;
        usedPlaceholders.set(module, (names = modulePlaceholders(module)));
      }
      const definitions = placeholderDefinitions(module);
      for (const name of names) {
        const entry = found.get(name) ?? { name, definitions: [], modules: 0 };
        entry.modules += 1;
        const definition = definitions.get(name);
        if (definition && !entry.definitions.some((d) => d.language === module.language)) {
          const { name: _name, ...text } = definition;
          entry.definitions.push({ language: module.language, ...text });
        }
        found.set(name, entry);
      }
    }
    return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  usage(id: string): ModuleUsage {
    this.find(id);
    return moduleUsage(id, this.modules, this.curriculaUsing(id));
  }

  async save({ module, baseRevision, bump, baseUpdatedAt }: SaveRequest): Promise<Module> {
    const existing = this.modules.find((m) => m.id === module.id);
    if (baseRevision === null && existing) throw new AppError('conflict', `A module with id "${module.id}" already exists`);
    if (baseRevision !== null && !existing) throw new AppError('not-found', `No module with id "${module.id}" in the library`);
    if (existing && existing.revision !== baseRevision) {
      throw new AppError('conflict', `"${existing.title}" was changed elsewhere (now revision ${existing.revision}, you edited revision ${baseRevision}). Reopen it to see the changes.`);
    }
    // An autosave amends its revision: another window's amendment keeps the revision and changes only the stamp.
    if (existing && baseUpdatedAt !== undefined && existing.updatedAt !== baseUpdatedAt) {
      throw new AppError('conflict', `"${existing.title}" was changed elsewhere (saved ${existing.updatedAt}; you edited the version of ${baseUpdatedAt}). Reopen it to see the changes.`);
    }
    this.checkLinks(module);
    const saved: Module = {
      ...module,
      revision: existing ? existing.revision + (bump ? 1 : 0) : 1,
      // Strictly later than the version replaced, so that a base stamp names one version.
      updatedAt: existing ? laterStamp(this.now(), existing.updatedAt) : this.now().toISOString(),
    };
    const written = await this.store.update('library', (library) => ({
      ...library,
      modules: existing ? library.modules.map((m) => (m.id === saved.id ? saved : m)) : [...library.modules, saved],
    }));
    this.searchIndex.changed();
    // As this save wrote it: a save of the same module joined to the same write may have changed it since,
    // and the editor takes this answer's revision as the base of its next save.
    const writtenModule = written.modules.find((m) => m.id === saved.id);
    if (!writtenModule) throw new AppError('not-found', `No module with id "${saved.id}" in the library`);
    return writtenModule;
  }

  async duplicate(id: string, title: string): Promise<Module> {
    const source = this.find(id);
    const copy: Module = {
      ...source,
      id: uniqueId(title, new Set(this.modules.map((m) => m.id))),
      title,
      revision: 1,
      updatedAt: this.now().toISOString(),
      provenance: { author: source.provenance.author, ...(source.provenance.publisher ? { publisher: source.provenance.publisher } : {}) },
    };
    delete copy.translationOf;
    return this.save({ module: copy, baseRevision: null, bump: false });
  }

  /** Refuses to delete a module in use unless the caller has shown the user where and they confirmed. */
  async delete(id: string, confirmed: boolean): Promise<ModuleUsage> {
    const usage = this.usage(id);
    const uses = [...usage.curricula, ...usage.prerequisiteOf, ...usage.translations];
    if (uses.length > 0 && !confirmed) {
      throw new AppError('conflict', `"${this.find(id).title}" is used by ${uses.map((u) => u.title).join(', ')}; confirm to delete it anyway`);
    }
    await this.store.update('library', (library) => ({
      ...library,
      modules: library.modules
        .filter((m) => m.id !== id)
        .map((m) => (m.prerequisites.includes(id) ? { ...m, prerequisites: m.prerequisites.filter((p) => p !== id) } : m)),
    }));
    this.searchIndex.changed();
    return usage;
  }

  /** Ids a module points at must exist: references, objectives, prerequisites, the translated source. */
  private checkLinks(module: Module): void {
    const [problem] = structuralProblems(module, this.references());
    if (problem) throw new AppError('invalid-argument', `${problem.path}: ${problem.message}`);
    const ids = new Set(this.modules.map((m) => m.id));
    const unknownPrerequisite = module.prerequisites.find((p) => !ids.has(p) || p === module.id);
    if (unknownPrerequisite) throw new AppError('invalid-argument', `Prerequisite "${unknownPrerequisite}" is not another module of the library`);
    if (module.translationOf && !ids.has(module.translationOf.moduleId)) {
      throw new AppError('invalid-argument', `The translated module "${module.translationOf.moduleId}" is not in the library`);
    }
  }
}

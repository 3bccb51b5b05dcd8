import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { diffModules } from '../../../shared/domain/curriculum/module-diff';
import { uniqueId } from '../../../shared/domain/ids';
import { merge, sameModuleContent, threeWay } from '../../../shared/domain/packs/three-way';
import { AppError } from '../../../shared/errors';
import type { LastImport, LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { ImportAction, ImportDecision, ImportResult, PackPreview, PreviewItem } from '../../../shared/schemas/pack-import';
import { writeFileAtomic } from '../store/atomic-file';
import { decodeDocument, definitionOf, encodeDocument } from '../store/documents';
import type { Store } from '../store/store';
import { checkPackCurricula, coursesToAdd } from './pack-curricula';
import { readPack, readPackBytes, type PackContents } from './pack-reader';
import type { PackProgress, PackReader } from './pack-read-worker';

const IMPORTS_FOLDER = 'imports';
/** Previews are kept briefly in memory so the user's decisions apply to exactly what they saw. */
const MAX_PREVIEWS = 3;
const SNAPSHOTS_KEPT = 5;

type Source = { path: string } | { bytes: Buffer };

/**
 * Importing a module pack: a preview that compares every module with the library (new, identical, changed,
 * or a three-way merge against the upstream version last imported), then one transaction that writes every
 * chosen module or none, after a backup and a snapshot that "undo last import" restores.
 */
export class PackImportService {
  private readonly previews = new Map<string, PackContents>();
  /** Reads in progress, by the task id the caller chose, so that they can be cancelled. */
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: Store,
    /** The desktop app and the web harness read in a worker thread; the CLI and tests read in process. */
    private readonly reader: PackReader = (bytes) => readPackBytes(bytes),
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stops a pack read that is still running; false when there is none by that id. */
  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    controller?.abort();
    return controller !== undefined;
  }

  private get library(): LibraryData {
    return this.store.read('library');
  }

  async preview(source: Source, task: { id?: string; onProgress?: (progress: PackProgress) => void } = {}): Promise<PackPreview> {
    const contents = 'path' in source ? await readPack(source.path) : await this.read(source.bytes, task);
    const previewId = randomUUID();
    this.previews.set(previewId, contents);
    for (const id of [...this.previews.keys()].slice(0, Math.max(0, this.previews.size - MAX_PREVIEWS))) this.previews.delete(id);
    const { manifest } = contents;
    const localRefs = new Set(this.library.references.map((r) => r.id));
    return {
      previewId,
      packId: manifest.packId,
      title: manifest.title,
      description: manifest.description,
      publisher: manifest.publisher,
      ...(manifest.contact ? { contact: manifest.contact } : {}),
      license: manifest.license,
      createdAt: manifest.createdAt,
      items: contents.modules.map((theirs) => this.describe(theirs, contents)),
      curricula: this.checkCurricula(contents).map((c) => c.preview),
      newReferences: contents.references.filter((r) => !localRefs.has(r.id)).length,
    };
  }

  private async read(bytes: Buffer, task: { id?: string; onProgress?: (progress: PackProgress) => void }): Promise<PackContents> {
    const controller = new AbortController();
    if (task.id) this.running.set(task.id, controller);
    try {
      return await this.reader(bytes, { signal: controller.signal, ...(task.onProgress ? { onProgress: task.onProgress } : {}) });
    } finally {
      if (task.id) this.running.delete(task.id);
    }
  }

  private describe(theirs: Module, contents: PackContents): PreviewItem {
    const mine = this.library.modules.find((m) => m.id === theirs.id);
    const base = this.library.upstream.find((m) => m.id === theirs.id);
    const status = statusOf(theirs, mine, base);
    const plan = base && mine && status === 'merge' ? threeWay(base, theirs, mine) : null;
    return {
      moduleId: theirs.id,
      title: theirs.title,
      language: theirs.language,
      revision: theirs.revision,
      localRevision: mine?.revision ?? null,
      status,
      defaultAction: DEFAULT_ACTION[status],
      changes: mine && status !== 'identical' ? diffModules(mine, theirs).map(({ path, message, before, after }) => ({ path, message, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) })) : [],
      fields: plan?.fields ?? [],
      warnings: this.danglingLinks(theirs, contents),
    };
  }

  private checkCurricula(contents: PackContents) {
    const localIds = new Set(this.store.read('curricula').curricula.map((c) => c.id));
    return checkPackCurricula(contents.curricula, localIds, contents.manifest.publisher);
  }

  /** Prerequisites and translation sources that are neither in the library nor in the pack. */
  private danglingLinks(module: Module, contents: PackContents): string[] {
    const known = new Set([...this.library.modules.map((m) => m.id), ...contents.modules.map((m) => m.id)]);
    const warnings = module.prerequisites.filter((p) => !known.has(p)).map((p) => `Prerequisite "${p}" is not in your library or this pack; the link is left out.`);
    if (module.translationOf && !known.has(module.translationOf.moduleId)) {
      warnings.push(`It translates "${module.translationOf.moduleId}", which is not in your library or this pack; the link is left out.`);
    }
    return warnings;
  }

  /**
   * Writes the chosen modules in one store update (all or nothing), after a backup and a snapshot for undo.
   * Modules without a decision get their default action.
   */
  async import(
    previewId: string,
    decisions: Readonly<Record<string, ImportDecision>>,
    options: { dryRun?: boolean; onConflict?: ImportAction; curricula?: readonly string[] | undefined } = {},
  ): Promise<ImportResult> {
    const contents = this.previews.get(previewId);
    if (!contents) throw new AppError('not-found', 'This pack preview has expired; open the pack again.');
    const unknown = Object.keys(decisions).find((id) => !contents.modules.some((m) => m.id === id));
    if (unknown) throw new AppError('invalid-argument', `The pack has no module "${unknown}"`);
    const importedAt = this.now().toISOString();
    const library = this.library;
    const modules = [...library.modules];
    const upstream = [...library.upstream];
    const written: ImportResult['written'] = [];
    const kept: string[] = [];
    const ids = new Set([...modules.map((m) => m.id), ...contents.modules.map((m) => m.id)]);

    for (const theirs of contents.modules) {
      const item = this.describe(theirs, contents);
      const action = decisions[theirs.id]?.action ?? (item.status === 'changed' || item.status === 'merge' ? (options.onConflict ?? item.defaultAction) : item.defaultAction);
      const incoming = this.withProvenance(this.withoutDanglingLinks(theirs, contents), contents, importedAt);
      const index = modules.findIndex((m) => m.id === theirs.id);
      const mine = modules[index];
      switch (action) {
        case 'keep-mine':
          kept.push(theirs.id);
          continue;
        case 'take-theirs':
          if (mine) modules[index] = { ...incoming, revision: Math.max(mine.revision + 1, theirs.revision), updatedAt: importedAt };
          else modules.push(incoming);
          break;
        case 'keep-both': {
          if (!mine) {
            modules.push(incoming);
            break;
          }
          const id = uniqueId(`${theirs.id}-${contents.manifest.publisher}`, ids);
          ids.add(id);
          modules.push({ ...incoming, id, title: `${theirs.title} (${contents.manifest.publisher})`, revision: 1, updatedAt: importedAt });
          written.push({ from: theirs.id, moduleId: id, action });
          continue;
        }
        case 'merge': {
          const base = upstream.find((m) => m.id === theirs.id);
          if (!mine || !base) throw new AppError('invalid-argument', `"${theirs.title}" has no earlier upstream version to merge with; choose keep mine, take theirs or keep both`);
          const merged = merge(base, incoming, mine, decisions[theirs.id]?.fields ?? {});
          modules[index] = { ...merged, provenance: incoming.provenance, revision: mine.revision + 1, updatedAt: importedAt };
          break;
        }
      }
      const upstreamIndex = upstream.findIndex((m) => m.id === theirs.id);
      if (upstreamIndex >= 0) upstream[upstreamIndex] = theirs;
      else upstream.push(theirs);
      written.push({ from: theirs.id, moduleId: theirs.id, action });
    }

    const added = coursesToAdd(this.checkCurricula(contents), options.curricula, contents.manifest.publisher, importedAt);
    const courses = added.map((a) => a.course);
    const addedCourses = added.map((a) => ({ from: a.from, curriculumId: a.course.id }));
    if (options.dryRun) return { written, kept, curricula: addedCourses, dryRun: true };
    const localRefs = new Set(library.references.map((r) => r.id));
    const references = [...library.references, ...contents.references.filter((r) => !localRefs.has(r.id))];
    await this.store.backupNow('library');
    const snapshot = await this.snapshot(library);
    const lastImport: LastImport = {
      packId: contents.manifest.packId,
      title: contents.manifest.title,
      publisher: contents.manifest.publisher,
      importedAt,
      snapshot,
      moduleIds: written.map((w) => w.moduleId),
      ...(courses.length > 0 ? { curriculumIds: courses.map((c) => c.id) } : {}),
    };
    await this.store.update('library', () => ({ modules, references, upstream, lastImport }));
    if (courses.length > 0) await this.store.update('curricula', (data) => ({ ...data, curricula: [...data.curricula, ...courses] }));
    this.previews.delete(previewId);
    return { written, kept, curricula: addedCourses, dryRun: false };
  }

  lastImport(): LastImport | null {
    return this.library.lastImport ?? null;
  }

  /**
   * Puts the library back as it was before the last import (changes made since are undone too) and
   * removes the courses the import added.
   */
  async undoLastImport(): Promise<LastImport> {
    const last = this.library.lastImport;
    if (!last) throw new AppError('not-found', 'There is no import to undo.');
    let before: LibraryData;
    try {
      before = decodeDocument(await readFile(join(this.store.dataDir, IMPORTS_FOLDER, last.snapshot), 'utf8'), definitionOf('library'));
    } catch (error) {
      throw new AppError('store-corrupt', `The snapshot taken before the import cannot be read (${(error as Error).message}); restore a backup instead.`);
    }
    await this.store.update('library', () => ({ modules: before.modules, references: before.references, upstream: before.upstream }));
    const added = new Set(last.curriculumIds ?? []);
    if (added.size > 0) {
      await this.store.update('curricula', (data) => ({
        curricula: data.curricula.filter((c) => !added.has(c.id)),
        archived: data.archived.filter((id) => !added.has(id)),
      }));
    }
    return last;
  }

  private async snapshot(library: LibraryData): Promise<string> {
    const dir = join(this.store.dataDir, IMPORTS_FOLDER);
    await mkdir(dir, { recursive: true });
    const name = `before-import-${this.now().toISOString().replace(/[-:.]/g, '')}.json`;
    await writeFileAtomic(join(dir, name), encodeDocument(library, definitionOf('library')));
    const old = (await readdir(dir)).filter((f) => f.startsWith('before-import-')).sort();
    for (const file of old.slice(0, Math.max(0, old.length - SNAPSHOTS_KEPT))) await rm(join(dir, file), { force: true });
    return name;
  }

  private withoutDanglingLinks(module: Module, contents: PackContents): Module {
    const known = new Set([...this.library.modules.map((m) => m.id), ...contents.modules.map((m) => m.id)]);
    const copy: Module = { ...module, prerequisites: module.prerequisites.filter((p) => known.has(p)) };
    if (copy.translationOf && !known.has(copy.translationOf.moduleId)) delete copy.translationOf;
    return copy;
  }

  private withProvenance(module: Module, contents: PackContents, importedAt: string): Module {
    return {
      ...module,
      provenance: {
        ...module.provenance,
        sourcePack: { packId: contents.manifest.packId, publisher: contents.manifest.publisher, revision: module.revision, importedAt },
      },
    };
  }
}

const DEFAULT_ACTION: Record<PreviewItem['status'], ImportAction> = {
  new: 'take-theirs',
  identical: 'keep-mine',
  update: 'take-theirs',
  // Without a common origin nothing tells which side is right: keep local work unless the user decides.
  changed: 'keep-mine',
  merge: 'merge',
  'upstream-unchanged': 'keep-mine',
};

function statusOf(theirs: Module, mine: Module | undefined, base: Module | undefined): PreviewItem['status'] {
  if (!mine) return 'new';
  if (sameModuleContent(mine, theirs)) return 'identical';
  if (!base) return 'changed';
  const mineChanged = !sameModuleContent(base, mine);
  const theirsChanged = !sameModuleContent(base, theirs);
  if (!mineChanged) return 'update';
  if (!theirsChanged) return 'upstream-unchanged';
  return 'merge';
}

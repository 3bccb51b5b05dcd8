import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compareFields } from '../../../shared/domain/packs/three-way';
import { AppError } from '../../../shared/errors';
import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { LastImport, LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { ImportAction, ImportDecision, ImportResult, PackPreview, PreviewItem } from '../../../shared/schemas/pack-import';
import { decodeDocument, definitionOf, encodeDocument } from '../store/documents';
import { IMPORTS_FOLDER, pruneSnapshots, snapshotName } from '../library/import-snapshots';
import type { Store } from '../store/store';
import { checkPackCurricula, coursesToAdd } from './pack-curricula';
import { DEFAULT_ACTION, danglingLinks, planImport, statusOf } from './pack-import-plan';
import { readPack, readPackBytes, type PackContents } from './pack-reader';
import type { PackProgress, PackReader } from './pack-read-worker';

/** Previews are kept briefly in memory so the user's decisions apply to exactly what they saw. */
const MAX_PREVIEWS = 3;

type Source = { path: string } | { bytes: Buffer };

/**
 * Importing a module pack: a preview that compares every module with the library (new, identical, changed,
 * or a three-way merge against the upstream version last imported), then one transaction that writes every
 * chosen module and course or none, after a backup, with a snapshot that "undo last import" restores.
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
    return {
      moduleId: theirs.id,
      title: theirs.title,
      language: theirs.language,
      revision: theirs.revision,
      localRevision: mine?.revision ?? null,
      status,
      defaultAction: DEFAULT_ACTION[status],
      fields: mine && status !== 'identical' ? compareFields(status === 'merge' ? base : undefined, theirs, mine) : [],
      warnings: danglingLinks(theirs, this.knownIds(contents)),
    };
  }

  private knownIds(contents: PackContents): Set<string> {
    return new Set([...this.library.modules.map((m) => m.id), ...contents.modules.map((m) => m.id)]);
  }

  private checkCurricula(contents: PackContents) {
    const localIds = new Set(this.store.read('curricula').curricula.map((c) => c.id));
    return checkPackCurricula(contents.curricula, localIds, contents.manifest.publisher);
  }

  /**
   * Writes the chosen modules, the merge bases and the chosen courses in one transaction (all or nothing),
   * after a backup and with a snapshot for undo; writes nothing at all when the import changes nothing.
   * Modules without a decision get their default action.
   */
  async import(previewId: string, decisions: Readonly<Record<string, ImportDecision>>, options: ImportOptions = {}): Promise<ImportResult> {
    const contents = this.previews.get(previewId);
    if (!contents) throw new AppError('not-found', 'This pack preview has expired; open the pack again.');
    // Keys are module ids from the caller: a Map, so that "constructor" is a module id like any other.
    const byModule = new Map(Object.entries(decisions));
    const unknown = [...byModule.keys()].find((id) => !contents.modules.some((m) => m.id === id));
    if (unknown !== undefined) throw new AppError('invalid-argument', `The pack has no module "${unknown}"`);
    const importedAt = this.now().toISOString();
    const library = this.library;
    const plan = planImport(library, contents, { decisions: byModule, onConflict: options.onConflict, importedAt });
    const added = coursesToAdd(this.checkCurricula(contents), {
      chosen: options.curricula,
      ...(options.leaveOut ? { leaveOut: options.leaveOut } : {}),
      publisher: contents.manifest.publisher,
      importedAt,
    });
    const courses = added.map((a) => a.course);
    const result: ImportResult = {
      written: plan.written,
      kept: plan.kept,
      curricula: added.map((a) => ({ from: a.from, curriculumId: a.course.id })),
      basesRecorded: plan.basesRecorded,
      dryRun: options.dryRun === true,
      saved: false,
    };
    if (options.dryRun) return result;
    if (!plan.contentChanged && courses.length === 0) {
      // Nothing the user would see changes. Merge bases alone are bookkeeping: saved, but not an import to undo.
      if (plan.basesRecorded.length > 0) await this.store.update('library', (data) => ({ ...data, upstream: plan.upstream }));
      this.previews.delete(previewId);
      return { ...result, saved: plan.basesRecorded.length > 0 };
    }
    // The whole folder as it was, beside the undo snapshot: a safety net that needs no code of ours to read.
    await this.store.snapshotFolder('before-import');
    const snapshot = snapshotName(this.now());
    const lastImport: LastImport = {
      packId: contents.manifest.packId,
      title: contents.manifest.title,
      publisher: contents.manifest.publisher,
      importedAt,
      snapshot,
      moduleIds: plan.written.map((w) => w.moduleId),
      ...(courses.length > 0 ? { curriculumIds: courses.map((c) => c.id) } : {}),
    };
    await this.store.transaction(
      {
        library: () => ({ modules: plan.modules, references: plan.references, upstream: plan.upstream, lastImport }),
        ...(courses.length > 0 ? { curricula: (data: CurriculaData) => ({ ...data, curricula: [...data.curricula, ...courses] }) } : {}),
      },
      { files: [{ path: `${IMPORTS_FOLDER}/${snapshot}`, bytes: encodeDocument(library, definitionOf('library')) }] },
    );
    await pruneSnapshots(this.store.dataDir);
    this.previews.delete(previewId);
    return { ...result, saved: true };
  }

  lastImport(): LastImport | null {
    return this.library.lastImport ?? null;
  }

  /**
   * Puts the library back as it was before the last import (changes made since are undone too) and
   * removes the courses the import added, in one transaction.
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
    const added = new Set(last.curriculumIds ?? []);
    await this.store.transaction({
      library: () => ({ modules: before.modules, references: before.references, upstream: before.upstream }),
      ...(added.size > 0
        ? { curricula: (data: CurriculaData) => ({ curricula: data.curricula.filter((c) => !added.has(c.id)), archived: data.archived.filter((id) => !added.has(id)) }) }
        : {}),
    });
    return last;
  }
}

type ImportOptions = {
  dryRun?: boolean;
  onConflict?: ImportAction;
  /** The pack's curricula to add as courses; all valid ones when undefined. */
  curricula?: readonly string[] | undefined;
  /** Invalid curricula the user chose to leave out; without this an invalid curriculum refuses the pack. */
  leaveOut?: readonly string[] | undefined;
};

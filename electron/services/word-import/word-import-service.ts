/**
 * Importing lesson plans from Word documents: a preview that reads every file (each checked by
 * docx-safety.ts; a refused file does not stop the others) and proposes draft modules, re-proposed as the
 * user corrects what a heading or table is; then one transaction that adds the drafts to the library after a
 * backup, with the same snapshot and "undo last import" as pack imports.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import type { SourceDocument } from '../../../shared/domain/word-import/blocks';
import type { Correction } from '../../../shared/domain/word-import/map-document';
import { proposeImport, slugFor } from '../../../shared/domain/word-import/propose-import';
import type { LastImport } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { WordCorrection, WordFilePreview, WordImportResult, WordPreview } from '../../../shared/schemas/word-import';
import { IMPORTS_FOLDER, pruneSnapshots, snapshotName } from '../library/import-snapshots';
import { definitionOf, encodeDocument } from '../store/documents';
import type { Store } from '../store/store';
import { readBlocks } from './docx-blocks';
import { readDocx, readDocxBytes } from './docx-safety';

export type WordSource = { path: string } | { fileName: string; bytes: Buffer };

/** At most this many files in one import; a folder of more is refused before any is read. */
export const MAX_WORD_FILES = 50;
const MAX_PREVIEWS = 3;

type Read = { fileName: string; document: SourceDocument } | { fileName: string; error: string };
type Held = { importedAt: string; files: Read[] };

export class WordImportService {
  private readonly previews = new Map<string, Held>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Reads the files and proposes modules; writes nothing. */
  async preview(sources: readonly WordSource[]): Promise<WordPreview> {
    if (sources.length === 0) throw new AppError('invalid-argument', 'Choose at least one Word document (.docx).');
    if (sources.length > MAX_WORD_FILES) throw new AppError('invalid-argument', `At most ${MAX_WORD_FILES} documents can be imported at once.`);
    const files: Read[] = [];
    for (const source of sources) files.push(await readOne(source));
    const previewId = randomUUID();
    const held: Held = { importedAt: this.now().toISOString(), files };
    this.previews.set(previewId, held);
    for (const id of [...this.previews.keys()].slice(0, Math.max(0, this.previews.size - MAX_PREVIEWS))) this.previews.delete(id);
    return { previewId, files: this.propose(held, []) };
  }

  /** The same preview with the user's corrections applied. */
  repreview(previewId: string, corrections: readonly WordCorrection[]): WordPreview {
    return { previewId, files: this.propose(this.held(previewId), corrections) };
  }

  /** Adds the proposed modules (with corrections) to the library in one transaction; nothing when dryRun. */
  async import(previewId: string, corrections: readonly WordCorrection[], options: { dryRun?: boolean } = {}): Promise<WordImportResult> {
    const held = this.held(previewId);
    const files = this.propose(held, corrections);
    const modules: { module: Module; fileName: string }[] = files.flatMap((file) => (file.ok ? file.modules.map((module) => ({ module, fileName: file.fileName })) : []));
    const result: WordImportResult = {
      modules: modules.map(({ module, fileName }) => ({
        moduleId: module.id,
        title: module.title,
        fileName,
        lessons: module.lessons.length,
        steps: module.lessons.reduce((sum, lesson) => sum + lesson.steps.length, 0),
        toCheck: module.provenance.sourceDocument?.toCheck.length ?? 0,
      })),
      refused: files.flatMap((file) => (file.ok ? [] : [{ fileName: file.fileName, error: file.error }])),
      dryRun: options.dryRun === true,
      saved: false,
    };
    if (options.dryRun || modules.length === 0) return result;
    const library = this.store.read('library');
    const taken = new Set(library.modules.map((m) => m.id));
    const clash = modules.find(({ module }) => taken.has(module.id));
    if (clash) throw new AppError('conflict', `The library gained a module "${clash.module.id}" since the preview; open the documents again.`);
    await this.store.snapshotFolder('before-word-import');
    const snapshot = snapshotName(this.now());
    const lastImport: LastImport = {
      packId: 'word-import',
      title: [...new Set(modules.map((m) => m.fileName))].join(', ').slice(0, 300),
      publisher: 'Word',
      importedAt: held.importedAt,
      snapshot,
      moduleIds: modules.map(({ module }) => module.id),
    };
    await this.store.transaction(
      { library: (data) => ({ ...data, modules: [...data.modules, ...modules.map((m) => m.module)], lastImport }) },
      { files: [{ path: `${IMPORTS_FOLDER}/${snapshot}`, bytes: encodeDocument(library, definitionOf('library')) }] },
    );
    await pruneSnapshots(this.store.dataDir);
    this.previews.delete(previewId);
    return { ...result, saved: true };
  }

  private held(previewId: string): Held {
    const held = this.previews.get(previewId);
    if (!held) throw new AppError('not-found', 'This Word import preview has expired; open the documents again.');
    return held;
  }

  private propose(held: Held, corrections: readonly WordCorrection[]): WordFilePreview[] {
    // Ids unique in the library and among the modules of this import, in file order.
    const used = new Set(this.store.read('library').modules.map((m) => m.id));
    const idFor = (title: string): string => {
      const base = slugFor(title);
      let id = base;
      for (let n = 2; used.has(id); n += 1) id = `${base.slice(0, 74)}-${n}`;
      used.add(id);
      return id;
    };
    return held.files.map((file, index): WordFilePreview => {
      if ('error' in file) return { ok: false, fileName: file.fileName, error: file.error };
      const mine = new Map<number, Correction>(corrections.filter((c) => c.file === index).map((c) => [c.block, c.as]));
      const proposal = proposeImport(file.document, { importedAt: held.importedAt, corrections: mine, idFor });
      return { ok: true, fileName: file.fileName, language: proposal.language, modules: proposal.modules, blocks: proposal.blocks, warnings: proposal.warnings };
    });
  }
}

async function readOne(source: WordSource): Promise<Read> {
  const fileName = 'path' in source ? (source.path.split(/[\\/]/).pop() ?? source.path) : source.fileName;
  try {
    const docx = 'path' in source ? await readDocx(source.path) : await readDocxBytes(source.bytes, source.fileName);
    return { fileName, document: readBlocks(docx) };
  } catch (error) {
    // A refusal (or a missing file) concerns this file only; anything else is a bug and stops the import.
    if (error instanceof AppError && error.code !== 'internal') return { fileName, error: error.message };
    throw error;
  }
}

/**
 * What of the data folder is synced, as the files of the git tree: each module as `library/modules/<id>.json`
 * and, when courses are synced, each course as `curricula/<id>.json` with the module snapshots it names
 * under `snapshots/`: the very bytes the store writes (layout.ts, file-definitions.ts), so a synced file
 * diffs line by line in any git host. The reference list the modules cite is `library/references.json`.
 * Settings, indexes, backups and pack bookkeeping are never synced.
 */
import { z } from 'zod';
import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import { ReferenceSchema, type Reference } from '../../../shared/schemas/reference';
import { sha256Of } from '../store/document-files';
import type { DocumentDefinition } from '../store/documents';
import { encodeFile, FILE_DEFINITIONS, LIBRARY_FILES_VERSION, snapshotText } from '../store/file-definitions';
import { curriculumFile, moduleFile, snapshotFile } from '../store/layout';
import { LIBRARY_FILE_MIGRATIONS } from '../store/file-definitions';
import { blobId } from './repo';

export const REFERENCES_FILE = 'library/references.json';

export const ReferencesFileSchema = z.object({ references: z.array(ReferenceSchema).max(5000) });
export const REFERENCES_DEFINITION: DocumentDefinition<{ references: Reference[] }> = {
  name: 'library',
  fileName: REFERENCES_FILE,
  schema: ReferencesFileSchema,
  version: LIBRARY_FILES_VERSION,
  migrations: LIBRARY_FILE_MIGRATIONS,
};

/** Path → text of every synced file. */
export type SyncedFiles = Map<string, string>;

const moduleTexts = new WeakMap<Module, string>();
const textIds = new Map<string, string>();

/**
 * The git blob id of a synced file's text. Texts are the frozen store objects' encodings (moduleText keeps
 * one string per module), so ids are remembered by string: a sync hashes only what changed.
 */
export function textBlobId(text: string): string {
  let oid = textIds.get(text);
  if (oid === undefined) {
    oid = blobId(Buffer.from(text, 'utf8'));
    if (textIds.size > 20_000) textIds.clear();
    textIds.set(text, oid);
  }
  return oid;
}

export function moduleText(module: Module): string {
  let text = moduleTexts.get(module);
  if (text === undefined) {
    text = encodeFile(module, FILE_DEFINITIONS.module);
    moduleTexts.set(module, text);
  }
  return text;
}

export function referencesText(references: readonly Reference[]): string {
  return encodeFile({ references: [...references] }, REFERENCES_DEFINITION);
}

/** A course file as the store writes it (snapshots by reference) and the snapshot files it names. */
export function courseTexts(course: Curriculum): { path: string; text: string; snapshots: [string, string][] } {
  const snapshots: [string, string][] = [];
  const items = course.items.map((item) => {
    if (item.kind !== 'module') return item;
    const text = snapshotText(item.snapshot);
    const sha256 = sha256Of(text);
    snapshots.push([snapshotFile(item.snapshot.id, item.snapshot.revision, sha256), text]);
    return { ...item, snapshot: { id: item.snapshot.id, revision: item.snapshot.revision, sha256 } };
  });
  return { path: curriculumFile(course.id), text: encodeFile({ ...course, items }, FILE_DEFINITIONS.curriculum), snapshots };
}

const courseCache = new WeakMap<Curriculum, ReturnType<typeof courseTexts>>();

/** The synced files of the store's current data. */
export function syncedFiles(library: LibraryData, curricula: CurriculaData | null): SyncedFiles {
  const files: SyncedFiles = new Map();
  for (const module of library.modules) files.set(moduleFile(module.id), moduleText(module));
  files.set(REFERENCES_FILE, referencesText(library.references));
  if (curricula) {
    for (const course of curricula.curricula) {
      let texts = courseCache.get(course);
      if (!texts) {
        texts = courseTexts(course);
        courseCache.set(course, texts);
      }
      files.set(texts.path, texts.text);
      for (const [path, text] of texts.snapshots) files.set(path, text);
    }
  }
  return files;
}

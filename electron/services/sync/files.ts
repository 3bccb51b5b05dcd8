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

/** A synced file: its text and its git blob id. */
export type SyncedFile = { text: string; oid: string };

/** Path → text and blob id of every synced file. */
export type SyncedFiles = Map<string, SyncedFile>;

const fileOf = (text: string): SyncedFile => ({ text, oid: blobId(Buffer.from(text, 'utf8')) });

/**
 * Texts and blob ids are kept by the frozen store object they encode (a module, a course, the reference
 * list): a sync encodes and hashes only what changed since the last one. (Not by text: V8 hashes a string
 * longer than 16 K characters by its length alone, so a map keyed by module texts compares whole texts.)
 */
const moduleFiles = new WeakMap<Module, SyncedFile>();
const referenceFiles = new WeakMap<readonly Reference[], SyncedFile>();

function moduleFileOf(module: Module): SyncedFile {
  let file = moduleFiles.get(module);
  if (file === undefined) {
    file = fileOf(encodeFile(module, FILE_DEFINITIONS.module));
    moduleFiles.set(module, file);
  }
  return file;
}

export function moduleText(module: Module): string {
  return moduleFileOf(module).text;
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

const courseFiles = new WeakMap<Curriculum, { path: string; file: SyncedFile; snapshots: [string, SyncedFile][] }>();

/** The synced files of the store's current data. */
export function syncedFiles(library: LibraryData, curricula: CurriculaData | null): SyncedFiles {
  const files: SyncedFiles = new Map();
  for (const module of library.modules) files.set(moduleFile(module.id), moduleFileOf(module));
  let references = referenceFiles.get(library.references);
  if (!references) {
    references = fileOf(referencesText(library.references));
    referenceFiles.set(library.references, references);
  }
  files.set(REFERENCES_FILE, references);
  if (curricula) {
    for (const course of curricula.curricula) {
      let course_ = courseFiles.get(course);
      if (!course_) {
        const texts = courseTexts(course);
        course_ = { path: texts.path, file: fileOf(texts.text), snapshots: texts.snapshots.map(([path, text]) => [path, fileOf(text)]) };
        courseFiles.set(course, course_);
      }
      files.set(course_.path, course_.file);
      for (const [path, file] of course_.snapshots) files.set(path, file);
    }
  }
  return files;
}

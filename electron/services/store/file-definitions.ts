/**
 * How each file of the one-file-per-module layout (layout.ts) is validated, versioned and written. Every file
 * carries the data version of its document, so a file can be migrated on its own, and a file written by a
 * newer app is refused (store-too-new) without touching it.
 */
import { z } from 'zod';
import { IdSchema } from '../../../shared/schemas/common';
import { curriculumWithItems, moduleItemWithSnapshot } from '../../../shared/schemas/curriculum';
import { LastImportSchema } from '../../../shared/schemas/library';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import type { DocumentName } from '../../../shared/schemas/store';
import { decodeDocument, type DocumentDefinition } from './documents';
import { CURRICULA_DIR, CURRICULA_INDEX_FILE, idOfFileName, LIBRARY_INDEX_FILE, MODULES_DIR, SETTINGS_FILE, SNAPSHOTS_DIR, UPSTREAM_DIR } from './layout';
import type { Migration } from './migrations';

/**
 * Data versions of the layout. Library 4 and curricula 3 are the one-file-per-module layout; the versions
 * before them were single files (documents.ts), which `migrate-layout.ts` splits on open.
 */
export const LIBRARY_FILES_VERSION = 4;
export const CURRICULA_FILES_VERSION = 3;
/** Per-file migrations from these versions on; append-only, as for the single files. */
export const LIBRARY_FILE_MIGRATIONS: readonly Migration[] = [];
export const CURRICULA_FILE_MIGRATIONS: readonly Migration[] = [];

export const LibraryIndexSchema = z.object({ references: z.array(ReferenceSchema), lastImport: LastImportSchema.optional() });
export type LibraryIndex = z.infer<typeof LibraryIndexSchema>;
export const CurriculaIndexSchema = z.object({ archived: z.array(IdSchema) });
export type CurriculaIndex = z.infer<typeof CurriculaIndexSchema>;

/** How a course file names a snapshot: the module, its revision, and the SHA-256 of its content. */
export const SnapshotRefSchema = z.strictObject({ id: IdSchema, revision: z.number().int().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/) });
export type SnapshotRef = z.infer<typeof SnapshotRefSchema>;

/** A course as its file holds it: module snapshots by reference, everything else checked as the live course is. */
export const StoredCurriculumSchema = curriculumWithItems(moduleItemWithSnapshot(SnapshotRefSchema));
export type StoredCurriculum = z.infer<typeof StoredCurriculumSchema>;

const libraryFile = <T>(fileName: string, schema: z.ZodType<T>): DocumentDefinition<T> => ({
  name: 'library',
  fileName,
  schema,
  version: LIBRARY_FILES_VERSION,
  migrations: LIBRARY_FILE_MIGRATIONS,
});
const curriculaFile = <T>(fileName: string, schema: z.ZodType<T>): DocumentDefinition<T> => ({
  name: 'curricula',
  fileName,
  schema,
  version: CURRICULA_FILES_VERSION,
  migrations: CURRICULA_FILE_MIGRATIONS,
});

export const FILE_DEFINITIONS = {
  libraryIndex: libraryFile(LIBRARY_INDEX_FILE, LibraryIndexSchema),
  module: libraryFile(MODULES_DIR, ModuleSchema),
  upstream: libraryFile(UPSTREAM_DIR, ModuleSchema),
  curriculaIndex: curriculaFile(CURRICULA_INDEX_FILE, CurriculaIndexSchema),
  curriculum: curriculaFile(CURRICULA_DIR, StoredCurriculumSchema),
  snapshot: curriculaFile(SNAPSHOTS_DIR, ModuleSchema),
};

/**
 * Pretty-printed with the keys in the schema's order (every stored object has been through its zod schema,
 * which writes keys in the order it declares them), so the same data always gives the same bytes: files
 * diff line by line, and equal snapshots hash equal.
 */
export function encodeFile<T>(data: T, definition: DocumentDefinition<T>): string {
  return `${JSON.stringify({ schemaVersion: definition.version, ...(data as object) }, null, 2)}\n`;
}

export function decodeFile<T>(text: string, definition: DocumentDefinition<T>, file: string): T {
  return decodeDocument(text, definition, `The file ${file}`);
}

/** The canonical text of a module snapshot, whose SHA-256 names it. */
export function snapshotText(module: Module): string {
  return encodeFile(module, FILE_DEFINITIONS.snapshot);
}

export type FileKind = 'settings' | 'libraryIndex' | 'module' | 'upstream' | 'curriculaIndex' | 'curriculum' | 'legacyLibrary' | 'legacyCurricula';

/** What a data file (relative path) is, and the id of the module or course it holds; null for files that are not ours. */
export function classifyFile(file: string): { kind: FileKind; document: DocumentName; id?: string } | null {
  if (file === SETTINGS_FILE) return { kind: 'settings', document: 'settings' };
  if (file === 'library.json') return { kind: 'legacyLibrary', document: 'library' };
  if (file === 'curricula.json') return { kind: 'legacyCurricula', document: 'curricula' };
  if (file === LIBRARY_INDEX_FILE) return { kind: 'libraryIndex', document: 'library' };
  if (file === CURRICULA_INDEX_FILE) return { kind: 'curriculaIndex', document: 'curricula' };
  const slash = file.lastIndexOf('/');
  const folder = file.slice(0, slash);
  const id = idOfFileName(file.slice(slash + 1));
  if (!id) return null;
  if (folder === MODULES_DIR) return { kind: 'module', document: 'library', id };
  if (folder === UPSTREAM_DIR) return { kind: 'upstream', document: 'library', id };
  if (folder === CURRICULA_DIR) return { kind: 'curriculum', document: 'curricula', id };
  return null;
}

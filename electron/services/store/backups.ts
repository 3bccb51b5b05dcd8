import { copyFile, link, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { BACKUP_NAME, type BackupInfo, type BackupSubject } from '../../../shared/schemas/store';
import { fileExists, fsyncDirectory } from './atomic-file';
import { decodeDocument, definitionOf, type DocumentDefinition } from './documents';
import { classifyFile, decodeFile, FILE_DEFINITIONS, type FileKind } from './file-definitions';
import { CURRICULA_INDEX_FILE, LIBRARY_INDEX_FILE } from './layout';

export const BACKUPS_FOLDER = 'backups';

/**
 * Backups are kept per data file, beside where the file would be in the data folder:
 * `backups/library/modules/arrest.20261126T175827123Z.json` keeps a version of `library/modules/arrest.json`.
 * A module or course's history is one folder listing, however many modules the library holds.
 */

/** 2026-11-26T17:58:27.123Z → 20261126T175827123Z: sortable and safe in every file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(value);
  if (!m) return new Date(0).toISOString();
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

const withoutJson = (file: string): string => file.replace(/\.json$/, '');

/**
 * Keeps the current version of a data file (`file`, relative to the data folder) before it is replaced or
 * removed. A hard link costs no copy (the atomic rename then gives the live name a new inode, so the link
 * keeps the old bytes); file systems without links (FAT on a USB stick) get a real copy.
 */
export async function backUpFile(dataDir: string, file: string, now = new Date()): Promise<string> {
  const base = withoutJson(file);
  const dir = join(dataDir, BACKUPS_FOLDER, dirname(file));
  await mkdir(dir, { recursive: true });
  let id = `${base}.${stamp(now)}.json`;
  for (let n = 1; await fileExists(join(dataDir, BACKUPS_FOLDER, id)); n += 1) id = `${base}.${stamp(now)}-${n}.json`;
  const target = join(dataDir, BACKUPS_FOLDER, id);
  try {
    await link(join(dataDir, file), target);
  } catch {
    await copyFile(join(dataDir, file), target);
  }
  await fsyncDirectory(dir);
  return id;
}

/** Deletes the oldest backups of a data file beyond `keep`. */
export async function pruneBackups(dataDir: string, file: string, keep: number): Promise<void> {
  const ids = await backupIdsOf(dataDir, file);
  for (const id of ids.slice(0, Math.max(0, ids.length - keep))) await rm(join(dataDir, BACKUPS_FOLDER, id), { force: true });
}

/** The files whose backups the general list shows; a module's or a course's own are listed with `file`. */
const DOCUMENT_FILES = ['settings.json', 'library.json', 'curricula.json', LIBRARY_INDEX_FILE, CURRICULA_INDEX_FILE];

/**
 * Backups, oldest first, each checked by loading it as the app would: those of one data file, or without
 * `file` those of the settings, the indexes and the first layout's whole-document files.
 */
export async function listBackups(dataDir: string, file?: string): Promise<BackupInfo[]> {
  const files = file === undefined ? DOCUMENT_FILES : [file];
  const infos: BackupInfo[] = [];
  for (const f of files) for (const id of await backupIdsOf(dataDir, f)) infos.push(await describeBackup(dataDir, id));
  return infos.sort((a, b) => sortKey(a.id).localeCompare(sortKey(b.id)));
}

/** What a backup holds, and whether it loads. Its id has been checked against BACKUP_NAME. */
export async function describeBackup(dataDir: string, id: string): Promise<BackupInfo> {
  const match = BACKUP_NAME.exec(id);
  const file = `${match?.[1] ?? ''}.json`;
  const what = classifyFile(file);
  if (!match || !what) throw new AppError('invalid-argument', `"${id}" is not a backup of a data file`);
  const subject: BackupSubject = what.id !== undefined ? { kind: subjectKind(what.kind), id: what.id } : { kind: subjectKind(what.kind) };
  const info: BackupInfo = { id, document: what.document, file, subject, createdAt: parseStamp(match[2] ?? ''), bytes: 0, schemaVersion: null, loadable: false };
  try {
    const text = await readFile(backupPath(dataDir, id), 'utf8');
    info.bytes = Buffer.byteLength(text);
    info.schemaVersion = readSchemaVersion(text);
    const data = decodeBackup(text, what.kind, file) as { title?: unknown; revision?: unknown };
    if (typeof data.title === 'string') info.title = data.title;
    if (typeof data.revision === 'number') info.revision = data.revision;
    info.loadable = true;
  } catch (error) {
    info.problem = error instanceof Error ? error.message : String(error);
  }
  return info;
}

/** Decodes a backup's text as the kind of file it keeps (migrating it, refusing newer formats). */
export function decodeBackup(text: string, kind: FileKind, file: string): unknown {
  const definition = definitionFor(kind);
  return kind === 'settings' || kind === 'legacyLibrary' || kind === 'legacyCurricula'
    ? decodeDocument(text, definition)
    : decodeFile(text, definition, `backup of ${file}`);
}

function definitionFor(kind: FileKind): DocumentDefinition<unknown> {
  const definitions: Record<FileKind, DocumentDefinition<unknown>> = {
    settings: definitionOf('settings') as DocumentDefinition<unknown>,
    legacyLibrary: definitionOf('library') as DocumentDefinition<unknown>,
    legacyCurricula: definitionOf('curricula') as DocumentDefinition<unknown>,
    libraryIndex: FILE_DEFINITIONS.libraryIndex as DocumentDefinition<unknown>,
    curriculaIndex: FILE_DEFINITIONS.curriculaIndex as DocumentDefinition<unknown>,
    module: FILE_DEFINITIONS.module as DocumentDefinition<unknown>,
    upstream: FILE_DEFINITIONS.upstream as DocumentDefinition<unknown>,
    curriculum: FILE_DEFINITIONS.curriculum as DocumentDefinition<unknown>,
  };
  return definitions[kind];
}

function subjectKind(kind: FileKind): BackupSubject['kind'] {
  if (kind === 'module' || kind === 'upstream' || kind === 'curriculum') return kind;
  return kind === 'libraryIndex' || kind === 'curriculaIndex' ? 'index' : 'document';
}

export function backupPath(dataDir: string, id: string): string {
  if (!BACKUP_NAME.test(id) || id.split('/').includes('..')) throw new AppError('invalid-argument', `"${id}" is not a backup name`);
  return join(dataDir, BACKUPS_FOLDER, id);
}

/** Ids of the backups of one data file, oldest first. */
async function backupIdsOf(dataDir: string, file: string): Promise<string[]> {
  const base = withoutJson(file);
  const folder = dirname(file);
  const prefix = `${base.slice(base.lastIndexOf('/') + 1)}.`;
  let names: string[];
  try {
    names = await readdir(join(dataDir, BACKUPS_FOLDER, folder));
  } catch {
    return [];
  }
  const ids = names
    .filter((n) => n.startsWith(prefix))
    .map((n) => (folder === '.' ? n : `${folder}/${n}`))
    .filter((id) => BACKUP_NAME.exec(id)?.[1] === base);
  return ids.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

/** Oldest first; "x.T1Z-1.json" (a second backup in the same millisecond) sorts after "x.T1Z.json". */
function sortKey(id: string): string {
  const m = BACKUP_NAME.exec(id);
  return `${m?.[2] ?? ''}.${(m?.[3] ?? '-0').slice(1).padStart(6, '0')}.${m?.[1] ?? ''}`;
}

function readSchemaVersion(text: string): number | null {
  const m = /"schemaVersion"\s*:\s*(\d+)/.exec(text.slice(0, 200));
  return m ? Number(m[1]) : null;
}

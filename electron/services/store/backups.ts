import { copyFile, link, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { BACKUP_NAME, DocumentNameSchema, type BackupInfo, type DocumentName } from '../../../shared/schemas/store';
import { fileExists, fsyncDirectory } from './atomic-file';
import { decodeDocument, definitionOf } from './documents';

export const BACKUPS_FOLDER = 'backups';

/** 2026-11-26T17:58:27.123Z → 20261126T175827123Z: sortable and safe in every file system. */
function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(value: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(value);
  if (!m) return new Date(0).toISOString();
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`;
}

/**
 * Keeps the previous good version of a data file before it is replaced. A hard link costs no copy (the
 * atomic rename then gives the live name a new inode, so the link keeps the old bytes); file systems
 * without links (FAT on a USB stick) get a real copy.
 */
export async function backUpFile(dataDir: string, document: DocumentName, sourcePath: string, now = new Date()): Promise<string> {
  const dir = join(dataDir, BACKUPS_FOLDER);
  await mkdir(dir, { recursive: true });
  let name = `${document}.${stamp(now)}.json`;
  for (let n = 1; await fileExists(join(dir, name)); n += 1) name = `${document}.${stamp(now)}-${n}.json`;
  const target = join(dir, name);
  try {
    await link(sourcePath, target);
  } catch {
    await copyFile(sourcePath, target);
  }
  await fsyncDirectory(dir);
  return name;
}

/** Deletes the oldest backups of a document beyond `keep`. */
export async function pruneBackups(dataDir: string, document: DocumentName, keep: number): Promise<void> {
  const names = (await backupNames(dataDir)).filter((n) => n.startsWith(`${document}.`));
  for (const name of names.slice(0, Math.max(0, names.length - keep))) {
    await rm(join(dataDir, BACKUPS_FOLDER, name), { force: true });
  }
}

/** Backups, oldest first, each checked by loading it as the app would. */
export async function listBackups(dataDir: string): Promise<BackupInfo[]> {
  const infos: BackupInfo[] = [];
  for (const name of await backupNames(dataDir)) {
    const match = BACKUP_NAME.exec(name);
    // Files of documents this version does not know (or no longer knows) are not offered for restore.
    const document = DocumentNameSchema.safeParse(match?.[1]).data;
    if (!match || !document) continue;
    const path = join(dataDir, BACKUPS_FOLDER, name);
    const info: BackupInfo = { id: name, document, createdAt: parseStamp(match[2] ?? ''), bytes: 0, schemaVersion: null, loadable: false };
    try {
      const text = await readFile(path, 'utf8');
      info.bytes = Buffer.byteLength(text);
      info.schemaVersion = readSchemaVersion(text);
      decodeDocument(text, definitionOf(document));
      info.loadable = true;
    } catch (error) {
      info.problem = error instanceof Error ? error.message : String(error);
    }
    infos.push(info);
  }
  return infos;
}

export function backupPath(dataDir: string, id: string): string {
  if (!BACKUP_NAME.test(id)) throw new AppError('invalid-argument', `"${id}" is not a backup name`);
  return join(dataDir, BACKUPS_FOLDER, id);
}

async function backupNames(dataDir: string): Promise<string[]> {
  try {
    const names = (await readdir(join(dataDir, BACKUPS_FOLDER))).filter((n) => BACKUP_NAME.test(n));
    return names.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  } catch {
    return [];
  }
}

/** Oldest first; "x.T1Z-1.json" (a second backup in the same millisecond) sorts after "x.T1Z.json". */
function sortKey(name: string): string {
  const m = BACKUP_NAME.exec(name);
  return `${m?.[2] ?? ''}.${(m?.[3] ?? '-0').slice(1).padStart(6, '0')}`;
}

function readSchemaVersion(text: string): number | null {
  const m = /"schemaVersion"\s*:\s*(\d+)/.exec(text.slice(0, 200));
  return m ? Number(m[1]) : null;
}

/**
 * Moves a data folder of the first layout (library.json and curricula.json, each one file holding every
 * module or course) to one file per module and course (layout.ts). It runs on open, before anything is read:
 *
 *   - the old files are decoded as before (migrated up to library 3 / curricula 2, validated);
 *   - the new files are written, and the old ones moved into `backups/before-layout-<stamp>/`, all in one
 *     journalled transaction, so a crash leaves either the old layout or the new one;
 *   - an old file that cannot be read (corrupt, written by a newer app) is left as it is, and reported like
 *     any damaged data file: nothing is changed until it is restored or replaced.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { LibraryData } from '../../../shared/schemas/library';
import { fileExists } from './atomic-file';
import { BACKUPS_FOLDER } from './backups';
import { CurriculaFiles } from './curricula-files';
import { FileProblem, type FilePlan } from './document-files';
import { decodeDocument, definitionOf } from './documents';
import type { BackupPolicy } from './durable-adapter';
import { CURRICULA_FILES_VERSION, LIBRARY_FILES_VERSION } from './file-definitions';
import { commitFiles } from './journal';
import { CURRICULA_INDEX_FILE, LEGACY_FILES, LIBRARY_INDEX_FILE } from './layout';
import { LibraryFiles } from './library-files';

export type LayoutMigration = { from: string; backupFolder: string };


const INDEX_OF = { library: LIBRARY_INDEX_FILE, curricula: CURRICULA_INDEX_FILE } as const;

/**
 * Splits the first layout's files, each document in its own transaction: a damaged library.json must not
 * hold back the courses. Returns what was done (null when there was nothing to do) and, per document, the
 * problem that stopped it.
 */
export async function migrateLayout(
  dataDir: string,
  policy: BackupPolicy,
  now = new Date(),
): Promise<{ migrated: LayoutMigration | null; problems: Map<'library' | 'curricula', FileProblem> }> {
  const backupFolder = `${BACKUPS_FOLDER}/before-layout-${now.toISOString().replace(/[-:.]/g, '')}`;
  const done: string[] = [];
  const problems = new Map<'library' | 'curricula', FileProblem>();
  for (const name of ['library', 'curricula'] as const) {
    const legacy = LEGACY_FILES[name];
    if (!(await fileExists(join(dataDir, legacy)))) continue;
    try {
      done.push(await migrateOne(dataDir, name, policy, backupFolder));
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      problems.set(name, error);
    }
  }
  if (done.length === 0) return { migrated: null, problems };
  const to = `library ${LIBRARY_FILES_VERSION}, curricula ${CURRICULA_FILES_VERSION}`;
  return { migrated: { from: `${done.join(' and ')} → one file per module and course (${to})`, backupFolder }, problems };
}

async function migrateOne(dataDir: string, name: 'library' | 'curricula', policy: BackupPolicy, backupFolder: string): Promise<string> {
  const legacy = LEGACY_FILES[name];
  const text = await readFile(join(dataDir, legacy), 'utf8');
  // The old file is kept whatever happens: it moves to the backup folder in the same transaction.
  const plan: FilePlan = { writes: [{ path: `${backupFolder}/${legacy}`, bytes: text }], removals: [legacy] };
  // Split already (an old copy put back by hand, say): the split files are the data; the old file is only kept.
  if (!(await fileExists(join(dataDir, INDEX_OF[name])))) {
    const data = decodeLegacy(text, name);
    const split = name === 'library' ? new LibraryFiles(dataDir, policy).plan(data as LibraryData) : new CurriculaFiles(dataDir, policy).plan(data as CurriculaData);
    plan.writes.push(...split.writes);
  }
  await commitFiles(dataDir, plan.writes, {}, plan.removals);
  return `${name} ${readVersion(text)} (${legacy})`;
}

/**
 * The first layout's documents read as they are, for a folder that cannot be written (a full disk): the
 * data can be shown, and the move waits until the folder can be saved to again.
 */
export async function legacyDocuments(dataDir: string): Promise<{ documents: Map<'library' | 'curricula', LibraryData | CurriculaData>; problems: Map<'library' | 'curricula', FileProblem> }> {
  const documents = new Map<'library' | 'curricula', LibraryData | CurriculaData>();
  const problems = new Map<'library' | 'curricula', FileProblem>();
  for (const name of ['library', 'curricula'] as const) {
    if (!(await fileExists(join(dataDir, LEGACY_FILES[name]))) || (await fileExists(join(dataDir, INDEX_OF[name])))) continue;
    try {
      documents.set(name, decodeLegacy(await readFile(join(dataDir, LEGACY_FILES[name]), 'utf8'), name));
    } catch (error) {
      if (!(error instanceof FileProblem)) throw error;
      problems.set(name, error);
    }
  }
  return { documents, problems };
}

function decodeLegacy(text: string, name: 'library' | 'curricula'): LibraryData | CurriculaData {
  try {
    return decodeDocument(text, definitionOf(name));
  } catch (error) {
    const code = error instanceof AppError ? error.code : 'store-corrupt';
    throw new FileProblem(code, (error as Error).message, LEGACY_FILES[name], code === 'store-too-new' ? 'too-new' : 'corrupt');
  }
}

function readVersion(text: string): string {
  return /"schemaVersion"\s*:\s*(\d+)/.exec(text.slice(0, 200))?.[1] ?? '?';
}

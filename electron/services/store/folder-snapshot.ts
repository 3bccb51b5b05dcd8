import { copyFile, link, mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fsyncDirectory } from './atomic-file';
import { BACKUPS_FOLDER } from './backups';
import { CURRICULA_DIR, SETTINGS_FILE } from './layout';

/** Folder snapshots kept; older ones are removed when a new one is taken. */
const KEEP = 5;
export const FOLDER_SNAPSHOTS = `${BACKUPS_FOLDER}/folders`;

/**
 * Keeps the whole data folder as it is now, before an operation that changes much of it (a pack import,
 * later a sync): `backups/folders/<reason>-<stamp>/` holds the settings, the library and the curricula.
 * Files are hard-linked (every save replaces a file by renaming a new one over it, so a link keeps the old
 * bytes for free); file systems without links get copies. Snapshots of modules taken by courses are
 * immutable and never deleted, so they are not repeated here.
 */
export async function snapshotFolder(dataDir: string, reason: string, now = new Date()): Promise<string> {
  const name = `${reason.replace(/[^a-z0-9-]/g, '-')}-${now.toISOString().replace(/[-:.]/g, '')}`;
  const target = join(dataDir, FOLDER_SNAPSHOTS, name);
  const files = [SETTINGS_FILE, ...(await filesUnder(dataDir, 'library')), ...(await filesUnder(dataDir, CURRICULA_DIR))];
  for (const folder of new Set(files.map((file) => dirname(join(target, file))))) await mkdir(folder, { recursive: true });
  const keep = async (file: string): Promise<void> => {
    try {
      await link(join(dataDir, file), join(target, file));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') return; // not there (no settings yet): nothing to keep
      await copyFile(join(dataDir, file), join(target, file));
    }
  };
  // Many links at once: a library of hundreds of modules is linked in the time of a few round trips to the disk.
  for (let at = 0; at < files.length; at += 64) await Promise.all(files.slice(at, at + 64).map(keep));
  await fsyncDirectory(target);
  await prune(dataDir);
  return `${FOLDER_SNAPSHOTS}/${name}`;
}

/** Data files (not temp or staged files) under a folder of the data folder, relative to it. */
async function filesUnder(dataDir: string, folder: string): Promise<string[]> {
  let entries;
  try {
    entries = await readdir(join(dataDir, folder), { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.includes('.tmp-') && !e.name.includes('.txn-'))
    .map((e) => join(e.parentPath, e.name).slice(dataDir.length + 1).split('\\').join('/'));
}

async function prune(dataDir: string): Promise<void> {
  const names = (await readdir(join(dataDir, FOLDER_SNAPSHOTS))).sort((a, b) => stampOf(a).localeCompare(stampOf(b)));
  for (const name of names.slice(0, Math.max(0, names.length - KEEP))) await rm(join(dataDir, FOLDER_SNAPSHOTS, name), { recursive: true, force: true });
}

const stampOf = (name: string): string => /(\d{8}T\d{9}Z)$/.exec(name)?.[1] ?? '';

/** Folder snapshots, oldest first, as paths relative to the data folder. */
export async function listFolderSnapshots(dataDir: string): Promise<string[]> {
  try {
    const names = await readdir(join(dataDir, FOLDER_SNAPSHOTS));
    return names.sort((a, b) => stampOf(a).localeCompare(stampOf(b))).map((n) => `${FOLDER_SNAPSHOTS}/${n}`);
  } catch {
    return [];
  }
}

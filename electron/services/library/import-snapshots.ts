/**
 * The library as it was just before an import (a pack or Word documents), kept in the data folder's
 * imports/ so that "undo last import" can put it back; the newest few are kept.
 */
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const IMPORTS_FOLDER = 'imports';
const SNAPSHOTS_KEPT = 5;
const SNAPSHOT_NAME = /^before-import-\d{8}T\d{9}Z\.json$/;

export const snapshotName = (now: Date): string => `before-import-${now.toISOString().replace(/[-:.]/g, '')}.json`;

/** Removes all but the newest snapshots. */
export async function pruneSnapshots(dataDir: string): Promise<void> {
  const dir = join(dataDir, IMPORTS_FOLDER);
  const old = (await readdir(dir)).filter((f) => SNAPSHOT_NAME.test(f)).sort();
  for (const file of old.slice(0, Math.max(0, old.length - SNAPSHOTS_KEPT))) await rm(join(dir, file), { force: true });
}

/**
 * Where each piece of data lives in the data folder. One file per module and per course, so a save writes
 * what changed and nothing else, files diff and merge well (the shared library over git builds on this),
 * and a damaged file costs one module, not the library:
 *
 *   settings.json                      the user's settings (never shared)
 *   library/_index.json                the reference list and the last pack import
 *   library/modules/<id>.json          one library module each
 *   library/upstream/<id>.json         the partner's version a module came from (the base of three-way merges)
 *   curricula/_index.json              which courses are archived
 *   curricula/<id>.json                one course each; its module snapshots are named by content hash
 *   snapshots/<module id>/r<rev>-<hash>.json
 *                                      module snapshots, stored once and shared by every course that uses them
 *   library/_search/index.bin          the search index: a cache of the module files, rebuilt when missing or
 *                                      damaged; never backed up or synced (not a .json file, so folder
 *                                      snapshots leave it out)
 *
 * Ids are lowercase slugs (IdSchema), so they are valid file names everywhere and cannot clash by case.
 * The one exception is Windows device names ("con", "aux", "com1"...), which no file may be called in any
 * folder: those get an underscore, which no id contains, so the mapping stays one to one. Index files start
 * with an underscore for the same reason: no course can be called like them.
 */
export const SETTINGS_FILE = 'settings.json';
export const LIBRARY_INDEX_FILE = 'library/_index.json';
export const MODULES_DIR = 'library/modules';
export const UPSTREAM_DIR = 'library/upstream';
export const CURRICULA_DIR = 'curricula';
export const CURRICULA_INDEX_FILE = 'curricula/_index.json';
export const SNAPSHOTS_DIR = 'snapshots';
export const SEARCH_INDEX_FILE = 'library/_search/index.bin';

/** The single files of the first layout (data version library 3, curricula 2), migrated on open. */
export const LEGACY_FILES = { library: 'library.json', curricula: 'curricula.json' } as const;

const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const FILE_ID = /^([a-z0-9][a-z0-9-]*?)(_?)\.json$/;

export function fileNameOf(id: string): string {
  return WINDOWS_DEVICE.test(id) ? `${id}_.json` : `${id}.json`;
}

/** The id a file name stands for, or null for a file that is not one of ours (a README, an editor's backup). */
export function idOfFileName(name: string): string | null {
  const match = FILE_ID.exec(name);
  if (!match?.[1]) return null;
  const device = WINDOWS_DEVICE.test(match[1]);
  // "con.json" or "arrest_.json" are not names this app writes: leave them alone rather than guess.
  if (device !== (match[2] === '_')) return null;
  return match[1];
}

export const moduleFile = (id: string): string => `${MODULES_DIR}/${fileNameOf(id)}`;
export const upstreamFile = (id: string): string => `${UPSTREAM_DIR}/${fileNameOf(id)}`;
export const curriculumFile = (id: string): string => `${CURRICULA_DIR}/${fileNameOf(id)}`;

/** A snapshot's file: the module, its revision (for people reading the folder) and the hash (its identity). */
export function snapshotFile(moduleId: string, revision: number, sha256: string): string {
  const folder = WINDOWS_DEVICE.test(moduleId) ? `${moduleId}_` : moduleId;
  return `${SNAPSHOTS_DIR}/${folder}/r${revision}-${sha256.slice(0, 16)}.json`;
}

export const SNAPSHOT_NAME = /^r(\d+)-([0-9a-f]{16})\.json$/;

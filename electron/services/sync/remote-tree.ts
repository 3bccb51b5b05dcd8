/**
 * A remote repository is hostile input, like a pack: before anything of a fetched commit is used, its tree
 * is walked and every entry checked. Only the synced layout (files.ts) is accepted, plus a few files git
 * hosts add when they create a repository (README, LICENSE, .gitignore, .gitattributes), which are ignored.
 * Anything else is refused with a message naming it: names that leave their folder or are not ours,
 * two names that differ only by case (one file on Windows and macOS), symlinks, submodules, trees too
 * large, and (when read) blobs too large or that are not valid data. Nothing is ever written by a name
 * taken from the remote: the store writes modules and courses by their validated ids.
 */
import { AppError } from '../../../shared/errors';
import { IdSchema } from '../../../shared/schemas/common';
import { CURRICULA_DIR, fileNameOf, idOfFileName, MODULES_DIR, SNAPSHOT_NAME, SNAPSHOTS_DIR } from '../store/layout';
import { REFERENCES_FILE } from './files';
import type { LocalRepo } from './repo';

export const REMOTE_LIMITS = {
  /** Entries in the whole tree. */
  maxEntries: 50_000,
  /** One file (a module is at most a few hundred kilobytes). */
  maxBlobBytes: 8 * 1024 * 1024,
};

/** Files a git host may add to a new repository: allowed, never read. */
const IGNORED_TOP_FILES = new Set(['README', 'README.md', 'README.txt', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', '.gitignore', '.gitattributes']);

/** Whether a path of the tree is one this library keeps in its store (the others are carried along untouched). */
export function isManaged(path: string, includeCourses: boolean): boolean {
  if (path === REFERENCES_FILE || path.startsWith(`${MODULES_DIR}/`)) return true;
  return includeCourses && (path.startsWith(`${CURRICULA_DIR}/`) || path.startsWith(`${SNAPSHOTS_DIR}/`));
}

export type RemoteTree = {
  modules: Map<string, string>;
  courses: Map<string, string>;
  /** Snapshot files, by path. */
  snapshots: Map<string, string>;
  references: string | null;
};

const hostile = (message: string): AppError => new AppError('sync-hostile', `The shared library was refused: ${message}. Nothing was taken from it.`);

const SAFE_NAME = /^[A-Za-z0-9._-]{1,255}$/;

/** Checks a commit's tree and lists what it holds; throws sync-hostile on the first problem. */
export async function readRemoteTree(repo: LocalRepo, commit: string, includeCourses: boolean): Promise<RemoteTree> {
  const result: RemoteTree = { modules: new Map(), courses: new Map(), snapshots: new Map(), references: null };
  let entries = 0;
  const lowerSeen = new Map<string, string>();

  const walk = async (treeOid: string, folder: string): Promise<void> => {
    const list = await repo.readTreeEntries(treeOid);
    entries += list.length;
    if (entries > REMOTE_LIMITS.maxEntries) throw hostile(`it holds more than ${String(REMOTE_LIMITS.maxEntries)} files`);
    // Names first, all of them: a case clash is named as such, whichever of the two names is not ours.
    for (const entry of list) {
      const name = entry.path;
      const path = folder ? `${folder}/${name}` : name;
      if (!SAFE_NAME.test(name) || name === '.' || name === '..' || name.toLowerCase() === '.git') {
        throw hostile(`"${printable(path)}" is not a safe file name (a path leaving its folder, an absolute path or unusual characters)`);
      }
      const clash = lowerSeen.get(path.toLowerCase());
      if (clash !== undefined) throw hostile(`"${clash}" and "${path}" differ only by case, which Windows and macOS cannot keep apart`);
      lowerSeen.set(path.toLowerCase(), path);
    }
    for (const entry of list) {
      const path = folder ? `${folder}/${entry.path}` : entry.path;
      if (entry.mode === '120000') throw hostile(`"${path}" is a symbolic link`);
      if (entry.mode === '160000' || entry.type === 'commit') throw hostile(`"${path}" is a submodule (a link to another repository)`);
      if (entry.type === 'tree') {
        if (!allowedFolder(path)) throw hostile(`the folder "${path}" is not part of a shared library`);
        await walk(entry.oid, path);
        continue;
      }
      if (entry.mode !== '100644' && entry.mode !== '100755') throw hostile(`"${path}" has an unknown file mode ${entry.mode}`);
      classify(path, entry.oid, includeCourses, result);
    }
  };
  const { tree } = await repo.readCommit(commit);
  await walk(tree, '');
  return result;
}

/** Courses may be in the tree even when this library does not sync them (another academy does): accepted, left unread. */
function allowedFolder(path: string): boolean {
  return path === 'library' || path === MODULES_DIR || snapshotFolderOk(path);
}

/** snapshots/ and snapshots/<module id>/ (a Windows device name gets an underscore, as layout.ts writes it). */
function snapshotFolderOk(path: string): boolean {
  if (path === CURRICULA_DIR || path === SNAPSHOTS_DIR) return true;
  const parts = path.split('/');
  if (parts.length !== 2 || parts[0] !== SNAPSHOTS_DIR) return false;
  const id = idOfFileName(`${parts[1] ?? ''}.json`);
  return id !== null && fileNameOf(id) === `${parts[1] ?? ''}.json` && IdSchema.safeParse(id).success;
}

function classify(path: string, oid: string, includeCourses: boolean, into: RemoteTree): void {
  const slash = path.lastIndexOf('/');
  const folder = slash < 0 ? '' : path.slice(0, slash);
  const name = path.slice(slash + 1);
  if (folder === '' && IGNORED_TOP_FILES.has(name)) return;
  if (path === REFERENCES_FILE) {
    into.references = oid;
    return;
  }
  const id = idOfFileName(name);
  const exact = id !== null && fileNameOf(id) === name && IdSchema.safeParse(id).success;
  if (folder === MODULES_DIR && exact) {
    into.modules.set(id, oid);
    return;
  }
  if (folder === CURRICULA_DIR && exact) {
    // Courses of a library that syncs only modules are left where they are, unread.
    if (includeCourses) into.courses.set(id, oid);
    return;
  }
  if (folder.startsWith(`${SNAPSHOTS_DIR}/`) && SNAPSHOT_NAME.test(name)) {
    if (includeCourses) into.snapshots.set(path, oid);
    return;
  }
  throw hostile(`"${printable(path)}" is not a module, course or snapshot file of a shared library`);
}

/** Reads a blob of the remote within the size limit, as text. */
export async function readRemoteText(repo: LocalRepo, oid: string, path: string): Promise<string> {
  const bytes = await repo.readBlob(oid);
  if (bytes.length > REMOTE_LIMITS.maxBlobBytes) throw hostile(`"${path}" is ${String(Math.round(bytes.length / 1024 / 1024))} MB, more than a module or course can be`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw hostile(`"${path}" is not UTF-8 text`);
  }
}

function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are shown, not printed raw
  return text.replace(/[\u0000-\u001F\u007F]/g, '?').slice(0, 200);
}

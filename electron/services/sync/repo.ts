/**
 * The library's own git repository, `<data>/sync/repo.git`: bare, without a work tree. Trees are built
 * straight from the store's files (a commit is a snapshot of what the store holds) and read back as flat
 * maps of paths, so no checkout ever writes a file named by a remote into the data folder.
 */
import { createHash } from 'node:crypto';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import git, { type CommitObject, type TreeEntry } from 'isomorphic-git';
import { gitFs, type GitFs } from './git-fs';

export const BLOB_MODE = '100644';
export const TREE_MODE = '040000';

/** A flat view of a tree: path → blob id and mode (modes kept so the safety checks can refuse symlinks and submodules). */
export type FlatTree = Map<string, { oid: string; mode: string; type: 'blob' | 'tree' | 'commit' }>;

export type Person = { name: string; email: string };

/** The id git gives a blob: SHA-1 of "blob <size>\0" and the content. */
export function blobId(bytes: Uint8Array): string {
  return createHash('sha1').update(`blob ${String(bytes.length)}\0`).update(bytes).digest('hex');
}

const OPEN = new Map<string, LocalRepo>();

export class LocalRepo {
  readonly fs: GitFs = gitFs();
  /** isomorphic-git's cache (pack indexes), kept for the repository's life. */
  readonly cache: object = {};
  /** Trees and commits already read, by id: an object's content never changes. */
  private readonly trees = new Map<string, TreeEntry[]>();
  private readonly commits = new Map<string, CommitObject>();

  constructor(readonly gitdir: string) {}

  /**
   * The repository of `gitdir`, kept open for the process's life: its caches (pack indexes, trees, commits)
   * make the next sync and a history read cost what changed, not what the repository holds.
   */
  static async open(gitdir: string): Promise<LocalRepo> {
    const known = OPEN.get(gitdir);
    if (known) return known;
    const repo = new LocalRepo(gitdir);
    try {
      await access(join(gitdir, 'HEAD'));
    } catch {
      await git.init({ fs: repo.fs, gitdir, bare: true, defaultBranch: 'main' });
      await repo.fs.flush();
    }
    OPEN.set(gitdir, repo);
    return repo;
  }

  /** Forgets an open repository (its folder was removed). */
  static forget(gitdir: string): void {
    OPEN.delete(gitdir);
  }

  private get base() {
    return { fs: this.fs, gitdir: this.gitdir, cache: this.cache };
  }

  async hasObject(oid: string): Promise<boolean> {
    try {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one call that tells whether any object exists
      await git.readObject({ ...this.base, oid, format: 'deflated' });
      return true;
    } catch {
      return false;
    }
  }

  async writeBlob(bytes: Uint8Array): Promise<string> {
    return git.writeBlob({ fs: this.fs, gitdir: this.gitdir, blob: bytes });
  }

  async readBlob(oid: string): Promise<Uint8Array> {
    const { blob } = await git.readBlob({ ...this.base, oid });
    return blob;
  }

  async readTreeEntries(oid: string): Promise<TreeEntry[]> {
    const known = this.trees.get(oid);
    if (known) return known;
    const { tree } = await git.readTree({ ...this.base, oid });
    this.trees.set(oid, tree);
    return tree;
  }

  async readCommit(oid: string): Promise<CommitObject> {
    const known = this.commits.get(oid);
    if (known) return known;
    const { commit } = await git.readCommit({ ...this.base, oid });
    this.commits.set(oid, commit);
    return commit;
  }

  /** Every entry under a tree (blobs, and anything that is not a tree), by path; trees are walked. */
  async flatTree(treeOid: string, prefix = '', into: FlatTree = new Map()): Promise<FlatTree> {
    for (const entry of await this.readTreeEntries(treeOid)) {
      const path = `${prefix}${entry.path}`;
      if (entry.type === 'tree') await this.flatTree(entry.oid, `${path}/`, into);
      else into.set(path, { oid: entry.oid, mode: entry.mode, type: entry.type });
    }
    return into;
  }

  async flatTreeOfCommit(commitOid: string | null): Promise<FlatTree> {
    if (!commitOid) return new Map();
    return this.flatTree((await this.readCommit(commitOid)).tree);
  }

  /** The blob id at `path` in a commit, or null; reads only the trees on the way. */
  async blobAt(commitOid: string, path: string): Promise<string | null> {
    let tree = (await this.readCommit(commitOid)).tree;
    const parts = path.split('/');
    for (const [index, part] of parts.entries()) {
      const entry = (await this.readTreeEntries(tree)).find((e) => e.path === part);
      if (!entry) return null;
      if (index === parts.length - 1) return entry.type === 'blob' ? entry.oid : null;
      if (entry.type !== 'tree') return null;
      tree = entry.oid;
    }
    return null;
  }

  /** Writes the trees for a flat map of path → blob id (blobs must exist) and returns the root tree's id. */
  async writeTree(files: ReadonlyMap<string, string>): Promise<string> {
    type Folder = { blobs: Map<string, string>; folders: Map<string, Folder> };
    const root: Folder = { blobs: new Map(), folders: new Map() };
    for (const [path, oid] of files) {
      const parts = path.split('/');
      const name = parts.pop() as string;
      let folder = root;
      for (const part of parts) {
        let next = folder.folders.get(part);
        if (!next) {
          next = { blobs: new Map(), folders: new Map() };
          folder.folders.set(part, next);
        }
        folder = next;
      }
      folder.blobs.set(name, oid);
    }
    const write = async (folder: Folder): Promise<string> => {
      const entries: TreeEntry[] = [];
      for (const [name, oid] of folder.blobs) entries.push({ mode: BLOB_MODE, path: name, oid, type: 'blob' });
      for (const [name, sub] of folder.folders) entries.push({ mode: TREE_MODE, path: name, oid: await write(sub), type: 'tree' });
      // Git's order: by name, a folder sorting as if its name ended with "/".
      const key = (e: TreeEntry) => (e.type === 'tree' ? `${e.path}/` : e.path);
      entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
      const oid = await git.writeTree({ fs: this.fs, gitdir: this.gitdir, tree: entries });
      this.trees.set(oid, entries);
      return oid;
    };
    return write(root);
  }

  async writeCommit(options: { tree: string; parents: string[]; message: string; author: Person; date: Date }): Promise<string> {
    const timestamp = Math.floor(options.date.getTime() / 1000);
    const person = { ...options.author, timestamp, timezoneOffset: 0 };
    return git.writeCommit({
      fs: this.fs,
      gitdir: this.gitdir,
      commit: { tree: options.tree, parent: options.parents, author: person, committer: person, message: options.message },
    });
  }

  async mergeBase(a: string, b: string): Promise<string | null> {
    const bases = (await git.findMergeBase({ ...this.base, oids: [a, b] })) as string[];
    return bases[0] ?? null;
  }

  async isAncestor(ancestor: string, of: string): Promise<boolean> {
    if (ancestor === of) return true;
    return git.isDescendent({ ...this.base, oid: of, ancestor, depth: -1 });
  }

  /** isomorphic-git's fetch needs a configured remote ("origin") to know where fetched branches go. */
  async configureRemote(url: string): Promise<void> {
    const current = (await git.getConfig({ fs: this.fs, gitdir: this.gitdir, path: 'remote.origin.url' })) as string | undefined;
    if (current === url) return;
    await git.setConfig({ fs: this.fs, gitdir: this.gitdir, path: 'remote.origin.url', value: url });
    await git.setConfig({ fs: this.fs, gitdir: this.gitdir, path: 'remote.origin.fetch', value: '+refs/heads/*:refs/remotes/origin/*' });
  }

  /** The commit a ref points at, or null. */
  async readRef(ref: string): Promise<string | null> {
    try {
      return await git.resolveRef({ fs: this.fs, gitdir: this.gitdir, ref });
    } catch {
      return null;
    }
  }

  /** Points a ref at a commit (refs are a cache of sync/state.json, which is the truth). */
  async setRef(ref: string, oid: string): Promise<void> {
    await git.writeRef({ fs: this.fs, gitdir: this.gitdir, ref, value: oid, force: true });
  }
}

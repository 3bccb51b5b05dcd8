/**
 * Remote repositories crafted with git's plumbing for the hostile-remote tests: any tree git can store,
 * including names and modes that `git add` would never produce (written with `hash-object --literally`).
 */
import { spawnSync } from 'node:child_process';
import { bareRepo } from './git-server';

function gitIn(repo: string, input: string | Buffer, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd: repo, input, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: repo, GIT_AUTHOR_NAME: 'Hostile', GIT_AUTHOR_EMAIL: 'h@example.org', GIT_COMMITTER_NAME: 'Hostile', GIT_COMMITTER_EMAIL: 'h@example.org' } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr.toString()}`);
  return result.stdout.toString().trim();
}

export type Entry = { mode: string; name: string; oid: string };
export type Node = string | Buffer | { mode: string; oid: string } | { [name: string]: Node };

export class HostileRepo {
  readonly path: string;

  constructor(root: string, name: string) {
    this.path = bareRepo(root, name);
  }

  blob(content: string | Buffer): string {
    return gitIn(this.path, content, 'hash-object', '-w', '--stdin');
  }

  /** A tree of any entries, byte for byte as given (names with slashes, dots, any mode). */
  rawTree(entries: Entry[]): string {
    const parts = entries.map((e) => Buffer.concat([Buffer.from(`${e.mode} ${e.name}\0`, 'utf8'), Buffer.from(e.oid, 'hex')]));
    return gitIn(this.path, Buffer.concat(parts), 'hash-object', '-t', 'tree', '--literally', '-w', '--stdin');
  }

  /** A tree from nested objects: text or bytes are files, objects are folders, {mode, oid} any entry. */
  tree(node: { [name: string]: Node }): string {
    const entries: Entry[] = Object.entries(node).map(([name, value]) => {
      if (typeof value === 'string' || Buffer.isBuffer(value)) return { mode: '100644', name, oid: this.blob(value) };
      if ('mode' in value && 'oid' in value && typeof value.mode === 'string' && typeof value.oid === 'string') return { mode: value.mode, name, oid: value.oid };
      return { mode: '40000', name, oid: this.tree(value) };
    });
    const key = (e: Entry) => (e.mode === '40000' ? `${e.name}/` : e.name);
    entries.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    return this.rawTree(entries);
  }

  /** Makes `tree` the branch's only commit. */
  publish(tree: string): string {
    const commit = gitIn(this.path, '', 'commit-tree', tree, '-m', 'Published');
    gitIn(this.path, '', 'update-ref', 'refs/heads/main', commit);
    return commit;
  }
}

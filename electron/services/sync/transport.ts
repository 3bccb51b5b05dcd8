/**
 * How the local repository exchanges commits with the remote: over smart HTTP (isomorphic-git's fetch and
 * push, through our own HTTP client) or with a bare repository folder (a network share, a USB stick),
 * which isomorphic-git does not speak: objects are copied between the two object stores, each one checked
 * against its id, and the branch is moved under git's own lock file, only from the commit we last saw.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname } from 'node:path';
import { join } from 'node:path';
import git, { type HttpClient } from 'isomorphic-git';
import { AppError } from '../../../shared/errors';
import { gitFs, type GitFs } from './git-fs';
import { syncHttpClient, type HttpLimits, DEFAULT_HTTP_LIMITS } from './http-client';
import { REMOTE_LIMITS } from './remote-tree';
import { checkLooseObject, checkPack, packOfUploadResponse } from './object-limits';
import type { LocalRepo } from './repo';

export type PushOutcome = 'pushed' | 'rejected';

export type Transport = {
  /** Brings the remote branch's commits into the local repository; its head, or null while the remote has none. */
  fetch(): Promise<string | null>;
  /** Moves the remote branch from `expected` (what the last fetch saw) to `oid`; 'rejected' when someone pushed meanwhile. */
  push(oid: string, expected: string | null): Promise<PushOutcome>;
};

export type TransportOptions = {
  remote: string;
  branch: string;
  username: string;
  token: string | null;
  signal?: AbortSignal;
  limits?: HttpLimits;
  /** Called with each phase and its progress, for the progress bar. */
  onProgress?: (phase: string, loaded: number, total: number) => void;
};

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** Turns what isomorphic-git or the network threw into one of the sync error codes, with a plain message. */
export function transportError(error: unknown, remote: string): AppError {
  if (error instanceof AppError) return error;
  const e = error as { code?: string; name?: string; data?: { statusCode?: number }; message?: string; cause?: { code?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  if (e.name === 'AbortError' || code === 'ABORT_ERR') return new AppError('cancelled', 'The sync was cancelled.');
  if (NETWORK_CODES.has(code) || /socket hang up|network/i.test(e.message ?? '')) {
    return new AppError('sync-offline', `The shared library at ${remote} cannot be reached (${e.message ?? code}); your changes are kept for the next sync.`);
  }
  if (code === 'HttpError') {
    const status = e.data?.statusCode ?? 0;
    if (status === 401 || status === 403) return new AppError('sync-auth', `${remote} refused the access token (HTTP ${String(status)}): it is missing, wrong, or lacks the rights needed.`);
    if (status === 404) return new AppError('sync-remote-invalid', `There is no git repository at ${remote} (HTTP 404).`);
    if (status >= 500) return new AppError('sync-offline', `The server of ${remote} failed (HTTP ${String(status)}); try again later.`);
    return new AppError('sync-remote-invalid', `${remote} answered HTTP ${String(status)}.`);
  }
  if (code === 'UserCanceledError') return new AppError('sync-auth', `${remote} refused the access token: it is missing, wrong, or lacks the rights needed.`);
  if (code === 'SmartHttpError' || code === 'ParseError' || code === 'EmptyServerResponseError') {
    return new AppError('sync-remote-invalid', `${remote} does not answer like a git server (${e.message ?? code}).`);
  }
  if (code === 'NotFoundError') return new AppError('sync-remote-invalid', `${remote} has no such branch or commit: ${e.message ?? ''}`);
  if (code === 'UnsafeFilepathError') {
    const path = (error as { data?: { filepath?: string } }).data?.filepath ?? '';
    return new AppError('sync-hostile', `The shared library was refused: "${path}" is not a safe file name (a path leaving its folder, an absolute path or unusual characters). Nothing was taken from it.`);
  }
  if (code === 'InternalError' || code === 'ObjectTypeError') return new AppError('sync-hostile', `The remote's data is damaged or forged: ${e.message ?? code}`);
  return new AppError('internal', `Syncing with ${remote} failed: ${e.message ?? String(error)}`);
}

/**
 * The pack a fetch receives is checked before isomorphic-git indexes it (which inflates every object): an
 * object larger than a module can be is refused from its header, before it is inflated.
 */
function checkedUploads(http: HttpClient, maxResponseBytes: number): HttpClient {
  return {
    async request(request) {
      const response = await http.request(request);
      if (request.method !== 'POST' || !request.url.endsWith('/git-upload-pack') || !response.body || response.statusCode !== 200) return response;
      const chunks: Uint8Array[] = [];
      let total = 0;
      for await (const chunk of response.body) {
        total += chunk.length;
        if (total > maxResponseBytes) break; // the client's own limit refuses it
        chunks.push(chunk);
      }
      const body = Buffer.concat(chunks);
      const pack = packOfUploadResponse(body);
      if (pack) checkPack(pack, REMOTE_LIMITS.maxBlobBytes);
      return { ...response, body: bodyOf(body) };
    },
  };
}

/** A response body of one chunk, already read. */
function bodyOf(bytes: Uint8Array): AsyncIterableIterator<Uint8Array> {
  const chunks = [bytes][Symbol.iterator]();
  const iterator: AsyncIterableIterator<Uint8Array> = {
    next: () => Promise.resolve(chunks.next()),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

export function httpTransport(repo: LocalRepo, options: TransportOptions): Transport {
  const limits = options.limits ?? DEFAULT_HTTP_LIMITS;
  const http = checkedUploads(syncHttpClient(limits, options.signal), limits.maxResponseBytes);
  const auth = options.token ? () => ({ username: options.username, password: options.token ?? '' }) : undefined;
  const ref = `refs/heads/${options.branch}`;
  const common = {
    fs: repo.fs,
    http,
    gitdir: repo.gitdir,
    cache: repo.cache,
    url: options.remote,
    ...(auth ? { onAuth: auth } : {}),
    onAuthFailure: () => ({ cancel: true }),
    onProgress: (p: { phase: string; loaded: number; total?: number }) => options.onProgress?.(p.phase, p.loaded, p.total ?? 0),
  };
  return {
    async fetch() {
      await repo.configureRemote(options.remote);
      // isomorphic-git tells the server what we have by this one ref: the remote head the last fetch saw, a
      // commit the server knows, so it sends only what is newer (not the whole library again).
      const seen = await repo.readRef(`refs/remotes/origin/${options.branch}`);
      if (seen && (await repo.hasObject(seen))) await repo.setRef(ref, seen);
      try {
        const result = await git.fetch({ ...common, ref: options.branch, remoteRef: options.branch, singleBranch: true, tags: false });
        await repo.fs.flush();
        return result.fetchHead ?? null;
      } catch (error) {
        throw authAware(transportError(error, options.remote), options.token);
      }
    },
    async push(oid, expected) {
      await repo.setRef(ref, oid);
      await repo.configureRemote(options.remote);
      try {
        await git.push({ ...common, ref, remoteRef: ref, ...(options.signal ? { signal: options.signal } : {}) });
        return 'pushed';
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === 'PushRejectedError' || code === 'GitPushError' || (code === 'NotFoundError' && expected !== null)) return 'rejected';
        throw authAware(transportError(error, options.remote), options.token);
      }
    },
  };
}

/** A remote that wants a token we do not have says so, rather than "refused the token". */
function authAware(error: AppError, token: string | null): AppError {
  if (error.code === 'sync-auth' && !token) return new AppError('sync-auth', `${error.message.split(' refused')[0] ?? 'The remote'} needs an access token: set one in Settings (or CC_SYNC_TOKEN for the command line).`);
  return error;
}

/*
 * The folder transport copies objects byte for byte with isomorphic-git's generic readObject/writeObject
 * (deprecated in favour of typed readers that re-encode: a commit git wrote with headers isomorphic-git
 * does not model, a signature say, would get another id and could not be copied).
 */
/* eslint-disable @typescript-eslint/no-deprecated */

/** Copies the objects reachable from `head` that `to` lacks, oldest commit first, children before parents. */
async function copyObjects(
  from: { fs: GitFs; gitdir: string; cache: object },
  to: { fs: GitFs; gitdir: string },
  head: string,
  has: (oid: string) => Promise<boolean>,
  signal?: AbortSignal,
  check: (oid: string) => Promise<void> = () => Promise.resolve(),
): Promise<number> {
  const missingCommits: string[] = [];
  const queue = [head];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const oid = queue.shift() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    if (await has(oid)) continue;
    await check(oid);
    const { commit } = await git.readCommit({ fs: from.fs, gitdir: from.gitdir, cache: from.cache, oid });
    missingCommits.push(oid);
    queue.push(...commit.parent);
  }
  let copied = 0;
  const copy = async (oid: string): Promise<void> => {
    if (signal?.aborted) throw new AppError('cancelled', 'The sync was cancelled.');
    if (await has(oid)) return;
    await check(oid);
    const object = await git.readObject({ fs: from.fs, gitdir: from.gitdir, cache: from.cache, oid, format: 'content' });
    if (object.type === 'tree') {
      const { tree } = await git.readTree({ fs: from.fs, gitdir: from.gitdir, cache: from.cache, oid });
      // A gitlink (submodule) names a commit of another repository: there is nothing to copy, and the checks refuse it.
      for (const entry of tree) if (entry.type !== 'commit') await copy(entry.oid);
    }
    const type = object.type as 'blob' | 'tree' | 'commit' | 'tag';
    const bytes = object.object as Uint8Array;
    if (bytes.length > REMOTE_LIMITS.maxBlobBytes && type === 'blob') {
      throw new AppError('sync-hostile', `The shared library was refused: it holds a file of ${String(Math.round(bytes.length / 1024 / 1024))} MB, more than a module or course can be. Nothing was taken from it.`);
    }
    const written = await git.writeObject({ fs: to.fs, gitdir: to.gitdir, type, object: bytes, format: 'content' });
    if (written !== oid) throw new AppError('sync-hostile', `The object ${oid} of the shared folder holds other content (${written}): the repository is damaged or forged.`);
    copied += 1;
  };
  for (const oid of missingCommits.reverse()) {
    const { commit } = await git.readCommit({ fs: from.fs, gitdir: from.gitdir, cache: from.cache, oid });
    await copy(commit.tree);
    const { object } = await git.readObject({ fs: from.fs, gitdir: from.gitdir, cache: from.cache, oid, format: 'content' });
    const written = await git.writeObject({ fs: to.fs, gitdir: to.gitdir, type: 'commit', object, format: 'content' });
    if (written !== oid) throw new AppError('sync-hostile', `The commit ${oid} of the shared folder holds other content: the repository is damaged or forged.`);
    copied += 1;
  }
  await to.fs.flush();
  return copied;
}

/* eslint-enable @typescript-eslint/no-deprecated */

export function folderTransport(repo: LocalRepo, options: TransportOptions): Transport {
  const remoteDir = options.remote;
  const remote = { fs: gitFs(), gitdir: remoteDir, cache: {} };
  const local = { fs: repo.fs, gitdir: repo.gitdir, cache: repo.cache };
  const ref = `refs/heads/${options.branch}`;

  const checkRepository = async (): Promise<void> => {
    try {
      const head = await stat(join(remoteDir, 'HEAD'));
      const objects = await stat(join(remoteDir, 'objects'));
      const refs = await stat(join(remoteDir, 'refs'));
      if (!head.isFile() || !objects.isDirectory() || !refs.isDirectory()) throw new Error('not a repository');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        try {
          await stat(remoteDir);
        } catch {
          throw new AppError('sync-offline', `The shared folder ${remoteDir} is not there (a network share not connected, a USB stick not plugged in?); your changes are kept for the next sync.`);
        }
      }
      throw new AppError('sync-remote-invalid', `${remoteDir} is not a bare git repository (it needs HEAD, objects/ and refs/; create one with "git init --bare").`);
    }
  };
  const remoteHead = async (): Promise<string | null> => {
    try {
      return await git.resolveRef({ fs: remote.fs, gitdir: remoteDir, ref });
    } catch {
      return null;
    }
  };

  return {
    async fetch() {
      await checkRepository();
      const head = await remoteHead();
      if (!head) return null;
      try {
        await checkPacks(remoteDir);
        await copyObjects(remote, local, head, (oid) => repo.hasObject(oid), options.signal, async (oid) => {
          // A loose object is checked by its header; packed ones were checked whole above.
          const loose = join(remoteDir, 'objects', oid.slice(0, 2), oid.slice(2));
          try {
            await checkLooseObject(loose, REMOTE_LIMITS.maxBlobBytes);
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
          }
        });
      } catch (error) {
        throw transportError(error, remoteDir);
      }
      return head;
    },
    async push(oid, expected) {
      await checkRepository();
      // Someone pushed since: refused before copying anything (checked again under the lock below).
      if ((await remoteHead()) !== expected) return 'rejected';
      const has = async (id: string) => {
        try {
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one call that tells whether any object exists
          await git.readObject({ fs: remote.fs, gitdir: remoteDir, cache: remote.cache, oid: id, format: 'deflated' });
          return true;
        } catch {
          return false;
        }
      };
      await copyObjects(local, remote, oid, has, options.signal);
      const handle = await takeBranchLock(join(remoteDir, `${ref}.lock`), remoteDir, options.signal);
      return moveBranch(handle, async () => (await remoteHead()) === expected, oid, join(remoteDir, ref));
    },
  };
}

/**
 * A push holds the branch's lock file for the few milliseconds it takes to write and rename 41 bytes, so a
 * lock older than this was left by a push that was interrupted (the app killed, the machine switched off,
 * the USB stick pulled out). Git leaves such a lock for a person to delete; every academy sharing the
 * folder would then be refused until someone did, so it is taken over.
 */
export const STALE_LOCK_MS = 15_000;
/** How long a push waits for a lock that is not stale yet: another academy's push, or one interrupted moments ago. */
export const LOCK_WAIT_MS = 2_000;
const LOCK_POLL_MS = 50;

/**
 * The branch's lock file (`refs/heads/<branch>.lock`), created exclusively. A lock left by an interrupted push
 * is taken over once STALE_LOCK_MS old; one that stays younger than that for LOCK_WAIT_MS is reported
 * ('sync-locked'), naming the file, rather than as a push refused again and again.
 */
async function takeBranchLock(lock: string, remoteDir: string, signal: AbortSignal | undefined): Promise<FileHandle> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  try {
    await mkdir(dirname(lock), { recursive: true });
    for (;;) {
      const handle = await createExclusive(lock);
      if (handle) return handle;
      const age = await lockAge(lock, remoteDir);
      if (age === null) continue; // released meanwhile
      if (age >= STALE_LOCK_MS && (await removeStaleLock(lock, remoteDir))) continue;
      if (Date.now() < deadline) await delay(LOCK_POLL_MS, undefined, { signal });
      else throw lockedError(remoteDir, lock, age);
    }
  } catch (error) {
    throw transportError(error, remoteDir);
  }
}

/** A new file at `path`, open for writing; null when the file exists (a lock someone holds). */
async function createExclusive(path: string): Promise<FileHandle | null> {
  try {
    return await open(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}

/**
 * The files the lock handling makes beside the branch's lock live at the repository's top, not in
 * refs/heads/, where git would take one left behind for a branch.
 */
const takeoverGuard = (remoteDir: string): string => join(remoteDir, 'curriculum-composer-takeover');
const clockProbe = (remoteDir: string): string => join(remoteDir, `curriculum-composer-clock-${randomUUID()}`);

function lockedError(remoteDir: string, lock: string, age: number): AppError {
  const made = `made ${String(Math.round(age / 1000))} s ago`;
  return new AppError(
    'sync-locked',
    age < STALE_LOCK_MS
      ? `The shared library at ${remoteDir} is locked by ${lock}, ${made}: another academy is sending changes, or a sync was interrupted there. A lock left by an interrupted sync is cleared after ${String(STALE_LOCK_MS / 1000)} s: sync again then. Nothing was lost.`
      : `The shared library at ${remoteDir} is locked by ${lock}, ${made} by a sync that was interrupted, and it could not be cleared: another sync is clearing it, or ${takeoverGuard(remoteDir)} was left behind. If no other academy is syncing now, delete both files and sync again. Nothing was lost.`,
  );
}

/**
 * How old the lock file is by the clock of the folder's own file system (the file server of a network share,
 * whose clock may differ from ours): the age of a file made there just now, less the lock's. Null once gone.
 */
async function lockAge(lock: string, remoteDir: string): Promise<number | null> {
  let made: number;
  try {
    made = (await stat(lock)).mtimeMs;
  } catch {
    return null;
  }
  const probe = clockProbe(remoteDir);
  try {
    await (await open(probe, 'wx')).close();
    return (await stat(probe)).mtimeMs - made;
  } finally {
    await rm(probe, { force: true });
  }
}

/**
 * Removes a stale lock under a second lock of its own, checking its age again there: two academies that both
 * find the stale lock cannot remove it one after the other, the second removing the fresh lock the first has
 * made meanwhile. False when that second lock is taken: another academy is clearing it, or it was left behind
 * (the wait then ends with 'sync-locked', naming both files to delete).
 */
async function removeStaleLock(lock: string, remoteDir: string): Promise<boolean> {
  const guard = takeoverGuard(remoteDir);
  const handle = await createExclusive(guard);
  if (!handle) return false;
  try {
    const age = await lockAge(lock, remoteDir);
    if (age !== null && age >= STALE_LOCK_MS) await rm(lock, { force: true });
    return true;
  } finally {
    await handle.close();
    await rm(guard, { force: true });
  }
}

/** With the branch lock held: writes the new commit into it and renames it over the branch, if the branch is still where we saw it. */
async function moveBranch(lockHandle: FileHandle, stillExpected: () => Promise<boolean>, oid: string, branch: string): Promise<PushOutcome> {
  const lock = `${branch}.lock`;
  let handle: FileHandle | null = lockHandle;
  try {
    if (!(await stillExpected())) return 'rejected';
    await handle.writeFile(`${oid}\n`);
    await handle.sync();
    await handle.close();
    handle = null;
    await rename(lock, branch);
    return 'pushed';
  } finally {
    await handle?.close();
    await rm(lock, { force: true });
  }
}

/** Packs of remote folders already checked, by path, size and date (a pack never changes under its name). */
const CHECKED_PACKS = new Set<string>();

/** Checks every pack of a remote folder (see checkPack) before any object is read from it. */
async function checkPacks(remoteDir: string): Promise<void> {
  const folder = join(remoteDir, 'objects', 'pack');
  let names: string[];
  try {
    names = (await readdir(folder)).filter((name) => name.endsWith('.pack'));
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path);
    const key = `${path}:${String(info.size)}:${String(info.mtimeMs)}`;
    if (CHECKED_PACKS.has(key)) continue;
    if (info.size > DEFAULT_HTTP_LIMITS.maxResponseBytes) {
      throw new AppError('sync-hostile', `The shared library was refused: ${name} is ${String(Math.round(info.size / 1024 / 1024))} MB, more than a shared library can hold. Nothing was taken from it.`);
    }
    checkPack(await readFile(path), REMOTE_LIMITS.maxBlobBytes);
    CHECKED_PACKS.add(key);
  }
}

/** The branch an empty bare folder's HEAD names (`git init --bare` may say master), to push the first commit there. */
export async function folderDefaultBranch(remoteDir: string): Promise<string | null> {
  try {
    const head = await readFile(join(remoteDir, 'HEAD'), 'utf8');
    return /^ref: refs\/heads\/([A-Za-z0-9][A-Za-z0-9._/-]{0,99})\s*$/.exec(head)?.[1] ?? null;
  } catch {
    return null;
  }
}


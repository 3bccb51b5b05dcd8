/**
 * One round of a sync, without the store: commit what the store holds (the files it is handed), fetch,
 * check the remote's tree as hostile input, merge with git's merge base, and write the merged commit.
 * What the store must change comes back as data; the service applies it in one transaction, then asks for
 * the push. Pure Node (isomorphic-git), so it runs in a worker thread or in process alike.
 */
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import type { SyncChoices, SyncConfig, SyncConflict, SyncOnConflict } from '../../../shared/schemas/sync';
import { remoteKind } from '../../../shared/schemas/sync';
import { CURRICULA_DIR, curriculumFile, idOfFileName, moduleFile, MODULES_DIR } from '../store/layout';
import { courseTexts, moduleText, referencesText } from './files';
import { repoLoader } from './loader';
import { mergeTrees } from './merge';
import { isManaged, readRemoteTree } from './remote-tree';
import { describeText, HistoryIndex, readDescribe } from './history-index';
import { BLOB_MODE, LocalRepo, type FlatTree } from './repo';
import { folderTransport, httpTransport, type PushOutcome, type Transport } from './transport';

export type EngineTask = { signal?: AbortSignal; onProgress?: (progress: { done: number; total: number; label: string }) => void };

export type PrepareInput = {
  gitdir: string;
  config: SyncConfig;
  token: string | null;
  /** The store's synced files now (files.ts): path, text and git blob id. */
  files: [string, string, string][];
  /** The commit the store matched at the end of the last sync (state.json), if any. */
  head: string | null;
  /** The remote head the last sync saw: a base for history when the local one is gone. */
  resolve: { resolveId: string; choices: SyncChoices } | null;
  /**
   * The remote head the last sync left the remote at, when a local change may be pushed straight onto it
   * without fetching first (see prepareRound); null to fetch first.
   */
  pushOnto?: string | null;
  onConflict: SyncOnConflict | null;
  now: string;
};

/** What the store must take from the merge. */
export type StoreChanges = {
  modules: { put: Module[]; removed: string[] };
  courses: { put: Curriculum[]; removed: string[] };
  references: Reference[] | null;
};

export type PrepareResult =
  | { kind: 'conflicts'; head: string | null; remoteHead: string | null; resolveId: string; conflicts: SyncConflict[]; sent: number }
  | {
      kind: 'ready';
      /** The commit the store will match once `changes` are applied. */
      result: string | null;
      remoteHead: string | null;
      changes: StoreChanges;
      merged: string[];
      /** Local files committed in this round. */
      sent: number;
      /** Whether `result` must be pushed. */
      push: boolean;
      /** A local change to push straight onto the remote head the last sync saw, nothing fetched. */
      unfetched?: boolean;
    };

const PHASES = ['Committing local changes', 'Fetching', 'Checking', 'Merging', 'Sending'] as const;

export function transportFor(repo: LocalRepo, config: SyncConfig, token: string | null, task: EngineTask): Transport {
  const options = {
    remote: config.remote,
    branch: config.branch,
    username: config.username,
    token,
    ...(task.signal ? { signal: task.signal } : {}),
  };
  return remoteKind(config.remote) === 'http' ? httpTransport(repo, options) : folderTransport(repo, options);
}

const progress = (task: EngineTask, phase: (typeof PHASES)[number]): void => task.onProgress?.({ done: PHASES.indexOf(phase), total: PHASES.length, label: phase });

function checkCancelled(task: EngineTask): void {
  if (task.signal?.aborted) throw Object.assign(new Error('cancelled'), { name: 'AbortError' });
}

/** Paths of a tree this library keeps, and those it carries along for others (courses it does not sync, a README). */
function split(tree: FlatTree, includeCourses: boolean): { managed: Map<string, string>; carried: Map<string, string> } {
  const managed = new Map<string, string>();
  const carried = new Map<string, string>();
  for (const [path, entry] of tree) (isManaged(path, includeCourses) ? managed : carried).set(path, entry.oid);
  return { managed, carried };
}

function titleOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  try {
    const title = (JSON.parse(text) as { title?: unknown }).title;
    return typeof title === 'string' ? title : null;
  } catch {
    return null;
  }
}

/** "Changed Use of force; added Arrest; deleted Patrol" (modules and courses), the message of a local commit. */
function describeChanges(before: Map<string, string>, after: Map<string, string>, texts: Map<string, string>, titles: Map<string, string>): { message: string; count: number } {
  const added: string[] = [];
  const changed: string[] = [];
  const deleted: string[] = [];
  const items = (path: string) => path.startsWith(`${MODULES_DIR}/`) || (path.startsWith(`${CURRICULA_DIR}/`) && idOfFileName(path.slice(CURRICULA_DIR.length + 1)) !== null);
  for (const [path, oid] of after) {
    // Titles only of what changed: parsing every file of a large library would cost more than the sync.
    if (!items(path) || before.get(path) === oid) continue;
    const name = titleOf(texts.get(path)) ?? path;
    (before.has(path) ? changed : added).push(name);
  }
  for (const path of before.keys()) if (items(path) && !after.has(path)) deleted.push(titles.get(path) ?? path);
  const parts = [changed.length ? `Changed ${changed.join(', ')}` : '', added.length ? `added ${added.join(', ')}` : '', deleted.length ? `deleted ${deleted.join(', ')}` : ''].filter(Boolean);
  const message = parts.join('; ') || 'Updated the reference list';
  return { message: message.charAt(0).toUpperCase() + message.slice(1), count: added.length + changed.length + deleted.length };
}

const idsUnder = (folder: string, ...trees: FlatTree[]): string[] => {
  const ids = new Set<string>();
  for (const tree of trees) {
    for (const path of tree.keys()) {
      if (!path.startsWith(`${folder}/`)) continue;
      const id = idOfFileName(path.slice(folder.length + 1));
      if (id !== null && !path.slice(folder.length + 1).includes('/')) ids.add(id);
    }
  }
  return [...ids].sort();
};

export async function prepareSync(input: PrepareInput, task: EngineTask = {}): Promise<PrepareResult> {
  const repo = await LocalRepo.open(input.gitdir);
  /** Texts this round knows by blob id, so indexing the new commits reads no blob back. */
  const known = new Map<string, string>(input.files.map(([, text, oid]) => [oid, text]));
  const prepared = await prepareRound(repo, input, task, known);
  if (prepared.kind === 'ready') await indexHistory(repo, [prepared.result, prepared.remoteHead], known);
  return prepared;
}

/** Appends the commits of this round to the history index; a failure only leaves them for the history to index. */
async function indexHistory(repo: LocalRepo, heads: (string | null)[], known: Map<string, string>): Promise<void> {
  const fromRepo = readDescribe(repo);
  try {
    await HistoryIndex.of(repo).ensure(repo, heads, async (blob, path) => {
      const text = known.get(blob);
      return text === undefined ? fromRepo(blob, path) : describeText(text, path);
    });
  } catch {
    // The index is a cache: the history rebuilds what it lacks from git.
  }
}

/** Titles of the files of `tree` that are not in the store any more, for "deleted X" in a commit message. */
async function deletedTitles(repo: LocalRepo, before: Map<string, string>, after: Map<string, string>): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  for (const [path, oid] of before) {
    if (after.has(path)) continue;
    titles.set(path, titleOf(Buffer.from(await repo.readBlob(oid)).toString('utf8')) ?? path);
  }
  return titles;
}

async function prepareRound(repo: LocalRepo, input: PrepareInput, task: EngineTask, known: Map<string, string>): Promise<PrepareResult> {
  const { config } = input;
  const includeCourses = config.includeCourses && config.mode === 'share';
  // Follow mode reads a partner's published library and never writes to it: the same merge, no push.
  const sharing = config.mode === 'share';
  const author = config.author;
  const now = new Date(input.now);

  // 1. Commit what the store holds, if it differs from the last sync's commit. A library without history
  // commits nothing yet: on a shared library that already holds modules, its files are merged onto the
  // remote's commit instead, so modules both already had are not "added" a second time in their history.
  progress(task, 'Committing local changes');
  const previous = input.head && (await repo.hasObject(input.head)) ? input.head : null;
  const previousTree = await repo.flatTreeOfCommit(previous);
  const previousSplit = split(previousTree, includeCourses);
  const texts = new Map(input.files.map(([path, text]) => [path, text]));
  const localFiles = new Map<string, string>(previousSplit.carried);
  for (const [path, text, oid] of input.files) {
    if (previousSplit.managed.get(path) !== oid) await repo.writeBlob(Buffer.from(text, 'utf8'));
    localFiles.set(path, oid);
  }
  const managedNow = new Map([...localFiles].filter(([p]) => isManaged(p, includeCourses)));
  let head = previous;
  let sent = 0;
  const localTree = await repo.writeTree(localFiles);
  if (previous && localTree !== (await repo.readCommit(previous)).tree) {
    const { message, count } = describeChanges(previousSplit.managed, managedNow, texts, await deletedTitles(repo, previousSplit.managed, managedNow));
    head = await repo.writeCommit({ tree: localTree, parents: [previous], message, author, date: now });
    sent = count;
  }
  await repo.fs.flush();
  checkCancelled(task);

  // A local change on top of the remote head the last sync saw is pushed straight away: the push moves the
  // branch only from that head (the server compares), so it lands when nobody else pushed meanwhile, with
  // nothing to receive, and is refused otherwise, when the next round fetches and merges as usual. A sync
  // that only sends costs one exchange with the server instead of two.
  const pushOnto = sharing && input.pushOnto && !input.resolve ? input.pushOnto : null;
  if (pushOnto && previous && head !== previous && (previous === pushOnto || (await repo.isAncestor(pushOnto, previous)))) {
    return { kind: 'ready', result: head, remoteHead: pushOnto, changes: noChanges(), merged: [], sent, push: true, unfetched: true };
  }

  // 2. Fetch, and check what came as hostile input.
  progress(task, 'Fetching');
  const transport = transportFor(repo, config, input.token, task);
  const remoteHead = await transport.fetch();
  checkCancelled(task);
  progress(task, 'Checking');
  if (remoteHead) await readRemoteTree(repo, remoteHead, includeCourses);

  // 3. Decide: nothing to receive, a fast-forward, or a merge.
  if (!remoteHead) {
    if (!previous) {
      // The first commit of a new shared library.
      const { message, count } = describeChanges(new Map(), managedNow, texts, new Map());
      if (count > 0) {
        head = await repo.writeCommit({ tree: localTree, parents: [], message, author, date: now });
        sent = count;
        await repo.fs.flush();
      }
    }
    return { kind: 'ready', result: head, remoteHead: null, changes: noChanges(), merged: [], sent, push: sharing && head !== null };
  }
  const base = head ? await repo.mergeBase(head, remoteHead) : null;
  if (head && base === remoteHead) return { kind: 'ready', result: head, remoteHead, changes: noChanges(), merged: [], sent, push: sharing && head !== remoteHead };

  progress(task, 'Merging');
  const resolveId = `${head ?? '0'.repeat(40)}.${remoteHead}`;
  const choices = input.resolve && input.resolve.resolveId === resolveId ? input.resolve.choices : null;
  const localFlat: FlatTree = new Map([...localFiles].map(([path, oid]) => [path, { oid, mode: BLOB_MODE, type: 'blob' as const }]));
  const [mineTree, theirsTree] = [head ? await repo.flatTreeOfCommit(head) : localFlat, await repo.flatTreeOfCommit(remoteHead)];
  const baseTree = base ? await repo.flatTreeOfCommit(base) : await earlierVersions(repo, remoteHead, mineTree, theirsTree);
  const outcome = await mergeTrees(
    {
      base: baseTree,
      mine: mineTree,
      theirs: theirsTree,
      moduleIds: idsUnder(MODULES_DIR, baseTree, mineTree, theirsTree),
      courseIds: includeCourses ? idsUnder(CURRICULA_DIR, baseTree, mineTree, theirsTree) : [],
      choices,
      onConflict: input.onConflict,
      now: input.now,
    },
    repoLoader(repo),
  );
  if (outcome.conflicts.length > 0) return { kind: 'conflicts', head, remoteHead, resolveId, conflicts: outcome.conflicts, sent };

  // As the store will write them: a merged module is rebuilt field by field, and the store's parse puts its keys back in order.
  outcome.modules.put = outcome.modules.put.map((m) => ModuleSchema.parse(sharing ? m : fromPartner(m, config, input.now)));

  // The merged tree: mine, with what the merge takes from theirs, and theirs' files this library does not keep.
  const merged = new Map([...split(mineTree, includeCourses).managed]);
  for (const [path, oid] of split(theirsTree, includeCourses).carried) merged.set(path, oid);
  const put = async (path: string, text: string) => {
    const oid = await repo.writeBlob(Buffer.from(text, 'utf8'));
    merged.set(path, oid);
    texts.set(path, text);
    known.set(oid, text);
  };
  for (const module of outcome.modules.put) await put(moduleFile(module.id), moduleText(module));
  for (const id of outcome.modules.removed) merged.delete(moduleFile(id));
  if (outcome.references) await put('library/references.json', referencesText(outcome.references));
  if (includeCourses) {
    // Snapshots of both sides stay: a course of either names its own; the next local commit keeps those in use.
    for (const [path, entry] of theirsTree) if (path.startsWith('snapshots/')) merged.set(path, entry.oid);
    for (const course of outcome.courses.put) {
      const files = courseTexts(course);
      await put(files.path, files.text);
      for (const [path, text] of files.snapshots) await put(path, text);
    }
    for (const id of outcome.courses.removed) merged.delete(curriculumFile(id));
  }
  const tree = await repo.writeTree(merged);
  const changes: StoreChanges = { modules: { put: outcome.modules.put, removed: outcome.modules.removed }, courses: outcome.courses, references: outcome.references };
  const remoteTree = (await repo.readCommit(remoteHead)).tree;
  let result: string;
  if (tree === remoteTree && (!head || base === head)) result = remoteHead; // a fast-forward (or a first sync that had nothing of its own)
  else if (!head) {
    // A first sync onto a shared library: what this library adds to it, as one change of its designer.
    const theirsManaged = split(theirsTree, includeCourses).managed;
    const mergedManaged = new Map([...merged].filter(([p]) => isManaged(p, includeCourses)));
    const { message, count } = describeChanges(theirsManaged, mergedManaged, texts, await deletedTitles(repo, theirsManaged, mergedManaged));
    result = await repo.writeCommit({ tree, parents: [remoteHead], message, author, date: now });
    sent = count;
  } else {
    result = await repo.writeCommit({ tree, parents: [head, remoteHead], message: mergeMessage(outcome, config), author, date: now });
  }
  await repo.fs.flush();
  return { kind: 'ready', result, remoteHead, changes, merged: outcome.modules.merged, sent, push: sharing && result !== remoteHead };
}

/**
 * Without a common commit (a library joining a shared one for the first time), a local file that is
 * byte for byte a version the remote once had is an older version of the remote's file, not a rival
 * one: that version serves as its base, so the remote's later edits arrive as updates, not conflicts.
 */
async function earlierVersions(repo: LocalRepo, remoteHead: string, mine: FlatTree, theirs: FlatTree): Promise<FlatTree> {
  const wanted = new Map<string, string>();
  for (const [path, entry] of mine) if (theirs.has(path) && theirs.get(path)?.oid !== entry.oid) wanted.set(path, entry.oid);
  const base: FlatTree = new Map();
  if (wanted.size === 0) return base;
  const seen = new Set<string>();
  const queue = [remoteHead];
  while (queue.length > 0 && wanted.size > 0) {
    const oid = queue.pop() as string;
    if (seen.has(oid)) continue;
    seen.add(oid);
    const commit = await repo.readCommit(oid);
    const tree = await repo.flatTree(commit.tree);
    for (const [path, blob] of [...wanted]) {
      if (tree.get(path)?.oid === blob) {
        base.set(path, { oid: blob, mode: '100644', type: 'blob' });
        wanted.delete(path);
      }
    }
    queue.push(...commit.parent);
  }
  return base;
}

/**
 * A followed partner's module records where it came from as a pack import does (provenance.sourcePack: the
 * library's "source" filter and the module page show the partner), with the repository as the pack id.
 */
function fromPartner(module: Module, config: SyncConfig, now: string): Module {
  const sourcePack = { packId: config.remote.slice(0, 300), publisher: config.publisher, revision: module.revision, importedAt: now };
  return { ...module, provenance: { ...module.provenance, sourcePack } };
}

function mergeMessage(outcome: { modules: { put: Module[]; removed: string[]; merged: string[] }; courses: { put: Curriculum[]; removed: string[] } }, config: SyncConfig): string {
  const merged = outcome.modules.merged.length;
  const received = outcome.modules.put.length - merged + outcome.courses.put.length;
  const parts = [`Merged changes from ${config.remote}`];
  if (merged > 0) parts.push(`${String(merged)} module${merged === 1 ? '' : 's'} merged field by field`);
  if (received > 0) parts.push(`${String(received)} taken`);
  return parts.join('; ');
}

const noChanges = (): StoreChanges => ({ modules: { put: [], removed: [] }, courses: { put: [], removed: [] }, references: null });

export async function pushSync(input: { gitdir: string; config: SyncConfig; token: string | null; commit: string; expected: string | null }, task: EngineTask = {}): Promise<PushOutcome> {
  progress(task, 'Sending');
  const repo = await LocalRepo.open(input.gitdir);
  return transportFor(repo, input.config, input.token, task).push(input.commit, input.expected);
}

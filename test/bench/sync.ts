/**
 * The shared library over git, on loopback (a real `git http-backend` behind the test bridge): the first
 * sync of a 500-module library (sent by one academy, received by another), an incremental sync with 5
 * changed modules, and the history of a module with 200 revisions. The load average is reported beside the
 * figures: the machine is shared.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import type { Module } from '../../shared/schemas/module';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { Store } from '../../electron/services/store/store';
import { openServices, type Services } from '../../electron/services/handlers';
import { memoryTokenKeeper } from '../../electron/services/sync/tokens';
import { LocalRepo } from '../../electron/services/sync/repo';
import { bareRepo } from '../helpers/git-server';
import { startGitServerProcess } from '../helpers/git-server-process';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';
import { summarise } from './stats';

const TOKEN = 'bench-token';

async function library500(dataDir: string): Promise<void> {
  const sample = await loadSampleLibrary(RESOURCES_DIR);
  const modules: Module[] = [];
  for (let i = 0; modules.length < 500; i += 1) {
    const source = sample.modules[i % sample.modules.length] as Module;
    modules.push({ ...source, id: `${source.id}-${String(i)}`, title: `${source.title} ${String(i)}`, prerequisites: [] });
  }
  const store = await Store.open({ dataDir, owner: 'bench', seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => Promise.resolve({ modules, references: sample.references, upstream: [] }) } });
  store.close();
}

async function open(dataDir: string): Promise<Services> {
  return openServices(dataDir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false), syncTokens: memoryTokenKeeper({}) }, { keep: 10, minIntervalMs: 0 });
}

async function edit(services: Services, id: string, title: string): Promise<void> {
  const module = services.library.find(id);
  await services.library.save({ module: { ...module, title }, baseRevision: module.revision, bump: true });
}

const timed = async (work: () => Promise<unknown>): Promise<number> => {
  const started = performance.now();
  await work();
  return Math.round(performance.now() - started);
};

export async function benchSync(): Promise<Record<string, unknown>> {
  const root = await mkdtemp(join(tmpdir(), 'cc-bench-sync-'));
  // The server runs in its own process, as a real git host would: its work is not counted as the client's.
  const server = await startGitServerProcess(root, TOKEN);
  try {
    bareRepo(root, 'library');
    const url = server.url('library');
    const [dirA, dirB] = [join(root, 'a'), join(root, 'b')];
    await library500(dirA);
    await library500(dirB);
    let a = await open(dirA);
    const b = await open(dirB);
    const setup = { mode: 'share' as const, includeCourses: false, autoSyncMinutes: 0, username: 'oauth2', token: TOKEN };
    await a.sync.setup({ remote: url, author: { name: 'A', email: 'a@academy.example' }, ...setup });
    await b.sync.setup({ remote: url, author: { name: 'B', email: 'b@academy.example' }, ...setup });
    const load = { before: loadavg().map((l) => Number(l.toFixed(2))) };

    const firstSend = await timed(() => a.sync.sync());
    const firstReceive = await timed(() => b.sync.sync());

    const ids = a.store.read('library').modules.map((m) => m.id);
    const send: number[] = [];
    const receive: number[] = [];
    for (let round = 0; round < 5; round += 1) {
      for (let k = 0; k < 5; k += 1) await edit(a, ids[round * 5 + k] as string, `Round ${String(round)} edit ${String(k)}`);
      send.push(await timed(() => a.sync.sync()));
      receive.push(await timed(() => b.sync.sync()));
    }

    // 200 revisions of one module, each synced (a commit each), then its history read in full.
    const subject = ids[0] as string;
    for (let revision = 0; revision < 200; revision += 1) {
      await edit(a, subject, `Revision ${String(revision)}`);
      await a.sync.sync();
    }
    // Cold: the first history read after the library is opened again (as after a restart), then warm ones.
    const coldTimes: number[] = [];
    const warmTimes: number[] = [];
    let entries = 0;
    for (let i = 0; i < 5; i += 1) {
      a.store.close();
      LocalRepo.forget(a.sync.gitdir);
      a = await open(dirA);
      for (let k = 0; k < 3; k += 1) {
        const started = performance.now();
        entries = (await a.history.list({ module: subject }, 500)).entries.length;
        (k === 0 ? coldTimes : warmTimes).push(performance.now() - started);
      }
    }
    a.store.close();
    b.store.close();
    return {
      target: 'first sync of 500 modules <= 10 s; incremental sync of 5 changed modules <= 1 s; history of 200 revisions <= 200 ms (loopback)',
      loadAverage: { ...load, after: loadavg().map((l) => Number(l.toFixed(2))) },
      firstSyncMs: { send500: firstSend, receive500: firstReceive },
      incrementalSyncMs: { send5: summarise(send), receive5: summarise(receive) },
      historyMs: { entries, cold: summarise(coldTimes), warm: summarise(warmTimes) },
    };
  } finally {
    await server.close();
    await rm(root, { recursive: true, force: true });
  }
}

import type { Worker } from 'node:worker_threads';
import { runInWorker, type WorkerReply } from '../workers/run-in-worker';
import type { EngineTask, PrepareInput, PrepareResult } from './engine';
import type { SyncRunner } from './sync-service';
import type { PushOutcome } from './transport';

/** What the sync worker is asked: one engine step. */
export type SyncWorkerData = { op: 'prepare'; input: PrepareInput } | { op: 'push'; input: { gitdir: string; config: PrepareInput['config']; token: string | null; commit: string; expected: string | null } };

export type SyncProgress = Parameters<NonNullable<EngineTask['onProgress']>>[0];
export type SyncWorkerMessage = WorkerReply<SyncProgress, PrepareResult | PushOutcome>;

/**
 * A sync runner that runs each engine step (commit, fetch and merge; push) in its own worker thread:
 * hashing and compressing a library of hundreds of modules, indexing a fetched pack and parsing every
 * changed module take seconds on a first sync, during which the main process must keep answering.
 * Cancelling terminates the worker wherever it is; every file the engine writes is written whole or not at all.
 */
export function workerSyncRunner(createWorker: (options: { workerData: SyncWorkerData }) => Worker): SyncRunner {
  const options = (job: string, task: EngineTask) => ({ job, ...(task.signal ? { signal: task.signal } : {}), ...(task.onProgress ? { onProgress: task.onProgress } : {}) });
  return {
    prepare: (input, task) => runInWorker<SyncWorkerData, SyncProgress, PrepareResult>(createWorker, { op: 'prepare', input }, options('The sync', task)),
    push: (input, task) => runInWorker<SyncWorkerData, SyncProgress, PushOutcome>(createWorker, { op: 'push', input }, options('Sending the changes', task)),
  };
}

import type { Worker } from 'node:worker_threads';
import { runInWorker, type WorkerReply } from '../workers/run-in-worker';
import { PACK_CHECKS, type PackCheck, type PackContents } from './pack-reader';

/** What the pack-reading worker posts back: the check stage it has reached, then the contents. */
export type PackReadMessage = WorkerReply<PackCheck, PackContents>;

export type PackProgress = { done: number; total: number; label: string };
export type PackReader = (bytes: Buffer, options: { onProgress?: (progress: PackProgress) => void; signal?: AbortSignal }) => Promise<PackContents>;

/** A pack reader that runs each read in its own worker thread and reports the check stages as progress. */
export function workerPackReader(createWorker: (options: { workerData: Uint8Array }) => Worker): PackReader {
  return (bytes, { onProgress, signal }) =>
    runInWorker<Uint8Array, PackCheck, PackContents>(createWorker, new Uint8Array(bytes), {
      job: 'Opening the pack',
      ...(signal ? { signal } : {}),
      onProgress: (check) => onProgress?.({ done: PACK_CHECKS.indexOf(check), total: PACK_CHECKS.length, label: check }),
    });
}

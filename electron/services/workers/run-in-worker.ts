import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';

/** What a job's worker thread posts back: progress any number of times, then its result or its error. */
export type WorkerReply<P, R> = { kind: 'progress'; progress: P } | { kind: 'done'; result: R } | { kind: 'error'; code: ErrorCode; message: string };

export type WorkerJobOptions<P> = {
  onProgress?: (progress: P) => void;
  signal?: AbortSignal;
  /** How the job is named in messages: "Opening the pack", "The export". */
  job: string;
};

/**
 * Runs one job in its own worker thread and settles once: with the result, with the worker's error (code
 * and message kept), or as `cancelled` when the signal aborts, which terminates the worker at once wherever
 * it is. `createWorker` comes from the host's build (electron-vite's `?nodeWorker` import), so this module
 * needs no bundler.
 */
export function runInWorker<D, P, R>(createWorker: (options: { workerData: D }) => Worker, data: D, { onProgress, signal, job }: WorkerJobOptions<P>): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const cancelled = () => new AppError('cancelled', `${job} was cancelled.`);
    if (signal?.aborted) {
      reject(cancelled());
      return;
    }
    const worker = createWorker({ workerData: data });
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', abort);
      void worker.terminate();
      outcome();
    };
    const abort = (): void => {
      finish(() => {
        reject(cancelled());
      });
    };
    signal?.addEventListener('abort', abort);
    worker.on('message', (reply: WorkerReply<P, R>) => {
      if (reply.kind === 'progress') onProgress?.(reply.progress);
      else if (reply.kind === 'done')
        finish(() => {
          resolve(reply.result);
        });
      else
        finish(() => {
          reject(new AppError(reply.code, reply.message));
        });
    });
    worker.on('error', (error) => {
      finish(() => {
        reject(new AppError('internal', `${job} failed: ${error.message}`));
      });
    });
    worker.on('exit', (code) => {
      finish(() => {
        reject(new AppError('internal', `${job} stopped unexpectedly (exit code ${String(code)}).`));
      });
    });
  });
}

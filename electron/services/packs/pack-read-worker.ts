import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import { PACK_CHECKS, type PackCheck, type PackContents } from './pack-reader';

/** What the pack-reading worker posts back. */
export type PackReadMessage =
  | { kind: 'stage'; check: PackCheck }
  | { kind: 'done'; contents: PackContents }
  | { kind: 'error'; code: ErrorCode; message: string };

export type PackProgress = { done: number; total: number; label: string };
export type PackReader = (bytes: Buffer, options: { onProgress?: (progress: PackProgress) => void; signal?: AbortSignal }) => Promise<PackContents>;

/**
 * A pack reader that runs each read in its own worker thread, reports the check stages as progress, and
 * cancels by terminating the worker. `createWorker` comes from the host's build (electron-vite's
 * `?nodeWorker` import), so this module itself needs no bundler.
 */
export function workerPackReader(createWorker: (options: { workerData: Uint8Array }) => Worker): PackReader {
  return (bytes, { onProgress, signal }) =>
    new Promise<PackContents>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new AppError('cancelled', 'Opening the pack was cancelled.'));
        return;
      }
      const worker = createWorker({ workerData: new Uint8Array(bytes) });
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
          reject(new AppError('cancelled', 'Opening the pack was cancelled.'));
        });
      };
      signal?.addEventListener('abort', abort);
      worker.on('message', (message: PackReadMessage) => {
        if (message.kind === 'stage') {
          onProgress?.({ done: PACK_CHECKS.indexOf(message.check), total: PACK_CHECKS.length, label: message.check });
        } else if (message.kind === 'done') {
          finish(() => {
            resolve(message.contents);
          });
        } else {
          finish(() => {
            reject(new AppError(message.code, message.message));
          });
        }
      });
      worker.on('error', (error) => {
        finish(() => {
          reject(new AppError('internal', `The pack reader failed: ${error.message}`));
        });
      });
      worker.on('exit', (code) => {
        finish(() => {
          reject(new AppError('internal', `The pack reader stopped unexpectedly (exit code ${code}).`));
        });
      });
    });
}

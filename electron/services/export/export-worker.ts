import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ExportedFile, ExportJob, ExportProgress, ExportRunner } from './export-job';

/** What the export worker posts back. */
export type ExportWorkerMessage =
  | { kind: 'progress'; progress: ExportProgress }
  | { kind: 'done'; fileName: string; bytes: Uint8Array }
  | { kind: 'error'; code: ErrorCode; message: string };

/**
 * An export runner that runs each export in its own worker thread: building a document of a few hundred
 * pages takes seconds of CPU, during which the main process (or the web harness) must keep answering.
 * Cancelling terminates the worker, which stops it at once wherever it is. `createWorker` comes from the
 * host's build (electron-vite's `?nodeWorker` import), so this module needs no bundler.
 */
export function workerExportRunner(createWorker: (options: { workerData: ExportJob }) => Worker): ExportRunner {
  return (job, { onProgress, signal }) =>
    new Promise<ExportedFile>((resolve, reject) => {
      if (signal?.aborted) {
        reject(new AppError('cancelled', 'The export was cancelled.'));
        return;
      }
      const worker = createWorker({ workerData: job });
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
          reject(new AppError('cancelled', 'The export was cancelled.'));
        });
      };
      signal?.addEventListener('abort', abort);
      worker.on('message', (message: ExportWorkerMessage) => {
        if (message.kind === 'progress') onProgress?.(message.progress);
        else if (message.kind === 'done')
          finish(() => {
            resolve({ fileName: message.fileName, bytes: message.bytes });
          });
        else
          finish(() => {
            reject(new AppError(message.code, message.message));
          });
      });
      worker.on('error', (error) => {
        finish(() => {
          reject(new AppError('internal', `The export failed: ${error.message}`));
        });
      });
      worker.on('exit', (code) => {
        finish(() => {
          reject(new AppError('internal', `The export stopped unexpectedly (exit code ${code}).`));
        });
      });
    });
}

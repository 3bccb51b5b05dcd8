import type { Worker } from 'node:worker_threads';
import { runInWorker, type WorkerReply } from '../workers/run-in-worker';
import type { ExportedFile, ExportJob, ExportProgress, ExportRunner } from './export-job';

/** What the export worker posts back: progress, then the file (its bytes transferred, not copied). */
export type ExportWorkerMessage = WorkerReply<ExportProgress, ExportedFile>;

/**
 * An export runner that runs each export in its own worker thread: building a document of a few hundred
 * pages takes seconds of CPU, during which the main process (or the web harness) must keep answering.
 */
export function workerExportRunner(createWorker: (options: { workerData: ExportJob }) => Worker): ExportRunner {
  return (job, { onProgress, signal }) =>
    runInWorker<ExportJob, ExportProgress, ExportedFile>(createWorker, job, {
      job: 'The export',
      ...(signal ? { signal } : {}),
      ...(onProgress ? { onProgress } : {}),
    });
}

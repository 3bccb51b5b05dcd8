import type { Worker } from 'node:worker_threads';
import type { ExportPlan } from '../../../shared/domain/export/plan';
import { runInWorker, type WorkerReply } from '../workers/run-in-worker';
import type { ExportedFile, ExportJob, ExportProgress, ExportRunners } from './export-job';
import type { BuiltKit, KitJob } from './kit-job';

/** What the export worker is asked: the .docx of a job, only its plan (for the print preview), or a trainer kit. */
export type ExportWorkerData = { job: ExportJob; output: 'docx' | 'plan' } | { job: KitJob; output: 'kit' };

/** What the export worker posts back: progress, then the file or files (bytes transferred, not copied) or the plan. */
export type ExportWorkerMessage = WorkerReply<ExportProgress, ExportedFile | ExportPlan | BuiltKit>;

/**
 * Export runners that run each job in its own worker thread: building a document of a few hundred pages
 * takes seconds of CPU, and even the plan of a long course tens of milliseconds, during which the main
 * process (or the web harness) must keep answering.
 */
export function workerExportRunners(createWorker: (options: { workerData: ExportWorkerData }) => Worker): ExportRunners {
  return {
    docx: (job, { onProgress, signal }) =>
      runInWorker<ExportWorkerData, ExportProgress, ExportedFile>(createWorker, { job, output: 'docx' }, {
        job: 'The export',
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      }),
    plan: (job) => runInWorker<ExportWorkerData, ExportProgress, ExportPlan>(createWorker, { job, output: 'plan' }, { job: 'The preview' }),
    // One worker for the whole kit: cancelling terminates it wherever it is, between documents or inside one.
    kit: (job, { onProgress, signal }) =>
      runInWorker<ExportWorkerData, ExportProgress, BuiltKit>(createWorker, { job, output: 'kit' }, {
        job: 'The trainer kit',
        ...(signal ? { signal } : {}),
        ...(onProgress ? { onProgress } : {}),
      }),
  };
}

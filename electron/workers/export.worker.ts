/**
 * Builds and renders one Word document off the main thread. It imports nothing from Electron and checks
 * what it is handed: the job crossed a thread boundary and is validated again before use.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseExportJob } from '../services/export/export-job-schema';
import { planExportJob, runExportJob } from '../services/export/export-job';
import type { ExportWorkerMessage } from '../services/export/export-worker';

function post(message: ExportWorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}

async function main(): Promise<void> {
  const data = workerData as { job?: unknown; output?: unknown } | null;
  const job = parseExportJob(data?.job);
  if (data?.output === 'plan') {
    post({ kind: 'done', result: await planExportJob(job) });
    return;
  }
  if (data?.output !== 'docx') throw new AppError('invalid-argument', 'The export worker was asked for neither a document nor a plan.');
  const file = await runExportJob(job, { onProgress: (progress) => { post({ kind: 'progress', progress }); } });
  // Hand the bytes over without copying them.
  const bytes = new Uint8Array(file.bytes);
  post({ kind: 'done', result: { fileName: file.fileName, bytes } }, [bytes.buffer]);
}

main().catch((error: unknown) => {
  post({ kind: 'error', code: error instanceof AppError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
});

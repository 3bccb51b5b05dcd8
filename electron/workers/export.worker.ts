/**
 * Builds and renders Word documents off the main thread: one document, a print preview's plan, or a whole
 * trainer kit. It imports nothing from Electron and checks what it is handed: the job crossed a thread
 * boundary and is validated again before use.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseExportJob, parseKitJob } from '../services/export/export-job-schema';
import { planExportJob, runExportJob, type ExportProgress } from '../services/export/export-job';
import type { ExportWorkerMessage } from '../services/export/export-worker';
import { runKitJob } from '../services/export/kit-job';

function post(message: ExportWorkerMessage, transfer: ArrayBuffer[] = []): void {
  parentPort?.postMessage(message, transfer);
}


async function main(): Promise<void> {
  const data = workerData as { job?: unknown; output?: unknown } | null;
  const onProgress = (progress: ExportProgress): void => {
    post({ kind: 'progress', progress });
  };
  if (data?.output === 'kit') {
    const kit = await runKitJob(parseKitJob(data.job), { onProgress });
    // Each file in a buffer of its own, so that all can be handed over without copying them.
    const files = kit.files.map((file) => ({ fileName: file.fileName, bytes: new Uint8Array(file.bytes) }));
    post({ kind: 'done', result: { ...kit, files } }, files.map((file) => file.bytes.buffer));
    return;
  }
  const job = parseExportJob(data?.job);
  if (data?.output === 'plan') {
    post({ kind: 'done', result: await planExportJob(job) });
    return;
  }
  if (data?.output !== 'docx') throw new AppError('invalid-argument', 'The export worker was asked for neither a document nor a plan.');
  const file = await runExportJob(job, { onProgress });
  // Hand the bytes over without copying them.
  const bytes = new Uint8Array(file.bytes);
  post({ kind: 'done', result: { fileName: file.fileName, bytes } }, [bytes.buffer]);
}

main().catch((error: unknown) => {
  post({ kind: 'error', code: error instanceof AppError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
});

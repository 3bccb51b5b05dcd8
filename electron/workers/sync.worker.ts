/**
 * One step of a sync off the main thread (see services/sync/sync-worker.ts). It imports nothing from
 * Electron; its input crossed a thread boundary and its configuration is validated again before use.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { SyncConfigSchema } from '../../shared/schemas/sync';
import { prepareSync, pushSync } from '../services/sync/engine';
import type { SyncWorkerData, SyncWorkerMessage } from '../services/sync/sync-worker';
import { transportError } from '../services/sync/transport';

function post(message: SyncWorkerMessage): void {
  parentPort?.postMessage(message);
}

async function main(): Promise<void> {
  const data = workerData as SyncWorkerData | null;
  const onProgress = (progress: { done: number; total: number; label: string }): void => {
    post({ kind: 'progress', progress });
  };
  if (data?.op === 'prepare') {
    const input = { ...data.input, config: SyncConfigSchema.parse(data.input.config) };
    post({ kind: 'done', result: await prepareSync(input, { onProgress }) });
    return;
  }
  if (data?.op === 'push') {
    const input = { ...data.input, config: SyncConfigSchema.parse(data.input.config) };
    post({ kind: 'done', result: await pushSync(input, { onProgress }) });
    return;
  }
  throw new AppError('invalid-argument', 'The sync worker was asked for no known step.');
}

main().catch((error: unknown) => {
  const failure = error instanceof AppError ? error : transportError(error, (workerData as SyncWorkerData | null)?.input.config.remote ?? 'the remote');
  post({ kind: 'error', code: failure.code, message: failure.message });
});

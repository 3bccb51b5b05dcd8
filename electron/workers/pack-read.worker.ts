/**
 * Reads and checks a pack off the main thread: unzipping, checksums and validating hundreds of modules
 * take a second or more, during which the desktop app's main process (or the web harness) must keep
 * answering. It imports nothing from Electron and trusts nothing it is handed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { readPackBytes } from '../services/packs/pack-reader';
import type { PackReadMessage } from '../services/packs/pack-read-worker';

function post(message: PackReadMessage): void {
  parentPort?.postMessage(message);
}

const input = workerData as unknown;
const bytes = input instanceof Uint8Array ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : null;
if (!bytes) post({ kind: 'error', code: 'invalid-argument', message: 'The pack reader was not given file content.' });
else
  readPackBytes(bytes, {}, { stage: (check) => { post({ kind: 'progress', progress: check }); } }).then(
    (contents) => {
      post({ kind: 'done', result: contents });
    },
    (error: unknown) => {
      post({ kind: 'error', code: error instanceof AppError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) });
    },
  );

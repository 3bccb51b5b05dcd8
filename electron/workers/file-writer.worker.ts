/**
 * The writer thread (services/store/file-writer-thread.ts): writes each request's files with the synchronous
 * fs calls, off the main thread's event loop, and answers with success or the fs error.
 */
import { parentPort } from 'node:worker_threads';
import type { FileWriterReply, FileWriterRequest } from '../services/store/file-writer-thread';
import { replaceFilesNow } from '../services/store/replace-files';

parentPort?.on('message', ({ id, stages }: FileWriterRequest) => {
  let reply: FileWriterReply;
  try {
    replaceFilesNow(stages);
    reply = { id, ok: true };
  } catch (error) {
    const { message, code, syscall, path } = error as NodeJS.ErrnoException;
    reply = { id, ok: false, error: { message, ...(code ? { code } : {}), ...(syscall ? { syscall } : {}), ...(path ? { path } : {}) } };
  }
  parentPort?.postMessage(reply);
});

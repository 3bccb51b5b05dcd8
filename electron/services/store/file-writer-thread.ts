/**
 * The writer thread of the desktop app and the web harness (see replace-files.ts for why): one long-lived
 * worker thread that runs `replaceFilesNow` for each request, in the order received. The Store's queue
 * already orders writes one at a time; a request is a whole write (every stage of it).
 *
 * A failed write comes back as the fs error it was (code, syscall and path kept), so that a full disk is
 * told apart from other failures as before. If the thread itself fails, the writes waiting on it fail
 * and the next write starts a new thread.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type { FileBytes, ReplaceFiles } from './replace-files';

export type FileWriterRequest = { id: number; stages: FileBytes[][] };
export type FileWriterError = { message: string; code?: string; syscall?: string; path?: string };
export type FileWriterReply = { id: number; ok: true } | { id: number; ok: false; error: FileWriterError };

export type FileWriterThread = { replaceFiles: ReplaceFiles; close(): Promise<void> };

/**
 * The writer thread's heap, bounded. It holds one write's files at a time (a group commit of twenty-odd
 * course files is a few megabytes, fifty large courses some tens), but an isolate left to V8's defaults may
 * grow far beyond that before it collects. One of four benchmark runs with the thread peaked at 466 MB of
 * resident memory against 292–308 MB in the others; which isolate grew could not be told, so this one is
 * kept well under the harness's 500 MB. A write beyond the bound would stop the thread with an error.
 */
const FILE_WRITER_LIMITS = { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 16 };

type Waiting = { resolve: () => void; reject: (error: Error) => void };

/** The fs error a write failed with, as an Error with its code (ENOSPC, EACCES...) as thrown on this thread. */
function errorOf({ message, ...details }: FileWriterError): NodeJS.ErrnoException {
  return Object.assign(new Error(message), details);
}

/**
 * `createWorker` comes from the host's build (electron-vite's `?nodeWorker` import of file-writer.worker.ts);
 * the thread is started with the heap bound above.
 */
export function threadFileWriter(createWorker: (options: WorkerOptions) => Worker): FileWriterThread {
  let worker: Worker | null = null;
  let lastId = 0;
  const waiting = new Map<number, Waiting>();

  const failAll = (error: Error): void => {
    for (const { reject } of waiting.values()) reject(error);
    waiting.clear();
  };

  const start = (): Worker => {
    const started = createWorker({ resourceLimits: FILE_WRITER_LIMITS });
    // An idle writer does not keep the process alive; one with a write under way does (see `replaceFiles`).
    started.unref();
    started.on('message', (reply: FileWriterReply) => {
      const entry = waiting.get(reply.id);
      if (!entry) return;
      waiting.delete(reply.id);
      if (waiting.size === 0) started.unref();
      if (reply.ok) entry.resolve();
      else entry.reject(errorOf(reply.error));
    });
    const lost = (why: string): void => {
      if (worker !== started) return;
      worker = null;
      failAll(new Error(`The file writer thread ${why}; nothing was written by the writes waiting on it.`));
    };
    started.on('error', (error) => {
      lost(`failed (${error.message})`);
    });
    started.on('exit', (code) => {
      lost(`stopped (exit code ${String(code)})`);
    });
    return started;
  };

  return {
    replaceFiles: (stages) =>
      new Promise<void>((resolve, reject) => {
        const thread = (worker ??= start());
        lastId += 1;
        waiting.set(lastId, { resolve, reject });
        thread.ref();
        const request: FileWriterRequest = { id: lastId, stages: stages.map((files) => [...files]) };
        thread.postMessage(request);
      }),
    async close() {
      const thread = worker;
      worker = null;
      failAll(new Error('The file writer thread was closed before the write was done.'));
      await thread?.terminate();
    },
  };
}

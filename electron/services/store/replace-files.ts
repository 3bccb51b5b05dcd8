/**
 * Writing files that stand on their own, each atomically (a temp file written, fsynced and renamed over the
 * old one), then each folder fsynced once: the write of a save that needs no journal (see FilePlan.stages).
 *
 * Two ways to run it. `replaceFilesHere` runs on the calling thread's event loop, each fs step a promise:
 * about sixteen turns of the loop for one group commit. Under load each turn waits behind every request
 * being answered, and a group commit of 22 course files took 122 ms at the median (measured in the web
 * harness with 50 clients that never pause), against 12 ms for the same files written in a row with the
 * synchronous calls. So the desktop app and the web harness hand these writes to a thread of their own
 * (`threadFileWriter`, file-writer.worker.ts), which runs `replaceFilesNow`: one message there and back.
 */
import { dirname } from 'node:path';
import { fsyncDirectory, fsyncDirectoryNow, replaceFile, replaceFileNow } from './atomic-file';
import { inSettledBatches } from './settled-batches';

/** A file to write: an absolute path and its bytes. */
export type FileBytes = { path: string; bytes: string | Uint8Array };

/** Writes each file atomically, in order of the stages (a stage durable before the next starts), then fsyncs its folders. */
export type ReplaceFiles = (stages: readonly (readonly FileBytes[])[]) => Promise<void>;

/** The folders of a stage's files, each once: one fsync of each makes all the renames in it durable. */
const foldersOf = (files: readonly FileBytes[]): string[] => [...new Set(files.map((file) => dirname(file.path)))];

/** How many files are written at once on the event loop: their fsyncs overlap, within what the thread pool runs. */
const PARALLEL_WRITES = 8;

/** `ReplaceFiles` on the event loop, with the promise-based fs calls (atomic-file.ts). */
export const replaceFilesHere: ReplaceFiles = async (stages) => {
  for (const files of stages) {
    // Each batch settled before a failure is reported: nothing is written after the save is said to have failed.
    await inSettledBatches(files, PARALLEL_WRITES, (file) => replaceFile(file.path, file.bytes, true));
    await Promise.all(foldersOf(files).map((folder) => fsyncDirectory(folder)));
  }
};

/** `ReplaceFiles` with the synchronous calls, one file after the other: what the writer thread runs. */
export function replaceFilesNow(stages: readonly (readonly FileBytes[])[]): void {
  for (const files of stages) {
    for (const file of files) replaceFileNow(file.path, file.bytes);
    for (const folder of foldersOf(files)) fsyncDirectoryNow(folder);
  }
}

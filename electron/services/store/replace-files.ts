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
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fsyncDirectory, replaceFile } from './atomic-file';
import { inSettledBatches } from './settled-batches';

/** A file to write: an absolute path and its bytes. */
export type FileBytes = { path: string; bytes: string | Uint8Array };

/** Writes each file atomically, in order of the stages (a stage durable before the next starts), then fsyncs its folders. */
export type ReplaceFiles = (stages: readonly (readonly FileBytes[])[]) => Promise<void>;

/** How many files are written at once on the event loop: their fsyncs overlap, within what the thread pool runs. */
const PARALLEL_WRITES = 8;

/** `ReplaceFiles` on the event loop, with the promise-based fs calls (atomic-file.ts). */
export const replaceFilesHere: ReplaceFiles = async (stages) => {
  for (const files of stages) {
    // Each batch settled before a failure is reported: nothing is written after the save is said to have failed.
    await inSettledBatches(files, PARALLEL_WRITES, (file) => replaceFile(file.path, file.bytes, true));
    await Promise.all([...new Set(files.map((file) => dirname(file.path)))].map((folder) => fsyncDirectory(folder)));
  }
};

const TEMP_MARK = '.tmp-';

/** `replaceFile` with the synchronous calls, for the writer thread: the same temp name, steps and clean-up. */
function replaceFileNow(path: string, bytes: string | Uint8Array): void {
  const temp = join(dirname(path), `${basename(path)}${TEMP_MARK}${String(process.pid)}-${randomBytes(6).toString('hex')}`);
  let fd: number;
  try {
    fd = openSync(temp, 'wx', 0o600);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    mkdirSync(dirname(path), { recursive: true });
    fd = openSync(temp, 'wx', 0o600);
  }
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    for (let written = 0; written < data.length; ) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Some platforms (Windows) cannot open a folder for fsync; the renames are then as durable as the OS makes them. */
function fsyncDirectoryNow(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported here; nothing more we can do.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** `ReplaceFiles` with the synchronous calls, one file after the other: what the writer thread runs. */
export function replaceFilesNow(stages: readonly (readonly FileBytes[])[]): void {
  for (const files of stages) {
    const folders = new Set<string>();
    for (const file of files) {
      replaceFileNow(file.path, file.bytes);
      folders.add(dirname(file.path));
    }
    for (const folder of folders) fsyncDirectoryNow(folder);
  }
}

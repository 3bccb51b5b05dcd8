import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.tmp-';

/**
 * Replaces `path` with `bytes` so that a crash at any moment leaves either the old or the new file, never a
 * torn one: write a unique temp file beside it, fsync it, rename it over, then fsync the folder so the
 * rename itself survives a power cut.
 */
export async function writeFileAtomic(path: string, bytes: string | Uint8Array, makeFolder = false): Promise<void> {
  await replaceFile(path, bytes, makeFolder);
  await fsyncDirectory(dirname(path));
}

/**
 * `writeFileAtomic` without the folder's fsync, for several files of one folder made durable by one fsync
 * of it (`fsyncDirectory`) once all are renamed. With `makeFolder`, a missing folder is made; only when it
 * is missing, which is rare: a `mkdir` before every save cost more than the write (measured under load).
 */
export async function replaceFile(path: string, bytes: string | Uint8Array, makeFolder = false): Promise<void> {
  const temp = tempPathBeside(path);
  let handle;
  try {
    handle = await open(temp, 'wx', 0o600);
  } catch (error) {
    if (!makeFolder || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await mkdir(dirname(path), { recursive: true });
    handle = await open(temp, 'wx', 0o600);
  }
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A unique temp file beside `path`, named so that `removeStaleTempFiles` finds it after a crash. */
function tempPathBeside(path: string): string {
  return join(dirname(path), `${basename(path)}${TEMP_MARK}${String(process.pid)}-${randomBytes(6).toString('hex')}`);
}

/** Some platforms (Windows) cannot open a folder for fsync; the rename is then as durable as the OS makes it. */
export async function fsyncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Not supported here; nothing more we can do.
  } finally {
    await handle?.close();
  }
}

/**
 * `replaceFile` (with `makeFolder`) with the synchronous calls, for the writer thread (replace-files.ts):
 * the same temp name, steps and clean-up.
 */
export function replaceFileNow(path: string, bytes: string | Uint8Array): void {
  const temp = tempPathBeside(path);
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

/** `fsyncDirectory` with the synchronous calls, for the writer thread. */
export function fsyncDirectoryNow(dir: string): void {
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

/** Temp files left by a crash mid-write are garbage: the real file was never touched. */
export async function removeStaleTempFiles(dir: string, fileName: string): Promise<void> {
  const prefix = `${fileName}${TEMP_MARK}`;
  for (const entry of await readdir(dir)) {
    if (entry.startsWith(prefix)) await rm(join(dir, entry), { force: true });
  }
}

/** Whether a regular file is at `path` (a folder or a missing path is not). */
export async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

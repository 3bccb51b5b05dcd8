import { randomBytes } from 'node:crypto';
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
  const temp = join(dirname(path), `${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`);
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

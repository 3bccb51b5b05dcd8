/**
 * Where a trainer kit goes: a folder (desktop app, CLI) or one .zip (web harness download, CLI). A kit is
 * written only into a new or an empty folder, so that no file the user already has is replaced or mixed in
 * with the kit; a new folder is filled under a temporary name and renamed into place, so a failure leaves
 * no half-written kit behind.
 */
import { mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { ZipFile } from 'yazl';
import { AppError } from '../../../shared/errors';
import { fsyncDirectory, writeFileAtomic } from '../store/atomic-file';
import type { BuiltKit } from './kit-job';

/** Whether `dir` exists: refused with `conflict` when it is a file or a folder with anything in it. */
async function folderState(dir: string): Promise<'missing' | 'empty'> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    return 'missing';
  }
  if (!info.isDirectory()) throw new AppError('conflict', `${dir} is a file, not a folder: choose a new or empty folder for the trainer kit.`);
  const entries = await readdir(dir);
  if (entries.length > 0) throw new AppError('conflict', `The folder ${dir} is not empty: choose a new or empty folder for the trainer kit.`);
  return 'empty';
}

/** Refuses, before any work, a folder the kit could not be written into; a missing one needs an existing parent. */
export async function assertKitFolder(dir: string): Promise<void> {
  if ((await folderState(dir)) === 'missing') await assertParent(dir);
}

async function assertParent(dir: string): Promise<void> {
  const parent = dirname(dir);
  const info = await stat(parent).catch(() => undefined);
  if (!info?.isDirectory()) throw new AppError('not-found', `The folder ${parent} does not exist.`);
}

/**
 * The folder a kit goes into when the user chose `chosen` in a folder dialog: that folder when it is empty,
 * otherwise a new folder `name` inside it (`name-2`, `name-3`… when that is taken).
 */
export async function kitFolderIn(chosen: string, name: string): Promise<string> {
  const usable = async (dir: string): Promise<boolean> =>
    folderState(dir).then(
      () => true,
      () => false,
    );
  if (await usable(chosen)) return chosen;
  for (let n = 1; n < 1000; n += 1) {
    const candidate = join(chosen, n === 1 ? name : `${name}-${n}`);
    if (await usable(candidate)) return candidate;
  }
  throw new AppError('conflict', `The folder ${chosen} already holds too many trainer kits of this course.`);
}

/** Writes the kit's files into `dir` (new or empty) and returns their paths. */
export async function writeKitFolder(dir: string, kit: Pick<BuiltKit, 'files'>): Promise<string[]> {
  const state = await folderState(dir);
  try {
    if (state === 'missing') return await writeNewFolder(dir, kit);
    return await writeIntoEmptyFolder(dir, kit);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('io-error', `Could not write the trainer kit to ${dir}: ${(error as Error).message}`);
  }
}

async function writeNewFolder(dir: string, kit: Pick<BuiltKit, 'files'>): Promise<string[]> {
  await assertParent(dir);
  const temp = await mkdtemp(join(dirname(dir), `.${basename(dir)}.tmp-`));
  try {
    for (const file of kit.files) await writeFileAtomic(join(temp, file.fileName), file.bytes);
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  await fsyncDirectory(dirname(dir));
  return kit.files.map((file) => join(dir, file.fileName));
}

async function writeIntoEmptyFolder(dir: string, kit: Pick<BuiltKit, 'files'>): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const file of kit.files) {
      const path = join(dir, file.fileName);
      await writeFileAtomic(path, file.bytes);
      written.push(path);
    }
  } catch (error) {
    // The folder was empty: taking back what this kit wrote leaves it as it was.
    await Promise.all(written.map((path) => rm(path, { force: true })));
    throw error;
  }
  return written;
}

/** Archive entries keep the time the kit was made (DOS time, local), like files written to a folder would. */
const FILE_OPTIONS = { compress: true, forceDosTimestamp: true, mode: 0o100644 };

/** The kit as one .zip, its documents inside a folder `folderName` so that unpacking it makes one folder. */
export async function kitZipBytes(kit: Pick<BuiltKit, 'files'>, folderName: string, mtime = new Date()): Promise<Buffer> {
  const zip = new ZipFile();
  for (const file of kit.files) zip.addBuffer(Buffer.from(file.bytes), `${folderName}/${file.fileName}`, { ...FILE_OPTIONS, mtime });
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

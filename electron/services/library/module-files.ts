/**
 * The library's module files as the search index sees them: which exist, and a stamp (size, modification
 * time) that tells, without reading 300 MB, which changed since the index was written.
 */
import { readdirSync, statSync, type BigIntStats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Module } from '../../../shared/schemas/module';
import { FILE_DEFINITIONS, decodeFile } from '../store/file-definitions';
import { idOfFileName, moduleFile, MODULES_DIR } from '../store/layout';
import type { FileStamp } from './search-index-file';

/** File systems keep modification times to 2 s (FAT) or finer; a change within that of a stat may not show. */
const RACY_MS = 2_000;
/** Files stat'ed at once: thousands opened together would run into the process's file limit. */
const BATCH = 64;

function stampFrom(info: BigIntStats, since: number): FileStamp {
  return { size: Number(info.size), mtimeNs: String(info.mtimeNs), racy: info.mtimeNs >= BigInt(since - RACY_MS) * 1_000_000n };
}

/** The stamp of one module file, or null when it does not exist. `since`: when the caller started looking. */
export async function stampOf(dataDir: string, id: string, since = Date.now()): Promise<FileStamp | null> {
  try {
    return stampFrom(await stat(join(dataDir, moduleFile(id)), { bigint: true }), since);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Stamps of the given modules' files (missing files are left out). */
export async function stampsOf(dataDir: string, ids: Iterable<string>): Promise<Map<string, FileStamp>> {
  const since = Date.now();
  const all = [...ids];
  const stamps = new Map<string, FileStamp>();
  for (let at = 0; at < all.length; at += BATCH) {
    const batch = await Promise.all(all.slice(at, at + BATCH).map(async (id) => [id, await stampOf(dataDir, id, since)] as const));
    for (const [id, stamp] of batch) if (stamp) stamps.set(id, stamp);
  }
  return stamps;
}

/**
 * Every module file of the library folder, by id, with its stamp. Synchronous on purpose: it runs once at
 * start, before anything else can be served, and 5,000 stat calls in a row take a few tens of milliseconds
 * where as many promises take several times that.
 */
export function stampModuleFiles(dataDir: string): Map<string, FileStamp> {
  let names: string[];
  try {
    names = readdirSync(join(dataDir, MODULES_DIR));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  const since = Date.now();
  const stamps = new Map<string, FileStamp>();
  for (const name of names) {
    const id = name.includes('.tmp-') ? null : idOfFileName(name);
    if (!id) continue;
    const info = statSync(join(dataDir, MODULES_DIR, name), { bigint: true, throwIfNoEntry: false });
    if (info) stamps.set(id, stampFrom(info, since));
  }
  return stamps;
}

/** Reads and validates one module file as the store does (migrations included). */
export async function readModuleFile(dataDir: string, id: string): Promise<Module> {
  const file = moduleFile(id);
  const module = decodeFile(await readFile(join(dataDir, file), 'utf8'), FILE_DEFINITIONS.module, file);
  if (module.id !== id) throw new Error(`The file ${file} holds "${module.id}", not "${id}"`);
  return module;
}

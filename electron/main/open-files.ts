import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import type { EventPayload } from '../../shared/ipc/contract';
import { PACK_EXTENSION } from '../../shared/schemas/pack';

const MAX_PACK_BYTES = 100 * 1024 * 1024;

/** Paths of .ccpack files among command-line arguments (Windows and Linux pass double-clicked files so). */
export function packPathsIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && extname(arg).toLowerCase() === PACK_EXTENSION);
}

/**
 * Reads a pack the operating system asked us to open, for the renderer's import preview. Only regular
 * .ccpack files up to the pack size limit; the pack itself is checked by the importer.
 */
export async function readPackForRenderer(path: string): Promise<EventPayload<'pack:open-file'> | null> {
  if (extname(path).toLowerCase() !== PACK_EXTENSION) return null;
  const info = await stat(path).catch(() => null);
  if (!info?.isFile() || info.size > MAX_PACK_BYTES) return null;
  return { fileName: basename(path), bytesBase64: (await readFile(path)).toString('base64') };
}

/** Reads a .zip in tests (a trainer kit): every entry by path, with its bytes. */
import { readParts } from '../../electron/services/export/docx/zip-parts';

/** Every entry of a zip archive, in archive order (read as the Word renderer reads packages). */
export async function readZip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Map((await readParts(Buffer.from(bytes))).map((part) => [part.path, part.data]));
}

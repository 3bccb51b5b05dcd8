/**
 * The size of a git object from a remote, known before it is inflated. A compressed object can be a zip
 * bomb: a few kilobytes that inflate to gigabytes. Git writes each object's size in front of its content
 * (a loose object's "blob <size>\0" header, a pack entry's header, a delta's result size), so the size is
 * read from the first compressed bytes alone, and an object larger than a module can be is refused before
 * anything of it is inflated. An object that inflates to more than it declared is refused as it inflates,
 * never past its declared size.
 */
import { open } from 'node:fs/promises';
import { constants, inflateSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

/**
 * Compressed bytes read to learn a size, a few more each time: a header is a few dozen bytes once inflated,
 * but a stream may open with a block of Huffman tables before its first byte of content.
 */
const HEAD_BYTES = [64, 512, 4096];

const TYPES: Record<number, string> = { 1: 'commit', 2: 'tree', 3: 'blob', 4: 'tag', 6: 'ofs-delta', 7: 'ref-delta' };

const mb = (bytes: number): string => String(Math.round(bytes / 1024 / 1024));

export const tooLarge = (size: number): AppError =>
  new AppError('sync-hostile', `The shared library was refused: it holds a file of ${mb(size)} MB, more than a module or course can be (found from its size before it was unpacked). Nothing was taken from it.`);

const damaged = (what: string): AppError => new AppError('sync-hostile', `The shared library was refused: its data is damaged or forged (${what}). Nothing was taken from it.`);

/** The first bytes (at least `need`, when there are) a zlib stream inflates to, from its first compressed bytes only. */
function inflateHead(compressed: Uint8Array, need: number): Buffer {
  let head = Buffer.alloc(0);
  for (const bytes of HEAD_BYTES) {
    try {
      head = inflateSync(compressed.subarray(0, bytes), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      throw damaged('an object that does not inflate');
    }
    if (head.length >= need || bytes >= compressed.length) break;
  }
  return head;
}

/** Checks a loose object file of a remote folder by its header; its size in bytes. */
export async function checkLooseObject(path: string, maxBytes: number): Promise<number> {
  const handle = await open(path, 'r');
  let head: Buffer;
  try {
    const most = HEAD_BYTES.at(-1) as number;
    const bytes = Buffer.alloc(most);
    const { bytesRead } = await handle.read(bytes, 0, most, 0);
    head = inflateHead(bytes.subarray(0, bytesRead), 32);
  } finally {
    await handle.close();
  }
  const match = /^(blob|tree|commit|tag) (\d{1,15})\0/.exec(head.subarray(0, 40).toString('latin1'));
  if (!match) throw damaged('a loose object without a valid header');
  const size = Number(match[2]);
  if (size > maxBytes) throw tooLarge(size);
  return size;
}

/** A little-endian base-128 number, as a delta's sizes are written. */
function deltaSize(bytes: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let shift = 0;
  for (let i = at; i < bytes.length && shift < 56; i += 1) {
    const byte = bytes[i] as number;
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return { value, next: i + 1 };
  }
  throw damaged('a delta without its sizes');
}

/**
 * Walks a packfile entry by entry: every object's size (a delta's: the object it makes) is read from its
 * header and checked before its content is inflated; each entry is then inflated with its declared size as
 * the ceiling, which is what finds where the next entry starts. Returns the number of objects.
 */
export function checkPack(pack: Uint8Array, maxBytes: number): number {
  if (pack.length < 32 || Buffer.from(pack.subarray(0, 4)).toString('latin1') !== 'PACK') throw damaged('a packfile without its signature');
  const view = new DataView(pack.buffer, pack.byteOffset, pack.byteLength);
  const count = view.getUint32(8);
  let at = 12;
  for (let n = 0; n < count; n += 1) {
    if (at >= pack.length - 20) throw damaged('a packfile cut short');
    let byte = pack[at++] as number;
    const type = (byte >> 4) & 7;
    let size = byte & 15;
    let shift = 4;
    while (byte & 0x80) {
      if (at >= pack.length || shift > 50) throw damaged('a packfile entry header');
      byte = pack[at++] as number;
      size += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    }
    if (!TYPES[type]) throw damaged(`a packfile entry of unknown type ${String(type)}`);
    if (type === 6) {
      do byte = pack[at++] as number;
      while (byte & 0x80 && at < pack.length);
    } else if (type === 7) at += 20;
    if (type === 6 || type === 7) {
      // A delta's size is its instructions'; the object it makes is declared in them, after the base's size.
      const head = inflateHead(pack.subarray(at), 20);
      const result = deltaSize(head, deltaSize(head, 0).next).value;
      if (result > maxBytes) throw tooLarge(result);
    }
    if (size > maxBytes) throw tooLarge(size);
    let consumed: number;
    try {
      const { buffer, engine } = inflateSync(pack.subarray(at), { info: true, maxOutputLength: size + 1 }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
      if (buffer.length !== size) throw damaged('a packfile entry whose size is not the one it declares');
      consumed = engine.bytesWritten;
    } catch (error) {
      if (error instanceof AppError) throw error;
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw damaged('an object that inflates to more than it declares');
      throw damaged('a packfile entry that does not inflate');
    }
    at += consumed;
  }
  return count;
}

/**
 * The packfile in an upload-pack response (pkt-lines; with side-band, the pack comes on channel 1), or null
 * when the response carries none.
 */
export function packOfUploadResponse(body: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let at = 0;
  while (at + 4 <= body.length) {
    const prefix = Buffer.from(body.subarray(at, at + 4)).toString('latin1');
    if (prefix === 'PACK') return body.subarray(at); // no side-band: the pack follows the lines as it is
    if (!/^[0-9a-f]{4}$/.test(prefix)) throw damaged('an answer that is not in git\'s line format');
    const length = parseInt(prefix, 16);
    if (length === 0 || length === 1 || length === 2) {
      at += 4;
      continue;
    }
    if (length < 4 || at + length > body.length) throw damaged('an answer cut short');
    const payload = body.subarray(at + 4, at + length);
    if (payload[0] === 1) parts.push(payload.subarray(1));
    else if (payload[0] === 3) break; // the server's error: isomorphic-git reports it
    at += length;
  }
  return parts.length > 0 ? Buffer.concat(parts) : null;
}

/**
 * Reading and writing the parts of a .docx package (a zip). The docx package zips with a JavaScript deflate;
 * writing the finished package with yazl deflates on Node's native zlib, off the JavaScript thread, which
 * costs a fraction of the time for a document.xml of several megabytes.
 */
import { Readable } from 'node:stream';
import { fromBuffer, type Entry, type ZipFile as ZipReader } from 'yauzl';
import { ZipFile } from 'yazl';

/** One part of the package: its path and its bytes, whole or as pieces written one after the other. */
export type PackagePart = { path: string; data: Buffer | readonly Buffer[] };

/** A fixed date and DOS timestamps only: the same document gives the same bytes on every machine and day. */
const PART_OPTIONS = { mtime: new Date(1980, 0, 1, 0, 0, 0), mode: 0o100644, compress: true, forceDosTimestamp: true };

function readEntry(zip: ZipReader, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(error);
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', reject);
      stream.on('end', () => {
        resolve(Buffer.concat(chunks));
      });
    });
  });
}

/** The parts of a package the docx package wrote, in their order in the zip. */
export function readParts(bytes: Buffer): Promise<{ path: string; data: Buffer }[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const parts: { path: string; data: Buffer }[] = [];
      zip.on('entry', (entry: Entry) => {
        readEntry(zip, entry).then(
          (data) => {
            parts.push({ path: entry.fileName, data });
            zip.readEntry();
          },
          (readError: unknown) => {
            reject(readError instanceof Error ? readError : new Error(String(readError)));
          },
        );
      });
      zip.on('end', () => {
        resolve(parts);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The package zipped, parts in the given order. */
export async function writeParts(parts: readonly PackagePart[]): Promise<Buffer> {
  const zip = new ZipFile();
  for (const part of parts) {
    if (Buffer.isBuffer(part.data)) zip.addBuffer(part.data, part.path, PART_OPTIONS);
    // Pieces are streamed into the deflater, so the part never exists as one more copy of itself.
    else zip.addReadStream(Readable.from(part.data), part.path, PART_OPTIONS);
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

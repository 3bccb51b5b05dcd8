/**
 * Reading and writing the parts of a .docx package (a zip). The docx package zips with a JavaScript deflate
 * on the JavaScript thread; the finished package is zipped with yazl, which deflates on Node's native zlib
 * in its thread pool. word/document.xml goes first and is deflated while it is still being written, so
 * deflating the body runs alongside rendering it, and the body never has to be in memory whole.
 */
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { fromBuffer, type Entry, type ZipFile as ZipReader } from 'yauzl';
import { ZipFile } from 'yazl';

/** One part of the package: its path and its bytes. */
export type PackagePart = { path: string; data: Buffer };

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
export function readParts(bytes: Buffer): Promise<PackagePart[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const parts: PackagePart[] = [];
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

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * How much of document.xml may wait for the deflater: enough for a few sections, so rendering runs ahead
 * of deflating instead of waiting for it, and little enough that the body never piles up in memory.
 */
const BODY_BUFFER = 8 * 1024 * 1024;

/** A .docx being zipped: word/document.xml is written piece by piece, then the other parts are added. */
export class PackageWriter {
  private readonly zip = new ZipFile();
  private readonly body = new PassThrough({ highWaterMark: BODY_BUFFER });
  private readonly output: Promise<Buffer>;
  private ended = false;

  constructor() {
    this.zip.addReadStream(this.body, 'word/document.xml', PART_OPTIONS);
    // Read from the start: the zip only moves on while its output is taken. yazl reports a broken entry as
    // an 'error' event on the zip (thrown if nobody listens): it rejects the output instead.
    const failed = new Promise<never>((_, reject) => {
      this.zip.once('error', reject);
    });
    this.output = Promise.race([collect(this.zip.outputStream), failed]);
    // A zip error while sections are still being rendered is reported by finish or abandon, which await
    // the output; until then it must not count as an unhandled rejection, which would end the worker.
    this.output.catch(() => undefined);
  }

  /** Appends to word/document.xml; resolves once the deflater can take more. */
  async write(piece: Buffer): Promise<void> {
    if (!this.body.write(piece)) await once(this.body, 'drain');
  }

  /** Ends word/document.xml, adds the other parts in order and returns the zipped package. */
  async finish(parts: readonly PackagePart[]): Promise<Buffer> {
    this.ended = true;
    this.body.end();
    for (const part of parts) this.zip.addBuffer(part.data, part.path, PART_OPTIONS);
    this.zip.end();
    return this.output;
  }

  /** Ends the package unfinished (a cancelled or failed rendering) and lets the zip run out, discarding it. */
  async abandon(): Promise<void> {
    if (!this.ended) {
      this.ended = true;
      this.body.end();
      this.zip.end();
    }
    await this.output.catch(() => undefined);
  }
}

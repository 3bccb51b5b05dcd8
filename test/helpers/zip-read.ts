/** Reads a .zip in tests (a trainer kit): every entry by path, with its bytes. */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';

function readEntry(zip: ZipFile, entry: Entry): Promise<Buffer> {
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

/** Every entry of a zip archive, in archive order. */
export function readZip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries = new Map<string, Buffer>();
      zip.on('entry', (entry: Entry) => {
        readEntry(zip, entry).then(
          (data) => {
            entries.set(entry.fileName, data);
            zip.readEntry();
          },
          reject,
        );
      });
      zip.on('end', () => {
        resolve(entries);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

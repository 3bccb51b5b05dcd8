/**
 * Word documents for the import tests: real ones written with the `docx` package (as Word would, with styles,
 * numbering and relationships), and hostile ones rebuilt from them entry by entry with the pack tests' zip
 * crafter, which writes what no zip library would (bad names, lying headers, shared data).
 */
import { Document, ImageRun, Packer, Paragraph, type ISectionOptions } from 'docx';
import { fromBuffer, type Entry } from 'yauzl';
import { craftZip, type CraftEntry } from '../packs/zip-craft';

/** A 1×1 transparent PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

/** A document of the given sections, bytes as Word would save them (numbering config for lists included). */
export async function docxBytes(sections: ISectionOptions[], options: { title?: string } = {}): Promise<Buffer> {
  const document = new Document({
    title: options.title,
    creator: 'Test',
    numbering: {
      config: [
        {
          reference: 'numbered',
          levels: [{ level: 0, format: 'decimal', text: '%1.' }],
        },
      ],
    },
    sections,
  });
  return Packer.toBuffer(document);
}

/** A small valid document with one image carrying alt text. */
export function simpleDocx(): Promise<Buffer> {
  return docxBytes([
    {
      children: [
        new Paragraph({ text: 'Lesson 1: Arrest and detention' }),
        new Paragraph({
          children: [new ImageRun({ type: 'png', data: TINY_PNG, transformation: { width: 10, height: 10 }, altText: { name: 'Cell', description: 'A holding cell', title: 'Cell' } })],
        }),
      ],
    },
  ]);
}

/** The entries of a zip, in order, with their data. */
export function unzipEntries(bytes: Buffer): Promise<CraftEntry[]> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true }, (error, zip) => {
      if (error) {
        reject(error);
        return;
      }
      const entries: CraftEntry[] = [];
      zip.on('entry', (entry: Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) {
            reject(streamError);
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            chunks.push(chunk);
          });
          stream.on('end', () => {
            entries.push({ name: entry.fileName, data: Buffer.concat(chunks) });
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => {
        resolve(entries);
      });
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The document rebuilt after `change` edits its entries (add, remove, rename, rewrite). */
export async function rebuildDocx(bytes: Buffer, change: (entries: CraftEntry[]) => CraftEntry[]): Promise<Buffer> {
  return craftZip(change(await unzipEntries(bytes)));
}

/** Rewrites one entry's text. */
export function editText(entries: CraftEntry[], name: string, edit: (text: string) => string): CraftEntry[] {
  if (!entries.some((entry) => entry.name === name)) throw new Error(`No entry ${name}`);
  return entries.map((entry) => (entry.name === name ? { ...entry, data: Buffer.from(edit(entry.data.toString('utf8')), 'utf8') } : entry));
}

/**
 * Opens an edited .docx within the pack reader's zip limits and returns the few parts the round trip reads,
 * as text. Only those parts are ever inflated; an archive over the limits is refused before any is.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors';
import { DEFAULT_PACK_LIMITS } from '../packs/pack-reader';

/** The parts the round trip reads. */
export const ROUND_TRIP_PARTS = ['word/document.xml', 'word/numbering.xml', 'docProps/custom.xml'] as const;
export type RoundTripPart = (typeof ROUND_TRIP_PARTS)[number];

function refuse(message: string): never {
  throw new AppError('invalid-argument', message);
}

function openZip(bytes: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, zip) => {
      if (error) reject(new AppError('invalid-argument', `This file is not a Word document (.docx): ${error.message}`));
      else resolve(zip);
    });
  });
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  const limits = DEFAULT_PACK_LIMITS;
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    let total = 0;
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      total += entry.uncompressedSize;
      if (entries.length > limits.maxEntries) reject(new AppError('invalid-argument', `The document has more than ${String(limits.maxEntries)} parts`));
      else if (entry.uncompressedSize > limits.maxEntryBytes) reject(new AppError('invalid-argument', `A part of the document is too large once unpacked (${entry.fileName})`));
      else if (entry.compressedSize > 0 && entry.uncompressedSize / entry.compressedSize > limits.maxRatio)
        reject(new AppError('invalid-argument', `A part of the document unpacks to more than ${String(limits.maxRatio)} times its size (${entry.fileName})`));
      else if (total > limits.maxTotalBytes) reject(new AppError('invalid-argument', 'The document is too large once unpacked'));
      else zip.readEntry();
    });
    zip.on('end', () => {
      resolve(entries);
    });
    zip.on('error', (error: Error) => {
      reject(new AppError('invalid-argument', `This file is not a Word document (.docx): ${error.message}`));
    });
    zip.readEntry();
  });
}

function readEntry(zip: ZipFile, entry: Entry): Promise<string> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(new AppError('invalid-argument', `A part of the document cannot be read (${entry.fileName}): ${error.message}`));
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (streamError: Error) => {
        reject(new AppError('invalid-argument', `A part of the document cannot be read (${entry.fileName}): ${streamError.message}`));
      });
      stream.on('end', () => {
        resolve(Buffer.concat(chunks).toString('utf8'));
      });
    });
  });
}

/** The round trip's parts of a .docx, by path (absent parts are missing from the map). */
export async function openRoundTripDocx(bytes: Buffer): Promise<Map<RoundTripPart, string>> {
  if (bytes.length > DEFAULT_PACK_LIMITS.maxTotalBytes) refuse('The document is larger than 100 MB');
  const zip = await openZip(bytes);
  try {
    const entries = await listEntries(zip);
    const parts = new Map<RoundTripPart, string>();
    for (const entry of entries) {
      const path = ROUND_TRIP_PARTS.find((p) => p === entry.fileName);
      if (path) {
        const text = await readEntry(zip, entry);
        // A DTD may declare entities that expand without end; WordprocessingML never needs one.
        if (/<!DOCTYPE/i.test(text)) refuse(`The document declares a DTD in ${path}, which Word documents never need`);
        parts.set(path, text);
      }
    }
    if (!parts.has('word/document.xml')) refuse('This file is not a Word document (.docx): it has no word/document.xml');
    return parts;
  } finally {
    zip.close();
  }
}

/**
 * Opens an edited .docx for the round trip. Every document first passes the Word import's safety checks
 * (`word-import/docx-safety.ts`: the pack reader's zip limits, DTDs, macros, external relationships,
 * encryption...), which refuse a hostile file before any parser sees it. The one part those checks do not
 * hand on, the custom document properties that name the round trip's source, is then read here within
 * the same limits.
 */
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors';
import { DEFAULT_PACK_LIMITS } from '../packs/pack-reader';
import { readDocxBytes } from '../word-import/docx-safety';

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

const CUSTOM_PROPERTIES = 'docProps/custom.xml';

/** The custom properties part, read again within the limits (the safety checks have passed the whole package). */
async function readCustomProperties(bytes: Buffer): Promise<string | undefined> {
  const zip = await openZip(bytes);
  try {
    const entry = (await listEntries(zip)).find((e) => e.fileName === CUSTOM_PROPERTIES);
    const text = entry ? await readEntry(zip, entry) : undefined;
    // Checked by the safety checks already; kept here so this reader never parses a DTD whoever calls it.
    if (text !== undefined && /<!DOCTYPE|<!ENTITY/i.test(text)) refuse(`The document declares a DTD in ${CUSTOM_PROPERTIES}, which Word documents never need`);
    return text;
  } finally {
    zip.close();
  }
}

/** The round trip's parts of a .docx, by path (absent parts are missing from the map), once the document passed the safety checks. */
export async function openRoundTripDocx(bytes: Buffer, fileName: string): Promise<Map<RoundTripPart, string>> {
  const checked = await readDocxBytes(bytes, fileName);
  const parts = new Map<RoundTripPart, string>([['word/document.xml', checked.parts.document]]);
  if (checked.parts.numbering !== null) parts.set('word/numbering.xml', checked.parts.numbering);
  const custom = await readCustomProperties(bytes);
  if (custom !== undefined) parts.set(CUSTOM_PROPERTIES, custom);
  return parts;
}

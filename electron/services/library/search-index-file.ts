/**
 * The library's search index on disk (`library/_search/index.bin`, layout.ts): a cache, rebuilt from the
 * module files whenever it is missing, damaged, of another format or made by another analyzer. Never backed
 * up, never synced, never shown to the user as a problem.
 *
 * Binary, because the postings are: an 8-byte mark, the format and analyzer versions, the length of a JSON
 * header and a CRC-32 of everything after the first 24 bytes; then the header (the list rows, each module
 * file's fingerprint, the terms) and the segment's arrays, little-endian. Loading it allocates a few arrays,
 * not one object per posting: 5,000 modules load in a fraction of a second.
 */
import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { ANALYZER_VERSION } from '../../../shared/domain/search/analyzer';
import { CorruptIndexError } from '../../../shared/domain/search/bytes';
import { checkSegment, type Segment } from '../../../shared/domain/search/segment';
import { IdSchema } from '../../../shared/schemas/common';
import { ModuleSummarySchema, type ModuleSummary } from '../../../shared/schemas/library';

/** Bump when the layout of this file changes; an index of another format is rebuilt, never read. */
export const SEARCH_INDEX_FORMAT = 1;
const MAGIC = Buffer.from('CCSEARCH', 'latin1');
const PREAMBLE = 24;

/**
 * What a module file looked like when the index last read or stat'ed it. `racy`: modified so shortly before
 * it was stat'ed that a change in the same clock tick could leave size and time as they were, so the file is
 * read again at the next start rather than trusted (git's "racily clean" entries).
 */
export const FileStampSchema = z.strictObject({ size: z.number().int().min(0), mtimeNs: z.string().regex(/^\d{1,30}$/), racy: z.boolean() });
export type FileStamp = z.infer<typeof FileStampSchema>;

/** The index as persisted: list rows in title order with their files' stamps, and the text segment. */
export type PersistedIndex = { entries: { summary: ModuleSummary; file: FileStamp }[]; text: Segment };

/**
 * The list rows are stored by column (every id, then every title...): a few long arrays parse and validate
 * far faster than thousands of small objects, and each column is checked with the summary's own schema.
 * An optional field is null where a module has none.
 */
const SUMMARY_KEYS = Object.keys(ModuleSummarySchema.shape) as (keyof ModuleSummary)[];
const STAMP_KEYS = Object.keys(FileStampSchema.shape) as (keyof FileStamp)[];
const columnOf = (schema: z.ZodType): z.ZodType => z.array(schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).nullable() : schema);
const RowsSchema = z.strictObject(
  Object.fromEntries([
    ...SUMMARY_KEYS.map((key) => [key, columnOf(ModuleSummarySchema.shape[key])]),
    ...STAMP_KEYS.map((key) => [key, columnOf(FileStampSchema.shape[key])]),
  ]) as Record<string, z.ZodType<unknown[]>>,
);

const HeaderSchema = z.strictObject({
  rows: RowsSchema,
  docIds: z.array(IdSchema),
  terms: z.array(z.string()),
  lengths: z.strictObject({ fieldLengths: z.number().int().min(0), offsets: z.number().int().min(1), postings: z.number().int().min(0) }),
});

function toRows(entries: PersistedIndex['entries']): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {};
  for (const key of SUMMARY_KEYS) rows[key] = entries.map((e) => e.summary[key] ?? null);
  for (const key of STAMP_KEYS) rows[key] = entries.map((e) => e.file[key]);
  return rows;
}

function fromRows(rows: Record<string, unknown[]>): PersistedIndex['entries'] {
  const count = rows['id']?.length ?? 0;
  if (Object.values(rows).some((column) => column.length !== count)) throw new UnusableIndex('its columns differ in length');
  return Array.from({ length: count }, (_, i) => {
    const summary: Record<string, unknown> = {};
    for (const key of SUMMARY_KEYS) {
      const value = rows[key]?.[i];
      if (value !== null) summary[key] = value;
    }
    const file: Record<string, unknown> = {};
    for (const key of STAMP_KEYS) file[key] = rows[key]?.[i];
    // Each column was checked with the summary's and the stamp's own schemas.
    return { summary: summary as ModuleSummary, file: file as FileStamp };
  });
}

/** Why a file was not used; the index is then rebuilt, and this goes to the log. */
export class UnusableIndex extends Error {}

/** The arrays are written as the machine holds them; every machine this app runs on is little-endian. */
export const CAN_PERSIST = endianness() === 'LE';

const align4 = (n: number): number => (n + 3) & ~3;

export function encodeIndex(index: PersistedIndex): Buffer {
  const { text } = index;
  const header = Buffer.from(
    JSON.stringify({
      rows: toRows(index.entries),
      docIds: text.docIds,
      terms: text.terms,
      lengths: { fieldLengths: text.fieldLengths.length, offsets: text.offsets.length, postings: text.postings.length },
    }),
    'utf8',
  );
  const start = align4(PREAMBLE + header.length);
  const bytes = Buffer.alloc(start + text.fieldLengths.byteLength + text.offsets.byteLength + text.postings.length);
  MAGIC.copy(bytes, 0);
  bytes.writeUInt32LE(SEARCH_INDEX_FORMAT, 8);
  bytes.writeUInt32LE(ANALYZER_VERSION, 12);
  bytes.writeUInt32LE(header.length, 16);
  header.copy(bytes, PREAMBLE);
  let at = start;
  for (const array of [text.fieldLengths, text.offsets, text.postings]) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  }
  bytes.writeUInt32LE(crc32(bytes.subarray(PREAMBLE)), 20);
  return bytes;
}

/** Reads a persisted index, or throws UnusableIndex saying why it cannot be used. */
export function decodeIndex(bytes: Buffer): PersistedIndex {
  if (bytes.length < PREAMBLE || !bytes.subarray(0, 8).equals(MAGIC)) throw new UnusableIndex('it is not a search index file');
  const format = bytes.readUInt32LE(8);
  const analyzer = bytes.readUInt32LE(12);
  if (format !== SEARCH_INDEX_FORMAT) throw new UnusableIndex(`it has format ${format}, this app reads format ${SEARCH_INDEX_FORMAT}`);
  if (analyzer !== ANALYZER_VERSION) throw new UnusableIndex(`it was made by analyzer ${analyzer}, this app indexes with analyzer ${ANALYZER_VERSION}`);
  const headerLength = bytes.readUInt32LE(16);
  if (PREAMBLE + headerLength > bytes.length) throw new UnusableIndex('it is truncated');
  if (crc32(bytes.subarray(PREAMBLE)) !== bytes.readUInt32LE(20)) throw new UnusableIndex('its checksum does not match (damaged or truncated)');
  let header: z.infer<typeof HeaderSchema>;
  try {
    header = HeaderSchema.parse(JSON.parse(bytes.toString('utf8', PREAMBLE, PREAMBLE + headerLength)));
  } catch (error) {
    const issue = error instanceof z.ZodError ? error.issues[0] : undefined;
    const reason = issue ? `${issue.message} at ${issue.path.join('.') || 'its top'}` : (error as Error).message;
    throw new UnusableIndex(`its header does not read (${reason})`);
  }
  const { lengths } = header;
  let at = align4(PREAMBLE + headerLength);
  const take = (byteLength: number): Uint8Array => {
    if (at + byteLength > bytes.length) throw new UnusableIndex('it is truncated');
    // Copied: the arrays must start at a multiple of 4 bytes, which a slice of the file's buffer may not.
    const copy = new Uint8Array(byteLength);
    copy.set(bytes.subarray(at, at + byteLength));
    at += byteLength;
    return copy;
  };
  const text: Segment = {
    docIds: header.docIds,
    fieldLengths: new Uint32Array(take(lengths.fieldLengths * 4).buffer),
    terms: header.terms,
    offsets: new Uint32Array(take(lengths.offsets * 4).buffer),
    postings: take(lengths.postings),
  };
  if (at !== bytes.length) throw new UnusableIndex('it has bytes after its end');
  try {
    checkSegment(text);
  } catch (error) {
    if (error instanceof CorruptIndexError) throw new UnusableIndex(`its text index is inconsistent: ${error.message}`);
    throw error;
  }
  return { entries: fromRows(header.rows), text };
}

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
export const SEARCH_INDEX_FORMAT = 2;
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
 * The list rows are stored by column (every id, then every title...): a few long arrays parse far faster
 * than thousands of small objects. Each value is checked with the summary's (or the stamp's) own schema for
 * its field, once per distinct value: most columns repeat a few values (languages, themes, levels), and
 * checking 5,000 rows value by value took a quarter of the start-up. An optional field is null where a
 * module has none.
 */
const SUMMARY_KEYS = Object.keys(ModuleSummarySchema.shape) as (keyof ModuleSummary)[];
const STAMP_KEYS = Object.keys(FileStampSchema.shape) as (keyof FileStamp)[];
const valueOf = (schema: z.ZodType): z.ZodType => (schema instanceof z.ZodOptional ? (schema.unwrap() as z.ZodType).nullable() : schema);
const COLUMNS = new Map<string, z.ZodType>([
  ...SUMMARY_KEYS.map((key) => [key, valueOf(ModuleSummarySchema.shape[key])] as const),
  ...STAMP_KEYS.map((key) => [key, valueOf(FileStampSchema.shape[key])] as const),
]);
const RowsSchema = z.strictObject(Object.fromEntries([...COLUMNS.keys()].map((key) => [key, z.array(z.unknown())])));

/** Checks (and parses) a column in place, each distinct value once; throws UnusableIndex naming the first bad row. */
function checkColumn(key: string, column: unknown[]): void {
  const schema = COLUMNS.get(key) as z.ZodType;
  const parsed = new Map<unknown, unknown>();
  column.forEach((value, row) => {
    const same = typeof value === 'object' && value !== null ? JSON.stringify(value) : value;
    if (!parsed.has(same)) {
      const result = schema.safeParse(value);
      if (!result.success) throw new UnusableIndex(`its header does not read (${result.error.issues[0]?.message ?? 'invalid'} at rows.${key}.${row})`);
      parsed.set(same, result.data);
    }
    column[row] = parsed.get(same);
  });
}

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
  for (const [key, column] of Object.entries(rows)) checkColumn(key, column);
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
    // A plain view of the file's bytes (not a Buffer): nothing is copied.
    const view = new Uint8Array(bytes.buffer, bytes.byteOffset + at, byteLength);
    at += byteLength;
    return view;
  };
  /** A view of the file's bytes where they start at a multiple of 4 (as a file read whole does), else a copy. */
  const words = (count: number): Uint32Array => {
    const view = take(count * 4);
    return view.byteOffset % 4 === 0 ? new Uint32Array(view.buffer, view.byteOffset, count) : new Uint32Array(view.slice().buffer);
  };
  const text: Segment = {
    docIds: header.docIds,
    fieldLengths: words(lengths.fieldLengths),
    terms: header.terms,
    offsets: words(lengths.offsets),
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

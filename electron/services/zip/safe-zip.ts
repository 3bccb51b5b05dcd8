/**
 * The zip layer shared by every reader of hostile archives (module packs, Word documents): the file is read
 * once within a size cap, the central directory is checked entry by entry (count, names, links, encryption,
 * methods, sizes, ratio, overlapping data, local-versus-central names), and entries are inflated one at a time
 * with zlib's output capped at the declared size. Nothing is written, extracted or followed.
 *
 * The readers differ only in their words (a pack, a document) and in the stage they name in a refusal, so
 * each function takes the caller's message table and a `refuse` that throws the caller's own error.
 */
import { close, constants, fstat, lstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { crc32, inflateRawSync } from 'node:zlib';
import { fromBuffer, type Entry, type Options, type ZipFile } from 'yauzl';
import { AppError } from '../../../shared/errors';

export const MB = 1024 * 1024;

export type ZipLimits = {
  /** Zip entries, folders included. */
  maxEntries: number;
  /** Sum of the uncompressed sizes; also the largest file accepted. */
  maxTotalBytes: number;
  /** Uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed size divided by compressed size, per entry. */
  maxRatio: number;
};

/** Throws the caller's refusal (its error class, with the stage it is in); never returns. */
export type Refuse = (message: string) => never;

/** The messages of the zip layer, worded by each reader for its kind of file. */
export type ZipRefusals<L extends ZipLimits> = {
  pathIsLink: string;
  notAFile: string;
  empty: string;
  fileTooLarge: (limits: L) => string;
  notZip: string;
  truncated: string;
  damaged: string;
  tooManyEntries: (limits: L) => string;
  unsafeName: (name: string, reason: string) => string;
  duplicate: (name: string) => string;
  link: (name: string) => string;
  specialFile: (name: string) => string;
  encrypted: string;
  method: (name: string, method: number) => string;
  entryTooLarge: (name: string, limits: L) => string;
  totalTooLarge: (limits: L) => string;
  ratio: (name: string, limits: L) => string;
  overlap: (name: string, other: string) => string;
  localName: (name: string, local: string) => string;
  sizeLie: (name: string) => string;
  storedSizeLie: string;
  corrupt: (name: string) => string;
  crc: (name: string) => string;
};

export const sizeText = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes.toLocaleString('en-US')} bytes`);

/** What the central directory says about one zip entry. */
export type ZipEntryInfo = { name: string; folder: boolean; bytes: number; compressedBytes: number; method: number };

export type ZipSource = { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Buffer };

const ZIP_OPTIONS: Options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true, autoClose: false };
export const LOCAL_HEADER_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

// ---------------------------------------------------------------------------------------------------
// file and archive
// ---------------------------------------------------------------------------------------------------

const openFd = promisify(open);
const fstatFd = promisify(fstat);
const lstatPath = promisify(lstat);
const closeFd = promisify(close);
const readFd = promisify(read);

/**
 * The whole file, read once through a descriptor that did not follow a link. Its size was capped first,
 * so this holds at most `maxTotalBytes`; entries are then inflated one at a time from this buffer.
 */
export async function loadZipSource<L extends ZipLimits>(source: ZipSource, limits: L, text: ZipRefusals<L>, refuse: Refuse): Promise<Buffer> {
  if (source.kind === 'bytes') {
    checkFileSize(source.bytes.length, limits, text, refuse);
    return source.bytes;
  }
  const fd = await openFile(source.path, text, refuse);
  try {
    const stats = await fstatFd(fd);
    // Checked again on the open descriptor: the path may have been swapped since lstat.
    if (!stats.isFile()) refuse(text.notAFile);
    checkFileSize(stats.size, limits, text, refuse);
    const bytes = Buffer.allocUnsafe(stats.size);
    let filled = 0;
    while (filled < stats.size) {
      const { bytesRead } = await readFd(fd, bytes, filled, stats.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    // A file that shrank while being read is taken as what it now holds (and then found truncated).
    return bytes.subarray(0, filled);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw fileError(source.path, error);
  } finally {
    await closeFd(fd);
  }
}

/** Opens the zip directory; a refusal tells a file cut short from one that is no zip at all. */
export async function openZip<L extends ZipLimits>(bytes: Buffer, text: ZipRefusals<L>, refuse: Refuse): Promise<ZipFile> {
  try {
    return await new Promise<ZipFile>((resolve, reject) => {
      fromBuffer(bytes, ZIP_OPTIONS, (error, zip) => {
        if (error) reject(error);
        else resolve(zip);
      });
    });
  } catch (error) {
    return refuse(openRefusal(error, bytes.subarray(0, 4), text));
  }
}

/** Opens without following a symbolic link, so the file read is the file the user chose. */
async function openFile<L extends ZipLimits>(path: string, text: ZipRefusals<L>, refuse: Refuse): Promise<number> {
  let isLink: boolean;
  let isFile: boolean;
  try {
    const stats = await lstatPath(path);
    isLink = stats.isSymbolicLink();
    isFile = stats.isFile();
  } catch (error) {
    throw fileError(path, error);
  }
  if (isLink) refuse(text.pathIsLink);
  if (!isFile) refuse(text.notAFile);
  // Windows has no O_NOFOLLOW; the lstat above and the fstat after opening stand in for it there.
  // O_NONBLOCK: were the path swapped for a FIFO since lstat, opening it must not wait for a writer.
  const flag = (name: 'O_NOFOLLOW' | 'O_NONBLOCK') => (constants[name] as number | undefined) ?? 0;
  try {
    return await openFd(path, constants.O_RDONLY | flag('O_NOFOLLOW') | flag('O_NONBLOCK'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuse(text.pathIsLink);
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not-found', `There is no file at ${path}.`);
  return new AppError('io-error', `Could not read ${path}: ${(error as Error).message}`);
}

function checkFileSize<L extends ZipLimits>(size: number, limits: L, text: ZipRefusals<L>, refuse: Refuse): void {
  if (size === 0) refuse(text.empty);
  if (size > limits.maxTotalBytes) refuse(text.fileTooLarge(limits));
}

/** yauzl's messages are not a contract; only the few distinctions users need are drawn from them. */
function openRefusal<L extends ZipLimits>(error: unknown, head: Buffer, text: ZipRefusals<L>): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/^End of central directory record signature not found/.test(message)) {
    // A zip starts with a local file header and ends with the directory: a start without an end was cut short.
    return head.equals(LOCAL_HEADER_SIGNATURE) ? text.truncated : text.notZip;
  }
  return text.damaged;
}

// ---------------------------------------------------------------------------------------------------
// entries
// ---------------------------------------------------------------------------------------------------

/** Why `name` is unsafe, or null. Checked in this order, so a name with several problems gets one message. */
export function entryNameProblem(name: string): string | null {
  if (name.includes('\\')) return 'backslashes are not allowed';
  if (/^[A-Za-z]:/.test(name)) return 'drive letters are not allowed';
  if (name.startsWith('/')) return 'absolute paths are not allowed';
  if (name.split('/').includes('..')) return '".." is not allowed';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001F\u007F]/.test(name)) return 'control characters are not allowed';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.some((segment) => segment === '' || segment === '.')) return 'empty or "." path segments are not allowed';
  return null;
}

/** yauzl refuses some names itself (strictFileNames) before it tells us the entry; its message holds the name. */
function listingRefusal<L extends ZipLimits>(error: unknown, text: ZipRefusals<L>): string {
  const message = error instanceof Error ? error.message : String(error);
  const named = /^(?:invalid characters in fileName|absolute path|invalid relative path): ([\s\S]*)$/.exec(message);
  if (named) {
    const name = named[1] ?? '';
    return text.unsafeName(name, entryNameProblem(name) ?? 'it is not allowed');
  }
  if (/^compressed\/uncompressed size mismatch for stored file/.test(message)) return text.storedSizeLie;
  if (/encrypt/i.test(message)) return text.encrypted;
  return text.damaged;
}

function listEntries<L extends ZipLimits>(zip: ZipFile, text: ZipRefusals<L>, refuse: Refuse, onEntry: (entry: Entry) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: Entry) => {
      try {
        onEntry(entry);
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return;
      }
      zip.readEntry();
    });
    zip.once('end', () => {
      resolve();
    });
    zip.once('error', (error: Error) => {
      try {
        refuse(listingRefusal(error, text));
      } catch (refusal) {
        reject(refusal instanceof Error ? refusal : new Error(String(refusal)));
      }
    });
    zip.readEntry();
  });
}

/**
 * The name in the entry's local header, when that header lies within the file; null otherwise (reading the
 * entry's data then refuses it as damaged).
 */
function localHeaderName(bytes: Buffer, offset: number): Buffer | null {
  if (offset + 30 > bytes.length || !bytes.subarray(offset, offset + 4).equals(LOCAL_HEADER_SIGNATURE)) return null;
  const length = bytes.readUInt16LE(offset + 26);
  if (offset + 30 + length > bytes.length) return null;
  return bytes.subarray(offset + 30, offset + 30 + length);
}

export type EntryCheckOptions = {
  /** Called first for every entry, refused or not (`pack inspect` lists them). */
  observe?: (entry: ZipEntryInfo) => void;
  /** A folder entry the reader does not expect; refused with this message when it returns one. */
  folderProblem?: (name: string) => string | null;
};

/** Refuses a directory of more entries than the limit; called before any entry is listed. */
export function checkEntryCount<L extends ZipLimits>(zip: ZipFile, limits: L, text: ZipRefusals<L>, refuse: Refuse): void {
  if (zip.entryCount > limits.maxEntries) refuse(text.tooManyEntries(limits));
}

/** Checks every entry of the central directory and returns the files (folders left out) by name. */
export async function checkZipEntries<L extends ZipLimits>(
  zip: ZipFile,
  bytes: Buffer,
  limits: L,
  text: ZipRefusals<L>,
  refuse: Refuse,
  options: EntryCheckOptions = {},
): Promise<Map<string, Entry>> {
  const files = new Map<string, Entry>();
  const names = new Set<string>();
  const offsets = new Map<number, string>();
  let declaredTotal = 0;
  await listEntries(zip, text, refuse, (entry) => {
    const name = entry.fileName;
    const folder = name.endsWith('/');
    options.observe?.({ name, folder, bytes: entry.uncompressedSize, compressedBytes: entry.compressedSize, method: entry.compressionMethod });
    const problem = entryNameProblem(name);
    if (problem !== null) refuse(text.unsafeName(name, problem));
    if (names.has(name)) refuse(text.duplicate(name));
    names.add(name);
    // The high 16 bits of the external attributes hold the Unix mode when a Unix tool made the zip; 0 otherwise.
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) refuse(text.link(name));
    if (folder) {
      const folderProblem = options.folderProblem?.(name) ?? null;
      if (folderProblem !== null) refuse(folderProblem);
      if (type !== 0 && type !== S_IFDIR) refuse(text.specialFile(name));
    } else if (type !== 0 && type !== S_IFREG) {
      refuse(text.specialFile(name));
    }
    if (entry.isEncrypted()) refuse(text.encrypted);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) refuse(text.method(name, entry.compressionMethod));
    if (entry.uncompressedSize > limits.maxEntryBytes) refuse(text.entryTooLarge(name, limits));
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) refuse(text.totalTooLarge(limits));
    // Written as a product so that a compressed size of 0 with any content counts as an infinite ratio.
    if (entry.uncompressedSize > entry.compressedSize * limits.maxRatio) refuse(text.ratio(name, limits));
    // Many directory records pointing at one compressed blob is the classic overlapping-entries zip bomb.
    const sharing = offsets.get(entry.relativeOffsetOfLocalHeader);
    if (sharing !== undefined) refuse(text.overlap(name, sharing));
    offsets.set(entry.relativeOffsetOfLocalHeader, name);
    // Zip tools extract by one name or the other: an archive must not show one file to this app and another to them.
    const local = localHeaderName(bytes, entry.relativeOffsetOfLocalHeader);
    if (local !== null && !local.equals(entry.fileNameRaw)) refuse(text.localName(name, local.toString('utf8')));
    if (!folder) files.set(name, entry);
  });
  return files;
}

// ---------------------------------------------------------------------------------------------------
// data
// ---------------------------------------------------------------------------------------------------

/** Uncompressed bytes still allowed, counted as entries are inflated, whatever the headers said. */
export type ZipBudget<L extends ZipLimits> = { remaining: number; limits: L };

function dataRefusal<L extends ZipLimits>(error: unknown, name: string, text: ZipRefusals<L>): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  // zlib stopped at maxOutputLength: the entry inflates to more than its header declares.
  if (code === 'ERR_BUFFER_TOO_LARGE') return text.sizeLie(name);
  if (typeof code === 'string' && code.startsWith('Z_')) return text.corrupt(name);
  if (/^(?:too many|not enough) bytes in the stream/.test(message)) return text.sizeLie(name);
  if (/encrypt/i.test(message)) return text.encrypted;
  return text.damaged;
}

/** The entry's data as stored in the zip (still compressed); yauzl checks that it lies within the file. */
function rawBytes(zip: ZipFile, bytes: Buffer, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
      if (error) reject(error);
      else resolve(bytes.subarray(header.fileDataStart, header.fileDataStart + entry.compressedSize));
    });
  });
}

/**
 * One entry's uncompressed bytes, never more than its declared size nor the remaining budget, CRC-32 checked.
 * Inflating here rather than through yauzl's streams is two to three times faster on a pack of many modules;
 * zlib's maxOutputLength stops inflating as soon as the output would pass the declared size, so a lying
 * header still cannot make the reader hold more than the limits.
 */
export async function readZipEntry<L extends ZipLimits>(zip: ZipFile, bytes: Buffer, entry: Entry, budget: ZipBudget<L>, text: ZipRefusals<L>, refuse: Refuse): Promise<Buffer> {
  const name = entry.fileName;
  let data: Buffer;
  try {
    const raw = await rawBytes(zip, bytes, entry);
    // Stored entries: yauzl already refused a compressed size that differs from the uncompressed one.
    // One output chunk of the declared size (at most 1 MB) spares zlib from concatenating many 16 kB ones.
    const chunkSize = Math.min(Math.max(64, entry.uncompressedSize), MB);
    data = entry.compressionMethod === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize), chunkSize });
  } catch (error) {
    return refuse(dataRefusal(error, name, text));
  }
  if (data.length !== entry.uncompressedSize) refuse(text.sizeLie(name));
  budget.remaining -= data.length;
  if (budget.remaining < 0) refuse(text.totalTooLarge(budget.limits));
  if (crc32(data) !== entry.crc32) refuse(text.crc(name));
  return data;
}

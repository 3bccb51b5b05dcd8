/**
 * Reads a `.ccpack` file safely, whoever made it. Everything happens in memory within fixed limits: nothing is
 * written, extracted or followed (no symbolic links, neither the pack path nor entries), and every refusal is
 * a PackRefusedError (code `invalid-argument`) with a stable message listed in docs/pack-format.md.
 *
 * Memory: the pack file is read once (its size is capped before reading); entries are inflated one at a time
 * with zlib's output capped at the declared size, which was itself capped, as was the sum of all of them.
 *
 * The checks run in stages, each over the whole pack before the next starts, so that `pack inspect` can say
 * truthfully which checks passed: file, archive, entries, manifest, listing, data, checksums, content,
 * schemas, consistency.
 */
import { createHash } from 'node:crypto';
import { close, constants, fstat, lstat, open, read } from 'node:fs';
import { promisify } from 'node:util';
import { crc32, inflateRawSync } from 'node:zlib';
import { fromBuffer, type Entry, type Options, type ZipFile } from 'yauzl';
import { z } from 'zod';
import { upgradeModule } from '../../../shared/domain/module-upgrade';
import { lessonCodeProblems, structuralProblems } from '../../../shared/domain/module-checks';
import { describeIssues } from '../../../shared/domain/zod-issues';
import { AppError } from '../../../shared/errors';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import {
  PACK_FOLDERS,
  PACK_FORMAT,
  PACK_FORMAT_VERSION,
  PACK_MANIFEST_PATH,
  PACK_REFERENCES_PATH,
  PackCurriculumSchema,
  PackManifestSchema,
  packCurriculumPath,
  packModulePath,
  type PackCurriculum,
  type PackEntry,
  type PackManifest,
} from '../../../shared/schemas/pack';
import { ReferenceSchema, type Reference } from '../../../shared/schemas/reference';
import { JsonContentError, parsePackJson, quote } from './pack-json';

export const MB = 1024 * 1024;

export type PackLimits = {
  /** Zip entries, folders and manifest included. */
  maxEntries: number;
  /** Sum of the uncompressed sizes; also the largest pack file accepted. */
  maxTotalBytes: number;
  /** Uncompressed size of any one entry. */
  maxEntryBytes: number;
  /** Uncompressed size divided by compressed size, per entry. JSON compresses about 5 to 10 times. */
  maxRatio: number;
  /** Nesting of arrays and objects in any JSON entry. Real modules nest about 7 levels. */
  maxDepth: number;
};

export const DEFAULT_PACK_LIMITS: Readonly<PackLimits> = {
  maxEntries: 2000,
  maxTotalBytes: 100 * MB,
  maxEntryBytes: 20 * MB,
  maxRatio: 100,
  maxDepth: 64,
};

/** The stages of reading, in order; a refusal names the stage that refused. */
export const PACK_CHECKS = ['file', 'archive', 'entries', 'manifest', 'listing', 'data', 'checksums', 'content', 'schemas', 'consistency'] as const;
export type PackCheck = (typeof PACK_CHECKS)[number];

/** A pack this app will not open. `message` is stable and meant for the user. */
export class PackRefusedError extends AppError {
  readonly check: PackCheck;

  constructor(check: PackCheck, message: string) {
    super('invalid-argument', message);
    this.name = 'PackRefusedError';
    this.check = check;
  }
}

export type PackContents = {
  manifest: PackManifest;
  /** Sorted by id. */
  modules: Module[];
  /** In the order of references.json. */
  references: Reference[];
  /** Sorted by id; validated only as safe JSON objects with an id (see PackCurriculumSchema). */
  curricula: PackCurriculum[];
};

/** What the central directory says about one zip entry, for `pack inspect`. */
export type PackZipEntry = { name: string; folder: boolean; bytes: number; compressedBytes: number; method: number };

/** Lets `pack inspect` follow the stages without a second implementation of them. */
export type PackObserver = {
  stage?: (check: PackCheck) => void;
  zipEntry?: (entry: PackZipEntry) => void;
  manifest?: (manifest: PackManifest) => void;
};

const sizeText = (bytes: number): string => (bytes % MB === 0 ? `${bytes / MB} MB` : `${bytes.toLocaleString('en-US')} bytes`);

/** Every refusal message in one place: docs/pack-format.md lists them and the tests assert them verbatim. */
export const PACK_REFUSALS = {
  pathIsLink: 'The pack path is a symbolic link; open the file it points to instead.',
  notAFile: 'The pack path is not a regular file.',
  empty: 'The file is empty, so it is not a pack.',
  fileTooLarge: (limits: PackLimits) => `The pack file is larger than ${sizeText(limits.maxTotalBytes)}.`,
  notZip: 'The file is not a pack: it is not a zip archive.',
  truncated: 'The pack is incomplete: the file was cut short, perhaps by an interrupted download or copy.',
  damaged: 'The pack is damaged: its zip structure is invalid.',
  tooManyEntries: (limits: PackLimits) => `The pack has more than ${limits.maxEntries.toLocaleString('en-US')} entries.`,
  unsafeName: (name: string, reason: string) => `Unsafe entry name ${quote(name)}: ${reason}.`,
  duplicate: (name: string) => `The pack contains ${quote(name)} twice.`,
  unexpectedFolder: (name: string) => `The pack contains the folder ${quote(name)}; only modules/ and curricula/ are expected.`,
  link: (name: string) => `${quote(name)} is a symbolic link; packs may not contain links.`,
  specialFile: (name: string) => `${quote(name)} is not a regular file; packs may only contain files.`,
  encrypted: 'The pack contains encrypted entries; packs may not be encrypted.',
  method: (name: string, method: number) => `${quote(name)} uses compression method ${method}; only stored (0) and deflate (8) are allowed.`,
  entryTooLarge: (name: string, limits: PackLimits) => `${quote(name)} is larger than ${sizeText(limits.maxEntryBytes)}.`,
  totalTooLarge: (limits: PackLimits) => `The pack would unpack to more than ${sizeText(limits.maxTotalBytes)}.`,
  ratio: (name: string, limits: PackLimits) => `${quote(name)} is compressed more than ${limits.maxRatio} to 1, as only zip bombs are.`,
  overlap: (name: string, other: string) => `${quote(name)} shares its data with ${quote(other)} (overlapping entries).`,
  /** Zip tools extract by one name or the other: a pack must not show one file to this app and another to them. */
  localName: (name: string, local: string) => `${quote(name)} is named ${quote(local)} in its local header; the two names of a zip entry must be the same.`,
  sizeLie: (name: string) => `${quote(name)} does not have the size its zip header declares.`,
  /** yauzl checks stored entries while listing, before it tells us the entry's name. */
  storedSizeLie: 'An entry of the pack does not have the size its zip header declares.',
  corrupt: (name: string) => `${quote(name)} is corrupt: its compressed data cannot be read.`,
  crc: (name: string) => `${quote(name)} is corrupt: its CRC-32 does not match its data.`,
  noManifest: 'The pack has no manifest.json.',
  wrongFormat: (format: unknown) =>
    `manifest.json is not a Curriculum Composer pack manifest (${typeof format === 'string' ? `format ${quote(format)}` : 'no format'}; expected "${PACK_FORMAT}").`,
  newerFormat: (version: number) =>
    `This pack was made by a newer version of Curriculum Composer (pack format ${version}; this version reads formats up to ${PACK_FORMAT_VERSION}). Update the app to open it.`,
  invalidManifest: (issues: string) => `manifest.json is invalid: ${issues}`,
  missingEntry: (path: string) => `manifest.json lists ${path}, but the pack does not contain it.`,
  unlisted: (name: string) => `The pack contains ${quote(name)}, which manifest.json does not list.`,
  checksum: (path: string) => `${path} does not match its SHA-256 checksum in manifest.json.`,
  invalidModule: (path: string, issues: string) => `${path} is not a valid module: ${issues}`,
  invalidReferences: (issues: string) => `${PACK_REFERENCES_PATH} is not a valid reference list: ${issues}`,
  invalidCurriculum: (path: string, issues: string) => `${path} is not a valid curriculum: ${issues}`,
  duplicateReference: (id: string) => `${PACK_REFERENCES_PATH} lists the reference ${quote(id)} twice.`,
  misnamed: (path: string, id: string) => `${path} holds ${quote(id)}; its file must be named after its id.`,
  revisionMismatch: (path: string, actual: number, listed: number) => `${path} is revision ${actual}, but manifest.json lists revision ${listed}.`,
  languageNotListed: (path: string, language: string) => `${path} is in the language "${language}", which manifest.json does not list.`,
  missingReference: (path: string, id: string) => `${path} cites the reference ${quote(id)}, which ${PACK_REFERENCES_PATH} does not contain.`,
  inconsistentModule: (path: string, where: string, problem: string) => `${path} is not consistent at ${where}: ${problem}.`,
};

/** Reads and checks the pack at `path`; see the file comment. */
export function readPack(path: string, limits: Partial<PackLimits> = {}, observer: PackObserver = {}): Promise<PackContents> {
  return readFrom({ kind: 'file', path }, { ...DEFAULT_PACK_LIMITS, ...limits }, observer);
}

/** The same checks on a pack already in memory (the writer checks its own output with this). */
export function readPackBytes(bytes: Buffer, limits: Partial<PackLimits> = {}, observer: PackObserver = {}): Promise<PackContents> {
  return readFrom({ kind: 'bytes', bytes }, { ...DEFAULT_PACK_LIMITS, ...limits }, observer);
}

type Source = { kind: 'file'; path: string } | { kind: 'bytes'; bytes: Buffer };

const ZIP_OPTIONS: Options = { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true, autoClose: false };
const LOCAL_HEADER_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;

async function readFrom(source: Source, limits: PackLimits, observer: PackObserver): Promise<PackContents> {
  let stage: PackCheck = 'file';
  const enter = (check: PackCheck): void => {
    stage = check;
    observer.stage?.(check);
  };
  enter('file');
  const bytes = await loadPack(source, limits);
  enter('archive');
  const zip = await openZip(bytes);
  try {
    return await readZip(zip, bytes, limits, observer, enter);
  } catch (error) {
    if (error instanceof JsonContentError) throw new PackRefusedError(stage, error.message);
    throw error;
  } finally {
    zip.close();
  }
}

function refuse(check: PackCheck, message: string): never {
  throw new PackRefusedError(check, message);
}

// ---------------------------------------------------------------------------------------------------
// file and archive
// ---------------------------------------------------------------------------------------------------

const openFd = promisify(open);
const fstatFd = promisify(fstat);
const lstatPath = promisify(lstat);
const closeFd = promisify(close);
const readFd = promisify(read);

/**
 * The whole pack file, read once through a descriptor that did not follow a link. Its size was capped first,
 * so this holds at most `maxTotalBytes`; entries are then inflated one at a time from this buffer.
 */
async function loadPack(source: Source, limits: PackLimits): Promise<Buffer> {
  if (source.kind === 'bytes') {
    checkFileSize(source.bytes.length, limits);
    return source.bytes;
  }
  const fd = await openFile(source.path);
  try {
    const stats = await fstatFd(fd);
    // Checked again on the open descriptor: the path may have been swapped since lstat.
    if (!stats.isFile()) refuse('file', PACK_REFUSALS.notAFile);
    checkFileSize(stats.size, limits);
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

async function openZip(bytes: Buffer): Promise<ZipFile> {
  try {
    return await new Promise<ZipFile>((resolve, reject) => {
      fromBuffer(bytes, ZIP_OPTIONS, (error, zip) => {
        if (error) reject(error);
        else resolve(zip);
      });
    });
  } catch (error) {
    return refuse('archive', openRefusal(error, bytes.subarray(0, 4)));
  }
}

/** Opens without following a symbolic link, so the file read is the file the user chose. */
async function openFile(path: string): Promise<number> {
  let isLink: boolean;
  let isFile: boolean;
  try {
    const stats = await lstatPath(path);
    isLink = stats.isSymbolicLink();
    isFile = stats.isFile();
  } catch (error) {
    throw fileError(path, error);
  }
  if (isLink) refuse('file', PACK_REFUSALS.pathIsLink);
  if (!isFile) refuse('file', PACK_REFUSALS.notAFile);
  // Windows has no O_NOFOLLOW; the lstat above and the fstat after opening stand in for it there.
  // O_NONBLOCK: were the path swapped for a FIFO since lstat, opening it must not wait for a writer.
  const flag = (name: 'O_NOFOLLOW' | 'O_NONBLOCK') => (constants[name] as number | undefined) ?? 0;
  try {
    return await openFd(path, constants.O_RDONLY | flag('O_NOFOLLOW') | flag('O_NONBLOCK'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') refuse('file', PACK_REFUSALS.pathIsLink);
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): AppError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new AppError('not-found', `There is no file at ${path}.`);
  return new AppError('io-error', `Could not read ${path}: ${(error as Error).message}`);
}

function checkFileSize(size: number, limits: PackLimits): void {
  if (size === 0) refuse('file', PACK_REFUSALS.empty);
  if (size > limits.maxTotalBytes) refuse('file', PACK_REFUSALS.fileTooLarge(limits));
}

/** yauzl's messages are not a contract; only the few distinctions users need are drawn from them. */
function openRefusal(error: unknown, head: Buffer): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/^End of central directory record signature not found/.test(message)) {
    // A zip starts with a local file header and ends with the directory: a start without an end was cut short.
    return head.equals(LOCAL_HEADER_SIGNATURE) ? PACK_REFUSALS.truncated : PACK_REFUSALS.notZip;
  }
  return PACK_REFUSALS.damaged;
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
function listingRefusal(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const named = /^(?:invalid characters in fileName|absolute path|invalid relative path): ([\s\S]*)$/.exec(message);
  if (named) {
    const name = named[1] ?? '';
    return PACK_REFUSALS.unsafeName(name, entryNameProblem(name) ?? 'it is not allowed');
  }
  if (/^compressed\/uncompressed size mismatch for stored file/.test(message)) return PACK_REFUSALS.storedSizeLie;
  if (/encrypt/i.test(message)) return PACK_REFUSALS.encrypted;
  return PACK_REFUSALS.damaged;
}

function listEntries(zip: ZipFile, onEntry: (entry: Entry) => void): Promise<void> {
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
      reject(new PackRefusedError('entries', listingRefusal(error)));
    });
    zip.readEntry();
  });
}

type Listing = { files: Map<string, Entry> };

/**
 * The name in the entry's local header, when that header lies within the file; null otherwise (the data stage
 * then refuses the entry as damaged, as it always has).
 */
function localHeaderName(bytes: Buffer, offset: number): Buffer | null {
  if (offset + 30 > bytes.length || !bytes.subarray(offset, offset + 4).equals(LOCAL_HEADER_SIGNATURE)) return null;
  const length = bytes.readUInt16LE(offset + 26);
  if (offset + 30 + length > bytes.length) return null;
  return bytes.subarray(offset + 30, offset + 30 + length);
}

async function checkEntries(zip: ZipFile, bytes: Buffer, limits: PackLimits, observer: PackObserver): Promise<Listing> {
  const files = new Map<string, Entry>();
  const names = new Set<string>();
  const offsets = new Map<number, string>();
  let declaredTotal = 0;
  await listEntries(zip, (entry) => {
    const name = entry.fileName;
    const folder = name.endsWith('/');
    observer.zipEntry?.({ name, folder, bytes: entry.uncompressedSize, compressedBytes: entry.compressedSize, method: entry.compressionMethod });
    const problem = entryNameProblem(name);
    if (problem !== null) refuse('entries', PACK_REFUSALS.unsafeName(name, problem));
    if (names.has(name)) refuse('entries', PACK_REFUSALS.duplicate(name));
    names.add(name);
    // The high 16 bits of the external attributes hold the Unix mode when a Unix tool made the zip; 0 otherwise.
    const type = (entry.externalFileAttributes >>> 16) & S_IFMT;
    if (type === S_IFLNK) refuse('entries', PACK_REFUSALS.link(name));
    if (folder) {
      if (!(PACK_FOLDERS as readonly string[]).includes(name)) refuse('entries', PACK_REFUSALS.unexpectedFolder(name));
      if (type !== 0 && type !== S_IFDIR) refuse('entries', PACK_REFUSALS.specialFile(name));
    } else if (type !== 0 && type !== S_IFREG) {
      refuse('entries', PACK_REFUSALS.specialFile(name));
    }
    if (entry.isEncrypted()) refuse('entries', PACK_REFUSALS.encrypted);
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) refuse('entries', PACK_REFUSALS.method(name, entry.compressionMethod));
    if (entry.uncompressedSize > limits.maxEntryBytes) refuse('entries', PACK_REFUSALS.entryTooLarge(name, limits));
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalBytes) refuse('entries', PACK_REFUSALS.totalTooLarge(limits));
    // Written as a product so that a compressed size of 0 with any content counts as an infinite ratio.
    if (entry.uncompressedSize > entry.compressedSize * limits.maxRatio) refuse('entries', PACK_REFUSALS.ratio(name, limits));
    // Many directory records pointing at one compressed blob is the classic overlapping-entries zip bomb.
    const sharing = offsets.get(entry.relativeOffsetOfLocalHeader);
    if (sharing !== undefined) refuse('entries', PACK_REFUSALS.overlap(name, sharing));
    offsets.set(entry.relativeOffsetOfLocalHeader, name);
    const local = localHeaderName(bytes, entry.relativeOffsetOfLocalHeader);
    if (local !== null && !local.equals(entry.fileNameRaw)) refuse('entries', PACK_REFUSALS.localName(name, local.toString('utf8')));
    if (!folder) files.set(name, entry);
  });
  return { files };
}

// ---------------------------------------------------------------------------------------------------
// data
// ---------------------------------------------------------------------------------------------------

/** Uncompressed bytes still allowed, counted as entries are inflated, whatever the headers said. */
type Budget = { remaining: number; limits: PackLimits };

function dataRefusal(error: unknown, name: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  // zlib stopped at maxOutputLength: the entry inflates to more than its header declares.
  if (code === 'ERR_BUFFER_TOO_LARGE') return PACK_REFUSALS.sizeLie(name);
  if (typeof code === 'string' && code.startsWith('Z_')) return PACK_REFUSALS.corrupt(name);
  if (/^(?:too many|not enough) bytes in the stream/.test(message)) return PACK_REFUSALS.sizeLie(name);
  if (/encrypt/i.test(message)) return PACK_REFUSALS.encrypted;
  return PACK_REFUSALS.damaged;
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
async function readEntryBytes(zip: ZipFile, bytes: Buffer, entry: Entry, budget: Budget, check: PackCheck): Promise<Buffer> {
  const name = entry.fileName;
  let data: Buffer;
  try {
    const raw = await rawBytes(zip, bytes, entry);
    // Stored entries: yauzl already refused a compressed size that differs from the uncompressed one.
    // One output chunk of the declared size (at most 1 MB) spares zlib from concatenating many 16 kB ones.
    const chunkSize = Math.min(Math.max(64, entry.uncompressedSize), MB);
    data = entry.compressionMethod === 0 ? raw : inflateRawSync(raw, { maxOutputLength: Math.max(1, entry.uncompressedSize), chunkSize });
  } catch (error) {
    return refuse(check, dataRefusal(error, name));
  }
  if (data.length !== entry.uncompressedSize) refuse(check, PACK_REFUSALS.sizeLie(name));
  budget.remaining -= data.length;
  if (budget.remaining < 0) refuse(check, PACK_REFUSALS.totalTooLarge(budget.limits));
  if (crc32(data) !== entry.crc32) refuse(check, PACK_REFUSALS.crc(name));
  return data;
}

// ---------------------------------------------------------------------------------------------------
// the stages
// ---------------------------------------------------------------------------------------------------

async function readZip(zip: ZipFile, bytes: Buffer, limits: PackLimits, observer: PackObserver, enter: (check: PackCheck) => void): Promise<PackContents> {
  if (zip.entryCount > limits.maxEntries) refuse('archive', PACK_REFUSALS.tooManyEntries(limits));

  enter('entries');
  const { files } = await checkEntries(zip, bytes, limits, observer);
  const budget: Budget = { remaining: limits.maxTotalBytes, limits };

  enter('manifest');
  const manifestEntry = files.get(PACK_MANIFEST_PATH);
  if (!manifestEntry) refuse('manifest', PACK_REFUSALS.noManifest);
  const manifestBytes = await readEntryBytes(zip, bytes, manifestEntry, budget, 'manifest');
  const manifest = parseManifest(parsePackJson(PACK_MANIFEST_PATH, manifestBytes, limits.maxDepth));
  observer.manifest?.(manifest);

  enter('listing');
  const listed = [...manifest.entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const entry of listed) if (!files.has(entry.path)) refuse('listing', PACK_REFUSALS.missingEntry(entry.path));
  const listedPaths = new Set(listed.map((entry) => entry.path));
  for (const name of files.keys()) {
    if (name !== PACK_MANIFEST_PATH && !listedPaths.has(name)) refuse('listing', PACK_REFUSALS.unlisted(name));
  }

  enter('data');
  const data = new Map<string, Buffer>();
  for (const entry of listed) {
    const zipEntry = files.get(entry.path);
    if (zipEntry) data.set(entry.path, await readEntryBytes(zip, bytes, zipEntry, budget, 'data'));
  }

  enter('checksums');
  for (const entry of listed) {
    const digest = createHash('sha256')
      .update(data.get(entry.path) ?? Buffer.alloc(0))
      .digest('hex');
    if (digest !== entry.sha256) refuse('checksums', PACK_REFUSALS.checksum(entry.path));
  }

  // Content and schema checks run entry by entry, so that each entry's raw parse becomes garbage at once
  // instead of all of them surviving into the old generation: this halves the garbage collector's work.
  enter('content');
  const contents: PackContents = { manifest, modules: [], references: [], curricula: [] };
  for (const entry of listed) {
    let value: unknown;
    try {
      value = parsePackJson(entry.path, data.get(entry.path) ?? Buffer.alloc(0), limits.maxDepth);
    } catch (error) {
      if (error instanceof JsonContentError) refuse('content', error.message);
      throw error;
    }
    data.delete(entry.path);
    addEntry(contents, entry, value);
  }

  enter('consistency');
  checkConsistency(contents, listed);
  // Listed order is by path, where "a-b.json" sorts before "a.json"; callers get ids in order.
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  contents.modules.sort(byId);
  contents.curricula.sort(byId);
  return contents;
}

function parseManifest(value: unknown): PackManifest {
  // Format and version first: a newer manifest may legitimately fail this version's schema.
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { format, formatVersion } = value as { format?: unknown; formatVersion?: unknown };
    if (format !== PACK_FORMAT) refuse('manifest', PACK_REFUSALS.wrongFormat(format));
    if (typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > PACK_FORMAT_VERSION) {
      refuse('manifest', PACK_REFUSALS.newerFormat(formatVersion));
    }
  }
  const parsed = PackManifestSchema.safeParse(value);
  if (!parsed.success) refuse('manifest', PACK_REFUSALS.invalidManifest(describeIssues(parsed.error.issues)));
  return parsed.data;
}

const ReferenceListSchema = z.array(ReferenceSchema);

/** Validates one entry against its schema and adds it to the contents. */
function addEntry(contents: PackContents, entry: PackEntry, value: unknown): void {
  switch (entry.kind) {
    case 'module': {
      // Modules of older packs (and older apps' shapes) are brought up to date before they are checked.
      const parsed = ModuleSchema.safeParse(upgradeModule(value));
      if (!parsed.success) refuse('schemas', PACK_REFUSALS.invalidModule(entry.path, describeIssues(parsed.error.issues)));
      contents.modules.push(parsed.data);
      break;
    }
    case 'references': {
      const parsed = ReferenceListSchema.safeParse(value);
      if (!parsed.success) refuse('schemas', PACK_REFUSALS.invalidReferences(describeIssues(parsed.error.issues)));
      contents.references = parsed.data;
      break;
    }
    case 'curriculum': {
      const parsed = PackCurriculumSchema.safeParse(value);
      if (!parsed.success) refuse('schemas', PACK_REFUSALS.invalidCurriculum(entry.path, describeIssues(parsed.error.issues)));
      contents.curricula.push(parsed.data);
      break;
    }
  }
}

function checkConsistency({ manifest, modules, references, curricula }: PackContents, listed: readonly PackEntry[]): void {
  const referenceIds = new Set<string>();
  for (const reference of references) {
    if (referenceIds.has(reference.id)) refuse('consistency', PACK_REFUSALS.duplicateReference(reference.id));
    referenceIds.add(reference.id);
  }
  const moduleEntries = listed.filter((entry) => entry.kind === 'module');
  modules.forEach((module, index) => {
    const entry = moduleEntries[index];
    if (!entry) return;
    if (module.id !== entry.moduleId || packModulePath(module.id) !== entry.path) refuse('consistency', PACK_REFUSALS.misnamed(entry.path, module.id));
    if (module.revision !== entry.revision) refuse('consistency', PACK_REFUSALS.revisionMismatch(entry.path, module.revision, entry.revision));
    if (!manifest.languages.includes(module.language)) refuse('consistency', PACK_REFUSALS.languageNotListed(entry.path, module.language));
    for (const id of citedReferences(module)) {
      if (!referenceIds.has(id)) refuse('consistency', PACK_REFUSALS.missingReference(entry.path, id));
    }
    // The rules across fields that the module editor enforces (docs/module-format.md).
    const [problem] = [...lessonCodeProblems(module), ...structuralProblems(module, references)];
    if (problem) refuse('consistency', PACK_REFUSALS.inconsistentModule(entry.path, problem.path, problem.message));
  });
  const curriculumEntries = listed.filter((entry) => entry.kind === 'curriculum');
  curricula.forEach((curriculum, index) => {
    const entry = curriculumEntries[index];
    if (entry && packCurriculumPath(curriculum.id) !== entry.path) refuse('consistency', PACK_REFUSALS.misnamed(entry.path, curriculum.id));
  });
}

/** Module-level and lesson-level citations, each once, in first-cited order. */
export function citedReferences(module: Module): string[] {
  return [...new Set([...module.references, ...module.lessons.flatMap((lesson) => lesson.references)])];
}

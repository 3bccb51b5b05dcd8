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
import type { ZipFile } from 'yauzl';
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
import {
  checkEntryCount,
  checkZipEntries,
  loadZipSource,
  MB,
  openZip,
  readZipEntry,
  sizeText,
  type Refuse,
  type ZipBudget,
  type ZipEntryInfo,
  type ZipLimits,
  type ZipSource,
} from '../zip/safe-zip';
import { JsonContentError, parsePackJson, quote } from './pack-json';

export { MB } from '../zip/safe-zip';

/** The zip limits (maxRatio: JSON compresses about 5 to 10 times), and the JSON nesting allowed. */
export type PackLimits = ZipLimits & {
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
export type PackZipEntry = ZipEntryInfo;

/** Lets `pack inspect` follow the stages without a second implementation of them. */
export type PackObserver = {
  stage?: (check: PackCheck) => void;
  zipEntry?: (entry: PackZipEntry) => void;
  manifest?: (manifest: PackManifest) => void;
};

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

async function readFrom(source: ZipSource, limits: PackLimits, observer: PackObserver): Promise<PackContents> {
  let stage: PackCheck = 'file';
  const enter = (check: PackCheck): void => {
    stage = check;
    observer.stage?.(check);
  };
  enter('file');
  const bytes = await loadZipSource(source, limits, PACK_REFUSALS, refuser('file'));
  enter('archive');
  const zip = await openZip(bytes, PACK_REFUSALS, refuser('archive'));
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

/** The zip layer's refusals, attributed to the stage that runs them. */
const refuser =
  (check: PackCheck): Refuse =>
  (message) =>
    refuse(check, message);

// ---------------------------------------------------------------------------------------------------
// the stages
// ---------------------------------------------------------------------------------------------------

async function readZip(zip: ZipFile, bytes: Buffer, limits: PackLimits, observer: PackObserver, enter: (check: PackCheck) => void): Promise<PackContents> {
  checkEntryCount(zip, limits, PACK_REFUSALS, refuser('archive'));

  enter('entries');
  const files = await checkZipEntries(zip, bytes, limits, PACK_REFUSALS, refuser('entries'), {
    observe: observer.zipEntry,
    folderProblem: (name) => ((PACK_FOLDERS as readonly string[]).includes(name) ? null : PACK_REFUSALS.unexpectedFolder(name)),
  });
  const budget: ZipBudget<PackLimits> = { remaining: limits.maxTotalBytes, limits };

  enter('manifest');
  const manifestEntry = files.get(PACK_MANIFEST_PATH);
  if (!manifestEntry) refuse('manifest', PACK_REFUSALS.noManifest);
  const manifestBytes = await readZipEntry(zip, bytes, manifestEntry, budget, PACK_REFUSALS, refuser('manifest'));
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
    if (zipEntry) data.set(entry.path, await readZipEntry(zip, bytes, zipEntry, budget, PACK_REFUSALS, refuser('data')));
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

/**
 * `pack inspect`: what a pack holds and which checks it passes, without importing anything. It runs the
 * reader itself (through its observer), so the report can never disagree with what an import would accept.
 */
import { stat } from 'node:fs/promises';
import { AppError, toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { PackManifest } from '../../../shared/schemas/pack';
import { citedReferences, DEFAULT_PACK_LIMITS, PACK_CHECKS, PackRefusedError, readPack, type PackCheck, type PackContents, type PackLimits, type PackZipEntry } from './pack-reader';

export type PackCheckStatus = 'passed' | 'failed' | 'not-run';

/** `found`: what a passed check found (counts and sizes); `message`: why a failed one refused the pack. */
export type PackCheckResult = { check: PackCheck; description: string; status: PackCheckStatus; found?: string; message?: string };

export type PackInspection = {
  path: string;
  ok: boolean;
  /** Why the pack is refused (code and the reader's message), or null. */
  refusal: AppErrorShape | null;
  checks: PackCheckResult[];
  /** Null when the manifest could not be read. */
  manifest: PackManifest | null;
  /** The zip's central directory as far as it was read. */
  zipEntries: PackZipEntry[];
  counts: { modules: number; references: number; curricula: number } | null;
};

/** One line per stage, for people reading the report. */
export const PACK_CHECK_DESCRIPTIONS: Record<PackCheck, string> = {
  file: 'a regular file (not a link), not empty, within the size limit',
  archive: 'a complete zip archive with an acceptable number of entries',
  entries: 'safe names, files only, no duplicates, sizes and compression ratios within limits',
  manifest: 'manifest.json present, safe and valid, in a format version this app reads',
  listing: 'the manifest lists exactly the files the pack contains',
  data: 'every entry decompresses to its declared size with a matching CRC-32',
  checksums: 'every entry matches its SHA-256 checksum in the manifest',
  content: 'UTF-8 JSON, not nested too deep, no forbidden keys, control characters or unsafe links',
  schemas: 'modules, references and curricula are valid',
  consistency: 'file names match ids, revisions and languages match the manifest, cited references are present, lesson codes, objective ids and their uses agree',
};

const count = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

type Known = { fileBytes: number | null; zipEntries: readonly PackZipEntry[]; manifest: PackManifest | null; contents: PackContents | null; limits: PackLimits };

/** What each passed check found, from what the reader reported up to where it stopped. */
function findings(check: PackCheck, { fileBytes, zipEntries, manifest, contents, limits }: Known): string | undefined {
  const files = zipEntries.filter((e) => !e.folder);
  const listed = manifest?.entries.length ?? 0;
  switch (check) {
    case 'file':
      return fileBytes === null ? undefined : `${count(fileBytes, 'byte')} (limit ${count(limits.maxTotalBytes, 'byte')})`;
    case 'archive':
      return zipEntries.length > 0 ? `a zip archive of ${count(zipEntries.length, 'entry', 'entries')}` : undefined;
    case 'entries': {
      const unpacked = files.reduce((sum, e) => sum + e.bytes, 0);
      const ratio = Math.max(0, ...files.map((e) => (e.compressedBytes === 0 ? 0 : e.bytes / e.compressedBytes)));
      return `${count(files.length, 'file')} and ${count(zipEntries.length - files.length, 'folder')}, ${count(unpacked, 'byte')} unpacked, highest compression ${ratio.toFixed(1)} to 1`;
    }
    case 'manifest':
      return manifest ? `format ${String(manifest.formatVersion)}, pack "${manifest.packId}", ${count(listed, 'file')} listed` : undefined;
    case 'listing':
      return manifest ? `all ${count(listed, 'listed file')} present, nothing unlisted` : undefined;
    case 'data':
      return manifest ? `${count(listed + 1, 'entry', 'entries')} unpacked to their declared sizes, CRC-32 matching` : undefined;
    case 'checksums':
      return manifest ? `${count(listed, 'SHA-256 checksum')} matching` : undefined;
    case 'content':
      return manifest ? `${count(listed + 1, 'JSON file')}: UTF-8, nested at most ${String(limits.maxDepth)} levels, no forbidden key, character or link` : undefined;
    case 'schemas':
      return contents ? `${count(contents.modules.length, 'module')}, ${count(contents.references.length, 'reference')} and ${count(contents.curricula.length, 'curriculum', 'curricula')} valid` : undefined;
    case 'consistency': {
      if (!contents) return undefined;
      const cited = new Set(contents.modules.flatMap(citedReferences)).size;
      const lessons = contents.modules.reduce((sum, m) => sum + m.lessons.length, 0);
      return `file names match ids; revisions and languages match the manifest; ${count(cited, 'cited reference')} present; ${count(lessons, 'lesson')} with consistent codes and objectives`;
    }
  }
}

export async function inspectPack(path: string, limits: Partial<PackLimits> = {}): Promise<PackInspection> {
  const applied: PackLimits = { ...DEFAULT_PACK_LIMITS, ...limits };
  let fileBytes: number | null = null;
  try {
    fileBytes = (await stat(path)).size;
  } catch {
    // The reader reports a missing or unreadable file itself.
  }
  let reached: PackCheck = 'file';
  let manifest: PackManifest | null = null;
  const zipEntries: PackZipEntry[] = [];
  const observer = {
    stage: (check: PackCheck) => {
      reached = check;
    },
    zipEntry: (entry: PackZipEntry) => zipEntries.push(entry),
    manifest: (read: PackManifest) => {
      manifest = read;
    },
  };
  try {
    const contents = await readPack(path, limits, observer);
    const known: Known = { fileBytes, zipEntries, manifest: contents.manifest, contents, limits: applied };
    return {
      path,
      ok: true,
      refusal: null,
      checks: PACK_CHECKS.map((check) => withFound({ check, description: PACK_CHECK_DESCRIPTIONS[check], status: 'passed' }, findings(check, known))),
      manifest: contents.manifest,
      zipEntries,
      counts: { modules: contents.modules.length, references: contents.references.length, curricula: contents.curricula.length },
    };
  } catch (error) {
    // A missing or unreadable file is the caller's problem, not a verdict on a pack.
    if (error instanceof AppError && !(error instanceof PackRefusedError)) throw error;
    const failed = error instanceof PackRefusedError ? error.check : reached;
    const failedAt = PACK_CHECKS.indexOf(failed);
    const refusal = toAppErrorShape(error);
    const known: Known = { fileBytes, zipEntries, manifest, contents: null, limits: applied };
    return {
      path,
      ok: false,
      refusal,
      checks: PACK_CHECKS.map((check, index) => {
        const description = PACK_CHECK_DESCRIPTIONS[check];
        if (index < failedAt) return withFound({ check, description, status: 'passed' }, findings(check, known));
        if (index === failedAt) return { check, description, status: 'failed', message: refusal.message };
        return { check, description, status: 'not-run' };
      }),
      manifest,
      zipEntries,
      counts: null,
    };
  }
}

function withFound(result: PackCheckResult, found: string | undefined): PackCheckResult {
  return found === undefined ? result : { ...result, found };
}

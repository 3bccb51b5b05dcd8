/**
 * `pack inspect`: what a pack holds and which checks it passes, without importing anything. It runs the
 * reader itself (through its observer), so the report can never disagree with what an import would accept.
 */
import { AppError, toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { PackManifest } from '../../../shared/schemas/pack';
import { PACK_CHECKS, PackRefusedError, readPack, type PackCheck, type PackLimits, type PackZipEntry } from './pack-reader';

export type PackCheckStatus = 'passed' | 'failed' | 'not-run';

export type PackCheckResult = { check: PackCheck; description: string; status: PackCheckStatus; message?: string };

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
  consistency: 'file names match ids, revisions and languages match the manifest, cited references are present',
};

export async function inspectPack(path: string, limits: Partial<PackLimits> = {}): Promise<PackInspection> {
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
    return {
      path,
      ok: true,
      refusal: null,
      checks: PACK_CHECKS.map((check) => ({ check, description: PACK_CHECK_DESCRIPTIONS[check], status: 'passed' })),
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
    return {
      path,
      ok: false,
      refusal,
      checks: PACK_CHECKS.map((check, index) => {
        const description = PACK_CHECK_DESCRIPTIONS[check];
        if (index < failedAt) return { check, description, status: 'passed' };
        if (index === failedAt) return { check, description, status: 'failed', message: refusal.message };
        return { check, description, status: 'not-run' };
      }),
      manifest,
      zipEntries,
      counts: null,
    };
  }
}

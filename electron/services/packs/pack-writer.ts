/**
 * Writes `.ccpack` files. The output is deterministic: the same modules, references, curricula and manifest
 * fields give the same bytes (createdAt is part of the manifest, so pass it to reproduce a pack exactly).
 * Every pack is read back with the reader's own checks before it is written, so the app never hands a
 * partner a pack that it would itself refuse.
 */
import { createHash } from 'node:crypto';
import { ZipFile } from 'yazl';
import type { z } from 'zod';
import { LANGUAGES, type Language } from '../../../shared/domain/languages';
import { describeIssues } from '../../../shared/domain/zod-issues';
import { AppError } from '../../../shared/errors';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import {
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
import { writeFileAtomic } from '../store/atomic-file';
import { canonicalJson } from './pack-json';
import { citedReferences, PackRefusedError, readPackBytes, type PackLimits } from './pack-reader';

export type PackMeta = {
  packId: string;
  title: string;
  description?: string;
  publisher: string;
  contact?: string;
  license: string;
  /** Defaults to the languages of the modules. */
  languages?: Language[];
  /** Defaults to now. Pass a fixed value to reproduce a pack byte for byte. */
  createdAt?: Date | string;
  appVersion: string;
};

export type PackInput = {
  modules: readonly Module[];
  /** The library's reference list: only those the modules cite go into the pack. */
  references: readonly Reference[];
  curricula?: readonly PackCurriculum[];
  meta: PackMeta;
};

export type WrittenPack = { manifest: PackManifest; bytes: number };

/**
 * DOS timestamps are local time, and yazl's optional extended timestamp is UTC seconds, which would differ
 * between time zones. A fixed local date with DOS timestamps only gives every machine the same bytes.
 */
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const FILE_OPTIONS = { mtime: FIXED_MTIME, mode: 0o100644, compress: true, forceDosTimestamp: true };

function invalid(message: string): never {
  throw new AppError('invalid-argument', message);
}

function parseOrFail<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) invalid(`${what} is invalid: ${describeIssues(parsed.error.issues)}`);
  return parsed.data;
}

type PackFile = { path: string; text: string };

/** The manifest and the files of a pack, as the zip will hold them. */
export function packFiles(input: PackInput): { manifest: PackManifest; files: PackFile[] } {
  const modules = input.modules
    .map((module) => parseOrFail(ModuleSchema, module, `Module "${module.id}"`))
    .sort((a, b) => compare(a.id, b.id));
  const curricula = (input.curricula ?? [])
    .map((curriculum) => parseOrFail(PackCurriculumSchema, curriculum, `Curriculum "${curriculum.id}"`))
    .sort((a, b) => compare(a.id, b.id));
  for (const list of [modules, curricula]) {
    list.forEach((item, index) => {
      if (index > 0 && list[index - 1]?.id === item.id) invalid(`"${item.id}" is in the pack twice`);
    });
  }

  const library = new Map(input.references.map((reference) => [reference.id, reference]));
  const cited = new Set<string>();
  for (const module of modules) {
    for (const id of citedReferences(module)) {
      if (!library.has(id)) invalid(`Module "${module.id}" cites the reference "${id}", which is not in the reference list`);
      cited.add(id);
    }
  }
  const references = [...cited]
    .sort(compare)
    .map((id) => parseOrFail(ReferenceSchema, library.get(id), `Reference "${id}"`));

  const files: PackFile[] = [
    ...modules.map((module) => ({ path: packModulePath(module.id), text: canonicalJson(module) })),
    { path: PACK_REFERENCES_PATH, text: canonicalJson(references) },
    ...curricula.map((curriculum) => ({ path: packCurriculumPath(curriculum.id), text: canonicalJson(curriculum) })),
  ].sort((a, b) => compare(a.path, b.path));

  const moduleById = new Map(modules.map((module) => [module.id, module]));
  const entries: PackEntry[] = files.map(({ path, text }) => {
    const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
    if (path === PACK_REFERENCES_PATH) return { path, kind: 'references', sha256 };
    if (path.startsWith('curricula/')) return { path, kind: 'curriculum', sha256 };
    const module = moduleById.get(path.slice('modules/'.length, -'.json'.length));
    if (!module) return invalid(`No module for ${path}`);
    return { path, kind: 'module', moduleId: module.id, revision: module.revision, sha256 };
  });

  const { meta } = input;
  const languages = meta.languages ?? LANGUAGES.filter((language) => modules.some((module) => module.language === language));
  const createdAt = meta.createdAt === undefined ? new Date() : new Date(meta.createdAt);
  if (Number.isNaN(createdAt.getTime())) invalid(`createdAt is not a date: ${String(meta.createdAt)}`);
  const manifest = parseOrFail(
    PackManifestSchema,
    {
      format: PACK_FORMAT,
      formatVersion: PACK_FORMAT_VERSION,
      packId: meta.packId,
      title: meta.title,
      description: meta.description ?? '',
      publisher: meta.publisher,
      ...(meta.contact === undefined ? {} : { contact: meta.contact }),
      license: meta.license,
      languages,
      createdAt: createdAt.toISOString(),
      appVersion: meta.appVersion,
      entries,
    },
    'The pack manifest',
  );
  return { manifest, files: [{ path: PACK_MANIFEST_PATH, text: canonicalJson(manifest) }, ...files] };
}

/** Code-unit order, the same on every machine and locale (localeCompare is not). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The pack as bytes: manifest.json first, then the other files sorted by path. Refuses (invalid-argument)
 * input that is invalid or that the reader would refuse, e.g. a javascript: link inside a lesson.
 */
export async function packBytes(input: PackInput, limits: Partial<PackLimits> = {}): Promise<{ manifest: PackManifest; bytes: Buffer }> {
  const { manifest, files } = packFiles(input);
  const zip = new ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.text, 'utf8'), file.path, FILE_OPTIONS);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  const bytes = Buffer.concat(chunks);
  try {
    await readPackBytes(bytes, limits);
  } catch (error) {
    if (error instanceof PackRefusedError) invalid(`Cannot write this pack: ${error.message}`);
    throw error;
  }
  return { manifest, bytes };
}

/** Builds the pack and replaces `outPath` atomically: a crash leaves the old file or the new one, never half. */
export async function writePack(input: PackInput, outPath: string, limits: Partial<PackLimits> = {}): Promise<WrittenPack> {
  const { manifest, bytes } = await packBytes(input, limits);
  try {
    await writeFileAtomic(outPath, bytes);
  } catch (error) {
    throw new AppError('io-error', `Could not write ${outPath}: ${(error as Error).message}`);
  }
  return { manifest, bytes: bytes.length };
}

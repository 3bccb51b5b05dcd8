import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema, LongTextSchema, ShortTextSchema } from './common';

/**
 * The `.ccpack` exchange format: a zip archive holding `manifest.json`, one `modules/<id>.json` per module,
 * `references.json` and optionally `curricula/<id>.json`. docs/pack-format.md is the partners' description;
 * this file is the contract the reader and writer enforce.
 */

export const PACK_FORMAT = 'curriculum-composer-pack';
/**
 * The version this app writes; it reads every version up to it. Any change to the layout, the manifest or
 * the modules bumps it. 2: modules have step, handout and evaluation item ids, items a kind and minutes, and
 * options no letters; modules of version 1 packs are upgraded as they are read (shared/domain/module-upgrade.ts).
 */
export const PACK_FORMAT_VERSION = 2;
export const PACK_EXTENSION = '.ccpack';
export const PACK_MANIFEST_PATH = 'manifest.json';
export const PACK_REFERENCES_PATH = 'references.json';
/** Folder entries that zip tools add when a partner re-zips a pack by hand; no other folder is accepted. */
export const PACK_FOLDERS = ['modules/', 'curricula/'] as const;

export const packModulePath = (moduleId: string): string => `modules/${moduleId}.json`;
export const packCurriculumPath = (curriculumId: string): string => `curricula/${curriculumId}.json`;

/** Lowercase only, so that two spellings of one checksum can never disagree. */
export const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'Use 64 lowercase hexadecimal digits');

/** Ids are slugs (see IdSchema), so these paths never need escaping and cannot climb out of their folder. */
const MODULE_PATH = /^modules\/[a-z0-9][a-z0-9-]*\.json$/;
const CURRICULUM_PATH = /^curricula\/[a-z0-9][a-z0-9-]*\.json$/;

export const PackModuleEntrySchema = z.strictObject({
  path: z.string().max(100).regex(MODULE_PATH, 'Use modules/<module id>.json'),
  kind: z.literal('module'),
  moduleId: IdSchema,
  revision: z.number().int().min(1),
  /** Of the entry's uncompressed bytes. */
  sha256: Sha256Schema,
});

export const PackReferencesEntrySchema = z.strictObject({
  path: z.literal(PACK_REFERENCES_PATH),
  kind: z.literal('references'),
  sha256: Sha256Schema,
});

export const PackCurriculumEntrySchema = z.strictObject({
  path: z.string().max(100).regex(CURRICULUM_PATH, 'Use curricula/<curriculum id>.json'),
  kind: z.literal('curriculum'),
  sha256: Sha256Schema,
});

export const PackEntrySchema = z.discriminatedUnion('kind', [PackModuleEntrySchema, PackReferencesEntrySchema, PackCurriculumEntrySchema]);

export const PackManifestSchema = z
  .strictObject({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.number().int().min(1).max(PACK_FORMAT_VERSION),
    /** A UUID or a slug chosen by the publisher; the same pack id with a higher revision is an update. */
    packId: z.union([z.uuid(), IdSchema]),
    title: ShortTextSchema.min(1),
    description: LongTextSchema,
    publisher: ShortTextSchema.min(1),
    /** An e-mail address or a web page where the publisher can be reached. */
    contact: ShortTextSchema.min(1).optional(),
    license: ShortTextSchema.min(1),
    languages: z.array(LanguageSchema).min(1).max(3),
    createdAt: IsoDateTimeSchema,
    appVersion: z
      .string()
      .max(64)
      .regex(/^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]+)?$/, 'Use a version such as 1.4.0'),
    entries: z.array(PackEntrySchema).max(2000),
  })
  .superRefine((manifest, ctx) => {
    // Refinements rather than schema shapes: JSON Schema cannot say "unique by path" or "path matches id".
    const seenLanguages = new Set<string>();
    manifest.languages.forEach((language, index) => {
      if (seenLanguages.has(language)) ctx.addIssue({ code: 'custom', message: 'Listed twice', path: ['languages', index] });
      seenLanguages.add(language);
    });
    const seenPaths = new Set<string>();
    manifest.entries.forEach((entry, index) => {
      if (seenPaths.has(entry.path)) ctx.addIssue({ code: 'custom', message: 'Listed twice', path: ['entries', index, 'path'] });
      seenPaths.add(entry.path);
      if (entry.kind === 'module' && entry.path !== packModulePath(entry.moduleId)) {
        ctx.addIssue({ code: 'custom', message: `Must be ${packModulePath(entry.moduleId)}`, path: ['entries', index, 'path'] });
      }
    });
  });

/**
 * Reading a pack checks its curricula only for being safe JSON objects whose id matches their file name, so
 * that inspecting a pack does not depend on the curriculum schema; importing validates each against
 * CurriculumSchema (electron/services/packs/pack-curricula.ts).
 */
export const PackCurriculumSchema = z.looseObject({ id: IdSchema });

export type PackEntry = z.infer<typeof PackEntrySchema>;
export type PackManifest = z.infer<typeof PackManifestSchema>;
export type PackCurriculum = z.infer<typeof PackCurriculumSchema>;

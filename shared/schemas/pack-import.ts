import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema } from './common';

export const IMPORT_STATUSES = ['new', 'identical', 'update', 'changed', 'merge', 'upstream-unchanged'] as const;
/**
 * new: not in the library. identical: same content. update: the partner changed it, we did not.
 * changed: both versions differ and we do not know the common origin. merge: both sides changed since the
 * version we imported last (three-way). upstream-unchanged: only we changed it since the last import.
 */
export const ImportStatusSchema = z.enum(IMPORT_STATUSES);
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

export const IMPORT_ACTIONS = ['keep-mine', 'take-theirs', 'keep-both', 'merge'] as const;
export const ImportActionSchema = z.enum(IMPORT_ACTIONS);
export type ImportAction = z.infer<typeof ImportActionSchema>;

export const PreviewChangeSchema = z.object({ path: z.string(), message: z.string(), before: z.union([z.string(), z.number()]).optional(), after: z.union([z.string(), z.number()]).optional() });

export const PreviewItemSchema = z.object({
  moduleId: IdSchema,
  title: z.string(),
  language: LanguageSchema,
  revision: z.number().int(),
  localRevision: z.number().int().nullable(),
  status: ImportStatusSchema,
  /** What the default choice would do; the user may pick another action. */
  defaultAction: ImportActionSchema,
  /** Readable changes from the local version to the pack's. */
  changes: z.array(PreviewChangeSchema),
  /** For a three-way merge: each field and where its value comes from. */
  fields: z.array(z.object({ key: z.string(), label: z.string(), source: z.enum(['unchanged', 'mine', 'theirs', 'both-same', 'conflict']) })),
  /** Links dropped on import because their target is neither in the library nor in the pack. */
  warnings: z.array(z.string()),
});
export type PreviewItem = z.infer<typeof PreviewItemSchema>;

/** A curriculum carried by the pack: imported as a new course of this academy, never over one of its own. */
export const PreviewCurriculumSchema = z.object({
  curriculumId: IdSchema,
  title: z.string(),
  language: LanguageSchema.optional(),
  modules: z.number().int(),
  /** The id it gets here: its own, or a new one when a course of this academy already has it. */
  importAs: IdSchema,
  /** Why it cannot be imported (it is not a valid curriculum); absent when it can. */
  problem: z.string().optional(),
});
export type PreviewCurriculum = z.infer<typeof PreviewCurriculumSchema>;

export const PackPreviewSchema = z.object({
  previewId: z.uuid(),
  packId: z.string(),
  title: z.string(),
  description: z.string(),
  publisher: z.string(),
  contact: z.string().optional(),
  license: z.string(),
  createdAt: IsoDateTimeSchema,
  items: z.array(PreviewItemSchema),
  curricula: z.array(PreviewCurriculumSchema),
  newReferences: z.number().int(),
});
export type PackPreview = z.infer<typeof PackPreviewSchema>;

export const ImportDecisionSchema = z.strictObject({
  action: ImportActionSchema,
  /** For `merge`: the side to take for each conflicting field (default: mine). */
  fields: z.record(z.string().max(40), z.enum(['mine', 'theirs'])).optional(),
});
export type ImportDecision = z.infer<typeof ImportDecisionSchema>;

export const ImportResultSchema = z.object({
  /** `from` is the pack's module; `moduleId` where it went (a new id for keep-both). */
  written: z.array(z.object({ from: IdSchema, moduleId: IdSchema, action: ImportActionSchema })),
  kept: z.array(IdSchema),
  /** Curricula added as new courses: `from` is the pack's id, `curriculumId` the new course's. */
  curricula: z.array(z.object({ from: IdSchema, curriculumId: IdSchema })),
  /**
   * Modules whose pack version is now kept as the base of the next three-way comparison (also those that
   * arrived identical), so that the partner's next update shows as an update.
   */
  basesRecorded: z.array(IdSchema),
  dryRun: z.boolean(),
  /** Whether anything was written to the data folder: an import that changes nothing writes nothing. */
  saved: z.boolean(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema } from './common';
import { EvaluationItemSchema, HandoutSchema, LessonSchema, ObjectiveSchema, StepSchema } from './module';

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

export const VOCABULARIES = ['themes', 'audiences', 'methods', 'levels', 'languages'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/**
 * One version of a compared field, in a shape the preview can show (see shared/domain/packs/field-values.ts).
 * The values came from validated modules; they are described here, not validated again.
 */
export const FieldValueSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('absent') }),
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({ kind: z.literal('markdown'), text: z.string() }),
  z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
  z.object({ kind: z.literal('terms'), vocabulary: z.enum(VOCABULARIES), items: z.array(z.string()) }),
  z.object({ kind: z.literal('objectives'), items: z.array(ObjectiveSchema) }),
  z.object({ kind: z.literal('steps'), items: z.array(StepSchema) }),
  z.object({ kind: z.literal('handouts'), items: z.array(HandoutSchema) }),
  z.object({ kind: z.literal('evaluation'), items: z.array(EvaluationItemSchema) }),
  z.object({ kind: z.literal('lesson'), lesson: LessonSchema }),
  z.object({ kind: z.literal('order'), codes: z.array(z.string()) }),
  z.object({ kind: z.literal('translation'), moduleId: z.string(), revision: z.number().int() }),
  z.object({ kind: z.literal('json'), text: z.string() }),
]);
export type FieldValue = z.infer<typeof FieldValueSchema>;

export const MERGE_SOURCES = ['unchanged', 'mine', 'theirs', 'both-same', 'conflict'] as const;

/**
 * One field that differs. Keys are described in shared/domain/packs/field-keys.ts ("summary",
 * "lesson:2.3:steps", "lesson:2.3", "lessonOrder"). With a merge base (status merge) `source` says which
 * side changed it and `base` is set; otherwise `source` is "differs" and the field is shown before (mine)
 * and after (theirs).
 */
export const FieldComparisonSchema = z.object({
  key: z.string(),
  source: z.enum([...MERGE_SOURCES, 'differs']),
  base: FieldValueSchema.optional(),
  mine: FieldValueSchema,
  theirs: FieldValueSchema,
});
export type FieldComparison = z.infer<typeof FieldComparisonSchema>;

export const PreviewItemSchema = z.object({
  moduleId: IdSchema,
  title: z.string(),
  language: LanguageSchema,
  revision: z.number().int(),
  localRevision: z.number().int().nullable(),
  status: ImportStatusSchema,
  /** What the default choice would do; the user may pick another action. */
  defaultAction: ImportActionSchema,
  /** Every field that differs, with its content on each side (for a three-way merge, the base too). */
  fields: z.array(FieldComparisonSchema),
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
  /** For `merge`: the side to take for each conflicting field, by field key (default: mine). */
  fields: z.record(z.string().max(100), z.enum(['mine', 'theirs'])).optional(),
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

/**
 * The curricula data file and what the curriculum channels exchange. The curriculum itself is defined in
 * `curriculum.ts`; this file adds what the back end keeps around it and computes from it.
 */
import { z } from 'zod';
import type { Coverage } from '../domain/curriculum/coverage';
import type { CheckCode } from '../domain/curriculum/checks';
import type { Schedule } from '../domain/curriculum/schedule';
import { IdSchema, IsoDateTimeSchema, LanguageSchema, ShortTextSchema } from './common';
import { CurriculumSchema, CurriculumStatusSchema, MAX_DAYS, ModuleItemSchema, SessionItemSchema } from './curriculum';
import { ModuleSchema } from './module';

/**
 * The `curricula.json` document. Archiving is kept beside the curricula rather than in them: it is about
 * where a course is listed, not part of the course that exports and packs carry.
 */
export const CurriculaDataSchema = z
  .object({
    curricula: z.array(CurriculumSchema),
    /** Ids of archived curricula: hidden from the default list, kept whole, restorable. */
    archived: z.array(IdSchema),
  })
  .refine((data) => new Set(data.curricula.map((c) => c.id)).size === data.curricula.length, {
    error: 'Curriculum ids must be unique',
    path: ['curricula'],
  });
export type CurriculaData = z.infer<typeof CurriculaDataSchema>;

export const CurriculumSummarySchema = z.object({
  id: IdSchema,
  title: z.string(),
  status: CurriculumStatusSchema,
  days: z.number().int(),
  /** Module items (sessions not counted). */
  modules: z.number().int(),
  language: LanguageSchema,
  updatedAt: IsoDateTimeSchema,
  archived: z.boolean(),
});
export type CurriculumSummary = z.infer<typeof CurriculumSummarySchema>;

export const CheckSeveritySchema = z.enum(['error', 'warning', 'info']);

export const CurriculumCheckSchema = z.object({
  id: z.string(),
  /** One of the domain's check codes; typed, not enumerated, so a new check needs no change here. */
  code: z.custom<CheckCode>((value) => typeof value === 'string'),
  severity: CheckSeveritySchema,
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  where: z.object({
    itemId: z.string().optional(),
    moduleId: z.string().optional(),
    lessonCode: z.string().optional(),
    day: z.number().int().optional(),
  }),
  /** Findings with the same cause are shown as one group. */
  cause: z.string().optional(),
  /** A warning the designers accepted, with their reason. */
  acknowledged: z.object({ reason: z.string(), at: z.string() }).optional(),
});
export type CurriculumCheckResult = z.infer<typeof CurriculumCheckSchema>;

/**
 * A curriculum with what the back end computes from it. Responses are not validated on the way out, so the
 * computed parts are typed from the domain rather than re-described in zod.
 */
export const CurriculumDetailSchema = z.object({
  curriculum: CurriculumSchema,
  archived: z.boolean(),
  schedule: z.custom<Schedule>(),
  checks: z.array(CurriculumCheckSchema),
  coverage: z.custom<Coverage>(),
});
export type CurriculumDetail = z.infer<typeof CurriculumDetailSchema>;

export const CreateCurriculumSchema = z.strictObject({
  title: ShortTextSchema.min(1),
  /** Library modules in teaching order; each becomes a snapshot at its current revision. */
  moduleIds: z.array(IdSchema).max(200),
  /** Without it the course gets as many days as its modules need. */
  days: z.number().int().min(1).max(MAX_DAYS).optional(),
  /** Without it the language of the first module, or English for an empty course. */
  language: LanguageSchema.optional(),
});
export type CreateCurriculum = z.infer<typeof CreateCurriculumSchema>;

/**
 * A module item as the editor saves it: the snapshot may be left out when it is the one already stored
 * for the same module and revision. Snapshots are most of a course's size and never change while it is
 * edited, so autosaving a 40-module course sends kilobytes, not megabytes.
 */
const SavedModuleItemSchema = z
  .strictObject({ ...ModuleItemSchema.shape, snapshot: ModuleSchema.optional() })
  .refine((item) => !item.snapshot || (item.snapshot.id === item.moduleId && item.snapshot.revision === item.revision), {
    error: 'The snapshot must be the module and revision the item names',
    path: ['snapshot'],
  });

/** A curriculum as saved; the back end puts the stored snapshots back and checks it whole (CurriculumSchema). */
export const SavedCurriculumSchema = z
  .strictObject({
    ...CurriculumSchema.shape,
    items: z.array(z.discriminatedUnion('kind', [SavedModuleItemSchema, SessionItemSchema])).max(200),
  })
  .refine((c) => new Set(c.items.map((i) => i.id)).size === c.items.length, { error: 'Item ids must be unique', path: ['items'] });
export type SavedCurriculum = z.infer<typeof SavedCurriculumSchema>;

export const SaveCurriculumSchema = z.strictObject({
  curriculum: SavedCurriculumSchema,
  /**
   * The `updatedAt` of the version the editor started from. A save is refused when the stored curriculum
   * has moved on (another window, the CLI), so nobody silently overwrites someone else's work.
   */
  baseUpdatedAt: IsoDateTimeSchema,
});
export type SaveCurriculum = z.infer<typeof SaveCurriculumSchema>;

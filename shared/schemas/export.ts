/** What the export channels exchange: which content, which document, which paper. */
import { z } from 'zod';
import { EXPORT_VARIANTS, PAPER_SIZES, type ExportPlan } from '../domain/export/plan';
import { IdSchema } from './common';

/** A whole curriculum, one library module, or one lesson of a library module (index from 0). */
export const ExportTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('curriculum'), id: IdSchema }),
  z.strictObject({ kind: z.literal('module'), id: IdSchema }),
  z.strictObject({ kind: z.literal('lesson'), id: IdSchema, lessonIndex: z.number().int().min(0).max(11) }),
]);
export type ExportTarget = z.infer<typeof ExportTargetSchema>;

export const ExportRequestSchema = z.strictObject({
  target: ExportTargetSchema,
  variant: z.enum(EXPORT_VARIANTS).default('full'),
  paper: z.enum(PAPER_SIZES).default('a4'),
  annexes: z.boolean().default(true),
});
export type ExportRequest = z.infer<typeof ExportRequestSchema>;

/** Plans are built by the back end and rendered, not edited, so they are typed rather than re-described. */
export const ExportPlanSchema = z.custom<ExportPlan>((value) => typeof value === 'object' && value !== null);

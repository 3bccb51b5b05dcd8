/** What the export channels exchange: which content, which document, which paper. */
import { z } from 'zod';
import { KIT_OMISSIONS } from '../domain/export/kit';
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

/** A file name without folders. */
const KitFileNameSchema = z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'A file name without folders');

/** Documents a kit leaves out, and why (see shared/domain/export/kit.ts). */
const KitOmittedSchema = z.array(z.object({ variant: z.enum(EXPORT_VARIANTS), reason: z.enum(KIT_OMISSIONS) }));

/**
 * Where a trainer kit went: written into a folder (desktop app), one .zip for the browser to download (web
 * harness), or nowhere because the user closed the folder dialog.
 */
export const KitResultSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('folder'),
    path: z.string(),
    files: z.array(KitFileNameSchema),
    /** The files' full paths, as the host wrote them (its own separators): the app may open or show these. */
    paths: z.array(z.string()),
    omitted: KitOmittedSchema,
  }),
  z.object({
    kind: z.literal('zip'),
    fileName: KitFileNameSchema,
    bytesBase64: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Base64 data'),
    files: z.array(KitFileNameSchema),
    omitted: KitOmittedSchema,
  }),
  z.object({ kind: z.literal('not-saved') }),
]);
export type KitResult = z.infer<typeof KitResultSchema>;

/**
 * What crosses the boundary for importing Word documents: the preview (proposed modules next to the
 * document's blocks, each with its role and any doubt) and the result of an import.
 */
import { z } from 'zod';
import { BLOCK_ROLES, CORRECTIONS } from '../domain/word-import/map-document';
import { SECTION_FIELDS } from '../domain/word-import/labels';
import { IdSchema, LanguageSchema } from './common';
import { ModuleSchema } from './module';

export const WordCorrectionSchema = z.strictObject({
  /** Index of the file in the preview. */
  file: z.number().int().min(0).max(99),
  block: z.number().int().min(0).max(1_000_000),
  as: z.enum(CORRECTIONS),
});
export type WordCorrection = z.infer<typeof WordCorrectionSchema>;

export const BlockViewSchema = z.object({
  id: z.number().int(),
  kind: z.enum(['heading', 'paragraph', 'table', 'image']),
  text: z.string(),
  level: z.number().int().optional(),
  role: z.enum(BLOCK_ROLES),
  module: z.number().int(),
  lesson: z.number().int().nullable(),
  field: z.enum(SECTION_FIELDS).optional(),
  uncertain: z.enum(['heading-level', 'implicit-module', 'implicit-lesson', 'not-placed', 'table-columns']).optional(),
  correction: z.enum(CORRECTIONS).optional(),
});
export type BlockView = z.infer<typeof BlockViewSchema>;

export const WordFilePreviewSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    fileName: z.string(),
    language: LanguageSchema,
    modules: z.array(ModuleSchema),
    blocks: z.array(BlockViewSchema),
    warnings: z.array(z.string()),
  }),
  /** A refused file: the others of the same import go on. */
  z.object({ ok: z.literal(false), fileName: z.string(), error: z.string() }),
]);
export type WordFilePreview = z.infer<typeof WordFilePreviewSchema>;

export const WordPreviewSchema = z.object({ previewId: z.uuid(), files: z.array(WordFilePreviewSchema) });
export type WordPreview = z.infer<typeof WordPreviewSchema>;

export const WordImportResultSchema = z.object({
  modules: z.array(
    z.object({
      moduleId: IdSchema,
      title: z.string(),
      fileName: z.string(),
      lessons: z.number().int(),
      steps: z.number().int(),
      toCheck: z.number().int(),
    }),
  ),
  /** Files refused, with why; nothing of them was written. */
  refused: z.array(z.object({ fileName: z.string(), error: z.string() })),
  dryRun: z.boolean(),
  saved: z.boolean(),
});
export type WordImportResult = z.infer<typeof WordImportResultSchema>;

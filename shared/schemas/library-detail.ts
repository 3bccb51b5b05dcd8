import { z } from 'zod';
import { IdSchema, LanguageSchema } from './common';
import { ModuleSchema } from './module';
import { ReferenceSchema } from './reference';

export const TranslationStatusSchema = z.enum(['source', 'current', 'outdated', 'orphaned']);

const ModuleLinkSchema = z.object({ id: IdSchema, title: z.string() });

/** Where a module is used; deleting it asks first when any list is not empty. */
export const ModuleUsageSchema = z.object({
  curricula: z.array(ModuleLinkSchema),
  prerequisiteOf: z.array(ModuleLinkSchema),
  translations: z.array(ModuleLinkSchema),
});
export type ModuleUsage = z.infer<typeof ModuleUsageSchema>;

/** Everything the module page shows. */
export const ModuleDetailSchema = z.object({
  module: ModuleSchema,
  references: z.array(ReferenceSchema),
  translationStatus: TranslationStatusSchema,
  translations: z.array(
    z.object({ id: IdSchema, title: z.string(), language: LanguageSchema, revision: z.number().int(), status: TranslationStatusSchema }),
  ),
  prerequisites: z.array(z.object({ id: IdSchema, title: z.string().nullable() })),
  placeholders: z.array(z.string()),
  usage: ModuleUsageSchema,
});
export type ModuleDetail = z.infer<typeof ModuleDetailSchema>;

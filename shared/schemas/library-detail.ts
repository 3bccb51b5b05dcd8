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

/**
 * A placeholder the library's modules use, with the definitions they give it (one per language at most,
 * the first module's), for Settings, where the academy sets its own default values.
 */
export const LibraryPlaceholderSchema = z.object({
  name: z.string(),
  definitions: z.array(z.object({ language: LanguageSchema, label: z.string(), description: z.string().optional(), example: z.string().optional() })),
  /** How many modules use it. */
  modules: z.number().int().min(0),
});
export type LibraryPlaceholder = z.infer<typeof LibraryPlaceholderSchema>;

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
  /**
   * Outlines (lesson codes and part ids) of the other modules this module's texts refer to, so the page can
   * print those references with the library's numbers ("Lesson 3.2").
   */
  linkedModules: z.array(
    z.object({
      id: IdSchema,
      lessons: z.array(z.object({ code: z.string(), handouts: z.array(z.object({ id: z.string() })), steps: z.array(z.object({ id: z.string() })), evaluation: z.array(z.object({ id: z.string() })) })),
    }),
  ),
});
export type ModuleDetail = z.infer<typeof ModuleDetailSchema>;

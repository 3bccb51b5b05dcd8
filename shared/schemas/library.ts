import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema } from './common';
import { AudienceSchema, LevelSchema, ModuleSchema } from './module';
import { ReferenceSchema } from './reference';
import { ThemeSchema } from './themes';

/** The library data file: modules and the shared reference list they cite by id. */
export const LibraryDataSchema = z.object({
  modules: z.array(ModuleSchema),
  references: z.array(ReferenceSchema),
});
export type LibraryData = z.infer<typeof LibraryDataSchema>;

/** What a list row needs; the full module is fetched when it is opened. */
export const ModuleSummarySchema = z.object({
  id: IdSchema,
  revision: z.number().int(),
  title: z.string(),
  summary: z.string(),
  language: LanguageSchema,
  themes: z.array(ThemeSchema),
  audiences: z.array(AudienceSchema),
  level: LevelSchema,
  minutes: z.number().int(),
  lessonCount: z.number().int(),
  updatedAt: IsoDateTimeSchema,
});
export type ModuleSummary = z.infer<typeof ModuleSummarySchema>;

import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema } from './common';
import { AUDIENCES, AudienceSchema, LEVELS, LevelSchema, ModuleSchema } from './module';
import { ReferenceSchema } from './reference';
import { THEMES, ThemeSchema } from './themes';
import { LANGUAGES } from '../domain/languages';

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

const countsOf = <T extends string>(values: readonly T[]) => z.record(z.enum(values as [T, ...T[]]), z.number().int());

/** How many modules each facet value would show for the current text search. */
export const FacetCountsSchema = z.object({
  themes: countsOf(THEMES),
  languages: countsOf(LANGUAGES),
  audiences: countsOf(AUDIENCES),
  levels: countsOf(LEVELS),
});

export const LibrarySearchResultSchema = z.object({
  modules: z.array(ModuleSummarySchema),
  facets: FacetCountsSchema,
  /** Modules in the library, before filtering. */
  total: z.number().int(),
});

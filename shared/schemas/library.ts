import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, LanguageSchema } from './common';
import { AUDIENCES, AudienceSchema, LEVELS, LevelSchema, ModuleSchema } from './module';
import { ReferenceSchema } from './reference';
import { THEMES, ThemeSchema } from './themes';
import { LANGUAGES } from '../domain/languages';

/** What the last pack import changed, so that it can be undone. */
export const LastImportSchema = z.object({
  packId: z.string().max(300),
  title: z.string().max(300),
  publisher: z.string().max(300),
  importedAt: IsoDateTimeSchema,
  /** File in the data folder's imports/ holding the library as it was just before the import. */
  snapshot: z.string().regex(/^before-import-\d{8}T\d{9}Z\.json$/),
  moduleIds: z.array(IdSchema),
  /** Courses the import added; undoing it removes them. */
  curriculumIds: z.array(IdSchema).optional(),
});
export type LastImport = z.infer<typeof LastImportSchema>;

/**
 * The library data file: modules, the shared reference list they cite by id, and for modules that came
 * from a pack the upstream version they came from (the base of a three-way comparison when the partner
 * sends an update).
 */
export const LibraryDataSchema = z.object({
  modules: z.array(ModuleSchema),
  references: z.array(ReferenceSchema),
  upstream: z.array(ModuleSchema),
  lastImport: LastImportSchema.optional(),
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
  /** Who the module came from: the publisher of the pack it was imported from, or "" for the academy's own. */
  source: z.string(),
  /** Set on translations, so the composer can flag outdated ones without fetching whole modules. */
  translationOf: z.object({ moduleId: IdSchema, revision: z.number().int() }).optional(),
  /** The modules to take before this one: who depends on a module is known from the list rows alone. */
  prerequisites: z.array(IdSchema),
});
export type ModuleSummary = z.infer<typeof ModuleSummarySchema>;

const countsOf = <T extends string>(values: readonly T[]) => z.record(z.enum(values as [T, ...T[]]), z.number().int());

/** How many modules each facet value would show for the current text search. */
export const FacetCountsSchema = z.object({
  themes: countsOf(THEMES),
  languages: countsOf(LANGUAGES),
  audiences: countsOf(AUDIENCES),
  levels: countsOf(LEVELS),
  /** By source ("" = the academy's own modules); only sources present in the library appear. */
  sources: z.record(z.string(), z.number().int()),
});

export const LibrarySearchResultSchema = z.object({
  /** The requested slice of the matches, in rank order (every match when no `limit` was asked for). */
  modules: z.array(ModuleSummarySchema),
  /** Counted over every match, not only the slice. */
  facets: FacetCountsSchema,
  /** How many modules match the search and filters: the length of the list `modules` is a slice of. */
  matched: z.number().int(),
  /** Modules in the library, before filtering. */
  total: z.number().int(),
});
export type LibrarySearchResult = z.infer<typeof LibrarySearchResultSchema>;

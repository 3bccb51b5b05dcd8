import { z } from 'zod';
import { LanguageSchema } from './common';
import { AudienceSchema, LevelSchema } from './module';
import { ThemeSchema } from './themes';

export const LIBRARY_SORTS = ['relevance', 'title', 'updated', 'duration'] as const;
export const LibrarySortSchema = z.enum(LIBRARY_SORTS);

/** 100,000 minutes is over 200 eight-hour days of training: a larger bound can only be a typo. */
const MinutesSchema = z.number().min(0).max(100_000);

/**
 * A library search request. Every part is bounded because it crosses the API boundary: the text limit
 * keeps a pasted paragraph from turning into dozens of fuzzy lookups, the array limits keep filters small.
 * Facets combine with AND across kinds and OR within a kind; an inverted minute range matches nothing.
 */
export const LibraryQuerySchema = z.strictObject({
  text: z.string().max(200).optional(),
  themes: z.array(ThemeSchema).max(20).optional(),
  languages: z.array(LanguageSchema).max(20).optional(),
  audiences: z.array(AudienceSchema).max(20).optional(),
  levels: z.array(LevelSchema).max(20).optional(),
  /** Pack publishers to show; "" stands for the academy's own modules. */
  sources: z.array(z.string().max(300)).max(20).optional(),
  minMinutes: MinutesSchema.optional(),
  maxMinutes: MinutesSchema.optional(),
  sort: LibrarySortSchema.optional(),
});

/**
 * Rows the library page asks for at a time. A screen shows about five; a hundred fill a long scroll and
 * keep the first answer small (a common word matches thousands of modules, megabytes of JSON in all).
 * Here rather than in the page so that the benchmarks ask exactly as the page does.
 */
export const LIBRARY_PAGE_SIZE = 100;

/**
 * The most rows one answer may ask for. Far above any page the UI asks for; the bound only stops a request
 * from naming absurd numbers. Callers that need every match leave `limit` out.
 */
export const MAX_PAGE_ROWS = 100_000;

/**
 * `library:list`: a search, and which slice of its ranked matches to answer with. Without `limit` the answer
 * holds every match from `offset` on (what callers that need the whole list, such as the CLI, ask for).
 * The ranking does not depend on the slice: pages of one request put together are the unpaged answer.
 */
export const LibraryListRequestSchema = LibraryQuerySchema.extend({
  offset: z.number().int().min(0).max(MAX_PAGE_ROWS).optional(),
  limit: z.number().int().min(1).max(MAX_PAGE_ROWS).optional(),
});

export type LibrarySort = z.infer<typeof LibrarySortSchema>;
export type LibraryQuery = z.infer<typeof LibraryQuerySchema>;
export type LibraryListRequest = z.infer<typeof LibraryListRequestSchema>;
/** module.ts exports the schema but not this type. */
export type Level = z.infer<typeof LevelSchema>;

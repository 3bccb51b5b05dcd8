import { z } from 'zod';
import { IdSchema, ShortTextSchema, WebUrlSchema } from './common';

/** An international or regional instrument, or a national law placeholder, that lessons cite by id. */
export const ReferenceSchema = z.strictObject({
  id: IdSchema,
  shortName: ShortTextSchema.min(1),
  title: ShortTextSchema.min(1),
  year: z.number().int().min(1800).max(2100).optional(),
  issuer: ShortTextSchema.min(1),
  kind: z.enum(['treaty', 'resolution', 'standard', 'guidance', 'national-law']),
  url: WebUrlSchema.optional(),
});
export type Reference = z.infer<typeof ReferenceSchema>;

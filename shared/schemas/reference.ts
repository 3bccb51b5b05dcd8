import { z } from 'zod';
import { IdSchema, ShortTextSchema, WebUrlSchema } from './common';

/** An international or regional instrument, or a national law placeholder, that lessons cite by id. */
export const ReferenceSchema = z
  .strictObject({
    id: IdSchema.describe('Stable id that modules and lessons cite (lowercase letters, digits and hyphens).'),
    shortName: ShortTextSchema.min(1).describe('Name used in lesson plans, such as "BPUFF".'),
    title: ShortTextSchema.min(1).describe('Full title of the instrument.'),
    year: z.number().int().min(1800).max(2100).optional().describe('Year of adoption.'),
    issuer: ShortTextSchema.min(1).describe('Who adopted or issued it, such as "UN General Assembly".'),
    kind: z.enum(['treaty', 'resolution', 'standard', 'guidance', 'national-law']).describe('What kind of instrument it is.'),
    url: WebUrlSchema.optional().describe('Where to read it: an http or https link.'),
  })
  .describe('An international or regional instrument, or a national law, that lessons cite by id.');
export type Reference = z.infer<typeof ReferenceSchema>;

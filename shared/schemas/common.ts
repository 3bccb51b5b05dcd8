import { z } from 'zod';
import { LANGUAGES, type Language } from '../domain/languages';

/** Stable identifiers: lowercase slug, safe in file names and zip entry paths. */
export const IdSchema = z
  .string()
  .min(2)
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'Use lowercase letters, digits and hyphens');

/** BCP 47 language tag, limited to what the app can display. */
export const LanguageSchema = z.enum(LANGUAGES);
export type { Language };

/** Only web links: no javascript:, file:, data: or other schemes ever reach a page or a document. */
export const WebUrlSchema = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'http:' || url.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Only http and https links are allowed');

/** Characters XML 1.0 forbids; they would corrupt a Word document. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Text that a user or partner wrote: bounded and free of characters illegal in XML. */
export const textSchema = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !XML_ILLEGAL.test(value), 'Text contains control characters that are not allowed');

export const ShortTextSchema = textSchema(300);
/** Long texts use the app's safe Markdown subset (see shared/domain/markdown.ts). */
export const LongTextSchema = textSchema(20_000);

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

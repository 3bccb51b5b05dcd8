import { z } from 'zod';
import { LanguageSchema } from './common';
import { PlaceholderValuesSchema } from './curriculum';

export const WindowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20_000),
  height: z.number().int().min(300).max(20_000),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof WindowStateSchema>;

/**
 * The academy's logo for the cover of exported documents: a PNG or JPEG of at most 1 MB, with the size it
 * is printed at (points).
 */
export const LogoSchema = z.strictObject({
  base64: z.string().min(1).max(1_400_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Base64 data'),
  type: z.enum(['png', 'jpg']),
  width: z.number().int().min(8).max(600),
  height: z.number().int().min(8).max(600),
});
export type Logo = z.infer<typeof LogoSchema>;

export const SettingsSchema = z.object({
  language: LanguageSchema,
  window: WindowStateSchema.optional(),
  /** Printed on the cover of exported documents; null removes it. */
  logo: LogoSchema.nullable().optional(),
  /**
   * The academy's own values of placeholders (`{country}`...), used in exports and checks by every course
   * that has no value of its own for one.
   */
  placeholderDefaults: PlaceholderValuesSchema.optional(),
  /** The composer's library panel folded away (small screens, projectors); remembered between sessions. */
  libraryPanelCollapsed: z.boolean().optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = { language: 'en' };

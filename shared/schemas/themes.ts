import { z } from 'zod';

/** The controlled list of themes; labels live in the renderer's locale files under `themes.<id>`. */
export const THEMES = [
  'human-rights-foundations',
  'use-of-force-and-firearms',
  'arrest-and-detention',
  'prohibition-of-torture',
  'gender-responsive-policing',
  'sgbv-response',
  'community-policing',
  'police-community-dialogue',
  'public-order-and-assemblies',
  'accountability-and-oversight',
  'ethics-and-anti-corruption',
  'children-and-juvenile-justice',
  'trafficking-and-smuggling',
  'non-discrimination-and-vulnerable-groups',
  'investigative-interviewing',
  'security-sector-governance',
] as const;

export const ThemeSchema = z.enum(THEMES);
export type Theme = z.infer<typeof ThemeSchema>;

/**
 * Direction and language: what makes an Arabic document right-to-left in Word and LibreOffice, and what
 * language tags every document carries so spelling and shaping use the right rules.
 */
import type { Language } from '../../../../shared/domain/languages';
import type { Direction } from '../../../../shared/domain/export/plan';
import { typesetter, type Typesetter } from './typeset';

/** Word language tags (w:lang val) for each content language. */
const LANGUAGE_TAGS: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', ar: 'ar-SA' };

/** Latin and complex-script font. Arial has Arabic glyphs on Windows and macOS; elsewhere a fallback is used. */
export const FONT = 'Arial';

/** The document's direction settings, shared by every paragraph and run the renderer writes. */
export type DirectionSettings = {
  rtl: boolean;
  /** w:lang: val for Latin text, bidi for complex-script (Arabic) text. */
  language: { value: string; bidirectional: string };
  /** The typography of the document's language (spaces before French punctuation, Arabic joins). */
  typeset: Typesetter;
};

/** Direction settings for a plan's language and direction. */
export function directionSettings(language: Language, direction: Direction): DirectionSettings {
  const tag = LANGUAGE_TAGS[language];
  // Complex-script text is Arabic in every document; only the Latin tag follows the document's language.
  return { rtl: direction === 'rtl', language: { value: tag, bidirectional: LANGUAGE_TAGS.ar }, typeset: typesetter(language) };
}

/** Paragraph options that lay a paragraph out in the document's direction. */
export function paragraphDirection(dir: DirectionSettings): { bidirectional?: true } {
  return dir.rtl ? { bidirectional: true } : {};
}

/** Run options that mark a run right-to-left in a right-to-left document. */
export function runDirection(dir: DirectionSettings): { rightToLeft?: true } {
  return dir.rtl ? { rightToLeft: true } : {};
}

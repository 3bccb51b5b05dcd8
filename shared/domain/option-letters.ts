import type { Language } from './languages';

const LATIN_LETTERS = 'ABCDEFGH';
const ARABIC_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح'];

/**
 * The letter printed before a multiple-choice option: A, B, C… or أ، ب، ج… in Arabic. Letters are never
 * stored in the options (see OPTION_LETTER in schemas/module.ts), so every place that shows options adds them.
 */
export function optionLetter(index: number, language: Language): string {
  return language === 'ar' ? (ARABIC_LETTERS[index] ?? String(index + 1)) : LATIN_LETTERS.charAt(index) || String(index + 1);
}

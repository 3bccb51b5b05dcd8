/**
 * What the library search indexes of a module, and how text becomes terms. Indexing and querying both go
 * through here, so that whatever is folded or left out is folded or left out on both sides.
 */
import { normaliseForSearch, tokenise } from '../text-normalise';
import type { Module } from '../../schemas/module';

/**
 * Bump whenever a change here (or in text-normalise.ts) would index the same module differently: a
 * persisted index of another version is then rebuilt rather than trusted. A test pins the terms of a
 * sample module to this number.
 */
export const ANALYZER_VERSION = 1;

/**
 * Trainer notes, evaluation items, materials and room set-up are left out on purpose: they say how to run
 * a lesson rather than what it is about, and would make the index larger and the matches noisier.
 */
export const FIELDS = ['title', 'summary', 'objectives', 'lessonText'] as const;
export type Field = (typeof FIELDS)[number];
export const FIELD_COUNT = FIELDS.length;

/** A word in a title says more about the module than the same word in the middle of a step. */
export const BOOSTS: readonly number[] = [4, 2, 1.5, 1];

/**
 * Words in almost every module of every subject. They narrow nothing, yet were 30% of the words indexed
 * from the sample library, so they are left out of the index and of queries: "use of force" searches "use"
 * and "force". Kept on purpose: "un" (also "UN"), "pas", "non", numbers (treaty years). Listed as written,
 * compared normalised ("à" is "a", "إلى" is "الي").
 */
const STOP_WORDS = new Set(
  [
    // English
    'a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'its', 'of', 'on', 'or',
    'that', 'the', 'their', 'them', 'they', 'this', 'to', 'was', 'were', 'which', 'with',
    // French, with the elided forms that apostrophes leave behind (l', d', qu', n', s', c')
    'au', 'aux', 'c', 'ce', 'ces', 'd', 'dans', 'de', 'des', 'du', 'en', 'est', 'et', 'l', 'la', 'le', 'les', 'leur',
    'leurs', 'n', 'ne', 'ou', 'par', 'pour', 'qu', 'que', 'qui', 's', 'se', 'sont', 'sur', 'une',
    // Arabic
    'في', 'من', 'على', 'إلى', 'عن', 'مع', 'أو', 'أن', 'إن', 'التي', 'الذي', 'هذا', 'هذه', 'ذلك', 'تلك', 'ما', 'كما', 'قد',
  ].map(normaliseForSearch),
);

/** One field of one module as indexed: its length in distinct words, and how often each term occurs. */
export type AnalysedField = { length: number; terms: Map<string, number> };
/** A module as indexed, one entry per field of FIELDS, in that order. */
export type AnalysedDocument = { id: string; fields: AnalysedField[] };

/**
 * Just enough Markdown removal for indexing: link targets are dropped (URLs are not what anyone searches
 * for) and emphasis markers become spaces. Spaces rather than nothing, so that a placeholder such as
 * {national_police_law} still yields its words.
 */
function plainText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|[*_]/g, ' ');
}

/** The text of each field, in FIELDS order, folded once per field rather than once per word. */
function fieldTexts(module: Module): string[] {
  const { lessons } = module;
  return [
    module.title,
    plainText(module.summary),
    [...module.learningOutcomes, ...lessons.flatMap((l) => l.objectives.map((o) => o.text))].join('\n'),
    lessons
      .flatMap((l) => [
        l.title,
        l.aim,
        l.relevance,
        ...l.steps.flatMap((s) => [s.title, s.trainerActivity, s.participantActivity]),
        ...l.handouts.flatMap((h) => [h.title, h.body]),
      ])
      .map(plainText)
      .join('\n'),
  ].map(normaliseForSearch);
}

/** The index of the lesson text field: see `analyseModule`. */
const LESSON_TEXT = FIELDS.indexOf('lessonText');

/**
 * A module's terms per field. Lesson text is long (tens of kilobytes a module) and a word's frequency there
 * says little about what a module is about, so each of its words counts once: the index stays smaller and
 * builds faster. A field's length counts distinct words, stop words included.
 */
export function analyseModule(module: Module): AnalysedDocument {
  return {
    id: module.id,
    fields: fieldTexts(module).map((text, field) => {
      const tokens = tokenise(text);
      const distinct = new Set(tokens);
      const terms = new Map<string, number>();
      for (const token of field === LESSON_TEXT ? distinct : tokens) {
        if (!STOP_WORDS.has(token)) terms.set(token, (terms.get(token) ?? 0) + 1);
      }
      return { length: distinct.size, terms };
    }),
  };
}

/** The terms of a query, folded as the indexed text was, stop words left out; empty when nothing is searchable. */
export function queryTerms(text: string): string[] {
  const terms: string[] = [];
  for (const token of tokenise(text)) {
    const term = normaliseForSearch(token);
    if (term !== '' && !STOP_WORDS.has(term)) terms.push(term);
  }
  return terms;
}

/**
 * Module content as a pack preview shows it: each compared field's value in one of a few displayable
 * shapes (text, Markdown, a list, a table of steps…), so the renderer shows content rather than field
 * names, and a field added to modules later still shows (as JSON) before it has a shape of its own.
 */
import type { EvaluationItem, Handout, Lesson, Module, Step } from '../../schemas/module';
import type { FieldValue, Vocabulary } from '../../schemas/pack-import';
import { parseFieldKey, valueAt } from './field-keys';

type Objective = Lesson['objectives'][number];

const MARKDOWN = new Set(['summary', 'aim', 'relevance', 'roomSetup', 'trainerNotes']);
const TEXT = new Set(['title', 'license']);
const LISTS = new Set(['learningOutcomes', 'materials', 'prerequisites', 'references']);
const TERMS: Readonly<Record<string, Vocabulary>> = { themes: 'themes', audiences: 'audiences', methods: 'methods', level: 'levels', language: 'languages' };

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The displayable value of `key` in `module` (absent when the module or the field is missing). */
export function fieldValue(module: Module | undefined, key: string, common?: ReadonlySet<string>): FieldValue {
  const value = valueAt(module, key, common);
  if (value === undefined) return { kind: 'absent' };
  const parsed = parseFieldKey(key);
  switch (parsed.kind) {
    case 'lesson-order':
      return { kind: 'order', codes: isStrings(value) ? value : [] };
    case 'lesson-presence':
      return { kind: 'lesson', lesson: value as Lesson };
    case 'module':
    case 'lesson':
      return shapeOf(parsed.field, value);
  }
}

function shapeOf(field: string, value: unknown): FieldValue {
  if (typeof value === 'string' && MARKDOWN.has(field)) return { kind: 'markdown', text: value };
  if (typeof value === 'string' && TEXT.has(field)) return { kind: 'text', text: value };
  const vocabulary = Object.hasOwn(TERMS, field) ? TERMS[field] : undefined;
  if (vocabulary && (typeof value === 'string' || isStrings(value))) return { kind: 'terms', vocabulary, items: typeof value === 'string' ? [value] : value };
  if (LISTS.has(field) && isStrings(value)) return { kind: 'list', items: value };
  if (Array.isArray(value)) {
    if (field === 'objectives') return { kind: 'objectives', items: value as Objective[] };
    if (field === 'steps') return { kind: 'steps', items: value as Step[] };
    if (field === 'handouts') return { kind: 'handouts', items: value as Handout[] };
    if (field === 'evaluation') return { kind: 'evaluation', items: value as EvaluationItem[] };
  }
  if (field === 'translationOf' && typeof value === 'object' && value !== null) {
    const { moduleId, revision } = value as { moduleId: string; revision: number };
    return { kind: 'translation', moduleId, revision };
  }
  return { kind: 'json', text: typeof value === 'string' ? value : JSON.stringify(value, null, 2) };
}

/**
 * Every word the export prints itself (headings, table headers, cover facts, method and theme names), in
 * the curriculum's language. Author text is never translated here; only the document's own labels are.
 */
import type { Language } from '../languages';
import type { CurriculumStatus, SessionKind } from '../../schemas/curriculum';
import type { Audience, BloomLevel, Method } from '../../schemas/module';
import type { Theme } from '../../schemas/themes';
import type { ExportVariant } from './plan';
import { AR_LABELS } from './labels-ar';
import { EN_LABELS, type EN_BASE_LABELS } from './labels-en';
import { FR_LABELS } from './labels-fr';
import { own } from '../own';

/** Labels of the document itself; the English table defines the keys. */
export type BaseLabelKey = keyof typeof EN_BASE_LABELS;

export type LabelKey =
  | BaseLabelKey
  | `method.${Method}`
  | `bloom.${BloomLevel}`
  | `theme.${Theme}`
  | `status.${CurriculumStatus}`
  | `audience.${Audience}`
  | `session.${SessionKind}`
  | `document.${ExportVariant}`;

/** One language's labels; the type makes each table list every key, and only those. */
export type LabelTable = Readonly<Record<LabelKey, string>>;

export const EXPORT_LABELS: Readonly<Record<Language, LabelTable>> = { en: EN_LABELS, fr: FR_LABELS, ar: AR_LABELS };

/** The label table of a document language. */
export function labelsFor(language: Language): LabelTable {
  return EXPORT_LABELS[language];
}

/** Replaces `{name}` tokens of a label ("Lesson {number}") with values; unknown tokens stay as they are. */
export function formatLabel(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{([a-z]+)\}/gi, (token, name: string) => {
    const value = own(values, name);
    return value === undefined ? token : String(value);
  });
}

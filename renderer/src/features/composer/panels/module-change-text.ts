/**
 * Module changes ("update available") in the user's language: one template per change code under
 * `composerPanels.diff.change`, with field names, themes, languages and ids turned into words first.
 */
import type { ModuleChange, ModuleChangeCode } from '../../../../../shared/domain/curriculum/module-diff';
import { minutesText, type Translate } from './panel-format';

export type ChangeContext = {
  t: Translate;
  exists: (key: string) => boolean;
  /** Titles of modules (prerequisites) and short names of references, by id. */
  moduleTitle: (id: string) => string;
  referenceName: (id: string) => string;
};

type Params = ModuleChange['params'];
type Prepare = (params: Params, context: ChangeContext) => Params;

const str = (value: string | number | undefined): string => (value === undefined ? '' : String(value));

/** A field's name in words; a field this panel does not know keeps its own name rather than a raw key. */
export function fieldName(field: string, { t, exists }: Pick<ChangeContext, 't' | 'exists'>): string {
  const key = `composerPanels.diff.field.${field}`;
  return exists(key) ? t(key) : field;
}

/** A list value in words: themes and audiences are ids with labels, prerequisites and references name other things. */
function listValue(field: string, value: string, context: ChangeContext): string {
  const { t } = context;
  switch (field) {
    case 'themes':
      return t(`themes.${value}`);
    case 'audiences':
      return t(`module.audienceNames.${value}`);
    case 'prerequisites':
      return context.moduleTitle(value);
    case 'references':
      return context.referenceName(value);
    default:
      return value;
  }
}

/** Single-field values that are codes: language and level. */
function fieldValue(field: string, value: string | number | undefined, { t }: ChangeContext): string {
  if (field === 'language') return t(`languages.${str(value)}`);
  if (field === 'level') return t(`levels.${str(value)}`);
  return str(value);
}

const fields = (params: Params, context: ChangeContext) => ({ ...params, fields: str(params.fields).split(',').map((f) => fieldName(f, context)).join(', ') });
const minutes = (params: Params, { t }: ChangeContext) => ({ ...params, minutes: minutesText(t, Number(params.minutes)) });
const beforeAfter = (params: Params, { t }: ChangeContext) => ({ ...params, before: minutesText(t, Number(params.before)), after: minutesText(t, Number(params.after)) });

const PREPARE: Record<ModuleChangeCode, Prepare> = {
  'field-changed': (params, context) => ({ ...params, field: fieldName(str(params.field), context) }),
  'list-item-added': (params, context) => ({ ...params, field: fieldName(str(params.field), context), value: listValue(str(params.field), str(params.value), context) }),
  'list-item-removed': (params, context) => ({ ...params, field: fieldName(str(params.field), context), value: listValue(str(params.field), str(params.value), context) }),
  'lesson-added': minutes,
  'lesson-removed': (params) => params,
  'lesson-changed': fields,
  'lesson-minutes-changed': beforeAfter,
  'lessons-reordered': (params) => params,
  'step-added': minutes,
  'step-removed': minutes,
  'step-changed': fields,
  'step-minutes-changed': beforeAfter,
};

export const CHANGE_CODES = Object.keys(PREPARE) as ModuleChangeCode[];

export function changeKey(code: ModuleChangeCode): string {
  return `composerPanels.diff.change.${code}`;
}

/** The change in words; the domain's English message when no template exists. */
export function changeText(change: ModuleChange, context: ChangeContext): string {
  const key = changeKey(change.code);
  return context.exists(key) ? context.t(key, PREPARE[change.code](change.params, context)) : change.message;
}

/** Before and after values of a single field as the dialog shows them side by side. */
export function changeValues(change: ModuleChange, context: ChangeContext): { before: string; after: string } | undefined {
  if (change.before === undefined || change.after === undefined) return undefined;
  const field = change.code === 'field-changed' ? str(change.params.field) : '';
  if (change.code === 'lesson-minutes-changed' || change.code === 'step-minutes-changed') return undefined; // already in the sentence
  return { before: fieldValue(field, change.before, context), after: fieldValue(field, change.after, context) };
}

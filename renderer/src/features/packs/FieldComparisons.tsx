import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/languages';
import type { FieldChoice } from '../../../../shared/domain/packs/three-way';
import type { FieldComparison, FieldValue } from '../../../../shared/schemas/pack-import';
import { fieldLabel } from './field-label';
import { FieldValueView } from './FieldValueView';

type Props = {
  moduleId: string;
  /** The content's language; left out (a sync conflict), each value takes the direction of its own text. */
  language?: Language | undefined;
  fields: readonly FieldComparison[];
  /** Set while the module is to be merged: conflicting fields then offer a choice. */
  merge: { choices: ReadonlyMap<string, FieldChoice>; onChoose: (key: string, side: FieldChoice) => void } | null;
  /**
   * Where the words for the versions and their sources are (`<words>.side.*`, `<words>.source.*`): a pack
   * preview says "theirs (in the pack)", a sync "theirs (in the shared library)".
   */
  words?: string;
  /** Names fields that are not a module's (a course's); module fields are named by `fieldLabel`. */
  labelOf?: (key: string) => string;
  /** The level of the fields' headings, one under the heading of what they belong to (a pack preview's module: 4). */
  headingLevel?: 3 | 4;
  /**
   * Each field is a region (a landmark) by default. Where several items show their fields on one page (the
   * conflicts of a sync) they are groups instead: landmarks must be told apart by name, and many items have a "Title".
   */
  fieldRole?: 'region' | 'group';
};

type Version = { label: string; value: FieldValue; compareTo?: FieldValue | undefined; muted?: boolean };

type Translate = ReturnType<typeof useTranslation>['t'];

/**
 * The versions to show. Compared with the base where there is one (what each side changed), else with each
 * other; a side that did not change the field is shown once, with the base, instead of repeating it.
 */
function versionsOf(field: FieldComparison, t: Translate, words: string): Version[] {
  const side = (key: string) => t(`${words}.side.${key}`);
  const { base, mine, theirs } = field;
  if (!base) return [{ label: side('mineNow'), value: mine, compareTo: theirs }, { label: side('theirsNow'), value: theirs, compareTo: mine }];
  switch (field.source) {
    case 'theirs':
      return [{ label: side('baseAndMine'), value: base, muted: true }, { label: side('theirs'), value: theirs, compareTo: base }];
    case 'mine':
      return [{ label: side('baseAndTheirs'), value: base, muted: true }, { label: side('mine'), value: mine, compareTo: base }];
    case 'both-same':
      return [{ label: side('base'), value: base, muted: true }, { label: side('both'), value: mine, compareTo: base }];
    case 'conflict':
    case 'unchanged':
    case 'differs':
      return [
        { label: side('base'), value: base, muted: true },
        { label: side('mine'), value: mine, compareTo: base },
        { label: side('theirs'), value: theirs, compareTo: base },
      ];
  }
}

/** Each field that differs, with its content in every version: yours and theirs, and the base in a three-way merge. */
export function FieldComparisons({ moduleId, language, fields, merge, words = 'packPreview', labelOf, headingLevel = 4, fieldRole = 'region' }: Props) {
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  return (
    <div className="pack-fields">
      {fields.map((field) => {
        const label = labelOf ? labelOf(field.key) : fieldLabel(field.key, t, exists);
        const versions = versionsOf(field, t, words);
        const choice = merge?.choices.get(field.key) ?? 'mine';
        return (
          <section key={field.key} className={`pack-field pack-field--${field.source}`} aria-label={label} {...(fieldRole === 'group' ? { role: 'group' } : {})}>
            <Heading className="pack-field__name">
              {label} {field.source !== 'differs' && <span className="pack-field__source">{t(`${words}.source.${field.source}`)}</span>}
            </Heading>
            <dl className="pack-field__versions">
              {versions.map((version) => (
                <div key={version.label} className={`pack-field__version${version.muted ? ' pack-field__version--base' : ''}`}>
                  <dt>{version.label}</dt>
                  <dd lang={language} dir={language === undefined ? 'auto' : language === 'ar' ? 'rtl' : 'ltr'}>
                    <FieldValueView value={version.value} compareTo={version.compareTo} />
                  </dd>
                </div>
              ))}
            </dl>
            {merge && field.source === 'conflict' && (
              <fieldset className="pack-field__choice">
                <legend>{t('packPreview.choose', { field: label })}</legend>
                {(['mine', 'theirs'] as const).map((side) => (
                  <label key={side}>
                    <input type="radio" name={`${moduleId}-${field.key}`} checked={choice === side} onChange={() => { merge.onChoose(field.key, side); }} /> {t(`packPreview.keep.${side}`)}
                  </label>
                ))}
              </fieldset>
            )}
          </section>
        );
      })}
    </div>
  );
}

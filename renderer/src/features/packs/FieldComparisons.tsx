import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../shared/domain/languages';
import type { FieldChoice } from '../../../../shared/domain/packs/three-way';
import type { FieldComparison, FieldValue } from '../../../../shared/schemas/pack-import';
import { fieldLabel } from './field-label';
import { FieldValueView } from './FieldValueView';

type Props = {
  moduleId: string;
  language: Language;
  fields: readonly FieldComparison[];
  /** Set while the module is to be merged: conflicting fields then offer a choice. */
  merge: { choices: ReadonlyMap<string, FieldChoice>; onChoose: (key: string, side: FieldChoice) => void } | null;
};

type Version = { side: 'base' | 'mine' | 'theirs'; value: FieldValue; compareTo?: FieldValue | undefined };

/** Each field that differs, with its content in every version: yours and theirs, and the base in a three-way merge. */
export function FieldComparisons({ moduleId, language, fields, merge }: Props) {
  const { t, i18n } = useTranslation();
  const exists = (key: string) => i18n.exists(key);
  return (
    <div className="pack-fields">
      {fields.map((field) => {
        const label = fieldLabel(field.key, t, exists);
        // Compared with the base where there is one (what each side changed), else with each other.
        const versions: Version[] = field.base
          ? [
              { side: 'base', value: field.base },
              { side: 'mine', value: field.mine, compareTo: field.base },
              { side: 'theirs', value: field.theirs, compareTo: field.base },
            ]
          : [
              { side: 'mine', value: field.mine, compareTo: field.theirs },
              { side: 'theirs', value: field.theirs, compareTo: field.mine },
            ];
        const choice = merge?.choices.get(field.key) ?? 'mine';
        return (
          <section key={field.key} className={`pack-field pack-field--${field.source}`} aria-label={label}>
            <h4 className="pack-field__name">
              {label} {field.source !== 'differs' && <span className="pack-field__source">{t(`packPreview.source.${field.source}`)}</span>}
            </h4>
            <dl className="pack-field__versions">
              {versions.map((version) => (
                <div key={version.side} className={`pack-field__version pack-field__version--${version.side}`}>
                  <dt>{t(`packPreview.side.${field.base ? version.side : `${version.side}Now`}`)}</dt>
                  <dd lang={language}>
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

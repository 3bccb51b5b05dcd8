import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChoice } from '../../../../shared/domain/packs/three-way';
import type { SyncConflict } from '../../../../shared/schemas/sync';
import { isolate } from '../../lib/bidi';
import { FieldComparisons } from '../packs/FieldComparisons';
import { labelFor } from './field-labels';
import type { ConflictChoice } from './sync-choices';

type Props = { conflict: SyncConflict; choice: ConflictChoice; onChoose: (choice: ConflictChoice) => void };

/**
 * One item a sync could not merge, shown as a pack conflict is: each differing field with its content in the
 * last version both sides had, here and in the shared library. Fields changed on both sides are chosen one
 * by one; an edit against a delete (or a course, or a reference) is chosen whole.
 */
export function SyncConflictCard({ conflict, choice, onChoose }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const labelOf = labelFor(conflict.kind, t, (key) => i18n.exists(key));
  const fields = 'fields' in choice ? choice.fields : null;
  // What keeping each side means, in the words of this conflict ("Delete it here too").
  const sides = (side: FieldChoice): string => t(`sync.conflicts.whole.${conflict.reason}.${side}`);
  return (
    <section className="panel sync-conflict" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} dir="auto">
        {conflict.title}
      </h2>
      <p className="muted">
        <span className="badge">{t(`sync.kind.${conflict.kind}`)}</span> · {t(`sync.conflicts.reason.${conflict.reason}`)} · <bdi dir="ltr">{conflict.id}</bdi>
      </p>
      <p>{conflict.choose === 'fields' ? t('sync.conflicts.fieldsHelp', { count: conflict.conflicts.length }) : t(`sync.conflicts.wholeHelp.${conflict.kind}`)}</p>
      <FieldComparisons
        moduleId={`${conflict.kind}-${conflict.id}`}
        fields={conflict.fields}
        words="sync.compare"
        headingLevel={3}
        fieldRole="group"
        labelOf={labelOf}
        merge={
          fields
            ? {
                choices: fields,
                onChoose: (key, side) => {
                  onChoose({ fields: new Map(fields).set(key, side) });
                },
              }
            : null
        }
      />
      {'take' in choice && (
        <fieldset className="pack-field__choice sync-conflict__whole">
          <legend>{t('sync.conflicts.chooseWhole', { title: isolate(conflict.title) })}</legend>
          {(['mine', 'theirs'] as const).map((side) => (
            <label key={side}>
              <input
                type="radio"
                name={`${id}-whole`}
                checked={choice.take === side}
                onChange={() => {
                  onChoose({ take: side });
                }}
              />{' '}
              {sides(side)}
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

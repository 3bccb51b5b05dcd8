import { useTranslation } from 'react-i18next';
import type { ApplyTarget, FieldChange } from '../../../../shared/schemas/round-trip';

/** Whether a change can go where the user chose: a course holds only minutes and trainer notes. */
export function changeFits(change: FieldChange, target: ApplyTarget): boolean {
  return target === 'overrides' ? change.overridable : change.libraryEditable;
}

type Props = { change: FieldChange; target: ApplyTarget; checked: boolean; onToggle: (checked: boolean) => void };

/** One changed field: where it is, the text before and after, and a box to take it or leave it. */
export function RoundTripChange({ change, target, checked, onToggle }: Props) {
  const { t } = useTranslation();
  const fits = changeFits(change, target);
  const id = `roundtrip-${change.name}`;
  const field = t(`roundTrip.field.${change.field}`, { index: (change.index ?? 0) + 1, label: change.label });
  return (
    <li className="round-trip__change">
      <div className="field--inline">
        <input id={id} type="checkbox" checked={fits && checked} disabled={!fits} onChange={(e) => { onToggle(e.target.checked); }} />
        <label htmlFor={id}>
          <strong>{field}</strong>
          <span className="muted"> · {t('roundTrip.where', { module: change.moduleTitle, lesson: change.lessonCode, title: change.lessonTitle })}</span>
        </label>
      </div>
      {!fits && <p className="muted">{target === 'overrides' ? t('roundTrip.notOverridable') : t('roundTrip.notInLibrary')}</p>}
      <div className="round-trip__texts">
        <div>
          <h4>{t('roundTrip.before')}</h4>
          <p dir="auto" className="round-trip__text round-trip__text--before">{change.before}</p>
        </div>
        <div>
          <h4>{t('roundTrip.after')}</h4>
          <p dir="auto" className="round-trip__text round-trip__text--after">{change.after}</p>
        </div>
      </div>
      {change.printedText && <p className="muted">{t('roundTrip.printedText')}</p>}
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { SessionItem } from '../../../../shared/schemas/curriculum';
import type { ItemCardProps } from './ItemCard';
import { MINUTES_MAX, MINUTES_MIN, updateSession } from './item-ops';
import { NumberField } from './NumberField';

/** A free session (opening, assessment, field visit, closing, other): its title and length are edited in place. */
export function SessionItemBody({ item, dayLabel, name, actions }: ItemCardProps & { item: SessionItem }) {
  const { t } = useTranslation();
  const titleId = `field-items.${item.id}.title`;
  const empty = item.title.trim() === '';
  return (
    <div className="composer-item__head">
      <h3 className="composer-item__title">
        <span className="composer-item__number">{t(`composer.sessionKinds.${item.sessionKind}`)}</span>{' '}
        <span dir="auto">{item.title.trim() || t('composer.untitled')}</span>
      </h3>
      {dayLabel && <p className="composer-item__facts">{dayLabel}</p>}
      <div className="composer-session">
        <div className="field">
          <label className="field__label" htmlFor={titleId}>
            {t('composer.session.title')}
          </label>
          <input
            id={titleId}
            type="text"
            value={item.title}
            maxLength={300}
            dir="auto"
            aria-invalid={empty || undefined}
            onChange={(event) => {
              const title = event.target.value;
              actions.apply(t('composer.history.sessionTitle', { name }), (c) => updateSession(c, item.id, { title }), `session-title:${item.id}`);
            }}
          />
          {empty && <span className="field__error">{t('composer.problems.sessionTitle')}</span>}
        </div>
        <NumberField
          label={t('composer.session.minutes')}
          value={item.minutes}
          min={MINUTES_MIN}
          max={MINUTES_MAX}
          onCommit={(minutes) => {
            actions.apply(t('composer.history.sessionMinutes', { name }), (c) => updateSession(c, item.id, { minutes }), `session-minutes:${item.id}`);
          }}
        />
      </div>
    </div>
  );
}

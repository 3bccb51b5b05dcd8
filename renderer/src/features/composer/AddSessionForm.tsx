import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SESSION_KINDS, type Curriculum, type SessionKind } from '../../../../shared/schemas/curriculum';
import type { ItemActions } from './item-actions';
import { defaultPosition, insertItem, MINUTES_MAX, MINUTES_MIN, sessionItem } from './item-ops';
import { NumberField } from './NumberField';

function isSessionKind(value: string): value is SessionKind {
  return (SESSION_KINDS as readonly string[]).includes(value);
}

/**
 * Course time that is not a library module: an opening, an assessment, a field visit, a closing. An opening
 * goes before the course's content and a closing at its end (item-ops `defaultPosition`).
 */
export function AddSessionForm({ draft, actions }: { draft: Curriculum; actions: ItemActions }) {
  const { t } = useTranslation();
  const id = useId();
  const [kind, setKind] = useState<SessionKind>('opening');
  const [title, setTitle] = useState('');
  const [minutes, setMinutes] = useState(60);
  const [missing, setMissing] = useState(false);

  return (
    <section className="panel composer-add-session" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('composer.session.add')}</h2>
      <form
        className="composer-add-session__form"
        onSubmit={(event) => {
          event.preventDefault();
          const name = title.trim();
          if (name === '') {
            setMissing(true);
            return;
          }
          const item = sessionItem(draft, kind, name, minutes);
          const at = defaultPosition(draft, kind);
          actions.apply(t('composer.history.addSession', { title: name }), (c) =>
            insertItem(c, c.items.some((i) => i.id === item.id) ? sessionItem(c, kind, name, minutes) : item),
          );
          actions.announce(
            at === draft.items.length
              ? t('composer.session.added', { title: name })
              : t(kind === 'opening' ? 'schedule.session.addedFirst' : 'schedule.session.addedBeforeClosing', { title: name }),
          );
          setTitle('');
          setMissing(false);
        }}
      >
        <label className="field">
          <span className="field__label">{t('composer.session.kind')}</span>
          <select
            value={kind}
            onChange={(event) => {
              if (isSessionKind(event.target.value)) setKind(event.target.value);
            }}
          >
            {SESSION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`composer.sessionKinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('composer.session.title')}</span>
          <input
            type="text"
            value={title}
            maxLength={300}
            dir="auto"
            aria-invalid={missing || undefined}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
        </label>
        {missing && <p className="field__error">{t('composer.problems.sessionTitle')}</p>}
        <NumberField label={t('composer.session.minutes')} value={minutes} min={MINUTES_MIN} max={MINUTES_MAX} onCommit={setMinutes} />
        <button type="submit" className="button">
          {t('composer.session.addButton')}
        </button>
      </form>
    </section>
  );
}

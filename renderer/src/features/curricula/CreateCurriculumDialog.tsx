import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from '../../../../shared/domain/languages';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { Modal } from './Modal';
import { TITLE_MAX } from './TitleDialog';
import { useAction } from './use-action';

/** The scheduler's limit (MAX_DAYS), repeated here so that the list page does not load zod. */
export const DAYS_MAX = 200;

/** Title, number of days and language of a new, empty course; the composer opens on it. */
export function CreateCurriculumDialog({ onCreated, onClose }: { onCreated: (curriculum: Curriculum) => void; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState('');
  const [days, setDays] = useState('5');
  const [language, setLanguage] = useState<Language>(isLanguage(i18n.language) ? i18n.language : 'en');
  const { busy, error, run } = useAction();
  const dayCount = Number(days);
  const daysValid = Number.isInteger(dayCount) && dayCount >= 1 && dayCount <= DAYS_MAX;
  const [touched, setTouched] = useState(false);
  const titleMissing = title.trim() === '';

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose}>
      <form
        className="curricula-form"
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (titleMissing || !daysValid) return;
          void run(async () => {
            const created = await call('curriculum:create', { title: title.trim(), moduleIds: [], days: dayCount, language });
            onCreated(created);
          });
        }}
      >
        <h2 id={`${id}-title`}>{t('curricula.create.title')}</h2>
        <p className="muted">{t('curricula.create.intro')}</p>
        <label className="field">
          <span className="field__label">{t('curricula.fields.title')}</span>
          <input
            type="text"
            value={title}
            maxLength={TITLE_MAX}
            aria-required="true"
            aria-invalid={(touched && titleMissing) || undefined}
            aria-describedby={touched && titleMissing ? `${id}-title-error` : undefined}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
        </label>
        {touched && titleMissing && (
          <p id={`${id}-title-error`} className="field__error">
            {t('curricula.errors.titleRequired')}
          </p>
        )}
        <label className="field">
          <span className="field__label">{t('curricula.fields.days')}</span>
          <input
            type="number"
            min={1}
            max={DAYS_MAX}
            value={days}
            aria-invalid={!daysValid || undefined}
            aria-describedby={daysValid ? undefined : `${id}-days-error`}
            onChange={(event) => {
              setDays(event.target.value);
            }}
          />
        </label>
        {!daysValid && (
          <p id={`${id}-days-error`} className="field__error">
            {t('curricula.errors.days', { max: DAYS_MAX })}
          </p>
        )}
        <label className="field">
          <span className="field__label">{t('curricula.fields.language')}</span>
          <select
            value={language}
            onChange={(event) => {
              if (isLanguage(event.target.value)) setLanguage(event.target.value);
            }}
          >
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {t(`languages.${code}`)}
              </option>
            ))}
          </select>
        </label>
        {error && <ErrorMessage error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('curricula.actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('curricula.create.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

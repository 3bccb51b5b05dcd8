import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Modal } from './Modal';
import { useAction } from './use-action';

/** Longest title the store accepts (ShortTextSchema). */
export const TITLE_MAX = 300;

/** Asks for a title (rename, duplicate); stays open with the back end's reason when the action fails. */
export function TitleDialog({
  heading,
  initial,
  confirm,
  onSubmit,
  onClose,
}: {
  heading: string;
  initial: string;
  confirm: string;
  onSubmit: (title: string) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [title, setTitle] = useState(initial);
  const { busy, error, run } = useAction();
  const empty = title.trim() === '';

  return (
    <Modal labelledBy={`${id}-title`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (empty) return;
          void run(() => onSubmit(title.trim())).then((ok) => {
            if (ok) onClose();
          });
        }}
      >
        <h2 id={`${id}-title`}>{heading}</h2>
        <label className="field">
          <span className="field__label">{t('curricula.fields.title')}</span>
          <input
            data-autofocus
            type="text"
            value={title}
            maxLength={TITLE_MAX}
            aria-required="true"
            aria-invalid={empty || undefined}
            onChange={(event) => {
              setTitle(event.target.value);
            }}
          />
        </label>
        {empty && <p className="field__error">{t('curricula.errors.titleRequired')}</p>}
        {error && <ErrorMessage error={error} />}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('curricula.actions.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy || empty}>
            {confirm}
          </button>
        </div>
      </form>
    </Modal>
  );
}

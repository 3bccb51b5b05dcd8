import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurriculumSummary } from '../../../../shared/schemas/curricula';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { Modal } from './Modal';
import { useAction } from './use-action';

/** Deleting cannot be undone in the app, so it is asked for once more; Cancel has the focus. */
export function DeleteCurriculumDialog({ curriculum, onDeleted, onClose }: { curriculum: CurriculumSummary; onDeleted: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const { busy, error, run } = useAction();
  return (
    <Modal alert labelledBy={`${id}-title`} describedBy={`${id}-body`} onClose={onClose}>
      <h2 id={`${id}-title`}>{t('curricula.delete.title')}</h2>
      <p id={`${id}-body`}>{t('curricula.delete.body', { title: curriculum.title })}</p>
      {error && <ErrorMessage error={error} />}
      <div className="dialog__actions">
        <button data-autofocus type="button" className="button" onClick={onClose}>
          {t('curricula.actions.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          disabled={busy}
          onClick={() => {
            void run(() => call('curriculum:delete', { id: curriculum.id, confirmed: true })).then((ok) => {
              if (ok) onDeleted();
            });
          }}
        >
          {t('curricula.delete.confirm')}
        </button>
      </div>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../../shared/errors';
import type { SaveStatus } from './use-curriculum-autosave';

function statusText(status: SaveStatus, t: (key: string, values?: Record<string, unknown>) => string): string {
  switch (status.kind) {
    case 'saved':
      return t('composer.status.saved');
    case 'saving':
      return t('composer.status.saving');
    case 'invalid':
      return t('composer.status.invalid', { count: status.count });
    case 'conflict':
      return t('composer.status.conflict');
    case 'failed':
      return t('composer.status.failed', { reason: t(`errors.code.${status.error.code}`), message: status.error.message });
    default:
      return assertNever(status);
  }
}

/** The live save status; screen readers hear each change without losing their place. */
export function SaveStatusLine({ status, onReload, onRetry }: { status: SaveStatus; onReload: () => void; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <div className={`composer__status composer__status--${status.kind}`}>
      <p role="status">{statusText(status, (key, values) => t(key, values))}</p>
      {status.kind === 'conflict' && (
        <button type="button" className="button button--small" onClick={onReload}>
          {t('composer.reload')}
        </button>
      )}
      {status.kind === 'failed' && (
        <button type="button" className="button button--small" onClick={onRetry}>
          {t('composer.retry')}
        </button>
      )}
    </div>
  );
}

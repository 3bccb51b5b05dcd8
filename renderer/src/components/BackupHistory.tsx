import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import type { BackupInfo } from '../../../shared/schemas/store';
import { call } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useApi } from '../lib/use-api';
import { ErrorMessage } from './ErrorMessage';

type Which = { module: string } | { course: string };

/**
 * One module's or course's history of backups: the versions kept before each change (and before a delete),
 * newest first, each restorable. Restoring is itself a change, so the version it replaces joins the history.
 */
export function BackupHistory({
  which,
  headingId,
  onRestored,
  beforeRestore,
}: {
  which: Which;
  headingId: string;
  onRestored: () => void;
  /** Saves what an editor has waiting, so the version the restore replaces is the latest one and is kept. */
  beforeRestore?: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const key = 'module' in which ? `m:${which.module}` : `c:${which.course}`;
  const [backups, reload] = useApi(() => call('store:backups', which), key);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);

  async function restore(backup: BackupInfo) {
    const date = formatDateTime(backup.createdAt, i18n.language);
    if (!window.confirm(t('history.confirm', { date }))) return;
    setBusy(true);
    setFailure(null);
    try {
      await beforeRestore?.();
      await call('store:restore', { backupId: backup.id });
      reload();
      onRestored();
    } catch (error) {
      setFailure(toAppErrorShape(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby={headingId} className="backup-history">
      <h2 id={headingId}>{t('history.title')}</h2>
      <p className="muted">{t('history.help')}</p>
      {failure && <ErrorMessage error={failure} />}
      {backups.state === 'error' && <ErrorMessage error={backups.error} />}
      {backups.state === 'ready' && backups.value.length === 0 && <p>{t('history.empty')}</p>}
      {backups.state === 'ready' && backups.value.length > 0 && (
        <ol className="backup-history__list">
          {[...backups.value].reverse().map((backup) => (
            <li key={backup.id}>
              <span>
                {formatDateTime(backup.createdAt, i18n.language)}
                {backup.revision !== undefined && <span className="muted"> · {t('history.revision', { revision: backup.revision })}</span>}
                {backup.title && <span className="muted"> · {backup.title}</span>}
                {!backup.loadable && <span className="muted"> · {t('settings.cannotLoad')}</span>}
              </span>
              <button type="button" className="button button--small" disabled={busy || !backup.loadable} onClick={() => void restore(backup)}>
                {t('history.restore')}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

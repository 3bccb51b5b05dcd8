import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { BackupInfo } from '../../../../shared/schemas/store';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';

export function BackupList() {
  const { t, i18n } = useTranslation();
  const [backups, reload] = useApi(() => call('store:backups'));
  const [message, setMessage] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);

  async function restore(backup: BackupInfo) {
    const date = formatDateTime(backup.createdAt, i18n.language);
    if (!window.confirm(t('settings.restoreConfirm', { date, document: t(`settings.document.${backup.document}`) }))) return;
    setFailure(null);
    try {
      await call('store:restore', { backupId: backup.id });
      setMessage(t('settings.restored'));
      reload();
    } catch (error) {
      setFailure(toAppErrorShape(error));
    }
  }

  return (
    <div className="panel">
      <h2>{t('settings.backups')}</h2>
      <p className="muted">{t('settings.backupsHelp')}</p>
      {message && <p role="status" className="ok">{message}</p>}
      {failure && <ErrorMessage error={failure} />}
      {backups.state === 'error' && <ErrorMessage error={backups.error} />}
      {backups.state === 'ready' && backups.value.length === 0 && <p>{t('settings.backupsEmpty')}</p>}
      {backups.state === 'ready' && backups.value.length > 0 && (
        <table className="table">
          <tbody>
            {[...backups.value].reverse().map((backup) => (
              <tr key={backup.id}>
                <td>{t(`settings.document.${backup.document}`)}</td>
                <td>{formatDateTime(backup.createdAt, i18n.language)}</td>
                <td>{backup.loadable ? '' : t('settings.cannotLoad')}</td>
                <td>
                  <button type="button" className="button button--small" disabled={!backup.loadable} onClick={() => void restore(backup)}>
                    {t('settings.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape } from '../../../../shared/errors';
import type { DocumentProblem, StoreStatus } from '../../../../shared/schemas/store';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';

/** Shown instead of the app when a data file cannot be loaded: explain, keep the file, offer the newest good backup. */
export function RecoveryScreen({ status, onRecovered }: { status: StoreStatus; onRecovered: (status: StoreStatus) => void }) {
  const { t } = useTranslation();
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{t('recovery.title')}</h1>
      <p>{t('recovery.intro')}</p>
      {status.problems.map((problem) => (
        <ProblemCard key={problem.document} problem={problem} onRecovered={onRecovered} />
      ))}
    </main>
  );
}

function ProblemCard({ problem, onRecovered }: { problem: DocumentProblem; onRecovered: (status: StoreStatus) => void }) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const backup = problem.newestGoodBackup;

  async function restore(backupId: string) {
    setBusy(true);
    setFailure(null);
    try {
      onRecovered(await call('store:restore', { backupId }));
    } catch (error) {
      setFailure(t('recovery.restoreFailed', { message: toAppErrorShape(error).message }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel panel--error" aria-label={problem.document}>
      <h2>{t(`recovery.kind.${problem.kind}`)}</h2>
      <p>{t('recovery.untouched', { file: problem.file })}</p>
      <details>
        <summary>{t('recovery.details')}</summary>
        <p dir="ltr" className="error-detail">{problem.message}</p>
      </details>
      {backup ? (
        <>
          <p>{t('recovery.offer', { date: formatDateTime(backup.createdAt, i18n.language) })}</p>
          <button type="button" className="button button--primary" disabled={busy} onClick={() => void restore(backup.id)}>
            {busy ? t('recovery.restoring') : t('recovery.restore')}
          </button>
          <p className="muted">{t('recovery.restoreHelp')}</p>
        </>
      ) : (
        <p>{t('recovery.noBackup')}</p>
      )}
      {failure && <p role="alert">{failure}</p>}
    </section>
  );
}

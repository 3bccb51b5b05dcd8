import { useTranslation } from 'react-i18next';
import { hashOf, SYNC_CONFLICTS_ROUTE } from '../../app/sections';
import { TaskProgress } from '../export/TaskProgress';
import { useSync } from './sync-context';
import { syncPhaseWords, syncStateWords } from './sync-words';
import './sync.css';

/**
 * The shared library in the status bar: where it stands (ahead, behind, last sync, offline or a refused
 * token in plain words), and "Sync now", which becomes a progress bar with Cancel while it runs. Nothing is
 * shown for a library that is not connected to one.
 */
export function SyncStatusArea() {
  const { t, i18n } = useTranslation();
  const sync = useSync();
  if (!sync?.status || sync.status.state === 'not-configured') return null;
  const { status, job } = sync;
  const words = syncStateWords(status, t, i18n.language);
  // A refusal the back end does not keep in the status (a sync already running, say) is said here.
  const unrecorded = job.kind === 'failed' && status.lastError?.code !== job.error.code ? t(`errors.code.${job.error.code}`) : null;
  return (
    <div className="sync-status" role="group" aria-label={t('sync.status.label')}>
      <span className={`dot dot--${job.kind === 'running' || job.kind === 'cancelled' ? 'pending' : words.tone}`} aria-hidden="true" />
      <span className="sync-status__name">{t('sync.status.name')}</span>
      {job.kind === 'running' ? (
        <span className="sync-progress">
          <TaskProgress label={syncPhaseWords(job.label, t)} done={job.done} total={job.total} barLabel={t('sync.progress')} percentText={(percent) => t('sync.percent', { percent })} />
          <button type="button" className="button button--small" onClick={sync.cancel}>
            {t('sync.cancel')}
          </button>
        </span>
      ) : (
        <>
          <span role="status" className="sync-status__text">
            {unrecorded ?? (job.kind === 'cancelled' ? t('sync.state.cancelled') : words.text)}
          </span>
          {status.state === 'conflicts' && (
            <a className="button button--small" href={hashOf(SYNC_CONFLICTS_ROUTE)}>
              {t('sync.resolveConflicts')}
            </a>
          )}
          <button type="button" className="button button--small" disabled={status.running} onClick={sync.syncNow}>
            {t('sync.syncNow')}
          </button>
        </>
      )}
    </div>
  );
}

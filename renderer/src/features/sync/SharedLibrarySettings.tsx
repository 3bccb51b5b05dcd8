import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import { remoteKind, type SyncStatus } from '../../../../shared/schemas/sync';
import { ErrorMessage } from '../../components/ErrorMessage';
import { isolate } from '../../lib/bidi';
import { call } from '../../lib/api';
import { hashOf, SYNC_CONFLICTS_ROUTE } from '../../app/sections';
import { TaskProgress } from '../export/TaskProgress';
import { SyncSetupForm } from './SyncSetupForm';
import { syncChangesWords } from './sync-changes-words';
import { useSync, type SyncJobState } from './sync-context';
import { syncPhaseWords, syncStateWords } from './sync-words';
import './sync.css';

/**
 * Settings → Shared library: connect this library to a git server or a shared folder, see how it stands,
 * sync, change the connection or disconnect. Outside the app's shell (no sync state) it shows nothing.
 */
export function SharedLibrarySettings() {
  const { t } = useTranslation();
  const id = useId();
  const sync = useSync();
  const [editing, setEditing] = useState(false);
  // The sync state when the connection was made: "Connected" is said until a sync runs after it.
  const [connectedAt, setConnectedAt] = useState<SyncJobState | null>(null);
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  if (!sync?.status) return null;
  const { status } = sync;
  const config = status.config;

  function onConnected(next: SyncStatus) {
    sync?.setStatus(next);
    setEditing(false);
    setConnectedAt(sync?.job ?? null);
  }

  async function disconnect() {
    if (!window.confirm(t('sync.settings.disconnectConfirm'))) return;
    setFailure(null);
    try {
      sync?.setStatus(await call('sync:disconnect', { forgetHistory: false }));
      setConnectedAt(null);
    } catch (error) {
      setFailure(toAppErrorShape(error));
    }
  }

  return (
    <section className="panel shared-library" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('sync.settings.title')}</h2>
      <p className="muted">{t('sync.settings.help')}</p>
      {failure && <ErrorMessage error={failure} />}
      {(!config || editing) && (
        <SyncSetupForm
          config={config}
          tokenStored={status.tokenStored}
          onConnected={onConnected}
          {...(editing ? { onCancel: () => { setEditing(false); } } : {})}
        />
      )}
      {config && !editing && (
        <>
          {connectedAt === sync.job ? (
            <p role="status" className="ok">
              {t('sync.settings.connected')}
            </p>
          ) : null}
          <ConnectionFacts status={status} />
          {connectedAt !== sync.job && <SyncOutcome />}
          <div className="sync-form__actions">
            {sync.job.kind !== 'running' && (
              <button type="button" className="button button--primary" disabled={status.running} onClick={sync.syncNow}>
                {t('sync.syncNow')}
              </button>
            )}
            <button type="button" className="button" onClick={() => { setEditing(true); }}>
              {t('sync.settings.change')}
            </button>
            <button type="button" className="button button--danger" disabled={status.running} onClick={() => void disconnect()}>
              {t('sync.settings.disconnect')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

/** The connection as it is: where, how, what, as whom, how often, and where it stands now. */
function ConnectionFacts({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation();
  const config = status.config;
  if (!config) return null;
  const http = remoteKind(config.remote) === 'http';
  const words = syncStateWords(status, t, i18n.language);
  return (
    <dl className="facts sync-facts">
      <div className="facts__item sync-facts__remote">
        <dt>{t(http ? 'sync.settings.server' : 'sync.settings.folder')}</dt>
        <dd><bdi dir="ltr" className="path">{config.remote}</bdi></dd>
      </div>
      <div className="facts__item">
        <dt>{t('sync.form.mode')}</dt>
        <dd>{config.mode === 'share' ? t(config.includeCourses ? 'sync.settings.shareWithCourses' : 'sync.settings.share') : t('sync.settings.follow', { publisher: isolate(config.publisher) })}</dd>
      </div>
      <div className="facts__item">
        <dt>{t('sync.form.author')}</dt>
        <dd><bdi>{config.author.name}</bdi> · <bdi dir="ltr">{config.author.email}</bdi></dd>
      </div>
      <div className="facts__item">
        <dt>{t('sync.settings.auto')}</dt>
        <dd>{config.autoSyncMinutes === 0 ? t('sync.settings.onDemand') : t('sync.settings.every', { count: config.autoSyncMinutes })}</dd>
      </div>
      {http && (
        <div className="facts__item">
          <dt>{t('sync.form.token')}</dt>
          <dd>{status.tokenStored ? t('sync.settings.tokenStored') : t('sync.settings.noToken')}</dd>
        </div>
      )}
      <div className="facts__item">
        <dt>{t('sync.settings.state')}</dt>
        <dd>{words.text}</dd>
      </div>
    </dl>
  );
}

/** How the last sync from this window went: its progress while it runs, then what it did or why it stopped. */
function SyncOutcome() {
  const { t } = useTranslation();
  const sync = useSync();
  if (!sync) return null;
  const { job, status } = sync;
  switch (job.kind) {
    case 'running':
      return (
        <div className="sync-progress">
          <TaskProgress label={syncPhaseWords(job.label, t)} done={job.done} total={job.total} barLabel={t('sync.progress')} percentText={(percent) => t('sync.percent', { percent })} />
          <button type="button" className="button button--small" onClick={sync.cancel}>
            {t('sync.cancel')}
          </button>
        </div>
      );
    case 'done':
      return (
        <div role="status" className="sync-outcome">
          {syncChangesWords(job.changes, t).map((line) => <p key={line}>{line}</p>)}
        </div>
      );
    case 'conflicts':
      return (
        <p role="status" className="panel panel--notice">
          {t('sync.settings.stopped', { count: job.count })} <a href={hashOf(SYNC_CONFLICTS_ROUTE)}>{t('sync.resolveConflicts')}</a>
        </p>
      );
    case 'failed':
      return <ErrorMessage error={job.error} />;
    case 'cancelled':
      return <p role="status">{t('sync.state.cancelled')}</p>;
    case 'idle':
      return status?.lastError ? <ErrorMessage error={{ code: status.lastError.code as AppErrorShape['code'], message: status.lastError.message }} /> : null;
  }
}

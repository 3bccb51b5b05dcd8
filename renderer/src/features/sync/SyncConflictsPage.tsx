import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncChoices } from '../../../../shared/schemas/sync';
import { ErrorMessage } from '../../components/ErrorMessage';
import { TaskProgress } from '../export/TaskProgress';
import { SyncConflictCard } from './SyncConflictCard';
import { conflictKey, initialChoices, toSyncChoices, type ConflictChoice } from './sync-choices';
import { syncChangesWords } from './sync-changes-words';
import { useSync, type OpenConflicts } from './sync-context';
import { syncPhaseWords } from './sync-words';
import '../packs/pack-preview.css';
import './sync.css';

/**
 * The conflicts the last sync stopped on, resolved in the pack preview's interface: the values of each
 * field here, in the shared library and before, a choice per field, then one sync with the choices.
 */
export function SyncConflictsPage() {
  const { t } = useTranslation();
  const sync = useSync();
  if (!sync) return null;
  const { job, conflicts, status } = sync;
  return (
    <section aria-labelledby="sync-conflicts-title" className="sync-conflicts">
      <h1 id="sync-conflicts-title">{t('sync.conflicts.title')}</h1>
      {job.kind === 'running' && (
        <div className="sync-progress panel">
          <TaskProgress label={syncPhaseWords(job.label, t)} done={job.done} total={job.total} barLabel={t('sync.progress')} percentText={(percent) => t('sync.percent', { percent })} />
          <button type="button" className="button button--small" onClick={sync.cancel}>
            {t('sync.cancel')}
          </button>
        </div>
      )}
      {job.kind === 'failed' && <ErrorMessage error={job.error} />}
      {conflicts && (
        // Keyed by the versions compared: new conflicts (after a refresh) start from fresh choices; the same
        // ones keep the user's choices while a resolve runs, and after it is cancelled.
        <ConflictChoices key={conflicts.resolveId} open={conflicts} busy={job.kind === 'running'} onResolve={sync.resolve} />
      )}
      {!conflicts && job.kind === 'done' && (
        <div role="status" className="panel">
          <p className="ok">{t('sync.conflicts.resolved')}</p>
          {syncChangesWords(job.changes, t).map((line) => (
            <p key={line}>{line}</p>
          ))}
          <a href="#/library" className="button">{t('sync.conflicts.toLibrary')}</a>
        </div>
      )}
      {!conflicts && job.kind !== 'done' && job.kind !== 'running' && (
        <div className="panel">
          {status?.state === 'conflicts' ? (
            <>
              <p>{t('sync.conflicts.notLoaded')}</p>
              <button type="button" className="button button--primary" onClick={sync.syncNow}>
                {t('sync.conflicts.show')}
              </button>
            </>
          ) : (
            <p>{t('sync.conflicts.none')}</p>
          )}
        </div>
      )}
    </section>
  );
}

function ConflictChoices({ open, busy, onResolve }: { open: OpenConflicts; busy: boolean; onResolve: (choices: SyncChoices) => void }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<ReadonlyMap<string, ConflictChoice>>(() => initialChoices(open.conflicts));
  return (
    <>
      <p className="muted">{t('sync.conflicts.intro', { count: open.conflicts.length })}</p>
      {open.refreshed && (
        <p role="status" className="panel panel--notice">
          {t('sync.conflicts.refreshed')}
        </p>
      )}
      {open.conflicts.map((conflict) => {
        const key = conflictKey(conflict);
        const choice = choices.get(key);
        if (!choice) return null;
        return (
          <SyncConflictCard
            key={key}
            conflict={conflict}
            choice={choice}
            onChoose={(next) => {
              setChoices(new Map(choices).set(key, next));
            }}
          />
        );
      })}
      <div className="dialog__actions">
        <a href="#/settings" className="button">
          {t('sync.conflicts.later')}
        </a>
        <button
          type="button"
          className="button button--primary"
          disabled={busy}
          onClick={() => {
            onResolve(toSyncChoices(open.conflicts, choices));
          }}
        >
          {t('sync.conflicts.apply')}
        </button>
      </div>
    </>
  );
}

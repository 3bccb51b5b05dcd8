import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { HistoryEntry, HistoryRestore } from '../../../../shared/schemas/sync';
import type { Reference } from '../../../../shared/schemas/reference';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { useSync } from '../sync/sync-context';
import { RevisionDiffDialog } from './RevisionDiffDialog';
import { RevisionDialog } from './RevisionDialog';
import { revisionName, whichKey, type HistoryWhich } from './revision-words';
import './history.css';

type Props = {
  which: HistoryWhich;
  /** The module's or course's title now, for the dialogs' headings. */
  title: string;
  headingId: string;
  /**
   * Called after a restore or its undo changed the module or course, so that the page reads it again. A page
   * that mounts this list anew for the new version passes the outcome back as `outcome`, so the notice (and
   * its undo) stays on screen.
   */
  onRestored: (outcome: RestoreOutcome) => void;
  /** The outcome of a restore made before the page mounted this list again. */
  outcome?: RestoreOutcome;
  /** Saves what an editor has waiting first, so that a restore (and its undo) start from the latest version. */
  beforeRestore?: () => Promise<void>;
  /** The library's references, for the lessons of a module revision opened in full. */
  references?: readonly Reference[];
};

export type RestoreOutcome = { kind: 'idle' } | { kind: 'restored'; entry: HistoryEntry; result: HistoryRestore } | { kind: 'undone' } | { kind: 'failed'; error: AppErrorShape };

/**
 * The shared history of a module or course (from the shared library's git history): who changed it, when
 * and why; any version opened in full; what differs between two versions; an old version put back as a new
 * change, with undo. Read again after every sync.
 */
export function RevisionHistory({ which, title, headingId, onRestored, outcome, beforeRestore, references = [] }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const sync = useSync();
  const generation = sync?.generation ?? 0;
  const [list] = useApi(() => call('history:list', { ...which, limit: 200 }), `${whichKey(which)}:${String(generation)}`);
  const [open, setOpen] = useState<{ kind: 'show'; commit: string } | { kind: 'diff'; from: string } | null>(null);
  const [restoring, setRestoring] = useState<RestoreOutcome>(outcome ?? { kind: 'idle' });
  const [busy, setBusy] = useState(false);

  async function act(step: () => Promise<RestoreOutcome>) {
    setBusy(true);
    try {
      await beforeRestore?.();
      const done = await step();
      setRestoring(done);
      onRestored(done);
      sync?.refresh();
    } catch (error) {
      setRestoring({ kind: 'failed', error: toAppErrorShape(error) });
    } finally {
      setBusy(false);
    }
  }

  function restore(entry: HistoryEntry) {
    if (!window.confirm(t('revisions.confirm', { version: revisionName(entry, t), date: formatDateTime(entry.date, i18n.language) }))) return;
    void act(async () => ({ kind: 'restored', entry, result: await call('history:restore', { ...which, commit: entry.commit }) }));
  }

  const entries = list.state === 'ready' ? list.value.entries : [];
  return (
    <section aria-labelledby={headingId} className="revision-history">
      <h2 id={headingId}>{t('revisions.title')}</h2>
      {list.state === 'error' && <ErrorMessage error={list.error} />}
      {list.state === 'ready' && !list.value.available && <p className="muted">{t('revisions.unavailable')}</p>}
      {list.state === 'ready' && list.value.available && (
        <p className="muted">{entries.length === 0 ? t('revisions.empty') : t('revisions.help')}</p>
      )}
      {restoring.kind === 'restored' && (
        <p role="status" className="ok revision-history__done">
          {restoring.result.revision === null
            ? t('revisions.restoredCourse', { date: formatDateTime(restoring.entry.date, i18n.language) })
            : t('revisions.restored', { version: revisionName(restoring.entry, t), revision: restoring.result.revision })}{' '}
          <button type="button" className="button button--small" disabled={busy} onClick={() => void act(async () => { await call('history:undo-restore'); return { kind: 'undone' }; })}>
            {t('revisions.undo')}
          </button>
        </p>
      )}
      {restoring.kind === 'undone' && <p role="status" className="ok">{t('revisions.undone')}</p>}
      {restoring.kind === 'failed' && <ErrorMessage error={restoring.error} />}
      {entries.length > 0 && (
        <ol className="revision-history__list">
          {entries.map((entry, index) => (
            <li key={entry.commit}>
              <p className="revision-history__who" id={`${id}-${String(index)}`}>
                <strong>{revisionName(entry, t)}</strong> · <bdi>{entry.author.name}</bdi> · <time dateTime={entry.date}>{formatDateTime(entry.date, i18n.language)}</time>
              </p>
              {/* A first sync's message names every module: two lines here, the whole message when the version is opened. */}
              <p className="revision-history__message" dir="auto" title={entry.message}>
                {entry.message}
              </p>
              <div className="revision-history__actions">
                {entry.change !== 'deleted' && (
                  <button type="button" className="button button--small" aria-describedby={`${id}-${String(index)}`} onClick={() => { setOpen({ kind: 'show', commit: entry.commit }); }}>
                    {t('revisions.open')}
                  </button>
                )}
                <button type="button" className="button button--small" aria-describedby={`${id}-${String(index)}`} onClick={() => { setOpen({ kind: 'diff', from: entry.commit }); }}>
                  {t('revisions.compare')}
                </button>
                {entry.change !== 'deleted' && (
                  <button type="button" className="button button--small" aria-describedby={`${id}-${String(index)}`} disabled={busy} onClick={() => { restore(entry); }}>
                    {t('revisions.restore')}
                  </button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
      {open?.kind === 'show' && <RevisionDialog which={which} commit={open.commit} references={references} onClose={() => { setOpen(null); }} />}
      {open?.kind === 'diff' && <RevisionDiffDialog which={which} title={title} entries={entries} from={open.from} to={null} onClose={() => { setOpen(null); }} />}
    </section>
  );
}

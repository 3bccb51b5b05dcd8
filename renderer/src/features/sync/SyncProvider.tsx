import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import type { SyncChoices, SyncResult, SyncStatus } from '../../../../shared/schemas/sync';
import { call } from '../../lib/api';
import { getBridge } from '../../lib/bridge';
import { useEditorsSaveState } from '../../lib/save-state';
import { useTaskJob } from '../export/use-task-job';
import { SyncContext, type OpenConflicts, type SyncJobEnd, type SyncJobState } from './sync-context';

/**
 * Holds the shared library's status for the whole window (the status bar, Settings, the conflicts page and
 * the history panels read it), and runs syncs as background tasks with progress and cancel. It sits above
 * the pages, so a sync keeps running (and its outcome is kept) while the user moves between them.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const [status, setStatusState] = useState<SyncStatus | null>(null);
  const [conflicts, setConflicts] = useState<OpenConflicts | null>(null);
  const [generation, setGeneration] = useState(0);
  const job = useTaskJob<SyncJobEnd>();
  const lastSync = useRef<string | null | undefined>(undefined);

  const setStatus = useCallback((next: SyncStatus) => {
    setStatusState(next);
    // A sync that finished anywhere (automatic ones too) moves lastSyncAt: what pages show may have changed.
    if (lastSync.current !== undefined && next.lastSyncAt !== lastSync.current) setGeneration((g) => g + 1);
    lastSync.current = next.lastSyncAt;
  }, []);

  useEffect(() => {
    let current = true;
    const stop = getBridge().on('sync:status', (next) => {
      if (current) setStatus(next);
    });
    call('sync:status').then(
      (next) => {
        if (current) setStatus(next);
      },
      // A host without a shared library (or a failure to read its state) leaves the status out of sight.
      () => undefined,
    );
    return () => {
      current = false;
      stop();
    };
  }, [setStatus]);

  // Local edits are not announced by the back end: read the status again (what there is to send) when the
  // editors have saved, when the user moves to another page, and after a failed or cancelled sync (why).
  const connected = status?.config != null;
  const refresh = useCallback(() => {
    void call('sync:status').then(setStatus, () => undefined);
  }, [setStatus]);
  const editors = useEditorsSaveState();
  const ended = job.state.kind === 'failed' || job.state.kind === 'cancelled';
  useEffect(() => {
    if (connected && (editors === 'saved' || ended)) refresh();
  }, [connected, editors, ended, refresh]);
  useEffect(() => {
    if (!connected) return;
    window.addEventListener('hashchange', refresh);
    return () => {
      window.removeEventListener('hashchange', refresh);
    };
  }, [connected, refresh]);

  function finish(result: SyncResult, set: (next: SyncJobState) => void): void {
    // The answer's status is read before the sync lets go of the library; it has ended, and one sync runs at a time.
    setStatus({ ...result.status, running: false });
    if (result.outcome === 'conflicts') {
      setConflicts((before) => ({ resolveId: result.resolveId, conflicts: result.conflicts, refreshed: before !== null }));
      set({ kind: 'conflicts', count: result.conflicts.length });
      return;
    }
    setConflicts(null);
    set({ kind: 'done', changes: result.changes });
  }

  function syncNow(): void {
    setConflicts(null);
    void job.run((taskId) => call('sync:now', { taskId }), finish);
  }

  function resolve(choices: SyncChoices): void {
    if (!conflicts) return;
    const { resolveId } = conflicts;
    void job.run((taskId) => call('sync:resolve', { resolveId, choices, taskId }), finish);
  }

  return (
    <SyncContext.Provider value={{ status, job: job.state, conflicts, generation, syncNow, resolve, cancel: job.cancel, setStatus, refresh }}>
      {children}
    </SyncContext.Provider>
  );
}

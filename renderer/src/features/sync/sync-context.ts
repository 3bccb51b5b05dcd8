import { createContext, useContext } from 'react';
import type { SyncChanges, SyncChoices, SyncConflict, SyncStatus } from '../../../../shared/schemas/sync';
import type { TaskJobState } from '../export/use-task-job';

/** How the last sync run from this window ended, beside the states every background task has. */
export type SyncJobEnd = { kind: 'done'; changes: SyncChanges } | { kind: 'conflicts'; count: number };
export type SyncJobState = TaskJobState<SyncJobEnd>;

/** The conflicts the last sync stopped on, with the id that names the versions they were computed from. */
export type OpenConflicts = {
  resolveId: string;
  conflicts: SyncConflict[];
  /** A resolve found that either side had moved on: these are the conflicts as they now are. */
  refreshed: boolean;
};

export type SyncContextValue = {
  /** null while it loads, or where the host has no shared library. */
  status: SyncStatus | null;
  job: SyncJobState;
  conflicts: OpenConflicts | null;
  /**
   * Goes up each time a sync has finished successfully (from this window or automatically), so that pages
   * showing the library or a history read them again.
   */
  generation: number;
  syncNow: () => void;
  resolve: (choices: SyncChoices) => void;
  cancel: () => void;
  /** After a change of connection (setup, disconnect), the status it answered with. */
  setStatus: (status: SyncStatus) => void;
  /** Reads the status again, after a change the back end does not announce (a restore, say). */
  refresh: () => void;
};

export const SyncContext = createContext<SyncContextValue | null>(null);

/** The shared library's state and actions; null outside the app's shell (a page tested on its own). */
export function useSync(): SyncContextValue | null {
  return useContext(SyncContext);
}

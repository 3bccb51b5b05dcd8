/**
 * The sync status from the config and the bookkeeping, with a plain-words summary for the CLI and logs
 * ("3 local changes to send; last synced 2026-12-01 10:04"). The interface words it itself from the fields.
 */
import type { SyncConfig, SyncState, SyncStatus } from '../../../shared/schemas/sync';
import type { SyncStateFile } from './state';

type Facts = {
  config: SyncConfig | null;
  state: SyncStateFile | null;
  tokenStored: boolean;
  localChanges: number;
  running: boolean;
  nextAutoSyncAt: Date | null;
};

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

function stateOf({ config, state, localChanges }: Facts): SyncState {
  if (!config || !state) return 'not-configured';
  if (state.conflicts) return 'conflicts';
  if (state.lastError) return 'error';
  if (!state.lastSyncAt) return 'never-synced';
  const ahead = state.ahead > 0 || localChanges > 0;
  const behind = state.behind > 0;
  if (ahead && behind) return 'diverged';
  if (ahead) return 'ahead';
  if (behind) return 'behind';
  return 'up-to-date';
}

export function describeStatus(facts: Facts): SyncStatus {
  const { config, state } = facts;
  const kind = stateOf(facts);
  const parts: string[] = [];
  if (!config || !state) parts.push('Not connected to a shared library.');
  else {
    parts.push(`${config.mode === 'follow' ? 'Following' : 'Sharing with'} ${config.remote}${config.includeCourses && config.mode === 'share' ? ' (modules and courses)' : ' (modules)'}.`);
    if (facts.running) parts.push('Syncing now.');
    if (kind === 'conflicts') parts.push('The last sync stopped on conflicts: choose a side for each, then sync again.');
    if (state.lastError) parts.push(`The last sync failed: ${state.lastError.message}`);
    if (facts.localChanges > 0) parts.push(`${plural(facts.localChanges, 'local change')} to send.`);
    if (state.behind > 0) parts.push(`${plural(state.behind, 'change')} to receive.`);
    parts.push(state.lastSyncAt ? `Last synced ${state.lastSyncAt.replace('T', ' ').slice(0, 16)} UTC.` : 'Never synced.');
    if (kind === 'up-to-date') parts.push('Up to date.');
    if (config.mode === 'share' && config.remote.startsWith('http') && !facts.tokenStored) parts.push('No access token is set.');
  }
  return {
    state: kind,
    config,
    tokenStored: facts.tokenStored,
    ahead: state ? Math.max(state.ahead, facts.localChanges > 0 ? 1 : 0) : 0,
    behind: state?.behind ?? 0,
    localChanges: facts.localChanges,
    lastSyncAt: state?.lastSyncAt ?? null,
    lastError: state?.lastError ?? null,
    running: facts.running,
    nextAutoSyncAt: facts.nextAutoSyncAt?.toISOString() ?? null,
    summary: parts.join(' '),
  };
}

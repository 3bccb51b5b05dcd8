import type { SyncStatus } from '../../../../shared/schemas/sync';
import { formatDateTime } from '../../lib/format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** How the status bar colours the shared library's state: calm, something waiting, or something wrong. */
export type SyncTone = 'ok' | 'pending' | 'problem';

/** Errors the status bar words itself; any other failure is "the last sync failed" with the detail in Settings. */
const KNOWN_ERRORS = new Set(['sync-offline', 'sync-auth', 'sync-rejected', 'sync-locked', 'sync-hostile', 'sync-remote-invalid']);

/**
 * The shared library's state in a few plain words for the status bar ("3 changes to send · last synced 7 Dec
 * 2026, 10:04"), from the status fields rather than the back end's English summary.
 */
export function syncStateWords(status: SyncStatus, t: Translate, language: string): { tone: SyncTone; text: string } {
  const last = status.lastSyncAt ? t('sync.state.lastSynced', { date: formatDateTime(status.lastSyncAt, language) }) : null;
  const withLast = (text: string): string => (last ? `${text} · ${last}` : text);
  if (status.running) return { tone: 'pending', text: t('sync.state.running') };
  const toSend = status.localChanges > 0 ? status.localChanges : status.ahead;
  switch (status.state) {
    case 'not-configured':
      return { tone: 'ok', text: t('sync.state.notConfigured') };
    case 'never-synced':
      return { tone: 'pending', text: t('sync.state.neverSynced') };
    case 'conflicts':
      return { tone: 'problem', text: t('sync.state.conflicts') };
    case 'error': {
      const code = status.lastError?.code ?? '';
      return { tone: 'problem', text: withLast(KNOWN_ERRORS.has(code) ? t(`sync.error.${code}`) : t('sync.error.other')) };
    }
    case 'up-to-date':
      return { tone: 'ok', text: withLast(t('sync.state.upToDate')) };
    case 'ahead':
      return { tone: 'pending', text: withLast(t('sync.state.toSend', { count: toSend })) };
    case 'behind':
      return { tone: 'pending', text: withLast(t('sync.state.toReceive', { count: status.behind })) };
    case 'diverged':
      return { tone: 'pending', text: withLast(`${t('sync.state.toSend', { count: toSend })}, ${t('sync.state.toReceive', { count: status.behind })}`) };
  }
}

/** The engine names its phases in English; the interface says them in the user's language. */
const PHASES: Readonly<Record<string, string>> = {
  'Committing local changes': 'committing',
  Fetching: 'fetching',
  Checking: 'checking',
  Merging: 'merging',
  Sending: 'sending',
};

export function syncPhaseWords(label: string | undefined, t: Translate): string {
  const phase = label !== undefined && Object.hasOwn(PHASES, label) ? PHASES[label] : undefined;
  return phase ? t(`sync.phase.${phase}`) : t('sync.state.running');
}

import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/schemas/store';
import { useEditorsSaveState } from '../../lib/save-state';
import { SyncStatusArea } from '../sync/SyncStatusArea';

/**
 * The data's state at a glance. What it says about saving comes from the editors' own autosave (one
 * source of truth), so it says "Saving…" whenever an editor does, and never "All data saved" meanwhile.
 */
export function StatusBar({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  const editors = useEditorsSaveState();
  const ok = status.healthy && !status.readOnly && editors !== 'unsaved';
  const text = !status.healthy ? t('status.problem') : status.readOnly ? t('status.readOnly') : editors === 'saving' ? t('status.saving') : editors === 'unsaved' ? t('status.unsaved') : t('status.healthy');
  return (
    <footer className="statusbar" aria-label={t('status.label')}>
      <span className={ok ? 'dot dot--ok' : 'dot dot--warn'} aria-hidden="true" />
      <span role="status">{text}</span>
      <SyncStatusArea />
      <span className="statusbar__path">
        {t('status.dataFolder')} <bdi dir="ltr">{status.dataDir}</bdi>
      </span>
    </footer>
  );
}

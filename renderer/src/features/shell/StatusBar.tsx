import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../../shared/schemas/store';

export function StatusBar({ status }: { status: StoreStatus }) {
  const { t } = useTranslation();
  return (
    <footer className="statusbar" role="status" aria-label={t('status.label')}>
      <span className={status.healthy ? 'dot dot--ok' : 'dot dot--warn'} aria-hidden="true" />
      <span>{status.healthy ? t('status.healthy') : t('status.problem')}</span>
      <span className="statusbar__path">
        {t('status.dataFolder')} <bdi dir="ltr">{status.dataDir}</bdi>
      </span>
    </footer>
  );
}

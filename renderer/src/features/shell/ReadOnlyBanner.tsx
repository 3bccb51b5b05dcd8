import { useTranslation } from 'react-i18next';
import type { StoreReadOnly } from '../../../../shared/schemas/store';

/**
 * Shown above every page while the data folder cannot be written (a full disk, read-only media, no
 * permission): everything can still be read, and the user learns before editing that nothing will be
 * saved, why, and what to do.
 */
export function ReadOnlyBanner({ readOnly, dataDir }: { readOnly: StoreReadOnly; dataDir: string }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="read-only-banner">
      <strong>{t('readOnly.title')}</strong> {t(`readOnly.reason.${readOnly.reason}`)}{' '}
      <span className="read-only-banner__path">
        {t('status.dataFolder')} <bdi dir="ltr">{dataDir}</bdi>
      </span>
    </div>
  );
}

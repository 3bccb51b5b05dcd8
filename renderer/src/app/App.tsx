import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StoreStatus } from '../../../shared/schemas/store';
import { ErrorMessage } from '../components/ErrorMessage';
import { RecoveryScreen } from '../features/recovery/RecoveryScreen';
import { Shell } from '../features/shell/Shell';
import { setLanguage } from '../i18n';
import { call } from '../lib/api';
import { useApi } from '../lib/use-api';

/**
 * Start-up: check the data first. A damaged data file shows the recovery screen instead of the app, so
 * nothing can be edited (and saved over) until the user has decided what to do.
 */
export function App() {
  const { t } = useTranslation();
  const [status, reload] = useApi(() => call('store:status'));
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (status.state !== 'ready' || !status.value.healthy) return;
    let current = true;
    void call('settings:get')
      .then((settings) => setLanguage(settings.language))
      .finally(() => {
        if (current) setReady(true);
      });
    return () => {
      current = false;
    };
  }, [status]);

  if (status.state === 'loading') return <p className="splash">{t('app.loading')}</p>;
  if (status.state === 'error') return <ErrorMessage error={status.error} />;
  if (!status.value.healthy) return <RecoveryScreen status={status.value} onRecovered={(next: StoreStatus) => { if (next.healthy) reload(); }} />;
  if (!ready) return <p className="splash">{t('app.loading')}</p>;
  return <Shell status={status.value} />;
}

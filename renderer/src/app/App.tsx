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
 * nothing can be edited (and saved over) until the user has decided what to do. A large library is read in
 * the background while the app already answers from its search index: its problems, if any, are known only
 * once it is read, so the status is asked again then (`settled`), and the recovery screen replaces the app
 * if it has to. Until then, everything that needs the library waits for it.
 */
export function App() {
  const { t } = useTranslation();
  const [status, reload] = useApi(() => call('store:status'));
  /** A newer status than `status` answered (`of` is the one it follows): once the library is read, or after a restore. */
  const [settled, setSettled] = useState<{ of: StoreStatus; value: StoreStatus } | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (status.state !== 'ready' || !status.value.loading?.length) return;
    const of = status.value;
    let current = true;
    // No answer (the harness stopped, say) leaves the app as it is: the calls that need the library say why.
    call('store:status', { settled: true }).then(
      (value) => {
        if (current) setSettled({ of, value });
      },
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [status]);

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
  const shown = settled?.of === status.value ? settled.value : status.value;
  if (!shown.healthy) {
    return (
      <RecoveryScreen
        status={shown}
        onRecovered={(next: StoreStatus) => {
          if (!next.healthy) return;
          setSettled({ of: status.value, value: next });
          reload();
        }}
      />
    );
  }
  if (!ready) return <p className="splash">{t('app.loading')}</p>;
  return <Shell status={shown} />;
}

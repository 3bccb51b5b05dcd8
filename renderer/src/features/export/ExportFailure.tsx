import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import { ErrorMessage } from '../../components/ErrorMessage';

/**
 * A failed export or preview. `forbidden` here means the back end refused a participant document that would
 * have held trainer-only text, which deserves its own words rather than a generic "not allowed".
 */
export function ExportFailure({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  if (error.code !== 'forbidden') return <ErrorMessage error={error} />;
  return (
    <div role="alert" className="panel panel--error">
      <p>{t('export.forbidden')}</p>
      <p className="muted">{error.message}</p>
    </div>
  );
}

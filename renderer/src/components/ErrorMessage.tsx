import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';

/** A failed call, in the user's language, with the back end's specific message as detail. */
export function ErrorMessage({ error }: { error: AppErrorShape }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="panel panel--error">
      <p>{t(`errors.code.${error.code}`)}</p>
      <p className="muted">{error.message}</p>
    </div>
  );
}

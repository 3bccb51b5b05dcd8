import { useTranslation } from 'react-i18next';

/** Minutes as "2 h 30 min" in the UI language. */
export function Duration({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return <>{t('duration.minutes', { minutes: rest })}</>;
  if (rest === 0) return <>{t('duration.hours', { hours })}</>;
  return <>{t('duration.hoursMinutes', { hours, minutes: rest })}</>;
}

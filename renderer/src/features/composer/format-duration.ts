import type { TFunction } from 'i18next';

/** Minutes as "2 h 30 min" in the UI language, as text (the Duration component renders the same). */
export function formatDuration(t: TFunction, minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return t('duration.minutes', { minutes: rest });
  if (rest === 0) return t('duration.hours', { hours });
  return t('duration.hoursMinutes', { hours, minutes: rest });
}

/** `t` narrowed to what formatting needs; react-i18next's `t` fits it. */
export type DurationTranslate = (key: string, values?: Record<string, string | number>) => string;

/**
 * Minutes as "2 h 30 min" in the UI language: the one formatter of the interface (the Duration component,
 * the composer and its panels). Hours and minutes each take the language's plural form (Arabic has six:
 * "3 ساعات", "11 ساعة", "ساعتان"), then are joined.
 */
export function durationText(t: DurationTranslate, minutes: number): string {
  const whole = Math.round(minutes);
  const hours = Math.floor(whole / 60);
  const rest = whole % 60;
  if (hours === 0) return t('duration.minutes', { count: rest });
  if (rest === 0) return t('duration.hours', { count: hours });
  return t('duration.hoursMinutes', { hours: t('duration.hours', { count: hours }), minutes: t('duration.minutes', { count: rest }) });
}

import { durationText } from '../../../lib/duration-text';

/** Small text helpers shared by the composer panels, so every panel says minutes, days and lessons alike. */

/** `t` narrowed to what the helpers need; react-i18next's `t` fits it. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** "2 h 30 min" in the UI language (the same keys as the Duration component). */
export function minutesText(t: Translate, minutes: number): string {
  return durationText(t, minutes);
}

/** "3 days", with the language's plural forms. */
export function daysText(t: Translate, count: number): string {
  return t('composerPanels.common.dayCount', { count });
}

/** "Lesson 2.1 “Arrest”" or "Session “Opening”": how panels name one thing the scheduler places. */
export function unitName(t: Translate, unit: { lessonCode?: string | undefined; lessonNumber?: string | undefined; title: string }): string {
  // The course's number when the scheduler gave one: library codes appear only in the library.
  return unit.lessonCode === undefined
    ? t('composerPanels.common.sessionName', { title: unit.title })
    : t('composerPanels.common.lessonName', { code: unit.lessonNumber ?? unit.lessonCode, title: unit.title });
}

/**
 * "Mon 2 Mar" for a course date. Dates are calendar days without a time zone, so they are formatted in
 * UTC: a local zone west of Greenwich would otherwise show the day before.
 */
export function courseDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** A short excerpt of a longer text, cut on a word where possible. */
export function clip(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${space > max * 0.6 ? cut.slice(0, space) : cut}…`;
}

import type { TFunction } from 'i18next';
import { durationText } from '../../lib/duration-text';

/** Minutes as "2 h 30 min" in the UI language, as text (the Duration component renders the same). */
export function formatDuration(t: TFunction, minutes: number): string {
  return durationText((key, values) => t(key, values), minutes);
}

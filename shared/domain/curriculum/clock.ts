/** Formatted times of the first two days, filled on demand: a timetable formats thousands of them per edit. */
const formatted: string[] = [];
const CACHED_MINUTES = 48 * 60;

/**
 * "HH:MM" from minutes since midnight. An overflowing day may run past midnight; it then shows "25:10"
 * rather than wrapping, so the overflow stays visible.
 */
export function formatClock(minutes: number): string {
  const cached = formatted[minutes];
  if (cached !== undefined) return cached;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const text = `${String(hours).padStart(2, '0')}:${String(rest).padStart(2, '0')}`;
  if (Number.isInteger(minutes) && minutes >= 0 && minutes < CACHED_MINUTES) formatted[minutes] = text;
  return text;
}

/** "2026-03-02" plus `days` calendar days; UTC so that no time zone or daylight saving shift moves the date. */
export function addDays(isoDate: string, days: number): string {
  const [year = 1970, month = 1, day = 1] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

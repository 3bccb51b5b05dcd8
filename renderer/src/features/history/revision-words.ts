import type { HistoryEntry } from '../../../../shared/schemas/sync';
import { isolate } from '../../lib/bidi';
import { formatDateTime } from '../../lib/format';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** Whose history a panel shows: a module's or a course's. */
export type HistoryWhich = { module: string } | { course: string };

export const whichKey = (which: HistoryWhich): string => ('module' in which ? `m:${which.module}` : `c:${which.course}`);

/** An entry's name: "Revision 4" for a module, the kind of change for a course (courses have no revision numbers). */
export function revisionName(entry: HistoryEntry, t: Translate): string {
  if (entry.change === 'deleted') return t('revisions.change.deleted');
  return entry.revision === null ? t(`revisions.change.${entry.change}`) : t('revisions.revision', { revision: entry.revision });
}

/** One line naming a version: "Revision 4 · Designer A · 7 Dec 2026, 10:04". */
export function revisionLine(entry: HistoryEntry, t: Translate, language: string): string {
  const who = entry.author.name === '' ? '' : isolate(entry.author.name);
  return [revisionName(entry, t), who, formatDateTime(entry.date, language)].filter((part) => part !== '').join(' · ');
}

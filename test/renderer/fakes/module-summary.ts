import type { ModuleSummary } from '../../../shared/schemas/library';

/** A library list row: an English basic module on community policing, unless `extra` says otherwise. */
export const moduleSummary = (id: string, title: string, extra: Partial<ModuleSummary> = {}): ModuleSummary => ({
  id,
  revision: 1,
  title,
  summary: `${title} summary`,
  language: 'en',
  themes: ['community-policing'],
  audiences: ['recruits'],
  level: 'basic',
  minutes: 120,
  lessonCount: 2,
  updatedAt: '2026-11-01T09:00:00.000Z',
  source: '',
  prerequisites: [],
  ...extra,
});

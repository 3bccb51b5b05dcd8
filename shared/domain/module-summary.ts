import { moduleMinutes } from './durations';
import type { ModuleSummary } from '../schemas/library';
import type { Module } from '../schemas/module';

/** The list row of a module; pure so that the library service and the search index share one definition. */
export function summariseModule(module: Module): ModuleSummary {
  return {
    id: module.id,
    revision: module.revision,
    title: module.title,
    summary: module.summary,
    language: module.language,
    themes: module.themes,
    audiences: module.audiences,
    level: module.level,
    minutes: moduleMinutes(module),
    lessonCount: module.lessons.length,
    prerequisites: module.prerequisites,
    updatedAt: module.updatedAt,
    ...(module.translationOf ? { translationOf: { ...module.translationOf } } : {}),
    source: module.provenance.sourcePack ? (module.provenance.sourcePack.publisher ?? module.provenance.sourcePack.packId) : '',
  };
}

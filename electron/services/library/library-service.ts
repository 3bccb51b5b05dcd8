import { AppError } from '../../../shared/errors';
import { moduleMinutes } from '../../../shared/domain/durations';
import type { Res } from '../../../shared/ipc/contract';
import type { ModuleSummary } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { Store } from '../store/store';

export function summarise(module: Module): ModuleSummary {
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
    updatedAt: module.updatedAt,
  };
}

/** Module library queries over the store. Full-text search arrives with the library feature. */
export class LibraryService {
  constructor(private readonly store: Store) {}

  list(query?: string): ModuleSummary[] {
    const needle = query?.trim().toLocaleLowerCase() ?? '';
    const modules = this.store.read('library').modules;
    const matching = needle ? modules.filter((m) => `${m.title}\n${m.summary}`.toLocaleLowerCase().includes(needle)) : modules;
    return matching.map(summarise).sort((a, b) => a.title.localeCompare(b.title));
  }

  get(id: string): Res<'library:get'> {
    const library = this.store.read('library');
    const module = library.modules.find((m) => m.id === id);
    if (!module) throw new AppError('not-found', `No module with id "${id}" in the library`);
    const cited = new Set([...module.references, ...module.lessons.flatMap((l) => l.references)]);
    return { module, references: library.references.filter((r) => cited.has(r.id)) };
  }
}

import type { Module } from '../schemas/module';

export type TranslationStatus = 'source' | 'current' | 'outdated' | 'orphaned';

/** What translations are worked out from: whole modules, or the library's list rows while it is being read. */
export type TranslationRow = Pick<Module, 'id' | 'revision' | 'translationOf'>;

/**
 * A translation records the revision of its source it was made from; when the source has moved on, the
 * translation is outdated. A translation whose source is gone is orphaned.
 */
export function translationStatus(module: TranslationRow, all: readonly TranslationRow[]): TranslationStatus {
  if (!module.translationOf) return 'source';
  const source = all.find((m) => m.id === module.translationOf?.moduleId);
  if (!source) return 'orphaned';
  return source.revision > module.translationOf.revision ? 'outdated' : 'current';
}

/** The family of a module: its source (if it is a translation) and every translation of that source. */
export function translationFamily<M extends TranslationRow>(module: TranslationRow, all: readonly M[]): M[] {
  const rootId = module.translationOf?.moduleId ?? module.id;
  return all.filter((m) => m.id !== module.id && (m.id === rootId || m.translationOf?.moduleId === rootId));
}

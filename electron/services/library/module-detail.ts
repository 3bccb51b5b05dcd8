/**
 * What a module's page shows of the library around it, worked out the same way from whole modules (the
 * library read) or from the search index's list rows (while a large library is still being read: see
 * `LibraryService.detail`). Rows come in the library's order, which is id order once it is read.
 */
import { modulePlaceholders } from '../../../shared/domain/placeholders';
import type { ModuleOutline } from '../../../shared/domain/references/numbering';
import { outlineOf } from '../../../shared/domain/references/numbering';
import { translationFamily, translationStatus } from '../../../shared/domain/translations';
import type { ModuleSummary } from '../../../shared/schemas/library';
import type { ModuleDetail } from '../../../shared/schemas/library-detail';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';

/** The fields of the other modules that the page needs: a module has them, and so has its list row. */
export type LibraryRow = Pick<ModuleSummary, 'id' | 'title' | 'language' | 'revision' | 'translationOf' | 'prerequisites'>;

export type DetailInputs = {
  module: Module;
  /** Every module of the library (this one included), in the library's order. */
  rows: readonly LibraryRow[];
  references: readonly Reference[];
  /** The courses that use the module. */
  curricula: ModuleDetail['usage']['curricula'];
  /** The other modules its texts refer to, in the library's order. */
  linked: readonly ModuleOutline[];
};

const link = (row: LibraryRow) => ({ id: row.id, title: row.title });

export function moduleDetail({ module, rows, references, curricula, linked }: DetailInputs): ModuleDetail {
  const cited = new Set([...module.references, ...module.lessons.flatMap((l) => l.references)]);
  return {
    module,
    references: references.filter((r) => cited.has(r.id)),
    translationStatus: translationStatus(module, rows),
    translations: translationFamily(module, rows).map((m) => ({
      id: m.id,
      title: m.title,
      language: m.language,
      revision: m.revision,
      status: translationStatus(m, rows),
    })),
    prerequisites: module.prerequisites.map((p) => ({ id: p, title: rows.find((m) => m.id === p)?.title ?? null })),
    placeholders: modulePlaceholders(module),
    usage: moduleUsage(module.id, rows, curricula),
    linkedModules: linked.map(outlineOf),
  };
}

/** Where a module is used: by courses, as a prerequisite, by its translations. */
export function moduleUsage(id: string, rows: readonly LibraryRow[], curricula: ModuleDetail['usage']['curricula']): ModuleDetail['usage'] {
  return {
    curricula,
    prerequisiteOf: rows.filter((m) => m.prerequisites.includes(id)).map(link),
    translations: rows.filter((m) => m.translationOf?.moduleId === id).map(link),
  };
}

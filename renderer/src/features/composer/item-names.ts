import type { TFunction } from 'i18next';
import type { CurriculumItem } from '../../../../shared/schemas/curriculum';

/** How the outline names an item: "Module 2: Use of force", "Opening: Welcome and expectations". */
export type ItemName = { name: string; number: number | null };

/** Modules are numbered in course order; sessions are named by their kind. */
export function itemNames(items: readonly CurriculumItem[], t: TFunction): ReadonlyMap<string, ItemName> {
  const names = new Map<string, ItemName>();
  let modules = 0;
  for (const item of items) {
    if (item.kind === 'module') {
      modules += 1;
      names.set(item.id, { number: modules, name: t('composer.items.moduleName', { number: modules, title: item.snapshot.title }) });
    } else {
      names.set(item.id, { number: null, name: t('composer.items.sessionName', { kind: t(`composer.sessionKinds.${item.sessionKind}`), title: item.title }) });
    }
  }
  return names;
}

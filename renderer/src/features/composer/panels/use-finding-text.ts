import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckWhere } from '../../../../../shared/domain/curriculum/checks';
import { courseNumbers } from '../../../../../shared/domain/curriculum/course-numbers';
import type { PanelProps } from '../composer-types';
import { findingText, type TextContext } from './check-text';

type Finding = Parameters<typeof findingText>[0];

/** Translates checks and schedule warnings with the names of this course's modules and lessons. */
export function useFindingText(props: Pick<PanelProps, 'curriculum' | 'computed' | 'library'>): (finding: Finding) => string {
  const { t, i18n } = useTranslation();
  const { curriculum, computed, library } = props;
  return useMemo(() => {
    const titles = new Map<string, string>();
    for (const item of curriculum.items) if (item.kind === 'module') titles.set(item.moduleId, item.snapshot.title);
    const units = new Map(computed.schedule.placements.map((p) => [`${p.itemId}/${p.lessonCode ?? ''}`, p.title]));
    const numbers = courseNumbers(curriculum);
    const context: TextContext = {
      t,
      moduleTitle: (id) => library.get(id)?.title ?? titles.get(id) ?? id,
      unitTitle: (where: CheckWhere) => (where.itemId === undefined ? undefined : units.get(`${where.itemId}/${where.lessonCode ?? ''}`)),
      lessonNumber: (where: CheckWhere) => (where.itemId === undefined || where.lessonCode === undefined ? undefined : numbers.lesson(where.itemId, where.lessonCode)),
    };
    const exists = (key: string, options?: { count: number }) => i18n.exists(key, options);
    return (finding: Finding) => findingText(finding, context, exists);
  }, [t, i18n, curriculum, computed.schedule.placements, library]);
}

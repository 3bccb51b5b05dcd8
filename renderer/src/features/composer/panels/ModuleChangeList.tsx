import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleChange } from '../../../../../shared/domain/curriculum/module-diff';
import type { Lesson, Module } from '../../../../../shared/schemas/module';
import { changeText, changeValues, fieldName, type ChangeContext } from './module-change-text';
import { excerpts } from './text-excerpt';

/** Lesson texts worth showing before and after: the ones a trainer reads aloud or follows. */
const LESSON_TEXTS = ['aim', 'relevance', 'roomSetup', 'trainerNotes'] as const satisfies readonly (keyof Lesson)[];

type Excerpt = { label: string; before: string; after: string };

type ListProps = { changes: readonly ModuleChange[]; before: Module; after: Module; context: Omit<ChangeContext, 't' | 'exists'> };

/** The changes between the course's copy of a module and the library's, one line each, with before/after excerpts of changed texts. */
export function ModuleChangeList({ changes, before, after, context }: ListProps) {
  const { t, i18n } = useTranslation();
  const full = useMemo<ChangeContext>(() => ({ ...context, t, exists: (key: string) => i18n.exists(key) }), [context, t, i18n]);
  const lines = useMemo(() => {
    const oldLessons = new Map(before.lessons.map((l) => [l.code, l]));
    const newLessons = new Map(after.lessons.map((l) => [l.code, l]));
    return changes.map((change, index) => {
      const shown: Excerpt[] = [];
      const values = changeValues(change, full);
      if (values) shown.push({ label: '', ...(change.code === 'field-changed' && change.params.field === 'summary' ? excerpts(values.before, values.after) : values) });
      if (change.code === 'lesson-changed' && change.lessonCode !== undefined) {
        const was = oldLessons.get(change.lessonCode);
        const now = newLessons.get(change.lessonCode);
        for (const field of LESSON_TEXTS)
          if (was && now && change.fields?.includes(field)) shown.push({ label: fieldName(field, full), ...excerpts(was[field], now[field]) });
      }
      return { key: `${change.path}-${change.code}-${String(index)}`, text: changeText(change, full), excerpts: shown };
    });
  }, [changes, before, after, full]);

  return (
    <ul className="diff-list">
      {lines.map((line) => (
        <li key={line.key}>
          <p className="diff-list__text">{line.text}</p>
          {line.excerpts.map((x, i) => (
            <div key={`${x.label}-${String(i)}`} className="diff-excerpt">
              {x.label && <p className="diff-excerpt__label">{x.label}</p>}
              <dl>
                <div className="diff-excerpt__before">
                  <dt>{t('composerPanels.diff.before')}</dt>
                  <dd><del>{x.before}</del></dd>
                </div>
                <div className="diff-excerpt__after">
                  <dt>{t('composerPanels.diff.after')}</dt>
                  <dd><ins>{x.after}</ins></dd>
                </div>
              </dl>
            </div>
          ))}
        </li>
      ))}
    </ul>
  );
}

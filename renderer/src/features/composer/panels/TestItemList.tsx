import { useTranslation } from 'react-i18next';
import type { CourseItem } from '../../../../../shared/domain/curriculum/assessment';
import type { CourseNumbers } from '../../../../../shared/domain/curriculum/course-numbers';
import type { Language } from '../../../../../shared/domain/languages';
import { markdownToPlainText } from '../../../../../shared/domain/markdown';
import { clip, minutesText } from './panel-format';

type Action = { label: (item: CourseItem, index: number) => string; run: (item: CourseItem) => void };

/**
 * Evaluation items with where they come from (the course's lesson number), what they test and how long they
 * take; `numbered` shows them as a test numbers them.
 */
export function TestItemList({ items, numbers, language, numbered = false, action }: { items: readonly CourseItem[]; numbers: CourseNumbers; language: Language; numbered?: boolean; action?: Action }) {
  const { t } = useTranslation();
  const List = numbered ? 'ol' : 'ul';
  return (
    <List className="cp-test-items">
      {items.map((c, index) => (
        <li key={`${c.itemId}/${c.item.id}`} className="cp-test-item">
          <span className="cp-test-item__question" lang={language} dir="auto">
            {clip(markdownToPlainText(c.item.question), 200)}
          </span>
          <span className="cp-test-item__facts">
            {[
              t('composerPanels.assessment.fromLesson', { number: numbers.lesson(c.itemId, c.lessonCode) ?? c.lessonCode }),
              t(`editor.evaluationType.${c.item.type}`),
              c.bloom ? t(`editor.bloom.${c.bloom}`) : undefined,
              minutesText(t, c.item.minutes),
            ]
              .filter(Boolean)
              .join(' · ')}
          </span>
          {action && (
            <button type="button" className="button button--small" onClick={() => { action.run(c); }}>
              {action.label(c, index)}
            </button>
          )}
        </li>
      ))}
    </List>
  );
}

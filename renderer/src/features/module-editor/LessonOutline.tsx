import { useTranslation } from 'react-i18next';
import type { Lesson } from '../../../../shared/schemas/module';
import { addLesson, type Translate } from './draft-ops';
import { fieldId, removeAt, setAt } from './draft-paths';
import { duplicateLesson, MAX_LESSONS } from './duplicate-lesson';
import { useEditor } from './editor-context';
import { addButtonId, ItemControls } from './fields';
import type { EditorProblem } from './validation';

export type Selection = 'module' | number;

function problemsIn(problems: ReadonlyMap<string, EditorProblem[]>, prefix: string): number {
  let count = 0;
  for (const [key, list] of problems) if (key === prefix || key.startsWith(`${prefix}.`)) count += list.length;
  return count;
}

/**
 * The inline-start column: the module's own details, then its lessons in order with move, delete and add.
 * Choosing an entry shows its form beside the list.
 */
export function LessonOutline({
  lessons,
  selected,
  onSelect,
}: {
  lessons: readonly Lesson[];
  /** The entry shown; a lesson index is always within `lessons` here. */
  selected: Selection;
  onSelect: (selection: Selection) => void;
}) {
  const { t } = useTranslation();
  const translate: Translate = (key, values) => t(key, values);
  const { apply, focusLater, problems } = useEditor();
  const moduleProblems = [...problems.entries()].filter(([key]) => !key.startsWith('lessons.')).reduce((n, [, list]) => n + list.length, 0);
  const lessonName = (lesson: Lesson, i: number) => t('editor.item.lesson', { code: lesson.code || String(i + 1) });

  const renumber = () => {
    apply((draft) => {
      const major = /^(\d{1,2})\./.exec(draft.lessons[0]?.code ?? '')?.[1] ?? '1';
      return draft.lessons.reduce((next, _lesson, i) => setAt(next, ['lessons', i, 'code'], `${major}.${i + 1}`), draft);
    });
  };

  return (
    <nav className="module-editor__outline" aria-labelledby="editor-outline-title">
      <h2 id="editor-outline-title">
        {t('editor.outline')}
      </h2>
      <button
        type="button"
        className="editor-outline-item"
        aria-current={selected === 'module' ? 'true' : undefined}
        onClick={() => {
          onSelect('module');
        }}
      >
        <span>{t('editor.module.heading')}</span>
        {/* The leading space keeps the count a separate word in the button's accessible name. */}
        {moduleProblems > 0 && <span className="editor-count"> {t('editor.problems.count', { count: moduleProblems })}</span>}
      </button>
      <h3 id="editor-lessons-title">{t('editor.lessons')}</h3>
      <ol id={fieldId(['lessons'])} className="editor-outline" aria-labelledby="editor-lessons-title">
        {lessons.map((lesson, i) => {
          const count = problemsIn(problems, `lessons.${i}`);
          return (
            // Lessons have no id of their own; the position is what every path into them uses.
            <li key={i} className="editor-outline__row">
              <button
                id={`editor-outline-lesson-${i}`}
                type="button"
                className="editor-outline-item"
                aria-current={selected === i ? 'true' : undefined}
                onClick={() => {
                  onSelect(i);
                }}
              >
                <span>
                  <bdi>{lesson.code}</bdi> <bdi>{lesson.title}</bdi>
                </span>
                {count > 0 && <span className="editor-count"> {t('editor.problems.count', { count })}</span>}
              </button>
              <div className="editor-outline__controls">
                <ItemControls
                  listPath={['lessons']}
                  index={i}
                  count={lessons.length}
                  name={lessonName(lesson, i)}
                  onMoved={(to) => {
                    // The form follows the lesson being edited, wherever it moves.
                    if (selected === i) onSelect(to);
                    else if (selected === to) onSelect(i);
                  }}
                  onRemove={() => {
                    if (!window.confirm(t('editor.confirmDeleteLesson', { lesson: lessonName(lesson, i) }))) return;
                    apply((draft) => removeAt(draft, ['lessons'], i));
                    if (typeof selected === 'number') {
                      if (selected > i) onSelect(selected - 1);
                      else if (selected === i) onSelect(lessons.length > 1 ? Math.max(0, i - 1) : 'module');
                    }
                    focusLater(addButtonId(['lessons']));
                  }}
                />
                <button
                  type="button"
                  className="button button--small editor-outline__duplicate"
                  disabled={lessons.length >= MAX_LESSONS}
                  aria-label={t('editor.duplicateLessonNamed', { lesson: lessonName(lesson, i) })}
                  onClick={() => {
                    apply((draft) => duplicateLesson(draft, i, translate));
                    // The copy comes right after the original: open it, on its title.
                    onSelect(i + 1);
                    focusLater(fieldId(['lessons', i + 1, 'title']));
                  }}
                >
                  {t('editor.duplicateLesson')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <div className="editor-outline__actions">
        <button
          id={addButtonId(['lessons'])}
          type="button"
          className="button button--small"
          onClick={() => {
            apply((draft) => addLesson(draft, translate));
            onSelect(lessons.length);
            focusLater(fieldId(['lessons', lessons.length, 'title']));
          }}
        >
          {t('editor.add.lesson')}
        </button>
        <button type="button" className="button button--small" onClick={renumber} disabled={lessons.length === 0}>
          {t('editor.renumber')}
        </button>
      </div>
    </nav>
  );
}

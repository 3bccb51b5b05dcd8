import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { effectiveLessons } from '../../../../shared/domain/curriculum/effective-lessons';
import type { CourseOutcome, Curriculum, ObjectiveRef } from '../../../../shared/schemas/curriculum';
import { TextField } from './TextField';
import type { ApplyChange } from './use-composer-history';

type LessonObjectives = { key: string; number: string; title: string; itemId: string; lessonCode: string; objectives: { id: string; text: string }[] };

/** Every objective the course teaches, by lesson, with the course's lesson numbers. */
function taughtObjectives(curriculum: Curriculum): LessonObjectives[] {
  const lessons: LessonObjectives[] = [];
  let moduleNumber = 0;
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    moduleNumber += 1;
    effectiveLessons(item).forEach((e, index) => {
      lessons.push({
        key: `${item.id}/${e.lessonCode}`,
        number: `${String(moduleNumber)}.${String(index + 1)}`,
        title: e.lesson.title,
        itemId: item.id,
        lessonCode: e.lessonCode,
        objectives: e.lesson.objectives.map((o) => ({ id: o.id, text: o.text })),
      });
    });
  }
  return lessons;
}

const sameRef = (a: ObjectiveRef, b: ObjectiveRef) => a.itemId === b.itemId && a.lessonCode === b.lessonCode && a.objectiveId === b.objectiveId;

function nextOutcomeId(outcomes: readonly CourseOutcome[]): string {
  const used = new Set(outcomes.map((o) => o.id));
  for (let n = 1; ; n += 1) if (!used.has(`c${String(n)}`)) return `c${String(n)}`;
}

/**
 * The course's learning outcomes, each with the lesson objectives that serve it, so that the designer and
 * the approval board can trace every outcome to what is taught.
 */
export function OutcomesField({ draft, apply, errorOf }: { draft: Curriculum; apply: ApplyChange; errorOf: (path: string) => string | undefined }) {
  const { t } = useTranslation();
  const lessons = useMemo(() => taughtObjectives(draft), [draft]);
  const label = t('composer.package.outcomes');
  const setOutcomes = (update: (outcomes: CourseOutcome[]) => CourseOutcome[], typing?: string) => {
    apply(t('composer.history.detail', { field: label }), (c) => ({ ...c, outcomes: update(c.outcomes) }), typing);
  };

  return (
    <fieldset className="composer-details__group composer-outcomes" id="field-outcomes">
      <legend>{label}</legend>
      <p className="field__help">{t('composer.package.outcomesHelp')}</p>
      <ol className="composer-outcomes__list">
        {draft.outcomes.map((outcome, index) => {
          const served = outcome.serves.length;
          return (
            <li key={outcome.id} className="composer-outcomes__item">
              <TextField
                id={`field-outcomes.${String(index)}`}
                label={t('composer.package.outcomeText', { number: index + 1 })}
                value={outcome.text}
                maxLength={300}
                lang={draft.language}
                error={errorOf(`outcomes.${String(index)}`)}
                onChange={(text) => { setOutcomes((list) => list.map((o) => (o.id === outcome.id ? { ...o, text } : o)), `detail:outcome:${outcome.id}`); }}
              />
              <details className="composer-outcomes__serves">
                <summary>{t('composer.package.servedBy', { count: served })}</summary>
                {lessons.map((lesson) => (
                  <fieldset key={lesson.key} className="composer-outcomes__lesson">
                    <legend>{t('composer.package.lessonObjectives', { number: lesson.number, title: lesson.title })}</legend>
                    {lesson.objectives.map((objective) => {
                      const ref: ObjectiveRef = { itemId: lesson.itemId, lessonCode: lesson.lessonCode, objectiveId: objective.id };
                      const checked = outcome.serves.some((s) => sameRef(s, ref));
                      return (
                        <label key={objective.id} className="composer-check">
                          <input
                            type="checkbox"
                            checked={checked}
                            onChange={(e) => {
                              const on = e.target.checked;
                              setOutcomes((list) => list.map((o) => (o.id !== outcome.id ? o : { ...o, serves: on ? [...o.serves.filter((s) => !sameRef(s, ref)), ref] : o.serves.filter((s) => !sameRef(s, ref)) })));
                            }}
                          />
                          <span lang={draft.language} dir="auto">{objective.text}</span>
                        </label>
                      );
                    })}
                  </fieldset>
                ))}
              </details>
              <button type="button" className="button button--small" onClick={() => { setOutcomes((list) => list.filter((o) => o.id !== outcome.id)); }}>
                {t('composer.package.removeOutcome', { number: index + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setOutcomes((list) => [...list, { id: nextOutcomeId(list), text: t('composer.package.newOutcome'), serves: [] }]);
        }}
      >
        {t('composer.package.addOutcome')}
      </button>
    </fieldset>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';
import { formatDuration } from './format-duration';
import { MINUTES_MAX, MINUTES_MIN, setStepMinutes, setTrainerNotes } from './item-ops';
import type { LessonRow } from './lesson-rows';
import { NumberField } from './NumberField';
import type { ApplyChange } from './use-composer-history';

/** Longest trainer note the store accepts (LongTextSchema). */
const NOTES_MAX = 20_000;

/**
 * Local changes to one lesson for this course only: minutes per step and extra trainer notes. The library
 * module is never changed; the library's own values are shown beside each field.
 */
export function LessonAdjust({ item, row, name, apply }: { item: ModuleItem; row: LessonRow; name: string; apply: ApplyChange }) {
  const { t } = useTranslation();
  const id = useId();
  const source = item.snapshot.lessons[row.lessonIndex];
  if (!source) return null;
  return (
    <div className="composer-adjust">
      <fieldset className="composer-adjust__steps">
        <legend>{t('composer.lessons.steps')}</legend>
        {row.lesson.steps.map((step, index) => {
          const original = source.steps[index]?.minutes ?? step.minutes;
          const range = step.range ? t('composer.lessons.range', { min: step.range.min, max: step.range.max }) : '';
          return (
            <NumberField
              key={index}
              // The step title is in the module's language: isolated so its punctuation stays put in Arabic.
              label={t('composer.lessons.stepLabel', { number: index + 1, title: `\u2068${step.title}\u2069` })}
              value={step.minutes}
              min={MINUTES_MIN}
              max={MINUTES_MAX}
              help={[t('composer.lessons.libraryMinutes', { duration: formatDuration(t, original) }), range].filter(Boolean).join(' · ')}
              onCommit={(minutes) => {
                apply(
                  t('composer.history.stepMinutes', { number: index + 1, name }),
                  (c) => setStepMinutes(c, item.id, row.lessonCode, index, minutes, original),
                  `step:${item.id}:${row.lessonCode}:${index}`,
                );
              }}
            />
          );
        })}
      </fieldset>
      <div className="field">
        <label className="field__label" htmlFor={`${id}-notes`}>
          {t('composer.lessons.notes')}
        </label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          maxLength={NOTES_MAX}
          value={row.override?.trainerNotes ?? ''}
          lang={item.snapshot.language}
          dir="auto"
          aria-describedby={`${id}-notes-help`}
          onChange={(event) => {
            const notes = event.target.value;
            apply(t('composer.history.notes', { name }), (c) => setTrainerNotes(c, item.id, row.lessonCode, notes), `notes:${item.id}:${row.lessonCode}`);
          }}
        />
        <span id={`${id}-notes-help`} className="composer-help">
          {t('composer.lessons.notesHelp')}
        </span>
      </div>
    </div>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleItem } from '../../../../shared/schemas/curriculum';
import { formatDuration } from './format-duration';
import { MINUTES_MAX, MINUTES_MIN, setStepLocked, setStepMinutes, setTrainerNotes } from './item-ops';
import type { LessonRow } from './lesson-rows';
import { NumberField } from './NumberField';
import type { ApplyChange } from './use-composer-history';

/** Longest trainer note the store accepts (LongTextSchema). */
const NOTES_MAX = 20_000;

/**
 * Local changes to one lesson for this course only: minutes per step (each can be locked, so that fitting
 * the course to its days leaves it alone) and extra trainer notes. The library module is never changed; the
 * library's own values and the step's suggested range are shown beside each field, and minutes outside
 * that range are pointed out there.
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
          const locked = row.override?.stepMinutes?.some((s) => s.step === index && s.locked === true) === true;
          const outside = step.range !== undefined && (step.minutes < step.range.min || step.minutes > step.range.max);
          return (
            <div key={index} className="composer-step">
              <NumberField
                // The step title is in the module's language: isolated so its punctuation stays put in Arabic.
                label={t('composer.lessons.stepLabel', { number: index + 1, title: `\u2068${step.title}\u2069` })}
                value={step.minutes}
                min={MINUTES_MIN}
                max={MINUTES_MAX}
                help={[t('composer.lessons.libraryMinutes', { duration: formatDuration(t, original) }), range, locked ? t('schedule.lock.locked') : ''].filter(Boolean).join(' · ')}
                warning={outside && step.range ? t('schedule.lock.outOfRange', { min: step.range.min, max: step.range.max }) : undefined}
                onCommit={(minutes) => {
                  apply(
                    t('composer.history.stepMinutes', { number: index + 1, name }),
                    (c) => setStepMinutes(c, item.id, row.lessonCode, index, minutes, original),
                    `step:${item.id}:${row.lessonCode}:${index}`,
                  );
                }}
              />
              <label className="composer-step__lock">
                <input
                  type="checkbox"
                  checked={locked}
                  aria-label={t('schedule.lock.named', { number: index + 1 })}
                  onChange={(event) => {
                    const lock = event.target.checked;
                    apply(t(lock ? 'schedule.lock.lockHistory' : 'schedule.lock.unlockHistory', { number: index + 1, name }), (c) =>
                      setStepLocked(c, item.id, row.lessonCode, index, lock, step.minutes, original),
                    );
                  }}
                />{' '}
                {t('schedule.lock.label')}
              </label>
            </div>
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

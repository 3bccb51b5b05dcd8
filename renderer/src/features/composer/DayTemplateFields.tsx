import { useTranslation } from 'react-i18next';
import { formatClock } from '../../../../shared/domain/curriculum/clock';
import { BREAK_KINDS, clockToMinutes, type BreakSlot, type DayTemplate } from '../../../../shared/schemas/curriculum';
import type { DraftProblem } from './validate-draft';

/** Most days have two or three breaks; the store takes up to 12 (DayTemplateSchema). */
const BREAKS_MAX = 12;
const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A time field that only passes on complete "HH:MM" values (a half-typed time changes nothing). */
function TimeInput({ id, label, value, onChange }: { id?: string; label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label className="field composer-time">
      <span className="field__label">{label}</span>
      <input
        id={id}
        type="time"
        value={value}
        onChange={(e) => {
          if (CLOCK.test(e.target.value)) onChange(e.target.value);
        }}
      />
    </label>
  );
}

/** When teaching days start and end, and their breaks; the scheduler lays lessons around them. */
export function DayTemplateFields({ template, problems, onChange }: { template: DayTemplate; problems: readonly DraftProblem[]; onChange: (template: DayTemplate, typing: boolean) => void }) {
  const { t } = useTranslation();
  const errorAt = (path: string) => {
    const found = problems.find((p) => p.path === path);
    return found ? t(`composer.problems.${found.key}`, found.values) : null;
  };
  const setBreak = (index: number, patch: Partial<BreakSlot>) => {
    onChange({ ...template, breaks: template.breaks.map((b, i) => (i === index ? { ...b, ...patch } : b)) }, true);
  };
  const dayError = errorAt('dayTemplate.end');
  const allError = errorAt('dayTemplate.breaks');
  return (
    <fieldset className="composer-details__group composer-day">
      <legend>{t('composer.day.heading')}</legend>
      <div className="composer-day__row">
        <TimeInput id="field-dayTemplate.start" label={t('composer.day.start')} value={template.start} onChange={(start) => { onChange({ ...template, start }, true); }} />
        <TimeInput id="field-dayTemplate.end" label={t('composer.day.end')} value={template.end} onChange={(end) => { onChange({ ...template, end }, true); }} />
      </div>
      {dayError && <p className="field__error">{dayError}</p>}
      <h3>{t('composer.day.breaks')}</h3>
      <ol className="composer-breaks">
        {template.breaks.map((slot, index) => {
          const error = errorAt(`dayTemplate.breaks.${index}`);
          return (
            <li key={index} id={`field-dayTemplate.breaks.${index}`} className="composer-breaks__row">
              <fieldset className="composer-breaks__fields" aria-invalid={error ? true : undefined}>
                <legend className="visually-hidden">{t('composer.day.breakNumber', { number: index + 1 })}</legend>
                <TimeInput label={t('composer.day.breakStart')} value={slot.start} onChange={(start) => { setBreak(index, { start }); }} />
                <TimeInput label={t('composer.day.breakEnd')} value={slot.end} onChange={(end) => { setBreak(index, { end }); }} />
                <label className="field">
                  <span className="field__label">{t('composer.day.kind')}</span>
                  <select value={slot.kind} onChange={(e) => { const kind = BREAK_KINDS.find((k) => k === e.target.value); if (kind) setBreak(index, { kind }); }}>
                    {BREAK_KINDS.map((k) => <option key={k} value={k}>{t(`composer.day.kinds.${k}`)}</option>)}
                  </select>
                </label>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={t('composer.day.removeBreak', { number: index + 1 })}
                  onClick={() => {
                    onChange({ ...template, breaks: template.breaks.filter((_b, i) => i !== index) }, false);
                  }}
                >
                  {t('composer.details.remove')}
                </button>
              </fieldset>
              {error && <p className="field__error">{error}</p>}
            </li>
          );
        })}
      </ol>
      {allError && <p className="field__error">{allError}</p>}
      <button
        type="button"
        className="button button--small"
        disabled={template.breaks.length >= BREAKS_MAX}
        onClick={() => {
          const last = template.breaks.at(-1);
          // A quarter of an hour after the last break (or the start of the day), as a starting point to adjust.
          const from = Math.min(clockToMinutes(last?.end ?? template.start) + 60, clockToMinutes(template.end) - 15);
          onChange({ ...template, breaks: [...template.breaks, { start: formatClock(from), end: formatClock(from + 15), kind: 'break' }] }, false);
        }}
      >
        {t('composer.day.addBreak')}
      </button>
    </fieldset>
  );
}

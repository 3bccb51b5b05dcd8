import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFit, fitCurriculum, type FitOptions } from '../../../../../shared/domain/curriculum/fit';
import { applyRemedy, fitRemedies, type FitStanding, type Remedy } from '../../../../../shared/domain/curriculum/remedies';
import { MAX_DAYS, type Curriculum } from '../../../../../shared/schemas/curriculum';
import type { PanelProps } from '../composer-types';
import { FitPreview } from './FitPreview';
import { daysText, minutesText, type Translate } from './panel-format';
import { RemedyCard, remedyLabel } from './RemedyCard';
import './panels.css';

/** The course fitted to `days`, and the days set: what "Apply" hands to the page. */
export function fitToDays(current: Curriculum, days: number, options: FitOptions): Curriculum {
  const fitted = fitCurriculum({ ...current, days }, options);
  return { ...applyFit(current, fitted), days };
}

function parseDays(text: string): number | undefined {
  const days = Number(text);
  return Number.isInteger(days) && days >= 1 && days <= MAX_DAYS ? days : undefined;
}

/** What keeps the course from fitting its days, in words: what falls after the last day, what runs over a day. */
function standingText(t: Translate, standing: FitStanding, days: number): string {
  const spill = standing.spillCount > 0
    ? t('schedule.fit.spill', { count: standing.spillCount, used: daysText(t, standing.daysUsed), spill: minutesText(t, standing.spillMinutes), days })
    : '';
  const overflow = standing.overflowCount > 0 ? t('schedule.fit.overflow', { count: standing.overflowCount }) : '';
  return [spill, overflow].filter(Boolean).join(' ');
}

/**
 * "Fit to N days". A course that fits can have its activities lengthened into spare time. One that does not
 * is told what falls after the last day, and offered remedies (leave out lessons, shorten activities,
 * lengthen the day, add days), each with what it changes and the days it would use, applied in one click
 * as one undoable change.
 */
export function FitPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum, change } = props;
  const [daysInput, setDaysInput] = useState(String(curriculum.days));
  const [stretch, setStretch] = useState(false);
  const [applied, setApplied] = useState<string | undefined>();
  const appliedRef = useRef<HTMLParagraphElement>(null);
  const days = parseDays(daysInput);
  const options = useMemo<FitOptions>(() => ({ allowStretch: stretch }), [stretch]);
  const plan = useMemo(() => (days === undefined ? undefined : fitRemedies(curriculum, days)), [curriculum, days]);
  const fit = useMemo(() => (days === undefined || !plan?.before.fits ? undefined : fitCurriculum({ ...curriculum, days }, options)), [curriculum, days, options, plan]);
  const changesDays = days !== undefined && days !== curriculum.days;
  const canApply = fit !== undefined && (fit.changes.length > 0 || changesDays);

  const apply = (label: string, update: (current: Curriculum) => Curriculum) => {
    change(label, update);
    setApplied(t('schedule.fit.applied', { change: label }));
    // The remedies go once the course fits: the focus goes to what was done rather than to the page.
    queueMicrotask(() => appliedRef.current?.focus());
  };
  const applyOne = (remedy: Remedy) => {
    apply(remedyLabel(t, remedy), (current) => applyRemedy(current, remedy));
  };

  return (
    <section className="cp-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('composerPanels.fit.title')}</h2>
      <p className="muted">{t('composerPanels.fit.help')}</p>
      <div className="cp-actions">
        <label className="cp-field">
          <span className="cp-field__label">{t('composerPanels.fit.days')}</span>
          <input
            type="number"
            min={1}
            max={MAX_DAYS}
            step={1}
            value={daysInput}
            aria-invalid={days === undefined}
            aria-describedby={days === undefined ? `${headingId}-days-error` : undefined}
            onChange={(e) => {
              setDaysInput(e.target.value);
              setApplied(undefined);
            }}
          />
        </label>
        {plan?.before.fits && (
          <label className="fit-stretch">
            <input type="checkbox" checked={stretch} onChange={(e) => { setStretch(e.target.checked); }} /> {t('composerPanels.fit.stretch')}
          </label>
        )}
      </div>
      {days === undefined && (
        <p id={`${headingId}-days-error`} className="cp-field__error" role="alert">{t('composerPanels.fit.badDays', { max: MAX_DAYS })}</p>
      )}
      <p ref={appliedRef} tabIndex={-1} className="cp-ok" role="status">{applied}</p>
      {plan && !plan.before.fits && <p className="cp-field__error">{standingText(t, plan.before, plan.days)}</p>}
      {fit && (
        <>
          {fit.minimumMinutes === fit.maximumMinutes && <p>{t('composerPanels.fit.noRanges')}</p>}
          {fit.changes.length === 0 && <p className="cp-ok">{t('composerPanels.fit.alreadyFits', { days: daysText(t, fit.days) })}</p>}
          {fit.changes.length > 0 && <FitPreview fit={fit} curriculum={curriculum} />}
          <div className="cp-actions">
            <button
              type="button"
              className="button button--primary"
              disabled={!canApply}
              onClick={() => {
                apply(t('composerPanels.fit.applyLabel', { days: daysText(t, fit.days) }), (current) => fitToDays(current, fit.days, options));
              }}
            >
              {t('composerPanels.fit.apply', { days: daysText(t, fit.days) })}
            </button>
          </div>
        </>
      )}
      {plan && plan.remedies.length > 0 && (
        <section className="fit-remedies" aria-labelledby={`${headingId}-remedies`}>
          <h3 id={`${headingId}-remedies`}>{t('schedule.fit.remedies')}</h3>
          <p className="muted">{t('schedule.fit.remediesHelp')}</p>
          {plan.remedies.map((remedy) => (
            <RemedyCard key={remedy.kind} remedy={remedy} daysUsed={plan.before.daysUsed} curriculum={curriculum} onApply={applyOne} />
          ))}
        </section>
      )}
    </section>
  );
}

import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFit, fitCurriculum, type FitOptions } from '../../../../../shared/domain/curriculum/fit';
import { MAX_DAYS, type Curriculum } from '../../../../../shared/schemas/curriculum';
import type { PanelProps } from '../composer-types';
import { FitPreview } from './FitPreview';
import { daysText } from './panel-format';
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

/**
 * "Fit to N days": previews the step lengths `fitCurriculum` would choose within the steps' ranges, what
 * it could not fit, and applies them (with the number of days) as one change.
 */
export function FitPanel(props: PanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const { curriculum, change } = props;
  const [daysInput, setDaysInput] = useState(String(curriculum.days));
  const [stretch, setStretch] = useState(false);
  const days = parseDays(daysInput);
  const options = useMemo<FitOptions>(() => ({ allowStretch: stretch }), [stretch]);
  const fit = useMemo(() => (days === undefined ? undefined : fitCurriculum({ ...curriculum, days }, options)), [curriculum, days, options]);
  const hasRanges = fit !== undefined && fit.minimumMinutes < fit.maximumMinutes;
  const changesDays = days !== undefined && days !== curriculum.days;
  const canApply = fit !== undefined && (fit.changes.length > 0 || changesDays);

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
            }}
          />
        </label>
        <label className="fit-stretch">
          <input type="checkbox" checked={stretch} onChange={(e) => { setStretch(e.target.checked); }} /> {t('composerPanels.fit.stretch')}
        </label>
      </div>
      {days === undefined && (
        <p id={`${headingId}-days-error`} className="cp-field__error" role="alert">{t('composerPanels.fit.badDays', { max: MAX_DAYS })}</p>
      )}
      {fit && (
        <div role="status">
          {!hasRanges && <p>{t('composerPanels.fit.noRanges')}</p>}
          {fit.fits && fit.changes.length === 0 && <p className="cp-ok">{t('composerPanels.fit.alreadyFits', { days: daysText(t, fit.days) })}</p>}
          <FitPreview fit={fit} curriculum={curriculum} />
        </div>
      )}
      {fit && (
        <div className="cp-actions">
          <button
            type="button"
            className="button button--primary"
            disabled={!canApply}
            onClick={() => {
              change(t('composerPanels.fit.applyLabel', { days: daysText(t, fit.days) }), (current) => fitToDays(current, fit.days, options));
            }}
          >
            {fit.fits ? t('composerPanels.fit.apply', { days: daysText(t, fit.days) }) : t('composerPanels.fit.applyClosest')}
          </button>
        </div>
      )}
    </section>
  );
}

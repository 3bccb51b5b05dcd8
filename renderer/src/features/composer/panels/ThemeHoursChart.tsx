import { useId, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemeHours } from '../../../../../shared/domain/curriculum/coverage';
import { minutesText } from './panel-format';

/**
 * Hours per theme as a bar chart built from a table: every bar has its theme and its hours as text, so
 * the chart reads the same to a screen reader. Required themes the course does not cover are flagged.
 */
export function ThemeHoursChart({ themes, taughtMinutes }: { themes: readonly ThemeHours[]; taughtMinutes: number }) {
  const { t } = useTranslation();
  const id = useId();
  const most = Math.max(1, ...themes.map((row) => row.minutes));
  return (
    <>
      <h3 id={id}>{t('composerPanels.coverage.themesTitle')}</h3>
      <p className="cv-total">{t('composerPanels.coverage.taught', { hours: minutesText(t, taughtMinutes) })}</p>
      <p className="muted">{t('composerPanels.coverage.themesHelp')}</p>
      <table className="cv-chart" aria-labelledby={id}>
        <thead className="cp-sr-only">
          <tr>
            <th scope="col">{t('composerPanels.coverage.theme')}</th>
            <th scope="col">{t('composerPanels.coverage.hours')}</th>
          </tr>
        </thead>
        <tbody>
          {themes.map((row) => {
            const missing = row.required && row.minutes === 0;
            return (
              <tr key={row.theme} className={missing ? 'cv-chart__row--missing' : undefined}>
                <th scope="row">
                  {t(`themes.${row.theme}`)}
                  {row.required && (
                    <span className={`cp-badge${missing ? ' cp-badge--warn' : ''}`}>
                      {t(missing ? 'composerPanels.coverage.requiredMissing' : 'composerPanels.coverage.required')}
                    </span>
                  )}
                </th>
                <td>
                  <span className="cv-chart__bar" aria-hidden="true" style={{ '--share': row.minutes / most } as CSSProperties} />
                  <span className="cv-chart__value">{row.minutes === 0 ? t('composerPanels.coverage.none') : minutesText(t, row.minutes)}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { courseNumbers } from '../../../../../shared/domain/curriculum/course-numbers';
import type { FitResult } from '../../../../../shared/domain/curriculum/fit';
import type { Curriculum } from '../../../../../shared/schemas/curriculum';
import { daysText, minutesText, unitName } from './panel-format';

/** What a fit would do: totals before and after, each step it changes, and what still does not fit after it. */
export function FitPreview({ fit, curriculum, level = 3 }: { fit: FitResult; curriculum: Curriculum; level?: 3 | 5 }) {
  const { t } = useTranslation();
  // Inside a remedy (itself under a level-4 heading) its headings go one level further down.
  const Heading = level === 5 ? 'h5' : 'h3';
  const id = useId();
  const rows = useMemo(() => {
    const items = new Map(curriculum.items.map((item) => [item.id, item]));
    const numbers = courseNumbers(curriculum);
    return fit.changes.map((change) => {
      const item = items.get(change.itemId);
      const lesson = item?.kind === 'module' ? item.snapshot.lessons.find((l) => l.code === change.lessonCode) : undefined;
      return {
        ...change,
        number: numbers.lesson(change.itemId, change.lessonCode) ?? change.lessonCode,
        module: item?.kind === 'module' ? item.snapshot.title : '',
        step: lesson?.steps[change.stepIndex]?.title ?? '',
      };
    });
  }, [fit.changes, curriculum]);

  return (
    <>
      <dl className="fit-totals">
        <div>
          <dt>{t('composerPanels.fit.before')}</dt>
          <dd>{minutesText(t, fit.minutesBefore)}</dd>
        </div>
        <div>
          <dt>{t('composerPanels.fit.after')}</dt>
          <dd>{minutesText(t, fit.minutesAfter)}</dd>
        </div>
        <div>
          <dt>{t('composerPanels.fit.capacity', { days: daysText(t, fit.days) })}</dt>
          <dd>{minutesText(t, fit.capacityMinutes)}</dd>
        </div>
      </dl>
      {rows.length > 0 && (
        <>
          <Heading id={id}>{t('composerPanels.fit.changes', { count: rows.length })}</Heading>
          <div className="cp-scroll" role="region" aria-labelledby={id} tabIndex={0}>
            <table className="table cv-matrix">
              <thead>
                <tr>
                  <th scope="col">{t('composerPanels.fit.module')}</th>
                  <th scope="col">{t('composerPanels.fit.step')}</th>
                  <th scope="col" className="num">{t('composerPanels.fit.from')}</th>
                  <th scope="col" className="num">{t('composerPanels.fit.to')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={`${row.itemId}/${row.lessonCode}/${String(row.stepIndex)}`}>
                    <td>{row.module}</td>
                    <th scope="row">{t('composerPanels.fit.stepName', { code: row.number, step: row.stepIndex + 1, title: row.step })}</th>
                    <td className="num">{minutesText(t, row.from)}</td>
                    <td className="num">{minutesText(t, row.to)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {fit.unfit.length > 0 && (
        <>
          <Heading>{t('composerPanels.fit.unfit', { count: fit.unfit.length })}</Heading>
          <ul className="cp-list">
            {fit.unfit.map((unit) => (
              <li key={unit.unitKey} className="cp-check">
                <span className="cp-severity cp-severity--error" aria-hidden="true" />
                <span>
                  {t(`composerPanels.fit.reason.${unit.reason}`, { name: unitName(t, unit), minutes: minutesText(t, unit.minutes), day: unit.day })}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

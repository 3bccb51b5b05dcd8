import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Traceability, TraceabilityRow } from '../../../../../shared/domain/curriculum/coverage';

/**
 * Which lessons teach which instrument: international instruments first, then national law references,
 * one column per lesson in teaching order. For accreditation and donor reports, so every cell says in
 * words whether the lesson cites the instrument.
 */
export function TraceabilityTable({ traceability }: { traceability: Traceability }) {
  const { t } = useTranslation();
  const id = useId();
  const { lessons } = traceability;
  const groups = useMemo(() => {
    const international: TraceabilityRow[] = [];
    const national: TraceabilityRow[] = [];
    for (const row of traceability.rows) (row.kind === 'national-law' ? national : international).push(row);
    return [
      { key: 'international', rows: international },
      { key: 'national', rows: national },
    ].filter((g) => g.rows.length > 0);
  }, [traceability.rows]);
  const yes = t('composerPanels.coverage.cites');

  return (
    <>
      <h3 id={id}>{t('composerPanels.coverage.traceTitle')}</h3>
      <p className="muted">{t('composerPanels.coverage.traceHelp')}</p>
      <div className="cp-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="table cv-matrix cv-trace">
          <thead>
            <tr>
              <th scope="col">{t('composerPanels.coverage.instrument')}</th>
              <th scope="col" className="num">{t('composerPanels.coverage.lessonCount')}</th>
              {lessons.map((lesson) => (
                <th key={`${lesson.itemId}/${lesson.lessonCode}`} scope="col" className="cv-trace__lesson" title={lesson.title}>
                  {lesson.number}
                  <span className="cp-sr-only"> {lesson.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          {groups.map((group) => (
            <tbody key={group.key}>
              <tr>
                <th scope="rowgroup" colSpan={lessons.length + 2} className="cv-trace__group">{t(`composerPanels.coverage.group.${group.key}`)}</th>
              </tr>
              {group.rows.map((row) => {
                const cited = new Set(row.lessons);
                return (
                  <tr key={row.referenceId} className={row.lessons.length === 0 ? 'cv-matrix__row--empty' : undefined}>
                    <th scope="row">
                      {row.shortName}
                      {!row.known && <span className="cp-badge cp-badge--warn">{t('composerPanels.coverage.unknownReference')}</span>}
                    </th>
                    <td className={row.lessons.length === 0 ? 'num cv-zero' : 'num'}>{row.lessons.length}</td>
                    {lessons.map((lesson, index) => (
                      <td key={`${lesson.itemId}/${lesson.lessonCode}`} className="cv-trace__cell">
                        {cited.has(index) && (
                          <>
                            <span aria-hidden="true">●</span>
                            <span className="cp-sr-only">{yes}</span>
                          </>
                        )}
                      </td>
                    ))}
                  </tr>
                );
              })}
            </tbody>
          ))}
        </table>
      </div>
    </>
  );
}

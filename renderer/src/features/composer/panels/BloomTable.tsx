import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckWhere } from '../../../../../shared/domain/curriculum/checks';
import type { BloomMatrix } from '../../../../../shared/domain/curriculum/coverage';

/** Learning objectives per lesson and Bloom level, with totals; a lesson's number brings it into view. */
export function BloomTable({ bloom, select }: { bloom: BloomMatrix; select: (where: CheckWhere) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <>
      <h3 id={id}>{t('composerPanels.coverage.bloomTitle')}</h3>
      <div className="cp-scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="table cv-matrix">
          <thead>
            <tr>
              <th scope="col">{t('composerPanels.coverage.lesson')}</th>
              {bloom.levels.map((level) => (
                <th key={level} scope="col" className="num">{t(`module.bloom.${level}`)}</th>
              ))}
              <th scope="col" className="num">{t('composerPanels.coverage.total')}</th>
            </tr>
          </thead>
          <tbody>
            {bloom.rows.map((row) => (
              <tr key={`${row.itemId}/${row.lessonCode}`} className={row.total === 0 ? 'cv-matrix__row--empty' : undefined}>
                <th scope="row">
                  <button type="button" className="cp-link" onClick={() => { select({ itemId: row.itemId, moduleId: row.moduleId, lessonCode: row.lessonCode }); }}>
                    <span className="cv-code">{row.number}</span> {row.title}
                  </button>
                </th>
                {bloom.levels.map((level) => (
                  <td key={level} className={row.counts[level] === 0 ? 'num cv-zero' : 'num'}>{row.counts[level]}</td>
                ))}
                <td className="num">{row.total}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('composerPanels.coverage.total')}</th>
              {bloom.levels.map((level) => (
                <td key={level} className="num">{bloom.totals[level]}</td>
              ))}
              <td className="num">{bloom.total}</td>
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}

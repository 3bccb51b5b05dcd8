import { useTranslation } from 'react-i18next';
import type { CurriculumSummary } from '../../../../shared/schemas/curricula';
import { formatDate } from '../../lib/format';

type RowAction = (curriculum: CurriculumSummary) => void;

/** One row per course; the title opens it, each row's buttons name the course for screen readers. */
export function CurriculumTable({
  curricula,
  busy,
  onOpen,
  onRename,
  onDuplicate,
  onArchive,
  onDelete,
}: {
  curricula: readonly CurriculumSummary[];
  busy: boolean;
  onOpen: (id: string) => void;
  onRename: RowAction;
  onDuplicate: RowAction;
  onArchive: RowAction;
  onDelete: RowAction;
}) {
  const { t, i18n } = useTranslation();
  return (
    <table className="table curricula-table">
      <caption className="visually-hidden">{t('curricula.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('curricula.columns.title')}</th>
          <th scope="col">{t('curricula.columns.status')}</th>
          <th scope="col" className="num">{t('curricula.columns.days')}</th>
          <th scope="col" className="num">{t('curricula.columns.modules')}</th>
          <th scope="col">{t('curricula.columns.language')}</th>
          <th scope="col">{t('curricula.columns.updated')}</th>
          <th scope="col">{t('curricula.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {curricula.map((c) => (
          <tr key={c.id} className={c.archived ? 'curricula-table__archived' : undefined}>
            <th scope="row">
              <a
                href={`#/curricula/${c.id}`}
                lang={c.language}
                dir="auto"
                onClick={(event) => {
                  event.preventDefault();
                  onOpen(c.id);
                }}
              >
                {c.title}
              </a>
              {c.archived && <span className="badge curricula-table__badge">{t('curricula.archivedBadge')}</span>}
            </th>
            <td>
              <span className={`status status--${c.status}`}>{t(`curricula.status.${c.status}`)}</span>
            </td>
            <td className="num">{c.days}</td>
            <td className="num">{c.modules}</td>
            <td>{t(`languages.${c.language}`)}</td>
            <td>{formatDate(c.updatedAt, i18n.language)}</td>
            <td>
              <div className="curricula-table__actions">
                <button type="button" className="button button--small" aria-label={t('curricula.actions.renameNamed', { title: c.title })} onClick={() => { onRename(c); }}>
                  {t('curricula.actions.rename')}
                </button>
                <button type="button" className="button button--small" aria-label={t('curricula.actions.duplicateNamed', { title: c.title })} onClick={() => { onDuplicate(c); }}>
                  {t('curricula.actions.duplicate')}
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={busy}
                  aria-label={t(c.archived ? 'curricula.actions.unarchiveNamed' : 'curricula.actions.archiveNamed', { title: c.title })}
                  onClick={() => { onArchive(c); }}
                >
                  {t(c.archived ? 'curricula.actions.unarchive' : 'curricula.actions.archive')}
                </button>
                <button type="button" className="button button--small button--danger" aria-label={t('curricula.actions.deleteNamed', { title: c.title })} onClick={() => { onDelete(c); }}>
                  {t('curricula.actions.delete')}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

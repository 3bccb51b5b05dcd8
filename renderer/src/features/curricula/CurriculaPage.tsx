import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { normaliseForSearch } from '../../../../shared/domain/text-normalise';
import type { CurriculumSummary } from '../../../../shared/schemas/curricula';
import type { Route } from '../../app/sections';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useSync } from '../sync/sync-context';
import { CreateCurriculumDialog } from './CreateCurriculumDialog';
import { CurriculumTable } from './CurriculumTable';
import { DeleteCurriculumDialog } from './DeleteCurriculumDialog';
import { TitleDialog } from './TitleDialog';
import { useAction } from './use-action';
import './curricula.css';

/** Which dialog is open, and for which course. */
type Dialog = { kind: 'create' } | { kind: 'rename' | 'duplicate' | 'delete'; curriculum: CurriculumSummary } | null;

/** A title change is a save of the whole course, checked against the version the list showed. */
async function rename(id: string, title: string): Promise<void> {
  const { curriculum } = await call('curriculum:get', { id });
  await call('curriculum:save', { curriculum: { ...curriculum, title }, baseUpdatedAt: curriculum.updatedAt });
}

/**
 * The curricula list: search by title, archived courses on request, and create, open, rename, duplicate,
 * archive and delete. `createRequested` comes from the native menu's New curriculum command.
 */
export function CurriculaPage({ createRequested, onCreateHandled, onOpen }: { createRequested: boolean; onCreateHandled: () => void; onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  const [showArchived, setShowArchived] = useState(false);
  const [text, setText] = useState('');
  const query = useDeferredValue(normaliseForSearch(text.trim()));
  // Read again after each sync: synced courses may have arrived or changed.
  const generation = useSync()?.generation ?? 0;
  const [list, reload] = useApi(() => call('curriculum:list', { includeArchived: showArchived }), `${String(showArchived)}:${String(generation)}`);
  const [dialog, setDialog] = useState<Dialog>(null);
  const archive = useAction();
  const open = dialog ?? (createRequested ? { kind: 'create' as const } : null);

  const close = () => {
    setDialog(null);
    if (createRequested) onCreateHandled();
  };
  const closeAndReload = () => {
    close();
    reload();
  };
  const openComposer = (id: string) => {
    onOpen({ section: 'curricula', view: 'composer', curriculumId: id });
  };

  const shown = list.state === 'ready' ? list.value.filter((c) => query === '' || normaliseForSearch(c.title).includes(query)) : [];

  return (
    <section className="curricula" aria-labelledby="curricula-title">
      <header className="curricula__header">
        <div>
          <h1 id="curricula-title">{t('curricula.title')}</h1>
          <p className="muted">{t('curricula.intro')}</p>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setDialog({ kind: 'create' });
          }}
        >
          {t('curricula.actions.create')}
        </button>
      </header>
      <div className="toolbar">
        <label className="field field--grow">
          <span className="field__label">{t('curricula.search')}</span>
          <input
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
            }}
          />
        </label>
        <label className="curricula__toggle">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => {
              setShowArchived(event.target.checked);
            }}
          />
          {t('curricula.showArchived')}
        </label>
      </div>
      {archive.error && <ErrorMessage error={archive.error} />}
      {list.state === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {list.state === 'error' && <ErrorMessage error={list.error} />}
      {list.state === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {t('curricula.count', { count: shown.length })}
          </p>
          {list.value.length === 0 ? (
            <div className="panel panel--notice">
              <p>{t('curricula.empty')}</p>
            </div>
          ) : shown.length === 0 ? (
            <p>{t('curricula.noMatch')}</p>
          ) : (
            <CurriculumTable
              curricula={shown}
              busy={archive.busy}
              onOpen={openComposer}
              onRename={(curriculum) => {
                setDialog({ kind: 'rename', curriculum });
              }}
              onDuplicate={(curriculum) => {
                setDialog({ kind: 'duplicate', curriculum });
              }}
              onArchive={(curriculum) => {
                void archive.run(() => call('curriculum:archive', { id: curriculum.id, archived: !curriculum.archived })).then(reload);
              }}
              onDelete={(curriculum) => {
                setDialog({ kind: 'delete', curriculum });
              }}
            />
          )}
        </>
      )}
      {open?.kind === 'create' && (
        <CreateCurriculumDialog
          onClose={close}
          onCreated={(created) => {
            close();
            openComposer(created.id);
          }}
        />
      )}
      {open?.kind === 'rename' && (
        <TitleDialog
          heading={t('curricula.rename.title')}
          confirm={t('curricula.rename.confirm')}
          initial={open.curriculum.title}
          onSubmit={(title) => rename(open.curriculum.id, title)}
          onClose={closeAndReload}
        />
      )}
      {open?.kind === 'duplicate' && (
        <TitleDialog
          heading={t('curricula.duplicate.title')}
          confirm={t('curricula.duplicate.confirm')}
          initial={t('curricula.duplicate.copyTitle', { title: open.curriculum.title })}
          onSubmit={(title) => call('curriculum:duplicate', { id: open.curriculum.id, title })}
          onClose={closeAndReload}
        />
      )}
      {open?.kind === 'delete' && <DeleteCurriculumDialog curriculum={open.curriculum} onClose={close} onDeleted={closeAndReload} />}
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_PAGE_SIZE, LIBRARY_SORTS, type LibraryQuery } from '../../../../shared/schemas/library-query';
import type { Route } from '../../app/sections';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSync } from '../sync/sync-context';
import { FacetPanel } from './FacetPanel';
import { ModuleList } from './ModuleList';
import { useLibraryPages } from './use-library-pages';
import type { LibraryQueryState } from './use-library-query';
import './library.css';

/** Search, filter and sort the library; results update as you type. */
export function LibraryPage({ query, focusSearchSignal, onOpen }: { query: LibraryQueryState; focusSearchSignal: number; onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(query.value.text ?? '');
  const request: LibraryQuery = { ...query.value, ...(text.trim() ? { text } : { text: undefined }) };
  // Read again after each sync: the shared library may have added, changed or removed modules.
  const generation = useSync()?.generation ?? 0;
  const { first: result, key: pagesKey, modules, hasMore, loadingMore, moreError, loadMore } = useLibraryPages(request, generation);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusSearchSignal > 0) searchRef.current?.focus();
  }, [focusSearchSignal]);

  const update = (patch: Partial<LibraryQuery>) => {
    query.set({ ...query.value, ...patch, text });
  };

  return (
    <section className="library" aria-labelledby="library-title">
      <header className="library__header">
        <div>
          <h1 id="library-title">{t('library.title')}</h1>
          <p className="muted">{t('library.intro')}</p>
        </div>
        <div className="library__header-actions">
          <button
            type="button"
            className="button"
            onClick={() => {
              onOpen({ section: 'library', view: 'import-word' });
            }}
          >
            {t('wordImport.libraryButton')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={() => {
              onOpen({ section: 'library', view: 'new' });
            }}
          >
            {t('library.newModule')}
          </button>
        </div>
      </header>
      <div className="toolbar">
        <label className="field field--grow">
          <span className="field__label">{t('library.search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={text}
            placeholder={t('library.searchPlaceholder')}
            onChange={(e) => {
              setText(e.target.value);
              query.set({ ...query.value, text: e.target.value });
            }}
          />
        </label>
        <label className="field">
          <span className="field__label">{t('library.sort')}</span>
          <select
            value={query.value.sort ?? 'relevance'}
            onChange={(e) => {
              const sort = LIBRARY_SORTS.find((s) => s === e.target.value);
              if (sort) update({ sort });
            }}
          >
            {LIBRARY_SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`library.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.state === 'error' && <ErrorMessage error={result.error} />}
      {result.state === 'ready' && (
        <div className="library__body">
          <FacetPanel query={query.value} facets={result.value.facets} onChange={update} />
          <div className="library__results">
            <p className="muted" aria-live="polite">
              {modules.length < result.value.matched ? t('library.showing', { shown: modules.length, count: result.value.matched }) : t('library.count', { count: result.value.matched })}
              {result.value.matched !== result.value.total && ` · ${t('library.countOf', { shown: result.value.matched, total: result.value.total })}`}
            </p>
            {modules.length === 0 ? (
              <p>{t('library.empty')}</p>
            ) : (
              <ModuleList
                // A new search starts at the top of its list (and does not load its second page at once).
                key={pagesKey}
                modules={modules}
                setSize={result.value.matched}
                onNearEnd={loadMore}
                onOpen={(id) => {
                  onOpen({ section: 'library', view: 'module', moduleId: id });
                }}
              />
            )}
            {moreError && <ErrorMessage error={moreError} />}
            {hasMore && (
              <p className="library__more">
                <button type="button" className="button" disabled={loadingMore} onClick={loadMore}>
                  {loadingMore ? t('library.loadingMore') : t('library.showMore', { count: Math.min(LIBRARY_PAGE_SIZE, result.value.matched - modules.length) })}
                </button>
              </p>
            )}
          </div>
        </div>
      )}
    </section>
  );
}

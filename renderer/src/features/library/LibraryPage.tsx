import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIBRARY_SORTS, type LibraryQuery } from '../../../../shared/schemas/library-query';
import type { Route } from '../../app/sections';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { useSync } from '../sync/sync-context';
import { FacetPanel } from './FacetPanel';
import { ModuleList } from './ModuleList';
import type { LibraryQueryState } from './use-library-query';
import './library.css';

/** Search, filter and sort the library; results update as you type. */
export function LibraryPage({ query, focusSearchSignal, onOpen }: { query: LibraryQueryState; focusSearchSignal: number; onOpen: (route: Route) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(query.value.text ?? '');
  const request: LibraryQuery = { ...query.value, ...(text.trim() ? { text } : { text: undefined }) };
  // Read again after each sync: the shared library may have added, changed or removed modules.
  const generation = useSync()?.generation ?? 0;
  const [result] = useApi(() => call('library:list', request), `${JSON.stringify(request)}:${String(generation)}`);
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
              {t('library.count', { count: result.value.modules.length })}
              {result.value.modules.length !== result.value.total && ` · ${t('library.countOf', { shown: result.value.modules.length, total: result.value.total })}`}
            </p>
            {result.value.modules.length === 0 ? (
              <p>{t('library.empty')}</p>
            ) : (
              <ModuleList
                modules={result.value.modules}
                onOpen={(id) => {
                  onOpen({ section: 'library', view: 'module', moduleId: id });
                }}
              />
            )}
          </div>
        </div>
      )}
    </section>
  );
}

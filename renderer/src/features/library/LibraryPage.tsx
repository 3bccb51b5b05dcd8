import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Duration } from '../../components/Duration';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** The module list. Full-text search, facets, module pages and editing arrive with the library feature. */
export function LibraryPage({ focusSearchSignal }: { focusSearchSignal: number }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [modules] = useApi(() => call('library:list', query ? { query } : {}), query);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (focusSearchSignal > 0) searchRef.current?.focus();
  }, [focusSearchSignal]);

  return (
    <section aria-labelledby="library-title">
      <h1 id="library-title">{t('library.title')}</h1>
      <p className="muted">{t('library.intro')}</p>
      <div className="toolbar">
        <label className="field">
          <span className="field__label">{t('library.search')}</span>
          <input
            ref={searchRef}
            type="search"
            value={query}
            placeholder={t('library.searchPlaceholder')}
            onChange={(e) => { setQuery(e.target.value); }}
          />
        </label>
      </div>
      <p className="panel panel--notice">{t('library.coming')}</p>
      {modules.state === 'error' && <ErrorMessage error={modules.error} />}
      {modules.state === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {t('library.count', { count: modules.value.length })}
          </p>
          {modules.value.length === 0 ? (
            <p>{t('library.empty')}</p>
          ) : (
            <ul className="card-list" aria-label={t('library.title')}>
              {modules.value.map((m) => (
                <li key={m.id} className="card" lang={m.language} dir={m.language === 'ar' ? 'rtl' : 'ltr'}>
                  <h2 className="card__title">{m.title}</h2>
                  <p className="card__summary">{m.summary}</p>
                  <p className="card__meta" lang={i18n.language} dir={i18n.dir()}>
                    <span>{t(`languages.${m.language}`)}</span>
                    <span>
                      <Duration minutes={m.minutes} />
                    </span>
                    <span>{t('library.lessons', { count: m.lessonCount })}</span>
                    <span>{t(`levels.${m.level}`)}</span>
                    <span>{t('library.updated', { date: formatDate(m.updatedAt, i18n.language) })}</span>
                  </p>
                  <ul className="tags" lang={i18n.language}>
                    {m.themes.map((theme) => (
                      <li key={theme} className="tag">
                        {t(`themes.${theme}`)}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

import { useDeferredValue, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { Duration } from '../../components/Duration';
import { ErrorMessage } from '../../components/ErrorMessage';
import { call } from '../../lib/api';
import { useApi } from '../../lib/use-api';
import { Modal } from '../curricula/Modal';
import { useAction } from '../curricula/use-action';
import type { ItemActions } from './item-actions';
import { defaultPosition, insertItem, moduleItem } from './item-ops';

/** Enough rows to browse; a longer list is narrowed by searching. Only these are asked for. */
const SHOWN = 50;

/**
 * Search the library (the same full-text search as the library page) and add a module to the end of the
 * course. Adding takes a snapshot of the module as it is now: later library edits do not change the course.
 */
export function LibraryPanel({ draft, actions }: { draft: Curriculum; actions: ItemActions }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const query = useDeferredValue(text.trim());
  const [result] = useApi(() => call('library:list', { ...(query ? { text: query, sort: 'relevance' } : { sort: 'title' }), limit: SHOWN }), query);
  const adding = useAction();
  /** A module already in the course, waiting for the designer to say whether to add it again. */
  const [again, setAgain] = useState<{ id: string; title: string } | null>(null);
  const used = new Map<string, number>();
  for (const item of draft.items) if (item.kind === 'module') used.set(item.moduleId, (used.get(item.moduleId) ?? 0) + 1);

  // Adds run one after another, so quick clicks add modules in the order they were clicked.
  const queue = useRef(Promise.resolve());
  const add = (moduleId: string) => {
    queue.current = queue.current.then(async () => {
      await adding.run(async () => {
        const { module } = await call('library:get', { id: moduleId });
        const item = moduleItem(draft, module);
        // The id was chosen against the draft of the click; another change may have taken it since.
        const last = defaultPosition(draft, 'module') === draft.items.length;
        // Before the closing sessions the course ends with, if any.
        actions.apply(t('composer.history.add', { title: module.title }), (c) => insertItem(c, c.items.some((i) => i.id === item.id) ? moduleItem(c, module) : item));
        actions.announce(t(last ? 'composer.library.added' : 'schedule.module.addedBeforeClosing', { title: module.title }));
      });
    });
  };

  return (
    <section className="panel composer-library" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('composer.library.title')}</h2>
      <label className="field">
        <span className="field__label">{t('composer.library.search')}</span>
        <input
          type="search"
          value={text}
          placeholder={t('composer.library.searchPlaceholder')}
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
      </label>
      {adding.error && <ErrorMessage error={adding.error} />}
      {result.state === 'error' && <ErrorMessage error={result.error} />}
      {result.state === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {t('composer.library.count', { count: result.value.matched })}
          </p>
          <ul className="composer-library__list">
            {result.value.modules.map((m) => (
              <li key={m.id} className="composer-library__row">
                <div className="composer-library__text">
                  <span className="composer-library__title" lang={m.language} dir="auto">
                    {m.title}
                  </span>
                  <span className="composer-library__meta">
                    <Duration minutes={m.minutes} /> · {t('composer.library.lessons', { count: m.lessonCount })} · {t(`languages.${m.language}`)}
                    {used.has(m.id) && <> · <strong>{t('composer.library.inCourse')}</strong></>}
                  </span>
                </div>
                <button
                  id={`composer-add-${m.id}`}
                  type="button"
                  className="button button--small"
                  aria-label={t('composer.library.addNamed', { title: m.title })}
                  onClick={() => {
                    // A second copy is rarely meant (the checks would flag it): ask first.
                    if (used.has(m.id)) setAgain({ id: m.id, title: m.title });
                    else add(m.id);
                  }}
                >
                  {t('composer.library.add')}
                </button>
              </li>
            ))}
          </ul>
          {result.value.matched > result.value.modules.length && <p className="muted">{t('composer.library.more', { count: result.value.matched - result.value.modules.length })}</p>}
        </>
      )}
      {again && (
        <Modal
          alert
          labelledBy={`${id}-again-title`}
          describedBy={`${id}-again-body`}
          onClose={() => {
            setAgain(null);
          }}
        >
          <h2 id={`${id}-again-title`}>{t('composer.library.againTitle')}</h2>
          <p id={`${id}-again-body`}>
            {t('composer.library.againBody', { title: again.title, count: used.get(again.id) ?? 1 })}
          </p>
          <div className="dialog__actions">
            <button
              type="button"
              className="button"
              data-autofocus
              onClick={() => {
                setAgain(null);
              }}
            >
              {t('composer.library.againCancel')}
            </button>
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                const { id: moduleId } = again;
                setAgain(null);
                add(moduleId);
              }}
            >
              {t('composer.library.againConfirm')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}

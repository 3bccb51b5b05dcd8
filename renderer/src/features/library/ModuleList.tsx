import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import { Duration } from '../../components/Duration';
import { formatDate } from '../../lib/format';

/** Fits title, two lines of summary, facts and themes; rows must share one height to be virtualised cheaply. */
const ROW_HEIGHT = 172;

/** Rows from the end of those loaded at which the next page is asked for, so that scrolling rarely waits. */
const NEAR_END_ROWS = 10;

/**
 * The result list, virtualised: only the rows in view are in the DOM, so thousands of modules scroll
 * smoothly. Arrow keys move between rows (and scroll), Enter opens one. The rows may be the first pages of
 * a longer list (`setSize` rows in all): `onNearEnd` asks for more as the view comes near the last row loaded.
 */
export function ModuleList({ modules, setSize = modules.length, onNearEnd, onOpen }: { modules: ModuleSummary[]; setSize?: number; onNearEnd?: () => void; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer keeps its own state; this component is simply not auto-memoised by the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: modules.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // jsdom and first paint have no layout: assume a window of rows so something is rendered.
    initialRect: { width: 800, height: 900 },
  });

  const lastInView = virtualizer.getVirtualItems().at(-1)?.index ?? -1;
  const nearEnd = useEffectEvent(() => onNearEnd?.());
  useEffect(() => {
    if (lastInView >= modules.length - NEAR_END_ROWS) nearEnd();
  }, [lastInView, modules.length]);

  function focusRow(index: number) {
    const target = Math.max(0, Math.min(modules.length - 1, index));
    virtualizer.scrollToIndex(target);
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${target}"] .module-row`)?.focus();
    });
  }

  return (
    <div
      ref={scrollRef}
      className="module-list"
      onKeyDown={(e) => {
        const index = Number((e.target as HTMLElement).closest<HTMLElement>('[data-index]')?.dataset['index'] ?? -1);
        if (index < 0) return;
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp' || e.key === 'Home' || e.key === 'End') {
          e.preventDefault();
          focusRow(e.key === 'ArrowDown' ? index + 1 : e.key === 'ArrowUp' ? index - 1 : e.key === 'Home' ? 0 : modules.length - 1);
        }
      }}
    >
      <ul className="module-list__inner" style={{ blockSize: virtualizer.getTotalSize() }} aria-label={t('library.results')}>
        {virtualizer.getVirtualItems().map((item) => {
          const m = modules[item.index];
          if (!m) return null;
          return (
            <li
              key={m.id}
              data-index={item.index}
              className="module-list__item"
              style={{ transform: `translateY(${item.start}px)`, blockSize: ROW_HEIGHT }}
              aria-setsize={setSize}
              aria-posinset={item.index + 1}
            >
              <a
                className="module-row card"
                href={`#/library/${m.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  onOpen(m.id);
                }}
              >
                <span className="card__title" lang={m.language} dir={m.language === 'ar' ? 'rtl' : 'ltr'}>
                  {m.title}
                </span>
                <span className="card__summary" lang={m.language} dir={m.language === 'ar' ? 'rtl' : 'ltr'}>
                  {m.summary}
                </span>
                <span className="card__meta">
                  <span>{t(`languages.${m.language}`)}</span>
                  <span>
                    <Duration minutes={m.minutes} />
                  </span>
                  <span>{t('library.lessons', { count: m.lessonCount })}</span>
                  <span>{t(`levels.${m.level}`)}</span>
                  <span>{t('library.updated', { date: formatDate(m.updatedAt, i18n.language) })}</span>
                </span>
                <span className="tags">
                  {m.themes.map((theme) => (
                    <span key={theme} className="tag">
                      {t(`themes.${theme}`)}
                    </span>
                  ))}
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

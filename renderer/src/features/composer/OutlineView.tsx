import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import { AddSessionForm } from './AddSessionForm';
import type { ComposerComputed } from './composer-types';
import type { ItemActions } from './item-actions';
import { ItemList } from './ItemList';
import { LibraryPanel } from './LibraryPanel';

/** "Day 2" or "Days 2–3" for each item, from where the schedule placed its lessons. */
function dayLabels(computed: ComposerComputed, t: (key: string, values: Record<string, unknown>) => string): ReadonlyMap<string, string> {
  const spans = new Map<string, { first: number; last: number }>();
  for (const p of computed.schedule.placements) {
    const span = spans.get(p.itemId);
    spans.set(p.itemId, span ? { first: Math.min(span.first, p.day), last: Math.max(span.last, p.day) } : { first: p.day, last: p.day });
  }
  return new Map(
    [...spans].map(([id, { first, last }]) => [id, first === last ? t('composer.items.day', { day: first }) : t('composer.items.days', { first, last })]),
  );
}

/** The course outline (ordered items) beside the library and the form for free sessions. */
export function OutlineView({
  draft,
  computed,
  library,
  actions,
  expanded,
  announcement,
  libraryPanel,
}: {
  draft: Curriculum;
  computed: ComposerComputed;
  library: ReadonlyMap<string, ModuleSummary>;
  actions: ItemActions;
  expanded: ReadonlySet<string>;
  announcement: string;
  /** The side panel (library search, free sessions) folded away or not. */
  libraryPanel: { collapsed: boolean; toggle: () => void };
}) {
  const { t } = useTranslation();
  const sideId = 'composer-outline-side';
  const days = useMemo(() => dayLabels(computed, (key, values) => t(key, values)), [computed, t]);
  return (
    <div className={libraryPanel.collapsed ? 'composer-outline composer-outline--collapsed' : 'composer-outline'}>
      <section className="composer-outline__items" aria-labelledby="composer-items-title">
        <h2 id="composer-items-title" tabIndex={-1}>
          {t('composer.items.title')}
        </h2>
        {draft.items.length === 0 ? (
          <p className="panel panel--notice">{t('composer.items.empty')}</p>
        ) : (
          <ItemList items={draft.items} days={days} library={library} actions={actions} expanded={expanded} />
        )}
        <p className="visually-hidden" role="status">
          {announcement}
        </p>
      </section>
      <aside className="composer-outline__side" aria-label={t('composer.add.label')}>
        <button
          type="button"
          className="button button--small composer-outline__fold"
          aria-expanded={!libraryPanel.collapsed}
          aria-controls={sideId}
          onClick={libraryPanel.toggle}
        >
          {t(libraryPanel.collapsed ? 'composer.library.show' : 'composer.library.hide')}
        </button>
        <div id={sideId} className="composer-outline__panels" hidden={libraryPanel.collapsed}>
          {!libraryPanel.collapsed && (
            <>
              <LibraryPanel draft={draft} actions={actions} />
              <AddSessionForm draft={draft} actions={actions} />
            </>
          )}
        </div>
      </aside>
    </div>
  );
}

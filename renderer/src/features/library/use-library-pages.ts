import { useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { Res } from '../../../../shared/ipc/contract';
import type { ModuleSummary } from '../../../../shared/schemas/library';
import { LIBRARY_PAGE_SIZE, type LibraryQuery } from '../../../../shared/schemas/library-query';
import { call } from '../../lib/api';
import { useApi, type Loadable } from '../../lib/use-api';

/** The pages after the first, of one search (`key`): their rows as received, one page after the other. */
type More = { key: string; rows: ModuleSummary[]; loading: boolean; error: AppErrorShape | null; ended?: boolean };

export type LibraryPages = {
  /** Names the search the pages are of: it changes when they start over. */
  key: string;
  /** The first page's answer: facets, `matched` and `total` come from it. */
  first: Loadable<Res<'library:list'>>;
  /** Every row loaded so far, in rank order. */
  modules: ModuleSummary[];
  /** Whether matches remain to be loaded. */
  hasMore: boolean;
  loadingMore: boolean;
  moreError: AppErrorShape | null;
  /** Asks for the next page, unless one is on its way or every match is loaded. */
  loadMore: () => void;
};

/**
 * The library's matches a page at a time: the first page when the search, filters, sort or `generation`
 * change (starting over), then more on request. A page that arrives after the search changed is dropped.
 */
export function useLibraryPages(request: LibraryQuery, generation: number): LibraryPages {
  const key = `${JSON.stringify(request)}:${String(generation)}`;
  const [first] = useApi(() => call('library:list', { ...request, limit: LIBRARY_PAGE_SIZE }), key);
  const [more, setMore] = useState<More>({ key, rows: [], loading: false, error: null });
  // The page on its way, by search: a second scroll event must not ask for the same page again.
  const asking = useRef<string | null>(null);
  const current = more.key === key ? more : { key, rows: [], loading: false, error: null };
  const modules = first.state === 'ready' ? joinPages(first.value.modules, current.rows) : [];
  // Counted as received, not as shown: the next page starts where the last one ended.
  const offset = first.state === 'ready' ? first.value.modules.length + current.rows.length : 0;
  // `ended`: a page came back short, the library having lost matches since the first page was counted.
  const hasMore = first.state === 'ready' && offset < first.value.matched && !current.ended;

  const loadMore = () => {
    if (!hasMore || asking.current === key) return;
    asking.current = key;
    const rows = current.rows;
    setMore({ key, rows, loading: true, error: null });
    call('library:list', { ...request, offset, limit: LIBRARY_PAGE_SIZE }).then(
      (page) => {
        const ended = page.modules.length < LIBRARY_PAGE_SIZE;
        setMore((now) => (now.key === key ? { key, rows: [...rows, ...page.modules], loading: false, error: null, ended } : now));
      },
      (error: unknown) => {
        setMore((now) => (now.key === key ? { key, rows, loading: false, error: toAppErrorShape(error) } : now));
      },
    ).finally(() => {
      if (asking.current === key) asking.current = null;
    });
  };

  return { first, key, modules, hasMore, loadingMore: current.loading, moreError: current.error, loadMore };
}

/**
 * The first page and those after it. A module saved between two pages can move from one to the other:
 * it is shown once, where it was first seen.
 */
function joinPages(firstRows: readonly ModuleSummary[], later: readonly ModuleSummary[]): ModuleSummary[] {
  if (later.length === 0) return [...firstRows];
  const seen = new Set(firstRows.map((m) => m.id));
  const rows = [...firstRows];
  for (const row of later) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    rows.push(row);
  }
  return rows;
}

import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { LibraryListRequest } from '../../shared/schemas/library-query';
import type { ModuleSummary } from '../../shared/schemas/library';
import { App } from '../../renderer/src/app/App';
import { ModuleList } from '../../renderer/src/features/library/ModuleList';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge, listAnswer } from './fakes/fake-bridge';
import { moduleSummary } from './fakes/module-summary';

const summary = (n: number): ModuleSummary => moduleSummary(`module-${String(n).padStart(4, '0')}`, `Module ${String(n).padStart(4, '0')}`);

/** A library of `count` modules whose search answers pages as the service does; "even" finds the even ones. */
function pagedLibrary(count: number, language: 'en' | 'ar' = 'en') {
  const all = Array.from({ length: count }, (_, i) => summary(i + 1));
  const requests: LibraryListRequest[] = [];
  const fake = fakeBridge({
    'settings:get': () => ({ language }),
    'library:list': (req) => {
      const request = (req ?? {}) as LibraryListRequest;
      requests.push(request);
      const matches = request.text === 'even' ? all.filter((_, i) => i % 2 === 1) : all;
      return listAnswer(matches, request, { total: all.length });
    },
  });
  return { ...fake, requests };
}

const status = () => screen.getByText((_, element) => element?.getAttribute('aria-live') === 'polite' && element.tagName === 'P');
const rows = () => within(screen.getByRole('list', { name: 'Modules' })).getAllByRole('listitem');

describe('the library page, a page at a time', () => {
  it('asks for the first 100 matches and says how many of all it shows', async () => {
    const fake = pagedLibrary(250);
    setBridge(fake.bridge);
    render(<App />);
    await screen.findByText('Showing 100 of 250 modules');
    expect(fake.requests.at(-1)).toMatchObject({ limit: 100 });
    expect(fake.requests.at(-1)?.offset).toBeUndefined();
    expect(status()).toHaveTextContent('Showing 100 of 250 modules');
    // Screen readers hear where a row stands among every match, not among those loaded.
    expect(rows()[0]).toHaveAttribute('aria-setsize', '250');
  });

  it('loads the next page with "Show more", announcing the new count, until every match is shown', async () => {
    const user = userEvent.setup();
    const fake = pagedLibrary(250);
    setBridge(fake.bridge);
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Show 100 more' }));
    expect(await screen.findByText('Showing 200 of 250 modules')).toBeInTheDocument();
    expect(fake.requests.at(-1)).toMatchObject({ offset: 100, limit: 100 });
    await user.click(screen.getByRole('button', { name: 'Show 50 more' }));
    expect(await screen.findByText('250 modules')).toBeInTheDocument();
    expect(fake.requests.at(-1)).toMatchObject({ offset: 200, limit: 100 });
    expect(screen.queryByRole('button', { name: /^Show \d+ more$/ })).not.toBeInTheDocument();
  });

  it('starts over at the first page when the search changes', async () => {
    const user = userEvent.setup();
    const fake = pagedLibrary(250);
    setBridge(fake.bridge);
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Show 100 more' }));
    await screen.findByText('Showing 200 of 250 modules');
    await user.type(screen.getByRole('searchbox', { name: 'Search modules' }), 'even');
    expect(await screen.findByText('Showing 100 of 125 modules · 125 of 250')).toBeInTheDocument();
    expect(fake.requests.at(-1)).toEqual(expect.objectContaining({ text: 'even', limit: 100 }));
    expect(fake.requests.at(-1)?.offset).toBeUndefined();
    expect(within(screen.getByRole('list', { name: 'Modules' })).getAllByRole('link')[0]).toHaveAccessibleName(/Module 0002/);
  });

  it('writes large counts with digit grouping', async () => {
    setBridge(pagedLibrary(4524).bridge);
    render(<App />);
    expect(await screen.findByText('Showing 100 of 4,524 modules')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Show 100 more' })).toBeInTheDocument();
  });

  it('announces the page in Arabic', async () => {
    setBridge(pagedLibrary(250, 'ar').bridge);
    render(<App />);
    expect(await screen.findByRole('button', { name: /^عرض (100|١٠٠) وحدة أخرى$/ })).toBeInTheDocument();
    expect(status().textContent).toMatch(/^عرض (100|١٠٠) من (250|٢٥٠) وحدة$/);
  });
});

describe('ModuleList near its end', () => {
  it('asks for more when the last rows loaded come into view, and not before', () => {
    const near = vi.fn();
    const { unmount } = render(<ModuleList modules={Array.from({ length: 100 }, (_, i) => summary(i))} setSize={300} onNearEnd={near} onOpen={() => undefined} />);
    expect(near).not.toHaveBeenCalled();
    unmount();
    render(<ModuleList modules={Array.from({ length: 12 }, (_, i) => summary(i))} setSize={300} onNearEnd={near} onOpen={() => undefined} />);
    expect(near).toHaveBeenCalled();
  });
});

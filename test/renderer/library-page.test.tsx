import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { LibraryQuery } from '../../shared/schemas/library-query';
import { App } from '../../renderer/src/app/App';
import { setBridge } from '../../renderer/src/lib/bridge';
import { EMPTY_FACETS, fakeBridge, listAnswer } from './fakes/fake-bridge';
import { moduleSummary } from './fakes/module-summary';

const summary = moduleSummary;

const MODULES = [summary('community-policing', 'Community Policing'), summary('police-dialogue', 'Police Dialogue'), summary('ethics', 'Ethics', { themes: ['ethics-and-anti-corruption'] })];

function libraryBridge() {
  const requests: LibraryQuery[] = [];
  const fake = fakeBridge({
    'library:list': (req) => {
      const query = (req ?? {}) as LibraryQuery;
      requests.push(query);
      const text = query.text?.toLowerCase() ?? '';
      const modules = MODULES.filter((m) => m.title.toLowerCase().includes(text)).filter((m) => !query.themes || m.themes.some((t) => query.themes?.includes(t)));
      return listAnswer(modules, req, {
        total: MODULES.length,
        facets: { ...EMPTY_FACETS, themes: { ...EMPTY_FACETS.themes, 'community-policing': 2, 'ethics-and-anti-corruption': 1 }, languages: { en: 3, fr: 0, ar: 0 } },
      });
    },
  });
  return { ...fake, requests };
}

describe('the library page', () => {

  it('lists modules as links to their pages', async () => {
    setBridge(libraryBridge().bridge);
    render(<App />);
    const list = await screen.findByRole('list', { name: 'Modules' });
    const links = await within(list).findAllByRole('link');
    expect(links.map((l) => l.getAttribute('href'))).toEqual(['#/library/community-policing', '#/library/police-dialogue', '#/library/ethics']);
  });

  it('searches as you type', async () => {
    const user = userEvent.setup();
    const fake = libraryBridge();
    setBridge(fake.bridge);
    render(<App />);
    await user.type(await screen.findByRole('searchbox', { name: 'Search modules' }), 'dial');
    expect(await screen.findByText(/^1 module/)).toBeInTheDocument();
    expect(fake.requests.at(-1)?.text).toBe('dial');
    expect(await within(screen.getByRole('list', { name: 'Modules' })).findAllByRole('link')).toHaveLength(1);
  });

  it('filters by a theme facet that shows its count', async () => {
    const user = userEvent.setup();
    const fake = libraryBridge();
    setBridge(fake.bridge);
    render(<App />);
    const filters = await screen.findByRole('complementary', { name: 'Filters' });
    const ethics = within(filters).getByRole('checkbox', { name: /Ethics and anti-corruption/ });
    expect(ethics.closest('label')).toHaveTextContent('1');
    await user.click(ethics);
    expect(await screen.findByText(/1 module/)).toBeInTheDocument();
    expect(fake.requests.at(-1)?.themes).toEqual(['ethics-and-anti-corruption']);
    await user.click(within(filters).getByRole('button', { name: 'Clear filters' }));
    expect(await screen.findByText('3 modules')).toBeInTheDocument();
  });

  it('moves between results with the arrow keys', async () => {
    const user = userEvent.setup();
    setBridge(libraryBridge().bridge);
    render(<App />);
    const list = await screen.findByRole('list', { name: 'Modules' });
    const [first, second] = await within(list).findAllByRole('link');
    first?.focus();
    await user.keyboard('{ArrowDown}');
    await screen.findByRole('link', { name: /Police Dialogue/ });
    await expect.poll(() => document.activeElement).toBe(second);
  });
});

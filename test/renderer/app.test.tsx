import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ModuleSummary } from '../../shared/schemas/library';
import type { StoreStatus } from '../../shared/schemas/store';
import { App } from '../../renderer/src/app/App';
import { setBridge } from '../../renderer/src/lib/bridge';
import { EMPTY_FACETS, fakeBridge, HEALTHY, listAnswer } from './fakes/fake-bridge';
import { moduleSummary } from './fakes/module-summary';

const MODULE: ModuleSummary = moduleSummary('hr-foundations', 'Human Rights Foundations for Policing', {
  summary: 'Why human rights are the basis of policing.',
  themes: ['human-rights-foundations'],
  minutes: 390,
  lessonCount: 3,
});

describe('the app shell', () => {
  it('shows the library with its modules first', async () => {
    setBridge(fakeBridge({ 'library:list': (req) => listAnswer([MODULE], req, { facets: { ...EMPTY_FACETS, themes: { ...EMPTY_FACETS.themes, 'human-rights-foundations': 1 } } }) }).bridge);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    const card = await screen.findByRole('link', { name: new RegExp(MODULE.title) });
    const item = card.closest('li') as HTMLElement;
    expect(within(item).getByText('6 h 30 min')).toBeInTheDocument();
    expect(within(item).getByText('3 lessons')).toBeInTheDocument();
    expect(within(item).getByText('Human rights foundations')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo', { name: 'Status' })).toHaveTextContent('/data/cc');
    expect(within(screen.getByRole('contentinfo', { name: 'Status' })).getByRole('status')).toHaveTextContent('All data saved');
  });

  it.each([
    ['disk-full', /The disk holding the data folder is full\. You can read everything, but no change can be saved: free some space, then restart/],
    ['read-only-media', /is read-only \(write-protected or mounted read-only\)/],
    ['no-permission', /This account may not write in the data folder/],
  ] as const)('says above every page, while the store is read-only (%s), that nothing can be saved and why', async (reason, text) => {
    const readOnly: StoreStatus = { ...HEALTHY, readOnly: { reason, message: 'in English, for the CLI' } };
    setBridge(fakeBridge({ 'store:status': () => readOnly }).bridge);
    render(<App />);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent(/^Nothing can be saved\./);
    expect(banner).toHaveTextContent(text);
    expect(within(banner).getByText('/data/cc')).toHaveAttribute('dir', 'ltr');
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    expect(within(screen.getByRole('contentinfo', { name: 'Status' })).getByRole('status')).toHaveTextContent('Read-only: nothing can be saved');
  });

  it('shows no read-only banner while the data can be saved', async () => {
    setBridge(fakeBridge().bridge);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    expect(screen.queryByText(/Nothing can be saved/)).toBeNull();
  });

  it('navigates with the sidebar', async () => {
    const user = userEvent.setup();
    setBridge(fakeBridge().bridge);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    await user.click(within(nav).getByRole('button', { name: 'Curricula' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Curricula' })).toBeInTheDocument();
    expect(await screen.findByText(/There are no courses yet/)).toBeInTheDocument();
    expect(within(nav).getByRole('button', { name: 'Curricula' })).toHaveAttribute('aria-current', 'page');
    expect(window.location.hash).toBe('#/curricula');
  });

  it('moves between sections with the arrow keys', async () => {
    const user = userEvent.setup();
    setBridge(fakeBridge().bridge);
    render(<App />);
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    within(nav).getByRole('button', { name: 'Library' }).focus();
    await user.keyboard('{ArrowDown}');
    expect(within(nav).getByRole('button', { name: 'Curricula' })).toHaveFocus();
    expect(screen.getByRole('heading', { level: 1, name: 'Curricula' })).toBeInTheDocument();
  });

  it('switches to Arabic, mirrors the layout and stores the choice', async () => {
    const user = userEvent.setup();
    const fake = fakeBridge();
    setBridge(fake.bridge);
    render(<App />);
    await user.click(await screen.findByRole('button', { name: 'Settings' }));
    await user.selectOptions(await screen.findByLabelText('Interface language'), 'ar');
    expect(await screen.findByRole('heading', { level: 1, name: 'الإعدادات' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'rtl');
    expect(document.documentElement).toHaveAttribute('lang', 'ar');
    expect(fake.invoke).toHaveBeenCalledWith('settings:update', { language: 'ar' });
  });

  it('starts in the language saved in settings', async () => {
    setBridge(fakeBridge({ 'settings:get': () => ({ language: 'fr' }) }).bridge);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Bibliothèque de modules' })).toBeInTheDocument();
    expect(document.documentElement).toHaveAttribute('dir', 'ltr');
  });

  it('opens the About box from the native menu and closes it with Escape', async () => {
    const user = userEvent.setup();
    const fake = fakeBridge();
    setBridge(fake.bridge);
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Module library' });
    // The shell subscribes to the menu in an effect: a command sent before that would go unheard (CI failed so once).
    await waitFor(() => {
      expect(fake.listening('menu:command')).toBe(true);
    });
    act(() => { fake.emit('menu:command', { command: 'about' }); });
    const dialog = await screen.findByRole('dialog', { name: 'About Curriculum Composer' });
    expect(await within(dialog).findByText('Version 1.2.3')).toBeInTheDocument();
    // The license texts themselves, each opened on demand, in a scroll region reachable by keyboard.
    const texts = await within(dialog).findByRole('region', { name: 'Third-party software' });
    expect(texts).toHaveAttribute('tabindex', '0');
    const react = within(texts).getByText('react 19').closest('summary') as HTMLElement;
    expect(react).toHaveTextContent('react 19 — MIT');
    const license = within(texts).getByText(/Copyright \(c\) Meta Platforms/);
    expect(license).not.toBeVisible();
    await user.click(react);
    expect(license).toBeVisible();
    expect(within(texts).getByText('This package ships no license file; its manifest names the license ISC.')).toBeInTheDocument();
    // Focus stays in the dialog.
    expect(within(dialog).getByRole('button', { name: 'Close' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('focuses the library search on the Find command', async () => {
    const fake = fakeBridge();
    setBridge(fake.bridge);
    window.location.hash = '#/settings';
    render(<App />);
    await screen.findByRole('heading', { level: 1, name: 'Settings' });
    await waitFor(() => {
      expect(fake.listening('menu:command')).toBe(true);
    });
    act(() => { fake.emit('menu:command', { command: 'find' }); });
    const search = await screen.findByRole('searchbox', { name: 'Search modules' });
    // Focused by an effect once the page is on screen, which may run after the box is found.
    await waitFor(() => {
      expect(search).toHaveFocus();
    });
  });
});

describe('the recovery screen', () => {
  const damaged: StoreStatus = {
    dataDir: '/data/cc',
    healthy: false,
    seeded: false,
    readOnly: null,
    problems: [
      {
        document: 'library',
        file: '/data/cc/library.json',
        kind: 'corrupt',
        message: 'The library file (library.json) is not valid JSON',
        newestGoodBackup: {
          id: 'library.20261125T100000000Z.json',
          document: 'library',
          file: 'library.json',
          subject: { kind: 'document' },
          createdAt: '2026-11-25T10:00:00.000Z',
          bytes: 1000,
          schemaVersion: 1,
          loadable: true,
        },
      },
    ],
  };

  it('explains the problem, keeps the file and restores the offered backup', async () => {
    const user = userEvent.setup();
    let status = damaged;
    const fake = fakeBridge({
      'store:status': () => status,
      'store:restore': () => (status = HEALTHY),
    });
    setBridge(fake.bridge);
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Your data needs attention' })).toBeInTheDocument();
    expect(screen.getByText('The file is damaged.')).toBeInTheDocument();
    expect(screen.getByText(/has been left exactly as it is/)).toHaveTextContent('/data/cc/library.json');
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(fake.invoke).toHaveBeenCalledWith('store:restore', { backupId: 'library.20261125T100000000Z.json' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
  });

  it('replaces the app with it when a library read in the background turns out damaged', async () => {
    const user = userEvent.setup();
    let settle: (status: StoreStatus) => void = () => undefined;
    let restored = false;
    const fake = fakeBridge({
      'store:status': (req) =>
        restored ? HEALTHY : (req as { settled?: boolean } | undefined)?.settled ? new Promise<StoreStatus>((resolve) => (settle = resolve)) : { ...HEALTHY, loading: ['library'] },
      'store:restore': () => {
        restored = true;
        return HEALTHY;
      },
    });
    setBridge(fake.bridge);
    render(<App />);
    // The app answers from the search index meanwhile...
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    expect(fake.invoke).toHaveBeenCalledWith('store:status', { settled: true });
    // ...until the library is read and found damaged: nothing can be edited then.
    act(() => {
      settle(damaged);
    });
    expect(await screen.findByRole('heading', { name: 'Your data needs attention' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { level: 1, name: 'Module library' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Restore this backup' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
  });

  it('keeps the app when the library read in the background is sound', async () => {
    const fake = fakeBridge({ 'store:status': (req) => ((req as { settled?: boolean } | undefined)?.settled ? HEALTHY : { ...HEALTHY, loading: ['library'] }) });
    setBridge(fake.bridge);
    render(<App />);
    expect(await screen.findByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    await vi.waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('store:status', { settled: true });
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Module library' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Your data needs attention' })).toBeNull();
  });

  it('says when there is no backup to restore', async () => {
    const noBackup: StoreStatus = { ...damaged, problems: damaged.problems.map((p) => ({ ...p, kind: 'too-new', newestGoodBackup: null })) };
    setBridge(fakeBridge({ 'store:status': () => noBackup }).bridge);
    render(<App />);
    expect(await screen.findByText(/written by a newer version/)).toBeInTheDocument();
    expect(screen.getByText(/There is no good backup to restore/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore this backup' })).not.toBeInTheDocument();
  });
});

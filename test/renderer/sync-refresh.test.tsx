import { act, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CurriculaPage } from '../../renderer/src/features/curricula/CurriculaPage';
import { LibraryPage } from '../../renderer/src/features/library/LibraryPage';
import { SyncProvider } from '../../renderer/src/features/sync/SyncProvider';
import { SyncStatusArea } from '../../renderer/src/features/sync/SyncStatusArea';
import { setBridge } from '../../renderer/src/lib/bridge';
import type { Channel } from '../../shared/ipc/channels';
import { fakeBridge } from './fakes/fake-bridge';
import { status } from './fixtures/sync';

describe('pages after a sync', () => {
  it('read the library and the courses again when a sync (here an automatic one) has finished', async () => {
    const fake = fakeBridge({ 'sync:status': () => status() });
    setBridge(fake.bridge);
    const calls = (channel: Channel) => fake.invoke.mock.calls.filter(([c]) => c === channel).length;
    render(
      <SyncProvider>
        <LibraryPage query={{ value: { sort: 'relevance' }, set: vi.fn() }} focusSearchSignal={0} onOpen={vi.fn()} />
        <CurriculaPage createRequested={false} onCreateHandled={vi.fn()} onOpen={vi.fn()} />
        <SyncStatusArea />
      </SyncProvider>,
    );
    await screen.findByRole('heading', { name: 'Module library' });
    await waitFor(() => {
      expect([calls('library:list'), calls('curriculum:list')].every((n) => n > 0)).toBe(true);
    });
    // The first status has arrived: later ones are compared with it.
    await screen.findByText(/^up to date/);
    const [library, courses] = [calls('library:list'), calls('curriculum:list')];
    // A status that says nothing new (the same last sync) reads nothing again.
    act(() => {
      fake.emit('sync:status', status({ running: true }));
    });
    act(() => {
      fake.emit('sync:status', status({ lastSyncAt: '2026-12-01T10:00:00.000Z' }));
    });
    await waitFor(() => {
      expect(calls('library:list')).toBe(library + 1);
    });
    expect(calls('curriculum:list')).toBe(courses + 1);
  });
});

import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setBridge } from '../../renderer/src/lib/bridge';
import { SyncProvider } from '../../renderer/src/features/sync/SyncProvider';
import { SyncStatusArea } from '../../renderer/src/features/sync/SyncStatusArea';
import { AppError } from '../../shared/errors';
import type { Req } from '../../shared/ipc/contract';
import type { SyncResult, SyncStatus } from '../../shared/schemas/sync';
import { fakeBridge, NOT_SHARED } from './fakes/fake-bridge';
import { status } from './fixtures/sync';

const NOTHING_RECEIVED: Extract<SyncResult, { outcome: 'done' }>['changes'] = {
  sent: 1,
  received: { modules: { added: [], changed: [], removed: [] }, courses: { added: [], changed: [], removed: [] } },
  merged: [],
  coursesWithUpdates: [],
  pushed: true,
  retries: 0,
};

function bar(answers: Parameters<typeof fakeBridge>[0]) {
  const fake = fakeBridge(answers);
  setBridge(fake.bridge);
  render(
    <SyncProvider>
      <SyncStatusArea />
    </SyncProvider>,
  );
  return fake;
}

const text = async () => (await screen.findByRole('group', { name: 'Shared library' })).textContent;

describe('the shared library in the status bar', () => {
  it('shows nothing for a library that is not connected', async () => {
    const fake = bar({ 'sync:status': () => NOT_SHARED });
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('sync:status', undefined);
    });
    expect(screen.queryByRole('group', { name: 'Shared library' })).toBeNull();
  });

  it.each([
    [status({ state: 'ahead', ahead: 1, localChanges: 3 }), /Shared library:\s*3 changes to send · last synced/],
    [status({ state: 'behind', behind: 1 }), /1 update to receive · last synced/],
    [status({ state: 'diverged', ahead: 2, localChanges: 0, behind: 4 }), /2 changes to send, 4 updates to receive/],
    [status({ state: 'never-synced', lastSyncAt: null }), /Shared library:\s*not synced yet/],
    [status({ state: 'error', lastError: { code: 'sync-offline', message: 'connect ECONNREFUSED' } }), /offline: the shared library cannot be reached · last synced/],
    [status({ state: 'error', lastError: { code: 'sync-auth', message: 'HTTP 401' } }), /the access token was refused: check it in Settings/],
    [status({ state: 'error', lastError: { code: 'sync-locked', message: 'refs/heads/main.lock' } }), /the shared folder is locked by another sync: sync again in a minute/],
    [status({ state: 'error', lastError: { code: 'io-error', message: 'EACCES' } }), /the last sync failed/],
    [status({ running: true }), /syncing…/],
  ] satisfies [SyncStatus, RegExp][])('words the state in plain words (%#)', async (given, words) => {
    bar({ 'sync:status': () => given });
    await waitFor(async () => {
      expect(await text()).toMatch(words);
    });
  });

  it('syncs with progress and cancel, then says how it ended; a status event keeps it current', async () => {
    const user = userEvent.setup();
    let finish: (result: SyncResult) => void = () => undefined;
    let fail: (error: Error) => void = () => undefined;
    const fake = bar({
      'sync:status': () => status({ state: 'ahead', localChanges: 2, ahead: 1 }),
      'sync:now': () =>
        new Promise<SyncResult>((resolve, reject) => {
          finish = resolve;
          fail = reject;
        }),
      'task:cancel': () => {
        fail(new AppError('cancelled', 'Sync cancelled'));
        return { cancelled: true };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Sync now' }));
    const { taskId } = fake.invoke.mock.calls.find(([channel]) => channel === 'sync:now')?.[1] as { taskId: string };
    act(() => {
      fake.emit('task:progress', { taskId, done: 1, total: 5, label: 'Fetching' });
    });
    const group = screen.getByRole('group', { name: 'Shared library' });
    expect(within(group).getByText('Receiving changes')).toBeVisible();
    expect(within(group).getByRole('progressbar', { name: 'Progress of the sync' })).toHaveAttribute('value', '20');
    await user.click(within(group).getByRole('button', { name: 'Cancel' }));
    expect(fake.invoke).toHaveBeenCalledWith('task:cancel', { taskId });
    expect(await within(group).findByText('sync cancelled; nothing was lost')).toBeVisible();
    // Not a problem: the dot says so even while an earlier failure is still on record.
    expect(group.querySelector('.dot')).toHaveClass('dot--pending');

    await user.click(within(group).getByRole('button', { name: 'Sync now' }));
    // The answer's status was read while the sync still held the library (running): it is over now.
    act(() => {
      finish({ outcome: 'done', changes: NOTHING_RECEIVED, status: status({ running: true }) });
    });
    expect(await within(group).findByText(/^up to date · last synced/)).toBeVisible();
    expect(within(group).getByRole('button', { name: 'Sync now' })).toBeEnabled();
    act(() => {
      fake.emit('sync:status', status({ state: 'error', lastError: { code: 'sync-offline', message: 'offline' } }));
    });
    expect(await within(group).findByText(/^offline: the shared library cannot be reached/)).toBeVisible();
  });

  it('offers to resolve conflicts, and reads the status again after a local change is saved or the page changes', async () => {
    let current = status({ state: 'conflicts' });
    const fake = bar({ 'sync:status': () => current });
    const link = await screen.findByRole('link', { name: 'Resolve conflicts…' });
    expect(link).toHaveAttribute('href', '#/settings/sync-conflicts');
    current = status({ state: 'ahead', localChanges: 1, ahead: 1 });
    const before = fake.invoke.mock.calls.filter(([channel]) => channel === 'sync:status').length;
    act(() => {
      window.location.hash = '#/library';
    });
    await waitFor(() => {
      expect(fake.invoke.mock.calls.filter(([channel]) => channel === 'sync:status').length).toBeGreaterThan(before);
    });
    expect(await screen.findByText(/^1 change to send/)).toBeVisible();
    expect(screen.queryByRole('link', { name: 'Resolve conflicts…' })).toBeNull();
  });

  it('says a refusal the back end does not keep in the status (a sync already running)', async () => {
    const user = userEvent.setup();
    bar({
      'sync:status': () => status(),
      'sync:now': (req) => {
        expect((req as Req<'sync:now'>)?.taskId).toEqual(expect.any(String));
        throw new AppError('sync-busy', 'A sync is already running for this library.');
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Sync now' }));
    expect(await screen.findByText('A sync is already running.')).toBeVisible();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setBridge } from '../../renderer/src/lib/bridge';
import { SyncConflictsPage } from '../../renderer/src/features/sync/SyncConflictsPage';
import { SyncProvider } from '../../renderer/src/features/sync/SyncProvider';
import { SyncStatusArea } from '../../renderer/src/features/sync/SyncStatusArea';
import { AppError } from '../../shared/errors';
import type { Req } from '../../shared/ipc/contract';
import type { SyncConflict, SyncResult } from '../../shared/schemas/sync';
import { fakeBridge } from './fakes/fake-bridge';
import { status } from './fixtures/sync';

const RESOLVE_1 = `${'a'.repeat(40)}.${'b'.repeat(40)}`;
const RESOLVE_2 = `${'c'.repeat(40)}.${'d'.repeat(40)}`;

const text = (value: string) => ({ kind: 'text' as const, text: value });

/** The same field changed on both sides (the title), and one changed on one side only (the summary). */
const TITLE_CONFLICT: SyncConflict = {
  kind: 'module',
  id: 'arrest',
  title: 'Arrest (ours)',
  reason: 'both-changed',
  choose: 'fields',
  fields: [
    { key: 'title', source: 'conflict', base: text('Arrest'), mine: text('Arrest (ours)'), theirs: text('Arrest (theirs)') },
    { key: 'summary', source: 'mine', base: { kind: 'markdown', text: 'Old summary.' }, mine: { kind: 'markdown', text: 'Our summary.' }, theirs: { kind: 'markdown', text: 'Old summary.' } },
  ],
  conflicts: ['title'],
};

/** Deleted in the shared library, edited here: kept or deleted as a whole. */
const DELETED_THERE: SyncConflict = {
  kind: 'module',
  id: 'patrol',
  title: 'Patrol',
  reason: 'deleted-there',
  choose: 'whole',
  fields: [{ key: 'title', source: 'conflict', base: text('Patrol basics'), mine: text('Patrol'), theirs: { kind: 'absent' } }],
  conflicts: [],
};

const COURSE: SyncConflict = {
  kind: 'course',
  id: 'foundation',
  title: 'Foundation course',
  reason: 'both-changed',
  choose: 'whole',
  fields: [{ key: 'days', source: 'conflict', base: { kind: 'json', text: '10' }, mine: { kind: 'json', text: '9' }, theirs: { kind: 'json', text: '11' } }],
  conflicts: [],
};

const stopped = (resolveId: string, conflicts: SyncConflict[]): SyncResult => ({ outcome: 'conflicts', resolveId, conflicts, status: status({ state: 'conflicts' }) });

function page(answers: Parameters<typeof fakeBridge>[0]) {
  const fake = fakeBridge(answers);
  setBridge(fake.bridge);
  render(
    <SyncProvider>
      <SyncConflictsPage />
      <SyncStatusArea />
    </SyncProvider>,
  );
  return fake;
}

const resolves = (fake: ReturnType<typeof fakeBridge>) => fake.invoke.mock.calls.filter(([channel]) => channel === 'sync:resolve').map(([, req]) => req as Req<'sync:resolve'>);

describe('the conflicts of a sync', () => {
  it('shows each field on both sides as a pack conflict does, takes a choice per field and whole items, and resolves', async () => {
    const user = userEvent.setup();
    let round = 0;
    const fake = page({
      'sync:status': () => status({ state: 'conflicts' }),
      'sync:now': () => stopped(RESOLVE_1, [TITLE_CONFLICT, DELETED_THERE, COURSE]),
      'sync:resolve': () => {
        round += 1;
        return round === 1
          ? stopped(RESOLVE_2, [{ ...TITLE_CONFLICT, fields: [{ key: 'title', source: 'conflict', base: text('Arrest'), mine: text('Arrest (ours)'), theirs: text('Arrest (theirs, again)') }] }])
          : { outcome: 'done', changes: { sent: 1, received: { modules: { added: [], changed: ['arrest'], removed: [] }, courses: { added: [], changed: [], removed: [] } }, merged: ['arrest'], coursesWithUpdates: [], pushed: true, retries: 0 }, status: status() };
      },
    });
    // Not yet in memory (the page was opened from the status bar after a restart): shown by syncing again.
    await user.click(await screen.findByRole('button', { name: 'Show the conflicts' }));

    const arrest = await screen.findByRole('region', { name: 'Arrest (ours)' });
    expect(within(arrest).getByText(/changed here and in the shared library/)).toBeVisible();
    const title = within(arrest).getByRole('group', { name: 'Title' });
    // Headings one level under the item's (h2 on this page), as in the pack preview.
    expect(within(title).getByRole('heading', { level: 3, name: /^Title/ })).toBeVisible();
    for (const [side, value] of [['Before (the last version both had)', 'Arrest'], ['Yours (this library)', 'Arrest (ours)'], ['Theirs (the shared library)', 'Arrest (theirs)']]) {
      expect(within(title).getByText(side as string).nextElementSibling).toHaveTextContent(value as string);
    }
    // Merged by itself: shown, no choice asked.
    const summary = within(arrest).getByRole('group', { name: 'Summary' });
    expect(within(summary).getByText('changed here: yours is kept')).toBeVisible();
    expect(within(summary).queryByRole('radio')).toBeNull();
    expect(within(title).getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    await user.click(within(title).getByRole('radio', { name: 'Take theirs' }));

    const patrol = screen.getByRole('region', { name: 'Patrol' });
    expect(within(patrol).getByText(/deleted in the shared library, changed here/)).toBeVisible();
    expect(within(patrol).getByText('Not in this version')).toBeVisible();
    expect(within(patrol).getByRole('radio', { name: 'Keep it with my changes (it comes back for everyone)' })).toBeChecked();
    await user.click(within(patrol).getByRole('radio', { name: 'Delete it here too' }));
    const course = screen.getByRole('region', { name: 'Foundation course' });
    expect(within(course).getByRole('group', { name: 'Days' })).toBeVisible();

    await user.click(screen.getByRole('button', { name: 'Apply my choices and sync' }));
    // Either side moved on meanwhile: the conflicts as they now are, to choose again.
    expect(await screen.findByText(/these are the conflicts as they are now/)).toBeVisible();
    expect(resolves(fake)).toEqual([
      {
        resolveId: RESOLVE_1,
        choices: { modules: { arrest: { fields: { title: 'theirs' } }, patrol: { take: 'theirs' } }, courses: { foundation: { take: 'mine' } }, references: {} },
        taskId: expect.any(String) as string,
      },
    ]);
    const again = screen.getByRole('region', { name: 'Arrest (ours)' });
    expect(within(again).getByText('Arrest (theirs, again)')).toBeVisible();
    expect(within(again).getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Apply my choices and sync' }));
    expect(await screen.findByText('The conflicts are resolved and the library is synced.')).toBeVisible();
    expect(screen.getByText('1 module changed on both sides was merged field by field.')).toBeVisible();
    expect(resolves(fake)[1]).toMatchObject({ resolveId: RESOLVE_2, choices: { modules: { arrest: { fields: { title: 'mine' } } } } });
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: 'Resolve conflicts…' })).toBeNull();
    });
  });

  it('keeps the choices made when a resolve is cancelled, and applies nothing twice while it runs', async () => {
    const user = userEvent.setup();
    let reject: (error: Error) => void = () => undefined;
    const fake = page({
      'sync:status': () => status({ state: 'conflicts' }),
      'sync:now': () => stopped(RESOLVE_1, [TITLE_CONFLICT]),
      'sync:resolve': () =>
        new Promise<SyncResult>((_resolve, fail) => {
          reject = fail;
        }),
      'task:cancel': () => {
        reject(new AppError('cancelled', 'Sync cancelled'));
        return { cancelled: true };
      },
    });
    await user.click(await screen.findByRole('button', { name: 'Show the conflicts' }));
    await user.click(within(await screen.findByRole('group', { name: 'Title' })).getByRole('radio', { name: 'Take theirs' }));
    await user.click(screen.getByRole('button', { name: 'Apply my choices and sync' }));
    expect(screen.getByRole('button', { name: 'Apply my choices and sync' })).toBeDisabled();
    const progress = screen.getAllByRole('button', { name: 'Cancel' })[0];
    if (!progress) throw new Error('no Cancel button while the resolve runs');
    await user.click(progress);
    await waitFor(() => {
      expect(screen.getByRole('button', { name: 'Apply my choices and sync' })).toBeEnabled();
    });
    expect(within(screen.getByRole('group', { name: 'Title' })).getByRole('radio', { name: 'Take theirs' })).toBeChecked();
    expect(resolves(fake)).toHaveLength(1);
  });

  it('says when there is nothing to resolve', async () => {
    page({ 'sync:status': () => status() });
    expect(await screen.findByText('There are no conflicts to resolve.')).toBeVisible();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { RevisionHistory } from '../../renderer/src/features/history/RevisionHistory';
import { setBridge } from '../../renderer/src/lib/bridge';
import { AppError } from '../../shared/errors';
import type { Req } from '../../shared/ipc/contract';
import type { HistoryDiff } from '../../shared/schemas/sync';
import { curriculum, moduleItem, sampleModule, session } from '../unit/curriculum/sample';
import { fakeBridge } from './fakes/fake-bridge';
import { entry } from './fixtures/sync';

const module = sampleModule('hr-foundations');
const first = entry('1', { revision: 1, change: 'added', message: 'Added Human Rights Foundations for Policing', author: { name: 'Designer A', email: 'a@academy.example' } });
const second = entry('2', { revision: 2, message: 'Changed Human Rights Foundations for Policing', author: { name: 'Amina Haddad', email: 'amina@academy.example' }, date: '2026-12-02T09:00:00.000Z' });

function diffOf(from: typeof first, to: typeof first | null): HistoryDiff {
  return {
    from,
    to: to ?? { ...second, message: 'The current version in this library' },
    fields: [{ key: 'title', before: { kind: 'text', text: 'Human Rights Foundations' }, after: { kind: 'text', text: to ? 'Foundations (revision 2)' : 'Foundations now' } }],
  };
}

function history(answers: Parameters<typeof fakeBridge>[0], which: { module: string } | { course: string } = { module: module.id }) {
  const fake = fakeBridge(answers);
  setBridge(fake.bridge);
  const onRestored = vi.fn();
  render(<RevisionHistory which={which} title="Human Rights Foundations for Policing" headingId="h" onRestored={onRestored} />);
  return { fake, onRestored };
}

describe("a module's shared history", () => {
  it('says how to get one when the library is not shared', async () => {
    history({});
    expect(await screen.findByText(/Connect this library to a shared library \(Settings\)/)).toBeVisible();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('lists who changed it, when and why; opens a version in full; compares two versions field by field', async () => {
    const user = userEvent.setup();
    const { fake } = history({
      'history:list': () => ({ available: true, entries: [second, first] }),
      'history:show': () => ({ entry: first, module }),
      'history:diff': (req) => {
        const { from, to } = req as Req<'history:diff'> & { from: string; to?: string };
        return diffOf(from === first.commit ? first : second, to === second.commit ? second : null);
      },
    });
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.querySelector('.revision-history__who')?.textContent)).toEqual([
      expect.stringMatching(/^Revision 2 · Amina Haddad · Dec \d, 2026/) as string,
      expect.stringMatching(/^Revision 1 · Designer A · Dec \d, 2026/) as string,
    ]);
    expect(within(items[1] as HTMLElement).getByText('Added Human Rights Foundations for Policing')).toBeVisible();
    expect(fake.invoke).toHaveBeenCalledWith('history:list', { module: module.id, limit: 200 });

    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Open' }));
    const shown = await screen.findByRole('dialog', { name: /“?Human Rights Foundations for Policing.*”, an earlier version/ });
    expect(fake.invoke).toHaveBeenCalledWith('history:show', { module: module.id, commit: first.commit });
    expect(within(shown).getByText(/Revision 1 · .*Designer A/)).toBeVisible();
    expect(within(shown).getAllByRole('heading', { name: /^Lesson 1\.\d/ }).length).toBe(module.lessons.length);
    await user.click(within(shown).getByRole('button', { name: 'Close' }));

    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Compare' }));
    const diff = await screen.findByRole('dialog', { name: /What changed in/ });
    const title = await within(diff).findByRole('group', { name: 'Title' });
    expect(within(title).getByText(/^Before: Revision 1 · .*Designer A/).nextElementSibling).toHaveTextContent('Human Rights Foundations');
    expect(within(title).getByText('Now, in this library').nextElementSibling).toHaveTextContent('Foundations now');
    expect(fake.invoke).toHaveBeenCalledWith('history:diff', { module: module.id, from: first.commit });
    await user.selectOptions(within(diff).getByLabelText('To'), second.commit);
    expect(await within(diff).findByText('Foundations (revision 2)')).toBeVisible();
    expect(within(diff).getByText(/^After: Revision 2 · .*Amina Haddad/)).toBeVisible();
    expect(fake.invoke).toHaveBeenCalledWith('history:diff', { module: module.id, from: first.commit, to: second.commit });
  });

  it('puts an old revision back as a new change after asking, and undoes it', async () => {
    const user = userEvent.setup();
    let undone = 0;
    const { fake, onRestored } = history({
      'history:list': () => ({ available: true, entries: [second, first] }),
      'history:restore': () => ({ subject: { module: module.id }, from: first.commit, revision: 3 }),
      'history:undo-restore': () => {
        undone += 1;
        if (undone === 1) throw new AppError('conflict', '"Human Rights Foundations" was changed again after the restore');
        return { subject: { module: module.id }, from: first.commit, revision: 4 };
      },
    });
    const items = await screen.findAllByRole('listitem');
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValue(true);
    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Restore' }));
    expect(fake.invoke).not.toHaveBeenCalledWith('history:restore', expect.anything());
    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Restore' }));
    expect(confirm).toHaveBeenLastCalledWith(expect.stringMatching(/^Put back Revision 1 from .*2026.*\? It becomes a new change, shared at the next sync, and you can undo it\.$/));
    expect(await screen.findByText(/Revision 1 is back, as revision 3\. It will be shared at the next sync\./)).toBeVisible();
    expect(fake.invoke).toHaveBeenCalledWith('history:restore', { module: module.id, commit: first.commit });
    expect(onRestored).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/was changed again after the restore/);
    expect(onRestored).toHaveBeenCalledTimes(1);
    await user.click(within(items[1] as HTMLElement).getByRole('button', { name: 'Restore' }));
    await user.click(await screen.findByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('The restore was undone.')).toBeVisible();
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalledTimes(3);
    });
  });
});

describe("a course's shared history", () => {
  it('names course fields and opens a course version with its modules and sessions', async () => {
    const user = userEvent.setup();
    const course = curriculum([moduleItem('hr-foundations'), session('closing', 30, { title: 'Closing circle' })], { title: 'Foundation course', days: 2 });
    const version = entry('3', { revision: null, title: 'Foundation course' });
    history(
      {
        'history:list': () => ({ available: true, entries: [version] }),
        'history:show': () => ({ entry: version, course }),
        'history:diff': () => ({ from: version, to: version, fields: [{ key: 'days', before: { kind: 'json', text: '2' }, after: { kind: 'json', text: '3' } }] }),
      },
      { course: course.id },
    );
    const item = await screen.findByRole('listitem');
    expect(item).toHaveTextContent(/^Changed · Designer A/);
    await user.click(within(item).getByRole('button', { name: 'Open' }));
    const shown = await screen.findByRole('dialog', { name: /an earlier version/ });
    expect(within(shown).getByText('2 days', { exact: false })).toBeVisible();
    expect(within(shown).getByText('Closing circle')).toBeVisible();
    expect(within(shown).getByText(sampleModule('hr-foundations').title)).toBeVisible();
    await user.click(within(shown).getByRole('button', { name: 'Close' }));
    await user.click(within(item).getByRole('button', { name: 'Compare' }));
    expect(await screen.findByRole('group', { name: 'Days' })).toBeVisible();
  });
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CurriculumSummary } from '../../shared/schemas/curricula';
import { CurriculaPage } from '../../renderer/src/features/curricula/CurriculaPage';
import { setBridge } from '../../renderer/src/lib/bridge';
import { curriculum } from './composer-fixture';
import { fakeBridge } from './fakes/fake-bridge';

const FOUNDATION: CurriculumSummary = {
  id: 'foundation',
  title: 'Foundation course for recruits',
  status: 'approved',
  days: 10,
  modules: 9,
  language: 'en',
  updatedAt: '2026-11-20T09:00:00.000Z',
  archived: false,
};
const GENDER: CurriculumSummary = { ...FOUNDATION, id: 'gender', title: 'Égalité et police', status: 'draft', days: 3, modules: 2, language: 'fr' };
const OLD: CurriculumSummary = { ...FOUNDATION, id: 'old', title: 'Old pilot course', archived: true };

function setup(list: CurriculumSummary[] = [FOUNDATION, GENDER, OLD]) {
  const stored = curriculum([], { id: 'foundation', title: FOUNDATION.title, updatedAt: FOUNDATION.updatedAt });
  const fake = fakeBridge({
    'curriculum:list': (req) => list.filter((c) => (req as { includeArchived?: boolean } | undefined)?.includeArchived === true || !c.archived),
    'curriculum:create': (req) => curriculum([], { id: 'new-course', title: (req as { title: string }).title }),
    'curriculum:get': () => ({ curriculum: stored, archived: false, schedule: {} as never, checks: [], coverage: {} as never }),
    'curriculum:save': (req) => ({ ...FOUNDATION, title: (req as { curriculum: typeof stored }).curriculum.title }),
    'curriculum:duplicate': (req) => curriculum([], { id: 'copy', title: (req as { title: string }).title }),
    'curriculum:archive': (req) => ({ ...FOUNDATION, archived: (req as { archived: boolean }).archived }),
    'curriculum:delete': () => ({ deleted: FOUNDATION }),
  });
  setBridge(fake.bridge);
  const onOpen = vi.fn();
  const onCreateHandled = vi.fn();
  const view = render(<CurriculaPage createRequested={false} onCreateHandled={onCreateHandled} onOpen={onOpen} />);
  return { fake, onOpen, onCreateHandled, view };
}

function row(title: RegExp): HTMLElement {
  return screen.getByRole('link', { name: title }).closest('tr') as HTMLElement;
}

describe('the curricula list', () => {
  it('lists courses with their facts, filters by title (ignoring accents) and shows archived ones on request', async () => {
    const user = userEvent.setup();
    const { fake } = setup();
    expect(await screen.findByRole('link', { name: 'Foundation course for recruits' })).toBeInTheDocument();
    const foundation = row(/Foundation/);
    expect(within(foundation).getByText('Approved')).toBeInTheDocument();
    expect(within(foundation).getByText('10')).toBeInTheDocument();
    expect(within(foundation).getByText('9')).toBeInTheDocument();
    expect(within(foundation).getByText('English')).toBeInTheDocument();
    expect(within(row(/Égalité/)).getByText('French')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Old pilot course' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search by title' }), 'egalite');
    await waitFor(() => {
      expect(screen.queryByRole('link', { name: /Foundation/ })).not.toBeInTheDocument();
    });
    expect(screen.getByRole('link', { name: 'Égalité et police' })).toBeInTheDocument();
    expect(screen.getByText('1 course')).toBeInTheDocument();
    await user.clear(screen.getByRole('searchbox', { name: 'Search by title' }));

    await user.click(screen.getByRole('checkbox', { name: 'Show archived courses' }));
    expect(await screen.findByRole('link', { name: 'Old pilot course' })).toBeInTheDocument();
    expect(within(row(/Old pilot/)).getByText('Archived')).toBeInTheDocument();
    expect(fake.invoke).toHaveBeenCalledWith('curriculum:list', { includeArchived: true });
  });

  it('says so when there are no courses', async () => {
    setup([]);
    expect(await screen.findByText(/There are no courses yet/)).toBeInTheDocument();
  });

  it('creates an empty course with a title, days and language, then opens it', async () => {
    const user = userEvent.setup();
    const { fake, onOpen } = setup();
    await user.click(await screen.findByRole('button', { name: 'New course' }));
    const dialog = screen.getByRole('dialog', { name: 'New course' });
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Create and open' }));
    expect(within(dialog).getByText('Give the course a title.')).toBeInTheDocument();
    expect(fake.invoke).not.toHaveBeenCalledWith('curriculum:create', expect.anything());
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Community policing week');
    await user.clear(within(dialog).getByRole('spinbutton', { name: 'Number of days' }));
    await user.type(within(dialog).getByRole('spinbutton', { name: 'Number of days' }), '5');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Language of the course' }), 'ar');
    await user.click(within(dialog).getByRole('button', { name: 'Create and open' }));
    await waitFor(() => {
      expect(onOpen).toHaveBeenCalledWith({ section: 'curricula', view: 'composer', curriculumId: 'new-course' });
    });
    expect(fake.invoke).toHaveBeenCalledWith('curriculum:create', { title: 'Community policing week', moduleIds: [], days: 5, language: 'ar' });
  });

  it('renames by saving the course against the version it read', async () => {
    const user = userEvent.setup();
    const { fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Rename Foundation course for recruits' }));
    const dialog = screen.getByRole('dialog', { name: 'Rename the course' });
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Basic course{Enter}');
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(fake.invoke).toHaveBeenCalledWith('curriculum:save', {
      curriculum: expect.objectContaining({ id: 'foundation', title: 'Basic course' }) as unknown,
      baseUpdatedAt: FOUNDATION.updatedAt,
    });
  });

  it('duplicates under a title it asks for', async () => {
    const user = userEvent.setup();
    const { fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Duplicate Foundation course for recruits' }));
    const dialog = screen.getByRole('dialog', { name: 'Duplicate the course' });
    expect(within(dialog).getByRole('textbox', { name: 'Title' })).toHaveValue('Foundation course for recruits (copy)');
    await user.click(within(dialog).getByRole('button', { name: 'Duplicate' }));
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('curriculum:duplicate', { id: 'foundation', title: 'Foundation course for recruits (copy)' });
    });
  });

  it('archives and restores', async () => {
    const user = userEvent.setup();
    const { fake } = setup();
    await user.click(await screen.findByRole('button', { name: 'Archive Foundation course for recruits' }));
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('curriculum:archive', { id: 'foundation', archived: true });
    });
    await user.click(screen.getByRole('checkbox', { name: 'Show archived courses' }));
    await user.click(await screen.findByRole('button', { name: 'Restore Old pilot course from the archive' }));
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('curriculum:archive', { id: 'old', archived: false });
    });
  });

  it('deletes only after a confirmation that has Cancel focused, and Escape cancels', async () => {
    const user = userEvent.setup();
    const { fake } = setup();
    const remove = await screen.findByRole('button', { name: 'Delete Foundation course for recruits' });
    await user.click(remove);
    let dialog = screen.getByRole('alertdialog', { name: 'Delete this course?' });
    expect(within(dialog).getByRole('button', { name: 'Cancel' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();
    expect(remove).toHaveFocus();
    expect(fake.invoke).not.toHaveBeenCalledWith('curriculum:delete', expect.anything());
    await user.click(remove);
    dialog = screen.getByRole('alertdialog', { name: 'Delete this course?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete for good' }));
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('curriculum:delete', { id: 'foundation', confirmed: true });
    });
  });

  it('opens the New course dialog when the menu asks for it', async () => {
    const fake = fakeBridge({ 'curriculum:list': () => [] });
    setBridge(fake.bridge);
    const onCreateHandled = vi.fn();
    render(<CurriculaPage createRequested onCreateHandled={onCreateHandled} onOpen={vi.fn()} />);
    const dialog = await screen.findByRole('dialog', { name: 'New course' });
    await userEvent.setup().click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(onCreateHandled).toHaveBeenCalled();
  });
});

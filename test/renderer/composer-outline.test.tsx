import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CurriculumItem, ModuleItem } from '../../shared/schemas/curriculum';
import { Composer } from '../../renderer/src/features/composer/Composer';
import { composerBackend, curriculum, moduleItem, session } from './composer-fixture';

/** Waits for the autosave after a change (it waits for a pause of under a second). */
const SAVED = { timeout: 4000 };

function outline(): HTMLElement {
  return screen.getByRole('region', { name: 'Course outline' });
}

/** The titles of the outline's rows, in order. */
function rowTitles(): string[] {
  return within(outline())
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent);
}

/** jsdom has no layout: give each outline row a box, one under the other, so dnd-kit can measure them. */
function layOutRows(): void {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    const row = this.closest('.composer-item');
    const index = row?.parentElement ? [...row.parentElement.children].indexOf(row) : -1;
    const top = index < 0 ? 0 : index * 100;
    const height = index < 0 ? 0 : 90;
    return { top, bottom: top + height, left: 0, right: 600, width: index < 0 ? 0 : 600, height, x: 0, y: top, toJSON: () => ({}) };
  });
}

/** Chooses an entry of an outline row's menu of actions. */
async function rowAction(user: ReturnType<typeof userEvent.setup>, name: string, action: string): Promise<void> {
  await user.click(screen.getByRole('button', { name: `Actions for ${name}` }));
  await user.click(screen.getByRole('menuitem', { name: action }));
}

async function openComposer(items: CurriculumItem[] = [moduleItem('hr-foundations'), moduleItem('ethics-integrity'), moduleItem('use-of-force-firearms')]) {
  const backend = composerBackend(curriculum(items));
  render(<Composer curriculumId="test-course" onOpen={vi.fn()} />);
  await screen.findByRole('heading', { level: 1, name: 'Test course' });
  return backend;
}

describe('the composer outline', () => {
  it('adds a module from the library as a snapshot and saves it against the stored version', async () => {
    const user = userEvent.setup();
    const backend = await openComposer([]);
    expect(screen.getByText(/The course has no modules yet/)).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: 'Search the library' }), 'ethics');
    await user.click(await screen.findByRole('button', { name: 'Add Police ethics and integrity to the course' }));
    expect(await within(outline()).findByRole('heading', { name: /Module 1\s+Police ethics and integrity/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(backend.saves).toHaveLength(1);
    }, SAVED);
    const [save] = backend.saves;
    expect(save?.baseUpdatedAt).toBe('2026-01-05T09:00:00.000Z');
    const item = save?.curriculum.items[0] as ModuleItem;
    expect(item).toMatchObject({ kind: 'module', id: 'ethics-integrity', moduleId: 'ethics-integrity', revision: item.snapshot.revision, lessons: [] });
    expect(item.snapshot.title).toBe('Police ethics and integrity');
    expect(await screen.findByText('All changes saved')).toBeInTheDocument();
  });

  it('reorders with the Move buttons and by keyboard drag and drop, then saves the order', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    layOutRows();
    await rowAction(user, 'Module 1: Human Rights Foundations for Policing', 'Move Module 1: Human Rights Foundations for Policing down');
    expect(rowTitles()[0]).toMatch(/Police ethics/);
    expect(rowTitles()[1]).toMatch(/Human Rights Foundations/);

    // Keyboard drag and drop: Space picks the row up by its handle, ArrowDown moves it, Space drops it.
    const handle = screen.getByRole('button', { name: 'Reorder Module 1: Police ethics and integrity' });
    handle.focus();
    await user.keyboard(' ');
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{ArrowDown}');
    await user.keyboard(' ');
    await waitFor(() => {
      expect(rowTitles()[2]).toMatch(/Police ethics/);
    });
    expect(rowTitles()[0]).toMatch(/Module 1\s+Human Rights Foundations/);
    expect(rowTitles()[1]).toMatch(/Module 2\s+Use of Force/);
    await waitFor(() => {
      expect(backend.stored().items.map((i) => i.id)).toEqual(['hr-foundations', 'use-of-force-firearms', 'ethics-integrity']);
    }, SAVED);
  });

  it('removes an item, and undo and redo bring it back and take it away again', async () => {
    const user = userEvent.setup();
    await openComposer();
    await rowAction(user, 'Module 2: Police ethics and integrity', 'Remove Module 2: Police ethics and integrity from the course');
    expect(rowTitles()).toHaveLength(2);
    expect(screen.getByText(/removed from the course/)).toBeInTheDocument();
    // Focus went to the next row's handle: Ctrl+Z there undoes.
    expect(screen.getByRole('button', { name: /Reorder Module 2: Use of Force/ })).toHaveFocus();
    await user.keyboard('{Control>}z{/Control}');
    expect(rowTitles()).toHaveLength(3);
    expect(screen.getByRole('button', { name: 'Redo' })).toHaveAttribute('title', 'Redo: Remove Module 2: Police ethics and integrity');
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(rowTitles()).toHaveLength(2);
    await user.keyboard('{Control>}z{/Control}');
    await user.keyboard('{Control>}y{/Control}');
    expect(rowTitles()).toHaveLength(2);
  });

  it('undoes and redoes from the native Edit menu', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    const { listenForEditCommands } = await import('../../renderer/src/lib/edit-commands');
    const stop = listenForEditCommands();
    await rowAction(user, 'Module 1: Human Rights Foundations for Policing', 'Remove Module 1: Human Rights Foundations for Policing from the course');
    expect(rowTitles()).toHaveLength(2);
    act(() => {
      backend.fake.emit('menu:command', { command: 'undo' });
    });
    expect(rowTitles()).toHaveLength(3);
    act(() => {
      backend.fake.emit('menu:command', { command: 'redo' });
    });
    expect(rowTitles()).toHaveLength(2);
    stop();
  });

  it('leaves a lesson out and takes it back, updating the time, and saves the override', async () => {
    const user = userEvent.setup();
    const backend = await openComposer([moduleItem('hr-foundations')]);
    await user.click(within(outline()).getByRole('button', { name: 'Show the lessons (3)' }));
    expect(screen.getByText('3 of 3 lessons taught')).toBeInTheDocument();
    const include = screen.getByRole('checkbox', { name: /Teach lesson 1\.2/ });
    await user.click(include);
    expect(include).not.toBeChecked();
    expect(screen.getByText('2 of 3 lessons taught')).toBeInTheDocument();
    expect(screen.getByText('Left out')).toBeInTheDocument();
    await waitFor(() => {
      expect((backend.stored().items[0] as ModuleItem).lessons).toEqual([{ lessonCode: '1.2', omit: true }]);
    }, SAVED);
    await user.click(include);
    expect(screen.getByText('3 of 3 lessons taught')).toBeInTheDocument();
    await waitFor(() => {
      expect((backend.stored().items[0] as ModuleItem).lessons).toEqual([]);
    }, SAVED);
  });

  it('changes the teaching order of lessons for this course only and goes back to the module\'s order', async () => {
    const user = userEvent.setup();
    const backend = await openComposer([moduleItem('hr-foundations')]);
    await user.click(within(outline()).getByRole('button', { name: 'Show the lessons (3)' }));
    const codes = () => [...outline().querySelectorAll('.composer-lesson__code')].map((code) => code.textContent);
    const titles = () => [...outline().querySelectorAll('.composer-lesson__code + span')].map((title) => title.textContent);
    const [first, second, third] = titles();
    expect(screen.getByRole('button', { name: /Teach lesson 1\.1 .* earlier/ })).toHaveAttribute('aria-disabled', 'true');
    await user.click(screen.getByRole('button', { name: /Teach lesson 1\.1 .* later/ }));
    // The course numbers follow the teaching order: the lessons trade places, the numbers do not.
    expect(titles()).toEqual([second, first, third]);
    expect(codes()).toEqual(['1.1', '1.2', '1.3']);
    await waitFor(() => {
      expect((backend.stored().items[0] as ModuleItem).lessonOrder).toEqual(['1.2', '1.1', '1.3']);
    }, SAVED);
    await user.click(screen.getByRole('button', { name: new RegExp(`Teach lesson 1\\.2 ${first} earlier`) }));
    await waitFor(() => {
      expect((backend.stored().items[0] as ModuleItem).lessonOrder).toBeUndefined();
    }, SAVED);
  });

  it('changes the minutes of a step for this course only, within 1 to 480', async () => {
    const user = userEvent.setup();
    const backend = await openComposer([moduleItem('hr-foundations')]);
    await user.click(screen.getByRole('button', { name: 'Show the lessons (3)' }));
    await user.click(screen.getByRole('button', { name: /Adjust lesson 1\.1/ }));
    const first = screen.getByRole('spinbutton', { name: /Step 1:/ });
    await user.clear(first);
    expect(screen.getByText('Enter a whole number from 1 to 480.')).toBeInTheDocument();
    await user.type(first, '35');
    expect(screen.queryByText('Enter a whole number from 1 to 480.')).not.toBeInTheDocument();
    await waitFor(() => {
      expect((backend.stored().items[0] as ModuleItem).lessons).toEqual([{ lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 35 }] }]);
    }, SAVED);
    // The library module itself is untouched: the snapshot keeps its own minutes.
    expect((backend.stored().items[0] as ModuleItem).snapshot.lessons[0]?.steps[0]?.minutes).toBe(20);
  });

  it('adds a free session at the end and edits its length in place', async () => {
    const user = userEvent.setup();
    const backend = await openComposer([session('opening', 60, { title: 'Welcome' })]);
    const form = screen.getByRole('region', { name: 'Add a session' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Kind of session' }), 'assessment');
    await user.type(within(form).getByRole('textbox', { name: 'Session title' }), 'Final test');
    await user.click(within(form).getByRole('button', { name: 'Add the session' }));
    expect(rowTitles()).toEqual(['Opening Welcome', 'Assessment Final test']);
    const added = screen.getByRole('button', { name: 'Reorder Assessment: Final test' }).closest('li') as HTMLElement;
    const minutes = within(added).getByRole('spinbutton', { name: 'Minutes' });
    await user.clear(minutes);
    await user.type(minutes, '90');
    await waitFor(() => {
      expect(backend.stored().items[1]).toEqual({ kind: 'session', id: 'assessment', sessionKind: 'assessment', title: 'Final test', minutes: 90 });
    }, SAVED);
  });
});

describe('saving the composer', () => {
  it('stops and says so when the course was changed elsewhere, and reloads the stored version', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    backend.changeElsewhere();
    await rowAction(user, 'Module 1: Human Rights Foundations for Policing', 'Move Module 1: Human Rights Foundations for Policing down');
    expect(await screen.findByText(/this course was changed elsewhere/, undefined, SAVED)).toBeInTheDocument();
    expect(backend.saves).toHaveLength(1);
    // No save is tried again while the conflict stands.
    await rowAction(user, 'Module 1: Police ethics and integrity', 'Move Module 1: Police ethics and integrity down');
    expect(backend.saves).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Reload the stored version' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Test course (edited elsewhere)' })).toBeInTheDocument();
    expect(rowTitles()[0]).toMatch(/Human Rights Foundations/);
  });

  it('keeps an untitled course from being saved and says why', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    await user.click(screen.getByRole('tab', { name: 'Details' }));
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    expect(await screen.findByText('Not saved: 1 problem to fix')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Give the course a title.' }));
    expect(screen.getByRole('textbox', { name: 'Title' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Renamed');
    await waitFor(() => {
      expect(backend.stored().title).toBe('Renamed');
    }, SAVED);
  });
});

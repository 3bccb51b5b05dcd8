import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AppErrorShape } from '../../shared/errors';
import type { ComposerBridge, Req } from '../../shared/ipc/contract';
import type { ModuleSummary } from '../../shared/schemas/library';
import { ModuleSchema, type Lesson, type Module } from '../../shared/schemas/module';
import type { Reference } from '../../shared/schemas/reference';
import { ModuleEditor } from '../../renderer/src/features/module-editor/ModuleEditor';
import { setLanguage } from '../../renderer/src/i18n';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge, listAnswer, plainDetail } from './fakes/fake-bridge';
import { summariseModule } from '../../shared/domain/module-summary';

const REFERENCES: Reference[] = [
  { id: 'udhr', shortName: 'UDHR', title: 'Universal Declaration of Human Rights', year: 1948, issuer: 'UN General Assembly', kind: 'resolution' },
  { id: 'ccleo', shortName: 'CCLEO', title: 'Code of Conduct for Law Enforcement Officials', year: 1979, issuer: 'UN General Assembly', kind: 'resolution' },
];

function lesson(code: string, title: string): Lesson {
  return {
    code,
    title,
    optional: false,
    aim: 'Show why rights matter.',
    relevance: 'Every arrest touches rights.',
    objectives: [
      { id: 'o1', text: 'Name the core rights', bloom: 'remember' },
      { id: 'o2', text: 'Explain legality', bloom: 'understand' },
    ],
    methods: ['discussion'],
    materials: [],
    roomSetup: '',
    steps: [
      { id: `s${code}-1`.replace('.', '-'), title: 'Opening', minutes: 20, method: 'discussion', trainerActivity: 'Ask.', participantActivity: 'Answer.', objectives: ['o1', 'o2'] },
      { id: `s${code}-2`.replace('.', '-'), title: 'Case', minutes: 40, method: 'case-study', trainerActivity: 'Present.', participantActivity: 'Discuss.', objectives: ['o2'] },
    ],
    trainerNotes: '',
    handouts: [],
    evaluation: [
      { id: `q${code}-1`.replace('.', '-'), question: 'Name two rights.', type: 'open', kind: 'written', minutes: 4, answer: 'Life, liberty.', objective: 'o1', use: ['post-test'] },
      { id: `q${code}-2`.replace('.', '-'), question: 'What is legality?', type: 'open', kind: 'written', minutes: 4, answer: 'A basis in law.', objective: 'o2', use: ['pre-test', 'post-test'] },
    ],
    references: [],
  };
}

const MODULE: Module = ModuleSchema.parse({
  id: 'hr-foundations',
  revision: 3,
  updatedAt: '2026-11-01T09:00:00.000Z',
  title: 'Human Rights Foundations',
  summary: 'Why human rights are the basis of policing.',
  language: 'en',
  themes: ['human-rights-foundations'],
  audiences: ['recruits'],
  level: 'basic',
  prerequisites: [],
  learningOutcomes: ['Explain the legal basis of police powers.'],
  lessons: [lesson('1.1', 'Rights and policing'), lesson('1.2', 'Legality and necessity')],
  references: ['udhr'],
  license: 'CC BY 4.0',
  provenance: { author: 'Academy staff' },
});

/** The list row the library would show for it. */
function summaryOf(module: Module): ModuleSummary {
  return summariseModule(module);
}

type SaveRequest = Req<'library:save'>;

/**
 * The library as the editor sees it: get, list, references and a save that behaves like the store (a bumped
 * save makes a new revision, later ones overwrite it). `failSave` makes the next saves fail with an error code.
 */
function library(options: { modules?: Module[]; current?: () => Module } = {}) {
  const modules = options.modules ?? [MODULE];
  const saves: SaveRequest[] = [];
  const gets: string[] = [];
  let failure: AppErrorShape | null = null;
  const fake = fakeBridge({
    'library:list': (req) => listAnswer(modules.map(summaryOf), req),
    'library:references': () => REFERENCES,
    'library:get': (req) => {
      const { id } = req as { id: string };
      gets.push(id);
      const module = options.current?.() ?? modules.find((m) => m.id === id);
      if (!module) throw new Error(`no module ${id}`);
      return plainDetail(module);
    },
    'library:save': (req) => {
      const { module, baseRevision, bump } = req as SaveRequest;
      saves.push(req as SaveRequest);
      const revision = baseRevision === null ? 1 : bump ? baseRevision + 1 : baseRevision;
      // A stamp of its own for each save, as the service gives: the next save names it as its base.
      return { ...ModuleSchema.parse(module), revision, updatedAt: `2026-12-01T10:00:${String(saves.length).padStart(2, '0')}.000Z` };
    },
  });
  // The generic fake reports every thrown error as 'internal'; the editor must see the store's own codes.
  const bridge: ComposerBridge = {
    ...fake.bridge,
    invoke: (async (channel: string, payload: unknown) => {
      if (channel === 'library:save' && failure) {
        saves.push(payload as SaveRequest);
        return { ok: false, error: failure };
      }
      return fake.bridge.invoke(channel as 'library:save', payload as SaveRequest);
    }) as ComposerBridge['invoke'],
  };
  setBridge(bridge);
  return {
    saves,
    gets,
    /** A module as the editor opens it. */
    opened(id: string): Module {
      const module = modules.find((m) => m.id === id);
      if (!module) throw new Error(`no module ${id}`);
      return module;
    },
    failSave(error: AppErrorShape | null) {
      failure = error;
    },
  };
}

/** Autosave waits 800 ms of quiet, so saves are awaited with a timeout above that. */
async function waitForSaves(saves: SaveRequest[], count: number) {
  await waitFor(
    () => {
      expect(saves).toHaveLength(count);
    },
    { timeout: 5000 },
  );
}

function status() {
  return screen.getByRole('status');
}

async function openEditor(moduleId: string | null = MODULE.id, onClose = vi.fn()) {
  render(<ModuleEditor moduleId={moduleId} onClose={onClose} />);
  await screen.findByRole('heading', { level: 1 });
  return onClose;
}

async function openLesson(user: ReturnType<typeof userEvent.setup>, code: string) {
  const outline = screen.getByRole('navigation', { name: 'Contents' });
  await user.click(within(outline).getByRole('button', { name: new RegExp(`^${code.replace('.', '\\.')} `) }));
  return screen.findByRole('heading', { level: 2, name: new RegExp(`^Lesson ${code.replace('.', '\\.')}:`) });
}

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('the module editor', () => {
  it('autosaves an edited title, first as a new revision and then in place', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    const title = screen.getByLabelText('Module title');
    expect(title).toHaveValue('Human Rights Foundations');
    expect(status()).toHaveTextContent('All changes saved');

    await user.type(title, ' for Police');
    await waitForSaves(lib.saves, 1);
    // Based on the module as opened: its revision and its stamp.
    expect(lib.saves[0]).toMatchObject({ baseRevision: 3, baseUpdatedAt: lib.opened('hr-foundations').updatedAt, bump: true, module: { id: 'hr-foundations', title: 'Human Rights Foundations for Police' } });
    await waitFor(() => {
      expect(status()).toHaveTextContent('All changes saved');
    });

    await user.type(title, ' Officers');
    await waitForSaves(lib.saves, 2);
    // Then on what the first save answered, so that another window's save in between is a conflict.
    expect(lib.saves[1]).toMatchObject({ baseRevision: 4, baseUpdatedAt: '2026-12-01T10:00:01.000Z', bump: false, module: { title: 'Human Rights Foundations for Police Officers' } });
  });

  it('shows an empty title at the field, does not save it, and saves once it is fixed', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: (ms) => vi.advanceTimersByTime(ms) });
    const lib = library();
    await openEditor();
    const title = screen.getByLabelText('Module title');

    await user.clear(title);
    expect(title).toHaveAttribute('aria-invalid', 'true');
    expect(title).toHaveAccessibleDescription(expect.stringContaining('Fill this in.'));
    expect(status()).toHaveTextContent('Not saved: 1 problem to fix');
    expect(screen.getByRole('heading', { name: '1 problem' })).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(lib.saves).toHaveLength(0);

    await user.type(title, 'Rights in Practice');
    expect(title).not.toHaveAttribute('aria-invalid');
    expect(screen.queryByRole('heading', { name: /problem/ })).not.toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitForSaves(lib.saves, 1);
    expect(lib.saves[0]?.module.title).toBe('Rights in Practice');
  });

  it('flags a step of 0 minutes at its field, links to it from the summary and saves the fix', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    await openLesson(user, '1.1');
    const step = screen.getByRole('group', { name: 'Step 1: Opening' });
    const minutes = within(step).getByLabelText('Minutes');

    await user.clear(minutes);
    await user.type(minutes, '0');
    expect(minutes).toHaveAttribute('aria-invalid', 'true');
    expect(minutes).toHaveAccessibleDescription('Must be at least 1.');
    expect(status()).toHaveTextContent('Not saved: 1 problem to fix');

    await user.click(screen.getByRole('button', { name: 'Lesson 1.1 › Step 1 › Minutes: Must be at least 1.' }));
    expect(minutes).toHaveFocus();
    await user.clear(minutes);
    await user.type(minutes, '25');
    expect(minutes).not.toHaveAttribute('aria-invalid');
    await waitForSaves(lib.saves, 1);
    expect(lib.saves[0]?.module.lessons[0]?.steps[0]?.minutes).toBe(25);
  });

  it('requires at least one theme and says so on the group', async () => {
    const user = userEvent.setup();
    library();
    await openEditor();
    const outline = screen.getByRole('navigation', { name: 'Contents' });
    const themes = screen.getByRole('group', { name: 'Themes' });
    await user.click(within(themes).getByRole('checkbox', { name: 'Human rights foundations' }));
    expect(themes).toHaveAccessibleDescription('Add at least one.');
    await user.click(screen.getByRole('button', { name: 'Themes: Add at least one.' }));
    expect(within(themes).getAllByRole('checkbox')[0]).toHaveFocus();
    expect(within(outline).getByRole('button', { name: 'Module details 1 problem' })).toHaveAttribute('aria-current', 'true');
  });

  it('undoes a title change with the Undo button and saves the restored title too', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    const title = screen.getByLabelText('Module title');
    await user.type(title, ' 2');
    await waitForSaves(lib.saves, 1);

    // In a text field Ctrl+Z is the browser's own text undo, not the editor's.
    await user.keyboard('{Control>}z{/Control}');
    expect(title).toHaveValue('Human Rights Foundations 2');

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(title).toHaveValue('Human Rights Foundations');
    await waitForSaves(lib.saves, 2);
    expect(lib.saves[1]).toMatchObject({ bump: false, module: { title: 'Human Rights Foundations' } });

    // Outside text fields the shortcuts drive the editor's history.
    await user.keyboard('{Control>}{Shift>}z{/Shift}{/Control}');
    expect(title).toHaveValue('Human Rights Foundations 2');
    await user.keyboard('{Control>}z{/Control}');
    expect(title).toHaveValue('Human Rights Foundations');
    await user.keyboard('{Control>}y{/Control}');
    expect(title).toHaveValue('Human Rights Foundations 2');
  });

  it('moves a lesson down, keeps focus on it and saves the new order', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    const outline = screen.getByRole('navigation', { name: 'Contents' });
    await user.click(within(outline).getByRole('button', { name: 'Move lesson 1.1 down' }));

    const lessons = within(within(outline).getByRole('list', { name: 'Lessons' })).getAllByRole('listitem');
    expect(lessons.map((li) => within(li).getAllByRole('button')[0]?.textContent)).toEqual(['1.2 Legality and necessity', '1.1 Rights and policing']);
    expect(within(outline).getByRole('button', { name: 'Move lesson 1.1 up' })).toHaveFocus();
    await waitForSaves(lib.saves, 1);
    expect(lib.saves[0]?.module.lessons.map((l) => l.code)).toEqual(['1.2', '1.1']);
  });

  it('deletes a lesson only after confirmation', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    const outline = screen.getByRole('navigation', { name: 'Contents' });
    await user.click(within(outline).getByRole('button', { name: 'Delete lesson 1.1' }));
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('lesson 1.1'));
    expect(within(outline).getByRole('button', { name: 'Delete lesson 1.1' })).toBeInTheDocument();

    await user.click(within(outline).getByRole('button', { name: 'Delete lesson 1.1' }));
    expect(within(outline).queryByRole('button', { name: 'Delete lesson 1.1' })).not.toBeInTheDocument();
    expect(within(outline).getByRole('button', { name: 'Add a lesson' })).toHaveFocus();
    await waitForSaves(lib.saves, 1);
    expect(lib.saves[0]?.module.lessons.map((l) => l.code)).toEqual(['1.2']);
  });

  it('strips a deleted objective from the steps and asks for a new objective where it was tested', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    await openLesson(user, '1.1');
    await user.click(screen.getByRole('button', { name: 'Delete objective o2' }));

    const served = within(screen.getByRole('group', { name: 'Step 1: Opening' })).getByRole('group', { name: 'Objectives this step serves' });
    expect(within(served).getAllByRole('checkbox').map((c) => c.closest('label')?.textContent)).toEqual(['o1: Name the core rights']);
    const item = screen.getByRole('group', { name: 'Evaluation item 2' });
    const objective = within(item).getByLabelText('Objective tested');
    expect(objective).toHaveAttribute('aria-invalid', 'true');
    expect(objective).toHaveAccessibleDescription('The objective this item tested was deleted: choose another one.');
    expect(status()).toHaveTextContent('Not saved: 1 problem to fix');

    await user.selectOptions(objective, 'o1');
    await waitForSaves(lib.saves, 1);
    const saved = lib.saves[0]?.module.lessons[0];
    expect(saved?.objectives.map((o) => o.id)).toEqual(['o1']);
    expect(saved?.steps.map((s) => s.objectives)).toEqual([['o1'], []]);
    expect(saved?.evaluation.map((e) => e.objective)).toEqual(['o1', 'o1']);
  });

  it('keeps the draft on a conflict and offers to reload the saved version', async () => {
    const user = userEvent.setup();
    let stored = MODULE;
    const lib = library({ current: () => stored });
    await openEditor();
    lib.failSave({ code: 'conflict', message: 'hr-foundations changed since revision 3' });
    const title = screen.getByLabelText('Module title');
    await user.type(title, ' (mine)');
    await waitForSaves(lib.saves, 1);

    expect(await screen.findByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(status()).toHaveTextContent(/changed elsewhere/);
    expect(title).toHaveValue('Human Rights Foundations (mine)');

    stored = { ...MODULE, revision: 7, title: 'Changed in another window' };
    lib.failSave(null);
    await user.click(screen.getByRole('button', { name: 'Reload' }));
    expect(await screen.findByDisplayValue('Changed in another window')).toBeInTheDocument();
    expect(lib.gets).toEqual(['hr-foundations', 'hr-foundations']);
    expect(status()).toHaveTextContent('All changes saved');

    await user.type(screen.getByLabelText('Module title'), '!');
    await waitForSaves(lib.saves, 2);
    expect(lib.saves[1]).toMatchObject({ baseRevision: 7, bump: true });
  });

  it('reports other save errors with their message and saves on retry', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    lib.failSave({ code: 'io-error', message: 'Disk full' });
    await user.type(screen.getByLabelText('Module title'), '?');
    await waitFor(
      () => {
        expect(status()).toHaveTextContent('Not saved: Reading or writing a file failed. Disk full');
      },
      { timeout: 5000 },
    );
    lib.failSave(null);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => {
      expect(status()).toHaveTextContent('All changes saved');
    });
    expect(lib.saves.at(-1)).toMatchObject({ baseRevision: 3, bump: true, module: { title: 'Human Rights Foundations?' } });
  });

  it('creates a new module from a valid template under a free id, with no base revision', async () => {
    const user = userEvent.setup();
    const taken = { ...MODULE, id: 'crowd-management', title: 'Crowd management' };
    const lib = library({ modules: [MODULE, taken] });
    const onClose = await openEditor(null);
    expect(screen.getByRole('heading', { level: 1, name: 'New module' })).toBeInTheDocument();
    expect(status()).toHaveTextContent('Not saved yet');
    expect(screen.getByLabelText('Author')).toHaveValue('Academy staff');
    expect(screen.getByLabelText('Licence')).toHaveValue('CC BY 4.0');
    expect(screen.queryByRole('heading', { name: /problem/ })).not.toBeInTheDocument();

    const title = screen.getByLabelText('Module title');
    await user.clear(title);
    await user.type(title, 'Crowd management');
    await waitForSaves(lib.saves, 1);
    const first = lib.saves[0];
    expect(first).toMatchObject({ baseRevision: null, bump: true, module: { id: 'crowd-management-2', language: 'en', license: 'CC BY 4.0' } });
    const lessonOne = first?.module.lessons[0];
    expect(lessonOne?.code).toBe('1.1');
    expect(lessonOne?.steps[0]?.objectives).toEqual(['o1']);
    expect(lessonOne?.evaluation[0]?.objective).toBe('o1');

    await user.type(title, ' basics');
    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => {
      expect(onClose).toHaveBeenCalledWith('crowd-management-2');
    });
    expect(lib.saves[1]).toMatchObject({ baseRevision: 1, bump: false, module: { id: 'crowd-management-2', title: 'Crowd management basics' } });
  });

  it('starts a new module in the interface language', async () => {
    await setLanguage('fr');
    const lib = library();
    await openEditor(null);
    expect(screen.getByRole('heading', { level: 1, name: 'Nouveau module' })).toBeInTheDocument();
    expect(screen.getByLabelText('Langue du contenu')).toHaveValue('fr');
    expect(lib.saves).toHaveLength(0);
  });

  it('adds a lesson and a step, each a valid starting point', async () => {
    const user = userEvent.setup();
    const lib = library();
    await openEditor();
    await user.click(screen.getByRole('button', { name: 'Add a lesson' }));
    expect(await screen.findByRole('heading', { level: 2, name: /^Lesson 1\.3:/ })).toBeInTheDocument();
    expect(screen.getByLabelText('Lesson title')).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    expect(screen.getAllByLabelText('Step title')[1]).toHaveFocus();
    await waitFor(
      () => {
        expect(status()).toHaveTextContent('All changes saved');
      },
      { timeout: 5000 },
    );
    const added = lib.saves.at(-1)?.module.lessons[2];
    expect(added?.steps).toHaveLength(2);
  });
});

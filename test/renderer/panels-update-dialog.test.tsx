import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { summariseModule } from '../../shared/domain/module-summary';
import { CurriculumSchema, type ModuleItem } from '../../shared/schemas/curriculum';
import type { ModuleDetail } from '../../shared/schemas/library-detail';
import type { Module } from '../../shared/schemas/module';
import { CHANGE_CODES, changeKey } from '../../renderer/src/features/composer/panels/module-change-text';
import { UpdateBadge } from '../../renderer/src/features/composer/panels/UpdateBadge';
import { UpdateDiffDialog } from '../../renderer/src/features/composer/panels/UpdateDiffDialog';
import { setBridge } from '../../renderer/src/lib/bridge';
import { revised, sampleModule } from '../unit/curriculum/sample';
import { fakeBridge } from './fakes/fake-bridge';
import { LIBRARY, lastChange, panelProps, SAMPLE } from './panels-fixture';

const ITEM = SAMPLE.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === 'hr-foundations')!;

/** The library's next revision: a theme added, a reworded aim, a longer step, and lesson 1.3 (which the course overrides) gone. */
const NEWER: Module = revised(sampleModule('hr-foundations'), (m) => {
  m.themes.push('community-policing');
  const [first, second] = m.lessons;
  first!.aim = first!.aim.replace('shared understanding', 'common understanding');
  second!.steps[1]!.minutes = 35;
  m.lessons = m.lessons.filter((l) => l.code !== '1.3');
});

function detail(module: Module): ModuleDetail {
  return { module, references: [], translationStatus: 'source', translations: [], prerequisites: [], placeholders: [], usage: { curricula: [], prerequisiteOf: [], translations: [] }, linkedModules: [] };
}

function open(module: Module = NEWER) {
  const fake = fakeBridge({ 'library:get': () => detail(module) });
  setBridge(fake.bridge);
  const props = panelProps(SAMPLE, new Map([...LIBRARY, [module.id, summariseModule(module)]]));
  const onClose = vi.fn();
  // A control outside the dialog, where Tab would go if the dialog did not keep focus in.
  render(
    <>
      <button type="button">Outside</button>
      <UpdateDiffDialog item={ITEM} props={props} onClose={onClose} />
    </>,
  );
  return { props, onClose, invoke: fake.invoke };
}

describe('module change templates', () => {
  it.each(['en', 'fr', 'ar'])('exist in %s for every change code', (lng) => {
    expect(CHANGE_CODES.filter((code) => typeof i18next.getResource(lng, 'translation', changeKey(code)) !== 'string')).toEqual([]);
    expect(CHANGE_CODES).toHaveLength(12);
  });
});

describe('UpdateDiffDialog', () => {
  it('shows what changed in the library, in words, with before and after excerpts', async () => {
    const { invoke } = open();
    const dialog = screen.getByRole('dialog', { name: 'Update of “Human Rights Foundations for Policing”' });
    expect(invoke).toHaveBeenCalledWith('library:get', { id: 'hr-foundations' });
    await within(dialog).findByText('The course uses revision 1 of this module; the library now has revision 2. Here is what changed.');
    expect(dialog).toHaveAccessibleDescription(/revision 1 of this module/);
    expect(within(dialog).getByText('Added to themes: Community policing')).toBeInTheDocument();
    expect(within(dialog).getByText(/^Lesson 1\.3 “Serving and protecting: .*” removed$/)).toBeInTheDocument();
    expect(within(dialog).getByText(/^Lesson 1\.2 “.*” now lasts 2 h 35 min instead of 2 h 30 min$/)).toBeInTheDocument();
    expect(within(dialog).getByText(/^Lesson 1\.1 “.*” changed: aim$/)).toBeInTheDocument();
    expect(within(dialog).getByText((_t, el) => el?.tagName === 'DEL' && /a shared understanding/.test(el.textContent))).toBeInTheDocument();
    expect(within(dialog).getByText((_t, el) => el?.tagName === 'INS' && /a common understanding/.test(el.textContent))).toBeInTheDocument();
    // The course shortened steps of lesson 1.3, which the new revision no longer has.
    const note = within(dialog).getByRole('note');
    expect(note).toHaveTextContent('1 local change to this module no longer applies');
    expect(note).toHaveTextContent('changes to lesson 1.3, which the new revision does not have');
  });

  it('takes the update: new snapshot and revision, overrides kept where their lesson still exists', async () => {
    const user = userEvent.setup();
    const { props, onClose } = open();
    await user.click(await screen.findByRole('button', { name: 'Take the update' }));
    const { label, result } = lastChange(props.change, SAMPLE);
    expect(label).toBe('Update “Human Rights Foundations for Policing” to revision 2');
    const item = result.items.find((i) => i.id === 'hr-foundations') as ModuleItem;
    expect(item.revision).toBe(2);
    expect(item.snapshot).toBe(NEWER);
    // The overrides of lessons 1.1 and 1.2 stay; the one of lesson 1.3, which the new revision does not have, goes.
    expect(item.lessons).toEqual(ITEM.lessons.filter((o) => o.lessonCode !== '1.3'));
    expect(result.items.filter((i) => i.id !== 'hr-foundations')).toEqual(SAMPLE.items.filter((i) => i.id !== 'hr-foundations'));
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('keeps overrides of lessons that still exist', async () => {
    const user = userEvent.setup();
    const kept = revised(sampleModule('hr-foundations'), (m) => {
      m.summary = `${m.summary} Updated.`;
    });
    const { props } = open(kept);
    expect(await screen.findByText('Changed: summary')).toBeInTheDocument();
    expect(screen.queryByRole('note')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Take the update' }));
    const item = lastChange(props.change, SAMPLE).result.items.find((i) => i.id === 'hr-foundations') as ModuleItem;
    expect(item.lessons).toEqual(ITEM.lessons);
    expect(item.revision).toBe(2);
  });

  it('keeps the course’s version: its content stays as it is, only the decision is recorded', async () => {
    const user = userEvent.setup();
    const { props, onClose } = open();
    await user.click(await screen.findByRole('button', { name: 'Keep the version in this course' }));
    expect(onClose).toHaveBeenCalledOnce();
    const { result } = lastChange(props.change, SAMPLE);
    const { keptRevision, ...rest } = result.items.find((i): i is ModuleItem => i.id === ITEM.id && i.kind === 'module')!;
    expect(keptRevision).toBe(2);
    expect(rest).toEqual(ITEM);
  });

  it('closes on Escape and keeps Tab inside the dialog', async () => {
    const user = userEvent.setup();
    const { onClose } = open();
    const take = await screen.findByRole('button', { name: 'Take the update' });
    const keep = screen.getByRole('button', { name: 'Keep the version in this course' });
    take.focus();
    await user.tab();
    expect(keep).toHaveFocus();
    await user.tab({ shift: true });
    expect(take).toHaveFocus();
    await user.tab({ shift: true });
    expect(keep).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('says what failed when the library cannot give the module', async () => {
    const user = userEvent.setup();
    setBridge(fakeBridge({ 'library:get': () => Promise.reject(new Error('gone')) }).bridge);
    const onClose = vi.fn();
    render(<UpdateDiffDialog item={ITEM} props={panelProps()} onClose={onClose} />);
    expect(await screen.findByRole('alert')).toHaveTextContent('An unexpected error occurred.');
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('UpdateBadge', () => {
  it('appears only when the library has a newer revision, and opens the dialog', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    const { rerender } = render(<UpdateBadge item={ITEM} library={LIBRARY} onOpen={onOpen} />);
    expect(screen.queryByRole('button')).toBeNull();
    rerender(<UpdateBadge item={ITEM} library={new Map([...LIBRARY, [NEWER.id, summariseModule(NEWER)]])} onOpen={onOpen} />);
    // The name starts with the visible words (WCAG 2.5.3) and says what the button does.
    await user.click(screen.getByRole('button', { name: 'Update available (1 → 2): “Human Rights Foundations for Policing”, see what changed' }));
    expect(onOpen).toHaveBeenCalledOnce();
    await waitFor(() => {
      expect(screen.getByRole('button')).toHaveTextContent('Update available (1 → 2)');
    });
  });
});

describe('keeping the version in the course', () => {
  it('is remembered with the item (keptRevision) and undoable, and the badge then says so', async () => {
    const user = userEvent.setup();
    const { props, onClose } = open();
    await screen.findByText(/the library now has revision 2/);
    await user.click(screen.getByRole('button', { name: 'Keep the version in this course' }));
    expect(onClose).toHaveBeenCalledOnce();
    const { label, result } = lastChange(props.change, SAMPLE);
    expect(label).toBe('Keep revision 2 of “Human Rights Foundations for Policing” out of the course');
    const kept = result.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === ITEM.id);
    expect(kept).toMatchObject({ revision: 1, keptRevision: 2 });
    // What is saved is what a reload reads back.
    expect(CurriculumSchema.parse(JSON.parse(JSON.stringify(result))).items.find((i) => i.id === ITEM.id)).toMatchObject({ keptRevision: 2 });

    const library = new Map([...LIBRARY, [NEWER.id, summariseModule(NEWER)]]);
    const { rerender } = render(<UpdateBadge item={kept!} library={library} onOpen={vi.fn()} />);
    expect(screen.getByRole('button', { name: /^Kept r1 · r2 available/ })).toHaveTextContent('Kept r1 · r2 available');
    // A revision newer than the one kept is news again.
    const newest = { ...summariseModule(NEWER), revision: 3 };
    rerender(<UpdateBadge item={kept!} library={new Map([...LIBRARY, [NEWER.id, newest]])} onOpen={vi.fn()} />);
    expect(screen.getByRole('button', { name: /^Update available \(1 → 3\)/ })).toBeInTheDocument();
  });

  it('is forgotten when the update is taken', async () => {
    const user = userEvent.setup();
    const { props } = open();
    await screen.findByText(/the library now has revision 2/);
    await user.click(screen.getByRole('button', { name: 'Take the update' }));
    const { result } = lastChange(props.change, { ...SAMPLE, items: SAMPLE.items.map((i) => (i.id === ITEM.id ? { ...ITEM, keptRevision: 2 } : i)) });
    const taken = result.items.find((i) => i.id === ITEM.id);
    expect(taken).toMatchObject({ revision: 2 });
    expect(taken).not.toHaveProperty('keptRevision');
  });

  it('refuses a kept revision that is not newer than the snapshot', () => {
    const item = { ...ITEM, keptRevision: 1 };
    expect(CurriculumSchema.safeParse({ ...SAMPLE, items: [item] }).success).toBe(false);
  });
});

import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { teachingCapacity } from '../../shared/domain/curriculum/day-model';
import { curriculumDay } from '../../shared/domain/curriculum/schedule';
import type { Curriculum, ModuleItem } from '../../shared/schemas/curriculum';
import { AddSessionForm } from '../../renderer/src/features/composer/AddSessionForm';
import { CourseDetailsForm } from '../../renderer/src/features/composer/CourseDetailsForm';
import type { ItemActions } from '../../renderer/src/features/composer/item-actions';
import { setStepMinutes } from '../../renderer/src/features/composer/item-ops';
import { LessonAdjust } from '../../renderer/src/features/composer/LessonAdjust';
import { lessonRows } from '../../renderer/src/features/composer/lesson-rows';
import type { ApplyChange } from '../../renderer/src/features/composer/use-composer-history';
import { SAMPLE } from './panels-fixture';

/** Row actions that record what the form asks of the history. */
function recordingActions() {
  const apply = vi.fn<ApplyChange>();
  const announce = vi.fn<(text: string) => void>();
  const actions: ItemActions = { apply, announce, move: vi.fn(), moveTo: vi.fn(), remove: vi.fn(), toggleLessons: vi.fn(), reviewUpdate: vi.fn(), focusLater: vi.fn() };
  return { actions, apply, announce };
}

/** The label and the outcome of the last change asked for, applied to `curriculum`. */
function applied(apply: ReturnType<typeof vi.fn<ApplyChange>>, curriculum: Curriculum): { label: string; result: Curriculum } {
  const call = apply.mock.calls.at(-1);
  if (!call) throw new Error('apply was not called');
  return { label: call[0], result: call[1](curriculum) };
}

/** "6 h 30 min", as the forms say minutes. */
function minutes(total: number): string {
  const [h, m] = [Math.floor(total / 60), total % 60];
  return h === 0 ? `${String(m)} min` : m === 0 ? `${String(h)} h` : `${String(h)} h ${String(m)} min`;
}

async function addSession(kind: string, title: string) {
  const user = userEvent.setup();
  await user.selectOptions(screen.getByRole('combobox', { name: 'Kind of session' }), kind);
  await user.type(screen.getByRole('textbox', { name: 'Session title' }), title);
  await user.click(screen.getByRole('button', { name: 'Add the session' }));
}

describe('AddSessionForm', () => {
  const withoutOpening: Curriculum = { ...SAMPLE, items: SAMPLE.items.filter((i) => !(i.kind === 'session' && i.sessionKind === 'opening')) };

  it('places an opening at the start of the course, not at its end', async () => {
    const { actions, apply, announce } = recordingActions();
    render(<AddSessionForm draft={withoutOpening} actions={actions} />);
    await addSession('Opening', 'Welcome');
    const { label, result } = applied(apply, withoutOpening);
    expect(label).toBe('Add session Welcome');
    expect(result.items[0]).toMatchObject({ kind: 'session', sessionKind: 'opening', title: 'Welcome' });
    expect(result.items.slice(1)).toEqual(withoutOpening.items);
    expect(announce).toHaveBeenLastCalledWith('Session Welcome added at the start of the course.');
  });

  it('places a second opening right after the course’s opening, before anything else', async () => {
    const { actions, apply } = recordingActions();
    render(<AddSessionForm draft={SAMPLE} actions={actions} />);
    await addSession('Opening', 'Safety briefing');
    const { result } = applied(apply, SAMPLE);
    expect(result.items.map((i) => i.kind === 'session' ? i.sessionKind : 'module').slice(0, 2)).toEqual(['opening', 'opening']);
    expect(result.items[1]).toMatchObject({ title: 'Safety briefing' });
    expect(result.items.slice(2)).toEqual(SAMPLE.items.slice(1));
  });

  it('places another session before the closing session the course ends with, and a closing at the end', async () => {
    const { actions, apply, announce } = recordingActions();
    render(<AddSessionForm draft={SAMPLE} actions={actions} />);
    await addSession('Field visit', 'Police station');
    const visit = applied(apply, SAMPLE).result;
    expect(visit.items.at(-1)).toMatchObject({ sessionKind: 'closing' });
    expect(visit.items.at(-2)).toMatchObject({ sessionKind: 'field-visit', title: 'Police station' });
    expect(announce).toHaveBeenLastCalledWith('Session Police station added before the closing session.');

    await addSession('Closing', 'Farewell');
    expect(applied(apply, SAMPLE).result.items.at(-1)).toMatchObject({ sessionKind: 'closing', title: 'Farewell' });
    expect(announce).toHaveBeenLastCalledWith('Session Farewell added at the end of the course.');
  });
});

describe('scheduling rules in the course details', () => {
  const renderDetails = (draft: Curriculum) => {
    const apply = vi.fn<ApplyChange>();
    const view = render(<CourseDetailsForm draft={draft} apply={apply} problems={[]} />);
    return { apply, view };
  };

  it.each([
    ['Shortest part of a lesson cut by a break (minutes)', 'minPartMinutes', 30],
    ['Daily recap (minutes)', 'recapMinutes', 15],
    ['Daily buffer (minutes)', 'bufferMinutes', 10],
  ] as const)('edits the course’s %s', (name, key, value) => {
    const { apply } = renderDetails(SAMPLE);
    const field = screen.getByRole('spinbutton', { name });
    expect(field).toHaveValue(SAMPLE.scheduling[key]);
    fireEvent.change(field, { target: { value: String(value) } });
    const { label, result } = applied(apply, SAMPLE);
    expect(label).toBe(`Change ${name}`);
    expect(result.scheduling).toEqual({ ...SAMPLE.scheduling, [key]: value });
    expect(result.items).toBe(SAMPLE.items);
  });

  it('refuses a value out of range without changing the course', () => {
    const { apply } = renderDetails(SAMPLE);
    const field = screen.getByRole('spinbutton', { name: 'Daily recap (minutes)' });
    fireEvent.change(field, { target: { value: '500' } });
    expect(apply).not.toHaveBeenCalled();
    expect(field).toHaveAttribute('aria-invalid', 'true');
  });

  it('says the teaching time the recap and the buffer leave in a day', () => {
    const rules = { ...SAMPLE.scheduling, recapMinutes: 15, bufferMinutes: 30 };
    renderDetails({ ...SAMPLE, scheduling: rules });
    const model = curriculumDay({ dayTemplate: SAMPLE.dayTemplate, scheduling: rules });
    const first = teachingCapacity(model, 1);
    const other = teachingCapacity(model, 2);
    expect(first - other).toBe(15);
    expect(screen.getByText(`Teaching time: ${minutes(first)} on the first day, ${minutes(other)} on the other days.`)).toBeInTheDocument();
  });
});

describe('LessonAdjust', () => {
  const item = SAMPLE.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === 'hr-foundations')!;
  const name = 'Lesson 1.3';

  it('locks a step’s minutes so that fitting leaves them alone, and unlocks it', async () => {
    const user = userEvent.setup();
    const apply = vi.fn<ApplyChange>();
    const row = lessonRows(item).find((r) => r.lessonCode === '1.3')!;
    const { rerender } = render(<LessonAdjust item={item} row={row} name={name} apply={apply} />);
    await user.click(screen.getByRole('checkbox', { name: 'Lock the minutes of step 2' }));
    const { label, result } = applied(apply, SAMPLE);
    expect(label).toBe('Lock step 2 of Lesson 1.3');
    const locked = result.items.find((i): i is ModuleItem => i.kind === 'module' && i.id === item.id)!;
    expect(locked.lessons.find((o) => o.lessonCode === '1.3')?.stepMinutes).toContainEqual({ step: 1, minutes: row.lesson.steps[1]!.minutes, locked: true });

    rerender(<LessonAdjust item={locked} row={lessonRows(locked).find((r) => r.lessonCode === '1.3')!} name={name} apply={apply} />);
    const box = screen.getByRole('checkbox', { name: 'Lock the minutes of step 2' });
    expect(box).toBeChecked();
    await user.click(box);
    const unlocked = applied(apply, { ...SAMPLE, items: SAMPLE.items.map((i) => (i.id === item.id ? locked : i)) });
    expect(unlocked.label).toBe('Unlock step 2 of Lesson 1.3');
    expect(unlocked.result.items.find((i) => i.id === item.id)).toEqual(item);
  });

  it('warns at the field when minutes are outside the step’s suggested range', () => {
    const row = lessonRows(item).find((r) => r.lesson.steps.some((s) => s.range !== undefined))!;
    const index = row.lesson.steps.findIndex((s) => s.range !== undefined);
    const range = row.lesson.steps[index]!.range!;
    const course = setStepMinutes(SAMPLE, item.id, row.lessonCode, index, range.max + 10, row.lesson.steps[index]!.minutes);
    const changed = course.items.find((i): i is ModuleItem => i.id === item.id && i.kind === 'module')!;
    render(<LessonAdjust item={changed} row={lessonRows(changed).find((r) => r.lessonCode === row.lessonCode)!} name={name} apply={vi.fn<ApplyChange>()} />);
    const field = screen.getByRole('spinbutton', { name: new RegExp(`^Step ${String(index + 1)}`) });
    expect(field).toHaveAccessibleDescription(new RegExp(`Outside the suggested range of ${String(range.min)}–${String(range.max)} min\\.$`));
  });
});

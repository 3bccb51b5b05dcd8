import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { scheduleCurriculum } from '../../shared/domain/curriculum/schedule';
import type { Curriculum, ModuleItem } from '../../shared/schemas/curriculum';
import { TimetablePanel } from '../../renderer/src/features/composer/panels/TimetablePanel';
import { setLanguage } from '../../renderer/src/i18n';
import { lastChange, panelProps, SAMPLE } from './panels-fixture';

function moduleItem(curriculum: Curriculum, id: string): ModuleItem {
  const item = curriculum.items.find((i) => i.id === id);
  if (item?.kind !== 'module') throw new Error(`no module item ${id}`);
  return item;
}

/** The slot button of a lesson, found by its code in the grid. */
function lessonSlot(code: string): HTMLElement {
  const [slot] = screen.getAllByRole('button', { name: new RegExp(`^\\d\\d:\\d\\d–\\d\\d:\\d\\d ${code.replace('.', '\\.')} `) });
  if (!slot) throw new Error(`no slot for lesson ${code}`);
  return slot;
}

describe('TimetablePanel', () => {
  it('shows one column per day with its lessons, breaks and lunch', () => {
    render(<TimetablePanel {...panelProps()} />);
    const grid = screen.getByRole('region', { name: 'Timetable, one column per day' });
    for (let day = 1; day <= 10; day += 1) expect(within(grid).getByRole('heading', { name: `Day ${String(day)}` })).toBeInTheDocument();
    const day1 = within(grid).getByRole('region', { name: 'Day 1' });
    expect(within(day1).getByText('Lunch')).toBeInTheDocument();
    expect(within(day1).getAllByText('Break').length).toBeGreaterThanOrEqual(1);
    expect(within(day1).getByRole('button', { name: /Opening: welcome, introductions and trust-building/ })).toHaveTextContent('09:00–10:00');
    expect(screen.getByText(/Uses 10 days of 10 days/)).toBeInTheDocument();
  });

  it('lists the schedule warnings in words', () => {
    render(<TimetablePanel {...panelProps()} />);
    expect(screen.getByRole('heading', { name: /^\d+ timetable warnings$/ })).toBeInTheDocument();
    expect(screen.getByText(/^Lesson 1\.3 “Serving and protecting: .*” \(2 h 15 min\) does not fit in the 30 min left on day 1 and starts day 2\.$/)).toBeInTheDocument();
    expect(screen.getByText(/^Day 2 is full, so Lesson 3\.3 “.*” \(2 h 10 min\) starts day 3\.$/)).toBeInTheDocument();
  });

  it('numbers the parts of a lesson interrupted by a break', () => {
    const props = panelProps();
    const split = props.computed.schedule.days.flatMap((d) => d.slots).find((s) => (s.parts ?? 1) > 1);
    expect(split).toBeDefined();
    render(<TimetablePanel {...props} />);
    expect(screen.getAllByText(`part 1 of ${String(split?.parts)}`).length).toBeGreaterThan(0);
  });

  it('shows dates when the course has a start date and flags days beyond the planned ones', () => {
    const short = { ...SAMPLE, days: 8, startDate: '2026-03-02' };
    render(<TimetablePanel {...panelProps(short)} />);
    expect(screen.getByText('Mon, Mar 2')).toBeInTheDocument();
    const day9 = screen.getByRole('region', { name: 'Day 9' });
    expect(within(day9).getByText('Beyond the 8 planned days')).toBeInTheDocument();
    expect(screen.getByText(/The course needs 10 days but is planned for 8 days\./)).toBeInTheDocument();
  });

  it('moves a lesson to another day by setting its override', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    render(<TimetablePanel {...props} />);
    await user.click(lessonSlot('1.1'));
    const select = screen.getByRole('combobox', { name: 'Move to day…' });
    expect(select).toHaveFocus();
    await user.selectOptions(select, 'Day 3');

    const { label, result } = lastChange(props.change, SAMPLE);
    expect(label).toBe('Move Lesson 1.1 “Human rights and the police: concepts, sources and state obligations” to day 3');
    const item = moduleItem(result, 'hr-foundations');
    // The sample shortens a step of 1.1 already: the day joins that override, and the others are kept.
    const before = moduleItem(SAMPLE, 'hr-foundations').lessons;
    expect(item.lessons).toContainEqual({ ...before.find((o) => o.lessonCode === '1.1'), lessonCode: '1.1', day: 3 });
    for (const other of before.filter((o) => o.lessonCode !== '1.1')) expect(item.lessons).toContainEqual(other);
    expect(scheduleCurriculum(result).placements.find((p) => p.itemId === 'hr-foundations' && p.lessonCode === '1.1')?.day).toBe(3);
  });

  it('unpins a lesson and drops an override left empty', async () => {
    const user = userEvent.setup();
    const pinned = lastMove(SAMPLE);
    const props = panelProps(pinned);
    render(<TimetablePanel {...props} />);
    await user.click(lessonSlot('1.1'));
    expect(screen.getByText('Moved to day 3')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Let the timetable place it' }));
    const { label, result } = lastChange(props.change, pinned);
    expect(label).toMatch(/^Let the timetable place Lesson 1\.1 /);
    expect(moduleItem(result, 'hr-foundations').lessons).toEqual(moduleItem(SAMPLE, 'hr-foundations').lessons);
  });

  it('moves a session by setting its day', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    render(<TimetablePanel {...props} />);
    // A session interrupted by a break would show as two parts: either selects it.
    await user.click(screen.getAllByRole('button', { name: /Course review before the post-test/ })[0]!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to day…' }), 'Day 10');
    const { result } = lastChange(props.change, SAMPLE);
    expect(result.items.find((i) => i.id === 'course-review')).toMatchObject({ kind: 'session', day: 10 });
  });

  it('speaks Arabic', async () => {
    await setLanguage('ar');
    render(<TimetablePanel {...panelProps()} />);
    expect(screen.getByRole('heading', { name: 'الجدول الزمني' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'اليوم 1' })).toBeInTheDocument();
    expect(screen.getAllByText('استراحة الغداء').length).toBe(10);
  });
});

/** The sample with lesson 1.1 pinned to day 3, as the panel's own change makes it. */
function lastMove(curriculum: Curriculum): Curriculum {
  return {
    ...curriculum,
    items: curriculum.items.map((item) =>
      item.id === 'hr-foundations' && item.kind === 'module'
        ? { ...item, lessons: item.lessons.some((o) => o.lessonCode === '1.1') ? item.lessons.map((o) => (o.lessonCode === '1.1' ? { ...o, day: 3 } : o)) : [...item.lessons, { lessonCode: '1.1', day: 3 }] }
        : item,
    ),
  };
}

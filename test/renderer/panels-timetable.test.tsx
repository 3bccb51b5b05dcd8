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
/** The first slot of the lesson the timetable shows with this course number ("2.3"). */
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
    expect(screen.getByText(/^Day 2 is full, so Lesson 2\.3 “.*” \(2 h 10 min\) starts day 3\.$/)).toBeInTheDocument();
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

  it('moves a lesson to an earlier day by teaching it earlier in its module', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    expect(props.computed.schedule.placements.find((p) => p.lessonCode === '3.3')?.day).toBe(3);
    render(<TimetablePanel {...props} />);
    await user.click(lessonSlot('2.3'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to day…' }), 'Day 2');

    const { label, result } = lastChange(props.change, SAMPLE);
    expect(label).toMatch(/^Move Lesson 2\.3 “.*” earlier, to day 2$/);
    expect(moduleItem(result, 'ethics-integrity').lessonOrder?.indexOf('3.3')).toBeLessThan(2);
    expect(scheduleCurriculum(result).placements.find((p) => p.lessonCode === '3.3')?.day).toBe(2);
    expect(screen.getByText(/^Lesson 2\.3 “.*” now comes earlier in its module, on day 2\.$/)).toBeInTheDocument();
  });

  it('moves a lesson to an earlier day with its module when it cannot move alone', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    expect(props.computed.schedule.placements.find((p) => p.lessonCode === '5.2')?.day).toBe(5);
    render(<TimetablePanel {...props} />);
    await user.click(lessonSlot('4.2'));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to day…' }), 'Day 2');

    const { label, result } = lastChange(props.change, SAMPLE);
    const module = moduleItem(SAMPLE, 'arrest-and-detention').snapshot.title;
    expect(label).toMatch(new RegExp(`^Move ${module} with Lesson 4\\.2 “.*” to day 2$`));
    const order = result.items.map((i) => i.id);
    expect(order.indexOf('arrest-and-detention')).toBeLessThan(order.indexOf('use-of-force-firearms'));
    expect(scheduleCurriculum(result).placements.find((p) => p.lessonCode === '5.2')?.day).toBe(2);
    expect(screen.getByText(/cannot move alone: lessons of a module are taught together/)).toHaveTextContent(`so its module, ${module}, moves with it to day 2.`);
  });

  it('moves a session to an earlier day by moving it in the course', async () => {
    const user = userEvent.setup();
    const props = panelProps();
    render(<TimetablePanel {...props} />);
    await user.click(screen.getAllByRole('button', { name: /Closing: course evaluation and certificates/ })[0]!);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Move to day…' }), 'Day 9');
    const { label, result } = lastChange(props.change, SAMPLE);
    expect(label).toBe('Move Session “Closing: course evaluation and certificates” earlier, to day 9');
    expect(screen.getByText('Session “Closing: course evaluation and certificates” now comes earlier in the course, on day 9.')).toBeInTheDocument();
    expect(result.items.find((i) => i.id === 'closing')).toMatchObject({ kind: 'session', day: 9 });
    expect(scheduleCurriculum(result).placements.find((p) => p.unitKey === 'closing')?.day).toBe(9);
  });

  it('offers only the days that can take the lesson, and says why the others are not offered', async () => {
    const user = userEvent.setup();
    render(<TimetablePanel {...panelProps()} />);
    await user.click(lessonSlot('3.3'));
    const select = screen.getByRole('combobox', { name: 'Move to day…' });
    const offered = within(select).getAllByRole('option').map((o) => o.textContent);
    // Day 1 holds the opening and the whole of module 1 before it: module 4 would spill onto day 2.
    expect(offered).not.toContain('Day 1');
    expect(offered).toEqual(['Automatic (after what comes before)', ...Array.from({ length: 9 }, (_x, i) => `Day ${String(i + 2)}`)]);
    expect(select).toHaveAccessibleDescription(/^Not offered: day 1 \(it would land on day 2\)\. What must be taught before Lesson 3\.3 “.*” fills that day, so the move would push it later\.$/);
  });

  it('offers every day when each can take the lesson', async () => {
    const user = userEvent.setup();
    render(<TimetablePanel {...panelProps()} />);
    await user.click(lessonSlot('1.3'));
    const select = screen.getByRole('combobox', { name: 'Move to day…' });
    expect(within(select).getAllByRole('option')).toHaveLength(11);
    expect(screen.queryByText(/^Not offered/)).toBeNull();
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

import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../shared/domain/curriculum/clock';
import { dayModel, plainDay } from '../../../shared/domain/curriculum/day-model';
import { assignDays } from '../../../shared/domain/curriculum/day-packer';
import {
  curriculumUnits,
  dayCapacity,
  scheduleCurriculum,
  scheduleFits,
  scheduleUnits,
  type Schedule,
  type ScheduleUnit,
} from '../../../shared/domain/curriculum/schedule';
import { DEFAULT_DAY_TEMPLATE, type DayTemplate } from '../../../shared/schemas/curriculum';
import { curriculum, moduleItem, partly, session } from './sample';

/** "09:00-10:45 lesson 1.1" lines for one day, easy to read in a failing assertion. */
function timetable(schedule: Schedule, day: number): string[] {
  return (schedule.days[day - 1]?.slots ?? []).map((s) => `${s.start}-${s.end} ${s.kind}${s.lessonCode ? ` ${s.lessonCode}` : s.unitKey ? ` ${s.title}` : ''}`);
}

const lesson = (key: string, steps: number[], pinnedDay?: number): ScheduleUnit => ({
  key,
  kind: 'lesson',
  itemId: 'm',
  lessonCode: key,
  title: `Lesson ${key}`,
  steps: steps.map((minutes) => ({ minutes })),
  pinnedDay,
});
const block = (key: string, minutes: number, pinnedDay?: number): ScheduleUnit => ({ key, kind: 'session', itemId: key, title: key, steps: [{ minutes }], pinnedDay });

describe('day capacity', () => {
  it('is the day minus its breaks: 390 minutes for the default 09:00–17:00 day', () => {
    expect(dayCapacity(DEFAULT_DAY_TEMPLATE)).toBe(480 - 15 - 60 - 15);
  });

  it('follows an edited template', () => {
    expect(dayCapacity({ start: '08:30', end: '12:30', breaks: [{ start: '10:00', end: '10:20', kind: 'break' }] })).toBe(220);
    expect(dayCapacity({ start: '08:00', end: '09:00', breaks: [] })).toBe(60);
  });
});

describe('scheduling a real module', () => {
  const course = curriculum([moduleItem('hr-foundations')], { days: 2 });
  const schedule = scheduleCurriculum(course);

  it('lets lessons flow across breaks, delaying a break until the running step ends, and shows the rest of the day as free', () => {
    expect(timetable(schedule, 1)).toEqual([
      '09:00-10:15 lesson 1.1',
      '10:15-10:30 break',
      '10:30-11:15 lesson 1.1',
      '11:15-12:45 lesson 1.2',
      '12:45-13:45 lunch',
      '13:45-14:45 lesson 1.2',
      '14:45-15:15 free',
      '15:15-15:30 break',
      '15:30-17:00 free',
    ]);
    // Lunch waits for the step of 1.2 that runs across 12:30.
    const lunch = schedule.days[0]?.slots[4];
    expect(lunch).toMatchObject({ kind: 'lunch', plannedStart: '12:30', start: '12:45' });
    expect(schedule.days[0]?.slots[0]).toMatchObject({ part: 1, parts: 2 });
  });

  it('moves a lesson that does not fit the rest of the day to the next day and says so', () => {
    expect(timetable(schedule, 2)).toEqual([
      '09:00-10:40 lesson 1.3',
      '10:40-10:55 break',
      '10:55-11:45 lesson 1.3',
      '11:45-12:30 free',
      '12:30-13:30 lunch',
      '13:30-15:15 free',
      '15:15-15:30 break',
      '15:30-17:00 free',
    ]);
    expect(schedule.warnings).toContainEqual(
      partly({ code: 'moved-to-next-day', severity: 'info', lessonCode: '1.3', day: 2, params: partly({ free: 120, minutes: 150 }) }),
    );
  });

  it('takes a break early rather than leave a short tail: 1.1 would end with 15 minutes after the morning break', () => {
    // Its fourth step runs 10:15–10:45 across the 10:30 break and only its 15-minute last step would follow.
    const morningBreak = schedule.days[0]?.slots[1];
    expect(morningBreak).toMatchObject({ kind: 'break', plannedStart: '10:30', start: '10:15' });
    expect(schedule.warnings.map((w) => w.code)).toEqual(['moved-to-next-day']);
  });

  it('gives each lesson its step timings for lesson plans', () => {
    const first = schedule.placements[0];
    expect(first).toMatchObject({ unitKey: 'hr-foundations/0', lessonCode: '1.1', day: 1, start: '09:00', end: '11:15', minutes: 120 });
    expect(first?.intervals.map((i) => `${i.start}-${i.end}`)).toEqual(['09:00-09:20', '09:20-09:45', '09:45-10:15', '10:30-11:00', '11:00-11:15']);
  });

  it('reports totals', () => {
    expect(schedule).toMatchObject({ plannedDays: 2, daysUsed: 2, capacityPerDay: 390, teachingMinutes: 420 });
    expect(schedule.days.map((d) => d.teachingMinutes)).toEqual([270, 150]);
    expect(scheduleFits(schedule)).toBe(true);
  });
});

describe('breaks', () => {
  it('start on time when a step ends on time', () => {
    const schedule = scheduleUnits([lesson('a', [45, 45, 30])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(timetable(schedule, 1)).toEqual([
      '09:00-10:30 lesson a',
      '10:30-10:45 break',
      '10:45-11:15 lesson a',
      '11:15-12:30 free',
      '12:30-13:30 lunch',
      '13:30-15:15 free',
      '15:15-15:30 break',
      '15:30-17:00 free',
    ]);
  });

  it('interrupt a session at their planned time, since a session has no steps to wait for', () => {
    const schedule = scheduleCurriculum(curriculum([session('field-visit', 390, { title: 'Visit to a station' })], { days: 1 }));
    expect(timetable(schedule, 1)).toEqual([
      '09:00-10:30 session Visit to a station',
      '10:30-10:45 break',
      '10:45-12:30 session Visit to a station',
      '12:30-13:30 lunch',
      '13:30-15:15 session Visit to a station',
      '15:15-15:30 break',
      '15:30-17:00 session Visit to a station',
    ]);
    expect(schedule.days[0]?.slots[0]).toMatchObject({ part: 1, parts: 4 });
    expect(schedule.warnings).toEqual([]);
  });

  it('are left out when they would only start after the day’s last step', () => {
    // The 100-minute step runs 10:00–11:40 across the planned 10:30 break; nothing follows, so no break.
    const schedule = scheduleUnits([lesson('a', [60, 100])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(timetable(schedule, 1)).toEqual(['09:00-11:40 lesson a', '11:40-12:30 free', '12:30-13:30 lunch', '13:30-15:15 free', '15:15-15:30 break', '15:30-17:00 free']);
  });

  it('keep the day within its end time even when every break is delayed', () => {
    // Steps of 50 minutes push each break later; 390 minutes of teaching still end at 17:00.
    const schedule = scheduleUnits([lesson('a', [50, 50, 50, 50, 50, 50, 50, 40])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    const slots = schedule.days[0]?.slots ?? [];
    expect(slots.at(-1)?.end).toBe('17:00');
    expect(slots.filter((s) => s.kind !== 'lesson').map((s) => `${s.plannedStart ?? ''}>${s.start}`)).toEqual(['10:30>10:40', '12:30>12:35', '15:15>15:15']);
  });

  it('report a break pushed later than the limit', () => {
    const schedule = scheduleUnits([lesson('a', [20, 120, 30])], DEFAULT_DAY_TEMPLATE, { days: 1, breakDelayWarningMinutes: 30 });
    expect(schedule.warnings).toEqual([partly({ code: 'break-delayed', severity: 'info', params: partly({ planned: '10:30', actual: '11:20', delay: 50 }) })]);
  });

  it('may be absent from the template', () => {
    const template: DayTemplate = { start: '08:00', end: '12:00', breaks: [] };
    const schedule = scheduleUnits([lesson('a', [120]), lesson('b', [90]), lesson('c', [60])], template, { days: 2 });
    expect(timetable(schedule, 1)).toEqual(['08:00-10:00 lesson a', '10:00-11:30 lesson b', '11:30-12:00 free']);
    expect(timetable(schedule, 2)).toEqual(['08:00-09:00 lesson c', '09:00-12:00 free']);
  });
});

describe('short parts', () => {
  const rules = (minPartMinutes: number) => ({ minPartMinutes, recapMinutes: 0, bufferMinutes: 0 });

  it('take the break before a lesson, up to 30 minutes early, rather than leave a short part before it', () => {
    // At 10:20 the lesson's 10-minute first step would end on the 10:30 break, leaving a part of 10 minutes.
    const schedule = scheduleUnits([block('a', 80), lesson('b', [10, 50])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(timetable(schedule, 1).slice(0, 4)).toEqual(['09:00-10:20 session a', '10:20-10:35 break', '10:35-11:35 lesson b', '11:35-12:30 free']);
    expect(schedule.days[0]?.slots[1]).toMatchObject({ plannedStart: '10:30' });
    expect(schedule.warnings).toEqual([]);
  });

  it('start a lesson after the break, the gap shown as free time, when taking the break early would mean more than 30 minutes', () => {
    // The 70-minute step would run 09:30–10:40 and leave 15 minutes after the break; breaking at 09:30 is an hour early.
    const schedule = scheduleUnits([block('a', 30), lesson('b', [70, 15])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(timetable(schedule, 1).slice(0, 4)).toEqual(['09:00-09:30 session a', '09:30-10:30 free', '10:30-10:45 break', '10:45-12:10 lesson b']);
    expect(schedule.placements[1]).toMatchObject({ day: 1, start: '10:45', end: '12:10' });
  });

  it('follow the threshold of the course: at 10 minutes a 15-minute tail is allowed', () => {
    const schedule = scheduleUnits([block('a', 30), lesson('b', [70, 15])], DEFAULT_DAY_TEMPLATE, { days: 1, rules: rules(10) });
    expect(timetable(schedule, 1).slice(0, 3)).toEqual(['09:00-09:30 session a', '09:30-10:40 lesson b', '10:40-10:55 break']);
  });

  it('apply to sessions too, which a break interrupts at its planned time: a short first part waits for the break', () => {
    const schedule = scheduleUnits([block('a', 80), block('b', 60)], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(timetable(schedule, 1).slice(0, 3)).toEqual(['09:00-10:20 session a', '10:20-10:35 break', '10:35-11:35 session b']);
  });

  it('move a lesson to the next day when starting after the break leaves no room, and say why', () => {
    const morning: DayTemplate = { start: '09:00', end: '11:45', breaks: [{ start: '10:30', end: '10:45', kind: 'break' }] };
    // 115 of the 150 minutes: b fits by its length, but at 09:45 its 60-minute step runs across the break and
    // leaves a 10-minute tail; breaking 45 minutes early is too early, and waiting for the break leaves no room.
    const schedule = scheduleUnits([block('a', 45), lesson('b', [60, 10])], morning, { days: 2 });
    expect(schedule.placements.map((p) => `${p.unitKey}@${p.day} ${p.start}`)).toEqual(['a@1 09:00', 'b@2 09:00']);
    expect(schedule.warnings).toEqual([
      partly({ code: 'moved-to-avoid-short-part', severity: 'info', unitKey: 'b', day: 2, params: partly({ minutes: 70, free: 105, minPart: 20, day: 2 }) }),
    ]);
  });

  it('report a short part that no start after a break avoids, and let the lesson flow as before', () => {
    const tight: DayTemplate = { start: '09:00', end: '12:00', breaks: [{ start: '10:00', end: '10:10', kind: 'break' }, { start: '11:00', end: '11:10', kind: 'break' }] };
    const schedule = scheduleUnits([lesson('a', [65, 10])], tight, { days: 1 });
    expect(timetable(schedule, 1).slice(0, 3)).toEqual(['09:00-10:05 lesson a', '10:05-10:15 break', '10:15-10:25 lesson a']);
    expect(schedule.warnings).toEqual([partly({ code: 'short-part', severity: 'warning', unitKey: 'a', day: 1, params: partly({ part: 10, minPart: 20 }) })]);
  });

  it('are not reported for a lesson longer than a day, which cannot avoid breaks', () => {
    const schedule = scheduleUnits([lesson('long', [100, 100, 100, 100, 5])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    expect(schedule.warnings.map((w) => w.code)).toEqual(['longer-than-day']);
  });
});

describe('daily recap and buffer', () => {
  const rules = { minPartMinutes: 20, recapMinutes: 15, bufferMinutes: 30 };

  it('open every day but the first with a recap, close every day with a buffer, and take them from the capacity', () => {
    const schedule = scheduleUnits([lesson('a', [90, 90]), lesson('b', [90, 90]), lesson('c', [60])], DEFAULT_DAY_TEMPLATE, { days: 2, rules });
    expect(timetable(schedule, 1)).toEqual([
      '09:00-10:30 lesson a',
      '10:30-10:45 break',
      '10:45-12:15 lesson a',
      '12:15-13:45 lesson b',
      '13:45-14:45 lunch',
      '14:45-16:15 lesson b',
      '16:15-16:30 break',
      '16:30-17:00 buffer',
    ]);
    // Day 1 holds 390 - 30 = 360 minutes: a and b fill it, and c starts day 2 after the recap.
    expect(schedule.placements.map((p) => p.day)).toEqual([1, 1, 2]);
    expect(timetable(schedule, 2)).toEqual(['09:00-09:15 recap', '09:15-10:15 lesson c', '10:15-10:45 buffer', '10:45-12:30 free', '12:30-13:30 lunch', '13:30-15:15 free', '15:15-15:30 break', '15:30-17:00 free']);
    expect(schedule).toMatchObject({ capacityPerDay: 390 - 15 - 30, capacityMinutes: 360 + 345 });
  });

  it('put the buffer right after the day’s last teaching, where it absorbs what runs over', () => {
    const schedule = scheduleUnits([lesson('a', [60])], DEFAULT_DAY_TEMPLATE, { days: 1, rules });
    expect(timetable(schedule, 1).slice(0, 3)).toEqual(['09:00-10:00 lesson a', '10:00-10:30 buffer', '10:30-10:45 break']);
  });

  it('leave days without teaching as they are', () => {
    const schedule = scheduleUnits([lesson('a', [60]), lesson('b', [60], 3)], DEFAULT_DAY_TEMPLATE, { days: 3, rules });
    expect(timetable(schedule, 2)).toEqual(['10:30-10:45 break', '12:30-13:30 lunch', '15:15-15:30 break']);
    // The buffer is not cut by the 10:30 break; with nothing taught after it, that break is left out.
    expect(timetable(schedule, 3).slice(0, 4)).toEqual(['09:00-09:15 recap', '09:15-10:15 lesson b', '10:15-10:45 buffer', '10:45-12:30 free']);
  });

  it('count against the day: a lesson that fits a bare day but not one with its recap and buffer runs over', () => {
    const schedule = scheduleUnits([lesson('a', [60]), lesson('b', [90, 90, 90, 90])], DEFAULT_DAY_TEMPLATE, { days: 2, rules });
    expect(schedule.warnings.map((w) => w.code).slice(0, 2)).toEqual(['moved-to-next-day', 'longer-than-day']);
    expect(schedule.warnings[1]).toMatchObject({ params: { capacity: 345, minutes: 360 } });
  });
});

describe('days that overflow', () => {
  it('give a lesson longer than a day a day of its own and flag it', () => {
    const schedule = scheduleUnits([lesson('a', [60]), lesson('long', [40, 40, 40, 40, 40, 40, 40, 40, 40, 40]), lesson('b', [30])], DEFAULT_DAY_TEMPLATE, { days: 3 });
    expect(schedule.placements.map((p) => `${p.unitKey}@${p.day}`)).toEqual(['a@1', 'long@2', 'b@3']);
    expect(schedule.days.map((d) => d.overflow)).toEqual([false, true, false]);
    expect(schedule.warnings.map((w) => w.code)).toEqual(['moved-to-next-day', 'longer-than-day']);
    expect(schedule.warnings[1]).toMatchObject({ severity: 'error', day: 2, params: { minutes: 400, capacity: 390 } });
    // The overflowing day runs past 17:00.
    expect(schedule.placements[1]?.end).toBe('17:10');
    expect(scheduleFits(schedule)).toBe(false);
  });

  it('add days when the course needs more than planned, and report it', () => {
    const schedule = scheduleCurriculum(curriculum([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')], { days: 1 }));
    expect(schedule.daysUsed).toBe(3);
    expect(schedule.days).toHaveLength(3);
    expect(schedule.warnings.at(-1)).toMatchObject({ code: 'course-exceeds-days', severity: 'error', params: { daysUsed: 3, days: 1 } });
    expect(scheduleFits(schedule)).toBe(false);
  });

  it('keep empty planned days in the timetable with their breaks', () => {
    const schedule = scheduleUnits([lesson('a', [30])], DEFAULT_DAY_TEMPLATE, { days: 3 });
    expect(schedule.days).toHaveLength(3);
    expect(timetable(schedule, 3)).toEqual(['10:30-10:45 break', '12:30-13:30 lunch', '15:15-15:30 break']);
    expect(schedule.daysUsed).toBe(1);
  });
});

describe('pins', () => {
  it('start a pinned lesson on its day and let what follows continue after it', () => {
    const course = curriculum(
      [session('opening', 60), moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.2', day: 3 }] })],
      { days: 4 },
    );
    const schedule = scheduleCurriculum(course);
    expect(schedule.placements.map((p) => `${p.lessonCode ?? p.itemId}@${p.day} ${p.start}`)).toEqual(['opening@1 09:00', '1.1@1 10:00', '1.2@3 09:00', '1.3@3 11:45']);
    expect(schedule.days[1]?.teachingMinutes).toBe(0);
    expect(schedule.warnings).toEqual([]);
  });

  it('report a pin that the content before it makes impossible', () => {
    const schedule = scheduleUnits([block('a', 300), block('b', 300), lesson('pinned', [60], 1)], DEFAULT_DAY_TEMPLATE, { days: 3 });
    expect(schedule.placements.map((p) => p.day)).toEqual([1, 2, 2]);
    expect(schedule.warnings).toEqual([
      partly({ code: 'moved-to-next-day', unitKey: 'b' }),
      partly({ code: 'pin-unmet', severity: 'warning', unitKey: 'pinned', params: partly({ pinnedDay: 1, day: 2 }) }),
    ]);
  });

  it('report a pin that does not fit the rest of its day', () => {
    const schedule = scheduleUnits([lesson('first', [300], 2), lesson('second', [120], 2)], DEFAULT_DAY_TEMPLATE, { days: 3 });
    expect(schedule.placements.map((p) => p.day)).toEqual([2, 3]);
    expect(schedule.warnings.map((w) => w.code)).toEqual(['moved-to-next-day', 'pin-unmet']);
  });

  it('honour a pin beyond the planned days but warn about it', () => {
    const schedule = scheduleUnits([lesson('a', [60], 4)], DEFAULT_DAY_TEMPLATE, { days: 2 });
    expect(schedule.placements[0]?.day).toBe(4);
    expect(schedule.warnings.map((w) => w.code)).toEqual(['pin-beyond-days', 'course-exceeds-days']);
  });

  it('pin sessions too', () => {
    const schedule = scheduleCurriculum(curriculum([session('opening', 60), session('closing', 45, { day: 3 })], { days: 3 }));
    expect(schedule.placements.map((p) => p.day)).toEqual([1, 3]);
  });
});

describe('overrides', () => {
  it('leave out omitted lessons and use changed step minutes and lesson order', () => {
    const course = curriculum(
      [
        moduleItem('hr-foundations', {
          lessonOrder: ['1.3'],
          lessons: [
            { lessonCode: '1.2', omit: true },
            { lessonCode: '1.3', stepMinutes: [{ step: 0, minutes: 35 }] },
          ],
        }),
      ],
      { days: 1 },
    );
    const schedule = scheduleCurriculum(course);
    expect(schedule.placements.map((p) => `${p.lessonCode ?? ''} ${p.minutes}`)).toEqual(['1.3 155', '1.1 120']);
  });
});

describe('dates', () => {
  it('give consecutive calendar days from the start date', () => {
    const schedule = scheduleCurriculum(curriculum([moduleItem('hr-foundations')], { days: 3, startDate: '2026-02-27' }));
    expect(schedule.days.map((d) => d.date)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
  });

  it('are absent without a start date', () => {
    expect(scheduleCurriculum(curriculum([], { days: 1 })).days[0]).not.toHaveProperty('date');
  });
});

describe('units and day assignment', () => {
  it('turns items into units in course order, sessions as one interruptible block', () => {
    const units = curriculumUnits(curriculum([session('opening', 45), moduleItem('gender-responsive-policing', { lessons: [{ lessonCode: '11.2', omit: true }] })]));
    expect(units.map((u) => `${u.kind}:${u.key}`)).toEqual(['session:opening', 'lesson:gender-responsive-policing/0', 'lesson:gender-responsive-policing/2']);
    expect(units[1]?.steps[2]).toEqual({ minutes: 25, range: { min: 20, max: 35 } });
  });

  it('assigns days from totals alone on a day without breaks', () => {
    const units = [200, 190, 1, 500, 10].map((minutes) => ({ steps: [minutes], session: false }));
    const none = { idle: 0, shortPart: undefined };
    expect(assignDays(units, plainDay(390))).toEqual([
      { day: 1, moved: undefined, overflow: false, freeBefore: 390, ...none },
      { day: 1, moved: undefined, overflow: false, freeBefore: 190, ...none },
      { day: 2, moved: 'full', overflow: false, freeBefore: 0, ...none },
      { day: 3, moved: 'full', overflow: true, freeBefore: 389, ...none },
      // The day before ran over, so this one is not said to have moved.
      { day: 4, moved: undefined, overflow: false, freeBefore: -110, ...none },
    ]);
  });

  it('assigns days as the timetable lays them out, breaks and scheduling rules included', () => {
    const course = curriculum([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')], { days: 3, scheduling: { minPartMinutes: 20, recapMinutes: 15, bufferMinutes: 30 } });
    const units = curriculumUnits(course);
    const assigned = assignDays(units.map((u) => ({ steps: u.steps.map((s) => s.minutes), session: u.kind === 'session', pinnedDay: u.pinnedDay })), dayModel(course.dayTemplate, course.scheduling));
    expect(assigned.map((a) => a.day)).toEqual(scheduleCurriculum(course).placements.map((p) => p.day));
  });

  it('handles an empty course', () => {
    const schedule = scheduleCurriculum(curriculum([], { days: 2 }));
    expect(schedule).toMatchObject({ daysUsed: 0, teachingMinutes: 0, placements: [], warnings: [] });
    expect(schedule.days).toHaveLength(2);
  });
});

describe('formatClock', () => {
  it('pads hours and minutes and does not wrap past midnight', () => {
    expect([formatClock(0), formatClock(9 * 60 + 5), formatClock(17 * 60), formatClock(25 * 60 + 10)]).toEqual(['00:00', '09:05', '17:00', '25:10']);
  });
});

import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../shared/domain/curriculum/clock';
import {
  assignDays,
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

  it('lets lessons flow across breaks, delaying a break until the running step ends', () => {
    expect(timetable(schedule, 1)).toEqual([
      '09:00-10:45 lesson 1.1',
      '10:45-11:00 break',
      '11:00-11:15 lesson 1.1',
      '11:15-12:45 lesson 1.2',
      '12:45-13:45 lunch',
      '13:45-14:45 lesson 1.2',
      '15:15-15:30 break',
    ]);
    const morningBreak = schedule.days[0]?.slots[1];
    expect(morningBreak).toMatchObject({ kind: 'break', plannedStart: '10:30', start: '10:45' });
    expect(schedule.days[0]?.slots[0]).toMatchObject({ part: 1, parts: 2 });
  });

  it('moves a lesson that does not fit the rest of the day to the next day and says so', () => {
    expect(timetable(schedule, 2)).toEqual([
      '09:00-10:40 lesson 1.3',
      '10:40-10:55 break',
      '10:55-11:45 lesson 1.3',
      '12:30-13:30 lunch',
      '15:15-15:30 break',
    ]);
    expect(schedule.warnings).toEqual([
      partly({ code: 'moved-to-next-day', severity: 'info', lessonCode: '1.3', day: 2, params: partly({ free: 120, minutes: 150 }) }),
    ]);
  });

  it('gives each lesson its step timings for lesson plans', () => {
    const first = schedule.placements[0];
    expect(first).toMatchObject({ unitKey: 'hr-foundations/0', lessonCode: '1.1', day: 1, start: '09:00', end: '11:15', minutes: 120 });
    expect(first?.intervals.map((i) => `${i.start}-${i.end}`)).toEqual(['09:00-09:20', '09:20-09:45', '09:45-10:15', '10:15-10:45', '11:00-11:15']);
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
    expect(timetable(schedule, 1)).toEqual(['09:00-10:30 lesson a', '10:30-10:45 break', '10:45-11:15 lesson a', '12:30-13:30 lunch', '15:15-15:30 break']);
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
    expect(timetable(schedule, 1)).toEqual(['09:00-11:40 lesson a', '12:30-13:30 lunch', '15:15-15:30 break']);
  });

  it('keep the day within its end time even when every break is delayed', () => {
    // Steps of 50 minutes push each break later; 390 minutes of teaching still end at 17:00.
    const schedule = scheduleUnits([lesson('a', [50, 50, 50, 50, 50, 50, 50, 40])], DEFAULT_DAY_TEMPLATE, { days: 1 });
    const slots = schedule.days[0]?.slots ?? [];
    expect(slots.at(-1)?.end).toBe('17:00');
    expect(slots.filter((s) => s.kind !== 'lesson').map((s) => `${s.plannedStart ?? ''}>${s.start}`)).toEqual(['10:30>10:40', '12:30>12:35', '15:15>15:15']);
  });

  it('report a break pushed later than the limit', () => {
    const schedule = scheduleUnits([lesson('a', [20, 120, 10])], DEFAULT_DAY_TEMPLATE, { days: 1, breakDelayWarningMinutes: 30 });
    expect(schedule.warnings).toEqual([partly({ code: 'break-delayed', severity: 'info', params: partly({ planned: '10:30', actual: '11:20', delay: 50 }) })]);
  });

  it('may be absent from the template', () => {
    const template: DayTemplate = { start: '08:00', end: '12:00', breaks: [] };
    const schedule = scheduleUnits([lesson('a', [120]), lesson('b', [90]), lesson('c', [60])], template, { days: 2 });
    expect(timetable(schedule, 1)).toEqual(['08:00-10:00 lesson a', '10:00-11:30 lesson b']);
    expect(timetable(schedule, 2)).toEqual(['08:00-09:00 lesson c']);
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

  it('assigns days from totals alone', () => {
    expect(assignDays([{ minutes: 200 }, { minutes: 190 }, { minutes: 1 }, { minutes: 500 }, { minutes: 10 }], 390)).toEqual([
      { day: 1, moved: false, overflow: false, freeBefore: 390 },
      { day: 1, moved: false, overflow: false, freeBefore: 190 },
      { day: 2, moved: true, overflow: false, freeBefore: 0 },
      { day: 3, moved: true, overflow: true, freeBefore: 389 },
      { day: 4, moved: false, overflow: false, freeBefore: -110 },
    ]);
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

/**
 * The scheduler: lays a course's lessons and sessions into teaching days.
 *
 * Rules (kept simple so designers can predict them):
 * 1. A day's teaching capacity is its length minus its breaks (09:00–17:00 with 15 + 60 + 15 minutes of
 *    breaks: 390 minutes). Teaching flows continuously from the start of the day.
 * 2. Lessons are never split across days. A lesson or session that does not fit in what is left of a day
 *    starts the next day (reported as "moved"). One longer than a whole day gets a day of its own, which
 *    overflows past the end of the day (reported as an error).
 * 3. Lessons flow across breaks, lunch included, but steps are never split: a break starts at its planned
 *    time if a step ends then, otherwise as soon as the running step ends. It keeps its length, so the day
 *    still ends on time (rule 1 counts only teaching minutes). Sessions have no steps, so a break interrupts
 *    a session at its planned time. A break that would only start after the day's last teaching is left out.
 * 4. Order is kept: nothing is moved earlier. A pinned lesson ("day 3") starts on its day if the content
 *    before it ends earlier (the rest of the earlier day stays free); if that content already runs into or
 *    past the pinned day and leaves no room, the lesson follows it and the pin is reported as unmet.
 */
import { clockToMinutes, type Curriculum, type DayTemplate } from '../../schemas/curriculum';
import { addDays, formatClock } from './clock';
import { effectiveLessons } from './effective-lessons';

export type UnitStep = { minutes: number; range?: { min: number; max: number } | undefined };

/** One thing the scheduler places whole: a lesson (made of steps) or a session. */
export type ScheduleUnit = {
  key: string;
  kind: 'lesson' | 'session';
  itemId: string;
  lessonCode?: string | undefined;
  title: string;
  steps: readonly UnitStep[];
  pinnedDay?: number | undefined;
};

export type SlotKind = 'lesson' | 'session' | 'break' | 'lunch';

export type TimetableSlot = {
  kind: SlotKind;
  start: string;
  end: string;
  startMinute: number;
  endMinute: number;
  title: string;
  unitKey?: string;
  itemId?: string;
  lessonCode?: string;
  /** A lesson interrupted by a break shows as parts 1 and 2 of 2. */
  part?: number;
  parts?: number;
  /** Breaks: when the template planned them; differs from `start` when a step ran on. */
  plannedStart?: string;
};

export type TimedInterval = { start: string; end: string; startMinute: number; endMinute: number };

export type Placement = {
  unitKey: string;
  kind: 'lesson' | 'session';
  itemId: string;
  lessonCode?: string;
  title: string;
  day: number;
  minutes: number;
  start: string;
  end: string;
  startMinute: number;
  endMinute: number;
  /** Lessons: one interval per step, for lesson-plan timings. Sessions: one per uninterrupted part. */
  intervals: TimedInterval[];
  pinnedDay?: number;
};

export type ScheduleDay = {
  day: number;
  /** Set when the course has a start date: consecutive calendar days, weekends included. */
  date?: string;
  slots: TimetableSlot[];
  teachingMinutes: number;
  overflow: boolean;
};

export type ScheduleWarningCode = 'longer-than-day' | 'moved-to-next-day' | 'pin-unmet' | 'pin-beyond-days' | 'course-exceeds-days' | 'break-delayed';

export type ScheduleWarning = {
  code: ScheduleWarningCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  params: Record<string, string | number>;
  day?: number;
  unitKey?: string;
  itemId?: string;
  lessonCode?: string;
};

export type Schedule = {
  days: ScheduleDay[];
  placements: Placement[];
  warnings: ScheduleWarning[];
  plannedDays: number;
  /** The last day with something on it (0 for an empty course). */
  daysUsed: number;
  capacityPerDay: number;
  teachingMinutes: number;
};

export type ScheduleOptions = {
  days: number;
  startDate?: string | undefined;
  /** A break pushed later than this by a long step is reported; default 30 minutes. */
  breakDelayWarningMinutes?: number;
};

type CompiledBreak = { start: number; end: number; kind: 'break' | 'lunch'; label: string | undefined };
type CompiledTemplate = { start: number; end: number; breaks: CompiledBreak[]; capacity: number };

export function compileTemplate(template: DayTemplate): CompiledTemplate {
  const start = clockToMinutes(template.start);
  const end = clockToMinutes(template.end);
  const breaks = template.breaks
    .map((b) => ({ start: clockToMinutes(b.start), end: clockToMinutes(b.end), kind: b.kind, label: b.label }))
    .sort((a, b) => a.start - b.start);
  const breakMinutes = breaks.reduce((total, b) => total + (b.end - b.start), 0);
  return { start, end, breaks, capacity: end - start - breakMinutes };
}

/** Teaching minutes in one day of the template. */
export function dayCapacity(template: DayTemplate): number {
  return compileTemplate(template).capacity;
}

export function unitMinutes(unit: Pick<ScheduleUnit, 'steps'>): number {
  return unit.steps.reduce((total, step) => total + step.minutes, 0);
}

/** The course as the scheduler sees it: every effective lesson and every session, in course order. */
export function curriculumUnits(curriculum: Pick<Curriculum, 'items'>): ScheduleUnit[] {
  const units: ScheduleUnit[] = [];
  for (const item of curriculum.items) {
    if (item.kind === 'session') {
      units.push({ key: item.id, kind: 'session', itemId: item.id, title: item.title, steps: [{ minutes: item.minutes }], pinnedDay: item.day });
      continue;
    }
    for (const effective of effectiveLessons(item))
      units.push({
        key: `${item.id}/${effective.lessonIndex}`,
        kind: 'lesson',
        itemId: item.id,
        lessonCode: effective.lessonCode,
        title: effective.lesson.title,
        steps: effective.lesson.steps.map((s) => ({ minutes: s.minutes, range: s.range })),
        pinnedDay: effective.pinnedDay,
      });
  }
  return units;
}

export type DayAssignment = { day: number; moved: boolean; overflow: boolean; freeBefore: number };

/**
 * Rules 2 and 4 on totals alone: which day each unit goes to. Breaks never change the answer (rule 3),
 * which is what lets "fit to N days" try many step lengths cheaply.
 */
export function assignDays(units: readonly { minutes: number; pinnedDay?: number | undefined }[], capacity: number): DayAssignment[] {
  let day = 1;
  let used = 0;
  return units.map(({ minutes, pinnedDay }) => {
    if (pinnedDay !== undefined && pinnedDay > day) [day, used] = [pinnedDay, 0];
    let moved = false;
    const freeBefore = capacity - used;
    if (used > 0 && minutes > freeBefore) {
      moved = used <= capacity;
      [day, used] = [day + 1, 0];
    }
    used += minutes;
    return { day, moved, overflow: minutes > capacity, freeBefore };
  });
}

/** A schedule in which every day holds its teaching and the course ends within its planned days. */
export function scheduleFits(schedule: Pick<Schedule, 'days' | 'daysUsed' | 'plannedDays'>): boolean {
  return schedule.daysUsed <= schedule.plannedDays && schedule.days.every((d) => !d.overflow);
}

export function scheduleCurriculum(curriculum: Pick<Curriculum, 'items' | 'days' | 'dayTemplate' | 'startDate'>): Schedule {
  return scheduleUnits(curriculumUnits(curriculum), curriculum.dayTemplate, { days: curriculum.days, startDate: curriculum.startDate });
}

type DayBuilder = { day: number; cursor: number; nextBreak: number; slots: TimetableSlot[]; teaching: number; overflow: boolean };

export function scheduleUnits(units: readonly ScheduleUnit[], template: DayTemplate, options: ScheduleOptions): Schedule {
  const tpl = compileTemplate(template);
  const delayLimit = options.breakDelayWarningMinutes ?? 30;
  const warnings: ScheduleWarning[] = [];
  const placements: Placement[] = [];
  const builders: DayBuilder[] = [];
  const dayBuilder = (day: number): DayBuilder => {
    while (builders.length < day) builders.push({ day: builders.length + 1, cursor: tpl.start, nextBreak: 0, slots: [], teaching: 0, overflow: false });
    const builder = builders[day - 1];
    if (!builder) throw new Error(`day ${day} missing`);
    return builder;
  };

  const takeDueBreaks = (d: DayBuilder): void => {
    for (let b = tpl.breaks[d.nextBreak]; b && b.start <= d.cursor; b = tpl.breaks[d.nextBreak]) {
      const length = b.end - b.start;
      const delay = d.cursor - b.start;
      if (delay > delayLimit)
        warnings.push({
          code: 'break-delayed',
          severity: 'info',
          message: `Day ${d.day}: the ${b.kind} planned at ${formatClock(b.start)} starts at ${formatClock(d.cursor)} so that a step is not interrupted`,
          params: { day: d.day, planned: formatClock(b.start), actual: formatClock(d.cursor), delay },
          day: d.day,
        });
      d.slots.push(slot(b.kind, d.cursor, d.cursor + length, b.label ?? '', { plannedStart: formatClock(b.start) }));
      d.cursor += length;
      d.nextBreak += 1;
    }
  };

  const place = (d: DayBuilder, unit: ScheduleUnit): Placement => {
    const intervals: { startMinute: number; endMinute: number }[] = [];
    if (unit.kind === 'lesson') {
      for (const step of unit.steps) {
        takeDueBreaks(d);
        intervals.push({ startMinute: d.cursor, endMinute: d.cursor + step.minutes });
        d.cursor += step.minutes;
      }
    } else {
      let remaining = unitMinutes(unit);
      while (remaining > 0) {
        takeDueBreaks(d);
        const chunk = Math.min(remaining, (tpl.breaks[d.nextBreak]?.start ?? Number.POSITIVE_INFINITY) - d.cursor);
        intervals.push({ startMinute: d.cursor, endMinute: d.cursor + chunk });
        d.cursor += chunk;
        remaining -= chunk;
      }
    }
    const segments = mergeContiguous(intervals);
    segments.forEach((segment, i) => {
      d.slots.push(
        slot(unit.kind, segment.startMinute, segment.endMinute, unit.title, {
          unitKey: unit.key,
          itemId: unit.itemId,
          ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
          part: i + 1,
          parts: segments.length,
        }),
      );
    });
    const minutes = unitMinutes(unit);
    d.teaching += minutes;
    const first = intervals[0]?.startMinute ?? d.cursor;
    const last = intervals.at(-1)?.endMinute ?? d.cursor;
    return {
      unitKey: unit.key,
      kind: unit.kind,
      itemId: unit.itemId,
      ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
      title: unit.title,
      day: d.day,
      minutes,
      start: formatClock(first),
      end: formatClock(last),
      startMinute: first,
      endMinute: last,
      // Spelled out rather than spread: spreading here made the whole scheduler several times slower in V8.
      intervals: intervals.map((i) => ({ start: formatClock(i.startMinute), end: formatClock(i.endMinute), startMinute: i.startMinute, endMinute: i.endMinute })),
      ...(unit.pinnedDay === undefined ? {} : { pinnedDay: unit.pinnedDay }),
    };
  };

  const assignments = assignDays(
    units.map((u) => ({ minutes: unitMinutes(u), pinnedDay: u.pinnedDay })),
    tpl.capacity,
  );
  units.forEach((unit, i) => {
    const assignment = assignments[i];
    if (!assignment) return;
    const where = { unitKey: unit.key, itemId: unit.itemId, ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }) };
    const name = describeUnit(unit);
    const minutes = unitMinutes(unit);
    if (unit.pinnedDay !== undefined && unit.pinnedDay > options.days)
      warnings.push({
        code: 'pin-beyond-days',
        severity: 'warning',
        message: `${name} is moved to day ${unit.pinnedDay}, but the course has ${options.days} days`,
        params: { name, pinnedDay: unit.pinnedDay, days: options.days },
        ...where,
      });
    if (assignment.moved)
      warnings.push({
        code: 'moved-to-next-day',
        severity: 'info',
        message: `${name} (${minutes} min) does not fit the ${assignment.freeBefore} min left on day ${assignment.day - 1} and starts day ${assignment.day}`,
        params: { name, minutes, free: assignment.freeBefore, day: assignment.day },
        day: assignment.day,
        ...where,
      });
    if (assignment.overflow)
      warnings.push({
        code: 'longer-than-day',
        severity: 'error',
        message: `${name} lasts ${minutes} min, longer than a teaching day (${tpl.capacity} min); day ${assignment.day} runs over`,
        params: { name, minutes, capacity: tpl.capacity, day: assignment.day },
        day: assignment.day,
        ...where,
      });
    const d = dayBuilder(assignment.day);
    if (assignment.overflow) d.overflow = true;
    const placement = place(d, unit);
    placements.push(placement);
    if (unit.pinnedDay !== undefined && placement.day !== unit.pinnedDay)
      warnings.push({
        code: 'pin-unmet',
        severity: 'warning',
        // Pins only ever move content later (rule 4), so an unmet pin always means the content before it ran on.
        message: `${name} should be on day ${unit.pinnedDay} but what comes before it runs on to day ${placement.day}`,
        params: { name, pinnedDay: unit.pinnedDay, day: placement.day },
        day: placement.day,
        ...where,
      });
  });

  const daysUsed = placements.reduce((max, p) => Math.max(max, p.day), 0);
  const dayCount = Math.max(options.days, daysUsed);
  const days: ScheduleDay[] = [];
  for (let day = 1; day <= dayCount; day += 1) {
    const d = dayBuilder(day);
    // Breaks still to come after the day's last teaching are shown as planned; those due while the last step ran are dropped.
    for (const b of tpl.breaks.slice(d.nextBreak))
      if (b.start >= d.cursor) d.slots.push(slot(b.kind, b.start, b.end, b.label ?? '', { plannedStart: formatClock(b.start) }));
    d.slots.sort((a, b) => a.startMinute - b.startMinute);
    days.push({
      day,
      ...(options.startDate ? { date: addDays(options.startDate, day - 1) } : {}),
      slots: d.slots,
      teachingMinutes: d.teaching,
      overflow: d.overflow,
    });
  }
  if (daysUsed > options.days)
    warnings.push({
      code: 'course-exceeds-days',
      severity: 'error',
      message: `The course needs ${daysUsed} days but is planned for ${options.days}`,
      params: { daysUsed, days: options.days },
    });

  return {
    days,
    placements,
    warnings,
    plannedDays: options.days,
    daysUsed,
    capacityPerDay: tpl.capacity,
    teachingMinutes: placements.reduce((total, p) => total + p.minutes, 0),
  };
}

function describeUnit(unit: ScheduleUnit): string {
  return unit.lessonCode === undefined ? `Session "${unit.title}"` : `Lesson ${unit.lessonCode} "${unit.title}"`;
}

function slot(kind: SlotKind, startMinute: number, endMinute: number, title: string, extra: Partial<TimetableSlot>): TimetableSlot {
  return { kind, start: formatClock(startMinute), end: formatClock(endMinute), startMinute, endMinute, title, ...extra };
}

function mergeContiguous(intervals: readonly { startMinute: number; endMinute: number }[]): { startMinute: number; endMinute: number }[] {
  const merged: { startMinute: number; endMinute: number }[] = [];
  for (const interval of intervals) {
    const last = merged.at(-1);
    if (last && last.endMinute === interval.startMinute) last.endMinute = interval.endMinute;
    else merged.push({ ...interval });
  }
  return merged;
}

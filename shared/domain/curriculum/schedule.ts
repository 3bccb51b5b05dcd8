/**
 * The scheduler: lays a course's lessons and sessions into teaching days.
 *
 * Rules (kept simple so designers can predict them):
 * 1. A day's teaching capacity is its length minus its breaks (09:00–17:00 with 15 + 60 + 15 minutes of
 *    breaks: 390 minutes), minus the course's daily buffer and, after the first day, its daily recap. The
 *    recap opens each day with teaching after the first; the buffer follows the day's last lesson.
 * 2. Lessons are never split across days. A lesson or session that does not fit in what is left of a day
 *    starts the next day (reported as "moved"). One longer than a whole day gets a day of its own, which
 *    overflows past the end of the day (reported as an error).
 * 3. Lessons flow across breaks, lunch included, but steps are never split: a break starts at its planned
 *    time if a step ends then, otherwise as soon as the running step ends. It keeps its length, so the day
 *    still ends on time (rule 1 counts only teaching minutes). Sessions have no steps, so a break interrupts
 *    a session at its planned time. A break that would only start after the day's last teaching is left out.
 * 4. A break never cuts a lesson or session into a part shorter than the course's `minPartMinutes`
 *    (default 20): the lesson starts after that break instead, and the time before the break is free. If
 *    that leaves no room, it starts the next day (reported). Only when no start on an empty day would avoid
 *    a short part (its steps are too long for the gaps between breaks) does it flow on as in rule 3, and
 *    the short part is reported.
 * 5. Order is kept: nothing is moved earlier. A pinned lesson ("day 3") starts on its day if the content
 *    before it ends earlier (the rest of the earlier day stays free); if that content already runs into or
 *    past the pinned day and leaves no room, the lesson follows it and the pin is reported as unmet.
 *
 * Where each unit goes is decided by the day packer (day-packer.ts), which fit and the remedies use too.
 */
import { DEFAULT_SCHEDULING_RULES, type Curriculum, type DayTemplate, type SchedulingRules } from '../../schemas/curriculum';
import { addDays, formatClock } from './clock';
import { dayModel, plannedCapacity, teachingCapacity, type DayModel } from './day-model';
import { DayPacker, type PackSink, type PackUnit } from './day-packer';
import { effectiveLessons } from './effective-lessons';
import { describeUnit, unitWarnings, where } from './schedule-warnings';

export type UnitStep = {
  minutes: number;
  range?: { min: number; max: number } | undefined;
  /** Set by hand and locked for this course: fit never changes it. */
  locked?: boolean | undefined;
};

/** One thing the scheduler places whole: a lesson (made of steps) or a session. */
export type ScheduleUnit = {
  key: string;
  kind: 'lesson' | 'session';
  itemId: string;
  lessonCode?: string | undefined;
  /** The course's number of the lesson ("2.3": module 2, third lesson taught), which every course view shows. */
  lessonNumber?: string | undefined;
  title: string;
  steps: readonly UnitStep[];
  pinnedDay?: number | undefined;
};

/** `free`: time left empty so that a break does not cut the next lesson short, or after the day's last teaching. */
export type SlotKind = 'lesson' | 'session' | 'break' | 'lunch' | 'recap' | 'buffer' | 'free';

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
  /** The course's number of the lesson ("2.3"). */
  lessonNumber?: string;
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
  /** The course's number of the lesson ("2.3"). */
  lessonNumber?: string;
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
  /** Minutes of lessons and sessions (not the recap or the buffer). */
  teachingMinutes: number;
  overflow: boolean;
};

export type ScheduleWarningCode =
  | 'longer-than-day'
  | 'moved-to-next-day'
  | 'moved-to-avoid-short-part'
  | 'short-part'
  | 'pin-unmet'
  | 'pin-beyond-days'
  | 'course-exceeds-days'
  | 'break-delayed';

export type ScheduleWarning = {
  code: ScheduleWarningCode;
  severity: 'error' | 'warning' | 'info';
  message: string;
  params: Record<string, string | number>;
  day?: number;
  unitKey?: string;
  itemId?: string;
  lessonCode?: string;
  lessonNumber?: string;
};

export type Schedule = {
  days: ScheduleDay[];
  placements: Placement[];
  warnings: ScheduleWarning[];
  plannedDays: number;
  /** The last day with something on it (0 for an empty course). */
  daysUsed: number;
  /** Minutes of lessons and sessions a day after the first holds (the first has no recap). */
  capacityPerDay: number;
  /** Minutes of lessons and sessions the planned days hold together. */
  capacityMinutes: number;
  teachingMinutes: number;
};

export type ScheduleOptions = {
  days: number;
  startDate?: string | undefined;
  /** Default: the course defaults (lessons are not cut into parts under 20 minutes, no recap, no buffer). */
  rules?: SchedulingRules | undefined;
  /** A break pushed later than this by a long step is reported; default 30 minutes. */
  breakDelayWarningMinutes?: number;
};

/** Teaching minutes in one day of the template (no recap or buffer taken out). */
export function dayCapacity(template: DayTemplate): number {
  return dayModel(template).capacity;
}

export function unitMinutes(unit: Pick<ScheduleUnit, 'steps'>): number {
  return unit.steps.reduce((total, step) => total + step.minutes, 0);
}

/** The course as the scheduler sees it: every effective lesson and every session, in course order. */
export function curriculumUnits(curriculum: Pick<Curriculum, 'items'>): ScheduleUnit[] {
  const units: ScheduleUnit[] = [];
  let moduleNumber = 0;
  for (const item of curriculum.items) {
    if (item.kind === 'session') {
      units.push({ key: item.id, kind: 'session', itemId: item.id, title: item.title, steps: [{ minutes: item.minutes }], pinnedDay: item.day });
      continue;
    }
    moduleNumber += 1;
    // Numbered as course-numbers.ts and the Word documents number them: by teaching order within the module.
    for (const [position, effective] of effectiveLessons(item).entries()) {
      const locked = effective.override?.stepMinutes?.filter((s) => s.locked === true).map((s) => s.step);
      units.push({
        key: `${item.id}/${effective.lessonIndex}`,
        kind: 'lesson',
        itemId: item.id,
        lessonCode: effective.lessonCode,
        lessonNumber: `${String(moduleNumber)}.${String(position + 1)}`,
        title: effective.lesson.title,
        steps: effective.lesson.steps.map((s, i) => (locked?.includes(i) ? { minutes: s.minutes, range: s.range, locked: true } : { minutes: s.minutes, range: s.range })),
        pinnedDay: effective.pinnedDay,
      });
    }
  }
  return units;
}

/** A unit as the day packer sees it. */
export function packUnit(unit: ScheduleUnit, minutes: readonly number[] = unit.steps.map((s) => s.minutes)): PackUnit {
  return { steps: minutes, session: unit.kind === 'session', pinnedDay: unit.pinnedDay };
}

/** The day model of a course: its day template and scheduling rules. */
export function curriculumDay(curriculum: Pick<Curriculum, 'dayTemplate' | 'scheduling'>): DayModel {
  return dayModel(curriculum.dayTemplate, curriculum.scheduling);
}

/** A schedule in which every day holds its teaching and the course ends within its planned days. */
export function scheduleFits(schedule: Pick<Schedule, 'days' | 'daysUsed' | 'plannedDays'>): boolean {
  return schedule.daysUsed <= schedule.plannedDays && schedule.days.every((d) => !d.overflow);
}

export function scheduleCurriculum(curriculum: Pick<Curriculum, 'items' | 'days' | 'dayTemplate' | 'startDate' | 'scheduling'>): Schedule {
  return scheduleUnits(curriculumUnits(curriculum), curriculum.dayTemplate, { days: curriculum.days, startDate: curriculum.startDate, rules: curriculum.scheduling });
}

type DayBuilder = { slots: TimetableSlot[]; teaching: number; overflow: boolean };

export function scheduleUnits(units: readonly ScheduleUnit[], template: DayTemplate, options: ScheduleOptions): Schedule {
  const model = dayModel(template, options.rules ?? DEFAULT_SCHEDULING_RULES);
  const delayLimit = options.breakDelayWarningMinutes ?? 30;
  const warnings: ScheduleWarning[] = [];
  const placements: Placement[] = [];
  const builders: (DayBuilder | undefined)[] = [];
  const dayBuilder = (day: number): DayBuilder => (builders[day - 1] ??= { slots: [], teaching: 0, overflow: false });

  // What the packer lays out while it places one unit: the unit's own intervals, and the notes it causes.
  let intervals: { startMinute: number; endMinute: number }[] = [];
  let notes: ScheduleWarning[] = [];
  const sink: PackSink = {
    breakAt(day, index, at) {
      const b = model.breaks[index];
      if (!b) return;
      const delay = at - b.start;
      if (delay > delayLimit)
        notes.push({
          code: 'break-delayed',
          severity: 'info',
          message: `Day ${day}: the ${b.kind} planned at ${formatClock(b.start)} starts at ${formatClock(at)} so that a step is not interrupted`,
          params: { day, planned: formatClock(b.start), actual: formatClock(at), delay },
          day,
        });
      dayBuilder(day).slots.push(slot(b.kind, at, at + b.end - b.start, b.label ?? '', { plannedStart: formatClock(b.start) }));
    },
    free(day, from, to) {
      dayBuilder(day).slots.push(slot('free', from, to, '', {}));
    },
    interval(day, what, from, to) {
      if (what === 'unit') intervals.push({ startMinute: from, endMinute: to });
      else dayBuilder(day).slots.push(slot(what, from, to, '', {}));
    },
  };
  const packer = new DayPacker(model, sink);

  for (const unit of units) {
    intervals = [];
    notes = [];
    const assignment = packer.place(packUnit(unit));
    const placement = placementOf(unit, assignment.day, intervals);
    const d = dayBuilder(assignment.day);
    addSlots(d, unit, intervals);
    d.teaching += placement.minutes;
    if (assignment.overflow) d.overflow = true;
    warnings.push(...unitWarnings(unit, assignment, placement, model, options.days), ...notes);
    placements.push(placement);
    if (unit.pinnedDay !== undefined && placement.day !== unit.pinnedDay)
      warnings.push({
        code: 'pin-unmet',
        severity: 'warning',
        // Pins only ever move content later (rule 5), so an unmet pin always means the content before it ran on.
        message: `${describeUnit(unit)} should be on day ${unit.pinnedDay} but what comes before it runs on to day ${placement.day}`,
        params: { name: describeUnit(unit), pinnedDay: unit.pinnedDay, day: placement.day },
        day: placement.day,
        ...where(unit),
      });
  }
  notes = [];
  packer.finish();
  warnings.push(...notes);

  const daysUsed = placements.reduce((max, p) => Math.max(max, p.day), 0);
  const dayCount = Math.max(options.days, daysUsed);
  const days: ScheduleDay[] = [];
  for (let day = 1; day <= dayCount; day += 1) {
    const d = builders[day - 1];
    // A day without teaching shows only its breaks, as planned.
    const slots = d ? d.slots.sort((a, b) => a.startMinute - b.startMinute) : model.breaks.map((b) => slot(b.kind, b.start, b.end, b.label ?? '', { plannedStart: formatClock(b.start) }));
    days.push({
      day,
      ...(options.startDate ? { date: addDays(options.startDate, day - 1) } : {}),
      slots,
      teachingMinutes: d?.teaching ?? 0,
      overflow: d?.overflow ?? false,
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
    capacityPerDay: teachingCapacity(model, 2),
    capacityMinutes: plannedCapacity(model, options.days),
    teachingMinutes: placements.reduce((total, p) => total + p.minutes, 0),
  };
}

function placementOf(unit: ScheduleUnit, day: number, intervals: readonly { startMinute: number; endMinute: number }[]): Placement {
  const first = intervals[0]?.startMinute ?? 0;
  const last = intervals.at(-1)?.endMinute ?? first;
  return {
    unitKey: unit.key,
    kind: unit.kind,
    itemId: unit.itemId,
    ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
    ...(unit.lessonNumber === undefined ? {} : { lessonNumber: unit.lessonNumber }),
    title: unit.title,
    day,
    minutes: unitMinutes(unit),
    start: formatClock(first),
    end: formatClock(last),
    startMinute: first,
    endMinute: last,
    // Spelled out rather than spread: spreading here made the whole scheduler several times slower in V8.
    intervals: intervals.map((i) => ({ start: formatClock(i.startMinute), end: formatClock(i.endMinute), startMinute: i.startMinute, endMinute: i.endMinute })),
    ...(unit.pinnedDay === undefined ? {} : { pinnedDay: unit.pinnedDay }),
  };
}

/** The unit's slots: its intervals joined where no break separates them, numbered as parts. */
function addSlots(d: DayBuilder, unit: ScheduleUnit, intervals: readonly { startMinute: number; endMinute: number }[]): void {
  const segments = mergeContiguous(intervals);
  segments.forEach((segment, i) => {
    d.slots.push(
      slot(unit.kind, segment.startMinute, segment.endMinute, unit.title, {
        unitKey: unit.key,
        itemId: unit.itemId,
        ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
        ...(unit.lessonNumber === undefined ? {} : { lessonNumber: unit.lessonNumber }),
        part: i + 1,
        parts: segments.length,
      }),
    );
  });
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

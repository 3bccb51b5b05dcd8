/**
 * Fit to N days: choose step lengths within the steps' ranges so the course fits its days, changing as
 * little as possible. Only steps with a range change; the order, pins and everything else stay.
 *
 * A course that does not fit is shortened by the fewest minutes that make it fit: a dynamic programme over
 * ways of cutting the course into days (in order, pins respected) finds the cut with the least shortening,
 * where each day is shortened only by what it holds beyond its capacity. A course that fits already is
 * lengthened towards the steps' maximums to fill its days, by the same programme maximising the lengthening
 * (unless `allowStretch` is false). Within a day, minutes go to or come from the step with the most room
 * left, `granularity` minutes at a time (less only to land exactly on a step's minimum or maximum).
 *
 * Steps locked by hand (`StepMinutes.locked`) and steps without a range keep their minutes.
 *
 * The programme reasons on each day's teaching minutes. On a day without breaks that is exact: the
 * scheduler packs greedily, and greedy packing in order never needs more days than any other cut with the
 * same lengths. Breaks add free time (a lesson starts after a break rather than be cut into a short part),
 * so the result is always checked with the scheduler's own packer; when it does not pack, the programme
 * runs again with a little less room per day, shortening a little more (or lengthening less).
 */
import type { Curriculum, LessonOverride } from '../../schemas/curriculum';
import { plannedCapacity, teachingCapacity, type DayModel } from './day-model';
import { assignDays, packsInto } from './day-packer';
import { curriculumDay, curriculumUnits, packUnit, unitMinutes, type ScheduleUnit, type UnitStep } from './schedule';

export type FitOptions = {
  /** Steps change in multiples of this many minutes (default 5), so timings stay readable. */
  granularity?: number;
  /** Lengthen steps when the course is shorter than its days (default true). */
  allowStretch?: boolean;
};

export type StepChange = { itemId: string; lessonCode: string; stepIndex: number; from: number; to: number };

export type UnfitUnit = {
  unitKey: string;
  itemId: string;
  lessonCode?: string;
  /** The course's number of the lesson ("2.3"). */
  lessonNumber?: string;
  title: string;
  minutes: number;
  day: number;
  reason: 'beyond-days' | 'longer-than-day';
};

export type FitResult = {
  fits: boolean;
  days: number;
  capacityMinutes: number;
  minutesBefore: number;
  minutesAfter: number;
  /** The course with every ranged step at its minimum and at its maximum. */
  minimumMinutes: number;
  maximumMinutes: number;
  /** By how much the shortest version of the course exceeds its days' capacity (0 when only packing fails). */
  overMinutes: number;
  /** Minutes of the lessons and sessions that still fall after the last day in the result (what spills over). */
  spillMinutes: number;
  /** The complete lesson override list for every module item whose overrides change. */
  overrides: { itemId: string; lessons: LessonOverride[] }[];
  changes: StepChange[];
  /** What still does not fit; when `fits` is false every ranged step is at its minimum, the closest the course can come. */
  unfit: UnfitUnit[];
};

export type UnitFit = { fits: boolean; mode: 'shrink' | 'stretch' | 'keep'; minutes: number[][] };

type Bounds = { current: number[]; low: number[]; high: number[] };

/** The units (by index) one day of a cut holds. */
type DayGroup = { day: number; units: number[] };

/** Minutes fit may not change: locked by hand, or without a range. */
function fixed(step: UnitStep): boolean {
  return step.locked === true || !step.range;
}

/** The core on scheduler units: which minutes each step of each unit gets. */
export function fitUnits(units: readonly ScheduleUnit[], model: DayModel, days: number, options: FitOptions = {}): UnitFit {
  const granularity = Math.max(1, Math.floor(options.granularity ?? 5));
  // A step set outside its range (a local override) is brought back inside it first, unless it is locked.
  const current = units.map((u) => u.steps.map((s) => (fixed(s) || !s.range ? s.minutes : Math.min(s.range.max, Math.max(s.range.min, s.minutes)))));
  const low = units.map((u) => u.steps.map((s) => (fixed(s) ? s.minutes : (s.range?.min ?? s.minutes))));
  const high = units.map((u) => u.steps.map((s) => (fixed(s) ? s.minutes : (s.range?.max ?? s.minutes))));
  const totals = (minutes: readonly (readonly number[])[]) => minutes.map(sum);
  const bounds: Bounds = { current: totals(current), low: totals(low), high: totals(high) };
  const pins = units.map((u) => u.pinnedDay);
  const packs = (minutes: readonly (readonly number[])[]) => packsInto(units.map((u, i) => packUnit(u, minutes[i])), model, days);

  if (packs(current)) {
    if (options.allowStretch === false) return { fits: true, mode: 'keep', minutes: current };
    for (const slack of slacks(model)) {
      const room = (day: number) => teachingCapacity(model, day) - slack;
      const cut = bestCut(bounds, pins, room, days, 'stretch');
      if (!cut) break;
      const minutes = adjust(units, current, cut, room, granularity, 'stretch');
      if (packs(minutes)) return { fits: true, mode: 'stretch', minutes };
    }
    return { fits: true, mode: 'keep', minutes: current };
  }
  for (const slack of slacks(model)) {
    const room = (day: number) => teachingCapacity(model, day) - slack;
    const cut = bestCut(bounds, pins, room, days, 'shrink');
    if (!cut) break;
    const minutes = adjust(units, current, cut, room, granularity, 'shrink');
    if (packs(minutes)) return { fits: true, mode: 'shrink', minutes };
  }
  // No cut the packer accepts: every step at its minimum is the closest the course comes (and may still fit).
  return { fits: packs(low), mode: 'shrink', minutes: low };
}

/**
 * Room held back per day on each new try. Without breaks the first try is exact (see the file comment);
 * with them, free time before a break is what a day may lose, so the tries go up to two hours.
 */
function slacks(model: DayModel): readonly number[] {
  return model.breaks.length === 0 ? [0] : [0, 5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120];
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/**
 * The cut of the course into days (the units of each day that holds any) that shortens least ('shrink')
 * or lengthens most ('stretch'). A day holds consecutive units whose pins are no later than it; shrinking,
 * their minimums must fit its room; stretching, their current lengths must.
 */
function bestCut(bounds: Bounds, pins: readonly (number | undefined)[], room: (day: number) => number, days: number, mode: 'shrink' | 'stretch'): DayGroup[] | undefined {
  const n = bounds.current.length;
  const worst = mode === 'shrink' ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
  const better = (a: number, b: number) => (mode === 'shrink' ? a < b : a > b);
  // best[d][i]: least shortening (or most lengthening) with the first i units in the first d days.
  const best: number[][] = [Array.from({ length: n + 1 }, (_x, i) => (i === 0 ? 0 : worst))];
  const from: number[][] = [Array.from({ length: n + 1 }, () => -1)];
  for (let d = 1; d <= days; d += 1) {
    const previous = best[d - 1] ?? [];
    const row = [...previous];
    const choice = Array.from({ length: n + 1 }, () => -1);
    const capacity = room(d);
    for (let i = 1; i <= n; i += 1) {
      let [current, low, high] = [0, 0, 0];
      for (let j = i - 1; j >= 0; j -= 1) {
        current += bounds.current[j] ?? 0;
        low += bounds.low[j] ?? 0;
        high += bounds.high[j] ?? 0;
        if ((pins[j] ?? 0) > d || (mode === 'shrink' ? low : current) > capacity) break;
        const base = previous[j] ?? worst;
        if (base === worst) continue;
        const value = mode === 'shrink' ? base + Math.max(0, current - capacity) : base + Math.min(capacity, high) - current;
        if (better(value, row[i] ?? worst)) {
          row[i] = value;
          choice[i] = j;
        }
      }
    }
    best.push(row);
    from.push(choice);
  }
  if ((best[days]?.[n] ?? worst) === worst) return undefined;
  // Walk back from the last day: each day is units [j, i), or empty.
  const groups: DayGroup[] = [];
  let i = n;
  for (let d = days; d >= 1 && i > 0; d -= 1) {
    const j = from[d]?.[i] ?? -1;
    if (j < 0) continue;
    groups.unshift({ day: d, units: Array.from({ length: i - j }, (_x, k) => j + k) });
    i = j;
  }
  return groups;
}

/** Step minutes for each day of the cut: shorten a day to its room, or lengthen it up to it. */
function adjust(units: readonly ScheduleUnit[], current: readonly (readonly number[])[], cut: readonly DayGroup[], room: (day: number) => number, granularity: number, mode: 'shrink' | 'stretch'): number[][] {
  const minutes = current.map((steps) => [...steps]);
  for (const { day, units: group } of cut) {
    const capacity = room(day);
    const steps = group.flatMap((u) =>
      (units[u]?.steps ?? []).flatMap((step, s) => (step.range && !fixed(step) ? [{ u, s, min: step.range.min, max: step.range.max }] : [])),
    );
    const total = group.reduce((t, u) => t + sum(minutes[u] ?? []), 0);
    const get = (x: { u: number; s: number }) => minutes[x.u]?.[x.s] ?? 0;
    const set = (x: { u: number; s: number }, value: number) => {
      const row = minutes[x.u];
      if (row) row[x.s] = value;
    };
    if (mode === 'shrink') {
      let excess = total - capacity;
      while (excess > 0) {
        const step = mostRoom(steps, (x) => get(x) - x.min);
        if (!step) break;
        const take = Math.min(granularity, get(step) - step.min);
        set(step, get(step) - take);
        excess -= take;
      }
    } else {
      let left = capacity - total;
      for (;;) {
        const fitting = steps.filter((x) => Math.min(granularity, x.max - get(x)) <= left);
        const step = mostRoom(fitting, (x) => x.max - get(x));
        if (!step) break;
        const give = Math.min(granularity, step.max - get(step));
        set(step, get(step) + give);
        left -= give;
      }
    }
  }
  return minutes;
}

/** The step with the most room (first one on ties), or none when no step has any. */
function mostRoom<T>(steps: readonly T[], room: (step: T) => number): T | undefined {
  let chosen: T | undefined;
  let most = 0;
  for (const step of steps) {
    const r = room(step);
    if (r > most) [chosen, most] = [step, r];
  }
  return chosen;
}

export function fitCurriculum(curriculum: Pick<Curriculum, 'items' | 'days' | 'dayTemplate' | 'scheduling'>, options: FitOptions = {}): FitResult {
  const units = curriculumUnits(curriculum);
  const model = curriculumDay(curriculum);
  const result = fitUnits(units, model, curriculum.days, options);
  const total = (pick: (step: UnitStep) => number) => units.reduce((t, u) => t + u.steps.reduce((s, step) => s + pick(step), 0), 0);

  const changes: StepChange[] = [];
  units.forEach((unit, u) => {
    if (unit.kind !== 'lesson' || unit.lessonCode === undefined) return;
    unit.steps.forEach((step, stepIndex) => {
      const to = result.minutes[u]?.[stepIndex] ?? step.minutes;
      if (to !== step.minutes) changes.push({ itemId: unit.itemId, lessonCode: unit.lessonCode ?? '', stepIndex, from: step.minutes, to });
    });
  });

  const minutesAfter = result.minutes.reduce((sum, steps) => sum + steps.reduce((a, b) => a + b, 0), 0);
  const assignments = assignDays(
    units.map((unit, u) => packUnit(unit, result.minutes[u])),
    model,
  );
  const unfit: UnfitUnit[] = [];
  units.forEach((unit, u) => {
    const assignment = assignments[u];
    if (!assignment || (!assignment.overflow && assignment.day <= curriculum.days)) return;
    unfit.push({
      unitKey: unit.key,
      itemId: unit.itemId,
      ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
      ...(unit.lessonNumber === undefined ? {} : { lessonNumber: unit.lessonNumber }),
      title: unit.title,
      minutes: (result.minutes[u] ?? []).reduce((a, b) => a + b, 0),
      day: assignment.day,
      reason: assignment.overflow ? 'longer-than-day' : 'beyond-days',
    });
  });

  const minimumMinutes = total((step) => (fixed(step) ? step.minutes : (step.range?.min ?? step.minutes)));
  const capacityMinutes = plannedCapacity(model, curriculum.days);
  return {
    fits: result.fits,
    days: curriculum.days,
    capacityMinutes,
    minutesBefore: units.reduce((sum, u) => sum + unitMinutes(u), 0),
    minutesAfter,
    minimumMinutes,
    maximumMinutes: total((step) => (fixed(step) ? step.minutes : (step.range?.max ?? step.minutes))),
    overMinutes: Math.max(0, minimumMinutes - capacityMinutes),
    spillMinutes: unfit.filter((u) => u.reason === 'beyond-days').reduce((t, u) => t + u.minutes, 0),
    overrides: overridesFor(curriculum, changes),
    changes,
    unfit,
  };
}

/** The curriculum with a fit's overrides in place. */
export function applyFit<C extends Pick<Curriculum, 'items'>>(curriculum: C, fit: Pick<FitResult, 'overrides'>): C {
  const byItem = new Map(fit.overrides.map((o) => [o.itemId, o.lessons]));
  return {
    ...curriculum,
    items: curriculum.items.map((item) => {
      const lessons = byItem.get(item.id);
      return item.kind === 'module' && lessons ? { ...item, lessons } : item;
    }),
  };
}

function overridesFor(curriculum: Pick<Curriculum, 'items'>, changes: readonly StepChange[]): { itemId: string; lessons: LessonOverride[] }[] {
  const result: { itemId: string; lessons: LessonOverride[] }[] = [];
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    const mine = changes.filter((c) => c.itemId === item.id);
    if (mine.length === 0) continue;
    const lessons = item.lessons.map((o) => ({ ...o }));
    for (const change of mine) {
      let override = lessons.find((o) => o.lessonCode === change.lessonCode);
      if (!override) {
        override = { lessonCode: change.lessonCode };
        lessons.push(override);
      }
      const snapshotMinutes = item.snapshot.lessons.find((l) => l.code === change.lessonCode)?.steps[change.stepIndex]?.minutes;
      const others = (override.stepMinutes ?? []).filter((s) => s.step !== change.stepIndex);
      const stepMinutes = change.to === snapshotMinutes ? others : [...others, { step: change.stepIndex, minutes: change.to }];
      stepMinutes.sort((a, b) => a.step - b.step);
      if (stepMinutes.length > 0) override.stepMinutes = stepMinutes;
      else delete override.stepMinutes;
    }
    // An override that no longer changes anything is dropped so the file stays tidy.
    result.push({ itemId: item.id, lessons: lessons.filter((o) => Object.keys(o).some((key) => key !== 'lessonCode')) });
  }
  return result;
}

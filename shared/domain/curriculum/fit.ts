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
 * The scheduler packs greedily, and greedy packing in order never needs more days than any other cut with
 * the same lengths, so the schedule of the result fits whenever the programme's cut does. It is checked anyway.
 */
import type { Curriculum, LessonOverride } from '../../schemas/curriculum';
import { assignDays, compileTemplate, curriculumUnits, unitMinutes, type ScheduleUnit, type UnitStep } from './schedule';

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
  /** The complete lesson override list for every module item whose overrides change. */
  overrides: { itemId: string; lessons: LessonOverride[] }[];
  changes: StepChange[];
  /** What still does not fit; when `fits` is false every ranged step is at its minimum, the closest the course can come. */
  unfit: UnfitUnit[];
};

export type UnitFit = { fits: boolean; mode: 'shrink' | 'stretch' | 'keep'; minutes: number[][] };

type Bounds = { current: number[]; low: number[]; high: number[] };

/** The core on scheduler units: which minutes each step of each unit gets. */
export function fitUnits(units: readonly ScheduleUnit[], capacity: number, days: number, options: FitOptions = {}): UnitFit {
  const granularity = Math.max(1, Math.floor(options.granularity ?? 5));
  // A step set outside its range (a local override) is brought back inside it first.
  const current = units.map((u) => u.steps.map((s) => (s.range ? Math.min(s.range.max, Math.max(s.range.min, s.minutes)) : s.minutes)));
  const low = units.map((u) => u.steps.map((s) => s.range?.min ?? s.minutes));
  const high = units.map((u) => u.steps.map((s) => s.range?.max ?? s.minutes));
  const totals = (minutes: readonly (readonly number[])[]) => minutes.map(sum);
  const bounds: Bounds = { current: totals(current), low: totals(low), high: totals(high) };
  const pins = units.map((u) => u.pinnedDay);

  if (packs(bounds.current, pins, capacity, days)) {
    if (options.allowStretch === false) return { fits: true, mode: 'keep', minutes: current };
    const cut = bestCut(bounds, pins, capacity, days, 'stretch');
    const minutes = cut ? adjust(units, current, cut, capacity, granularity, 'stretch') : current;
    // The programme's cut guarantees the packing (see the file comment); checked so a mistake can only cost the stretch.
    return packs(totals(minutes), pins, capacity, days) ? { fits: true, mode: 'stretch', minutes } : { fits: true, mode: 'keep', minutes: current };
  }
  const cut = packs(bounds.low, pins, capacity, days) ? bestCut(bounds, pins, capacity, days, 'shrink') : undefined;
  if (!cut) return { fits: false, mode: 'shrink', minutes: low };
  const minutes = adjust(units, current, cut, capacity, granularity, 'shrink');
  return { fits: packs(totals(minutes), pins, capacity, days), mode: 'shrink', minutes };
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Whether the scheduler's packing of these unit lengths stays within the days, no day over capacity. */
function packs(minutes: readonly number[], pins: readonly (number | undefined)[], capacity: number, days: number): boolean {
  return assignDays(
    minutes.map((m, i) => ({ minutes: m, pinnedDay: pins[i] })),
    capacity,
  ).every((a) => !a.overflow && a.day <= days);
}

/**
 * The cut of the course into days (first unit of each day, -1 for an empty day) that shortens least
 * ('shrink') or lengthens most ('stretch'). A day holds consecutive units whose pins are no later than
 * it; shrinking, their minimums must fit it; stretching, their current lengths must.
 */
function bestCut(bounds: Bounds, pins: readonly (number | undefined)[], capacity: number, days: number, mode: 'shrink' | 'stretch'): number[][] | undefined {
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
  const groups: number[][] = [];
  let i = n;
  for (let d = days; d >= 1 && i > 0; d -= 1) {
    const j = from[d]?.[i] ?? -1;
    if (j < 0) continue;
    groups.unshift(Array.from({ length: i - j }, (_x, k) => j + k));
    i = j;
  }
  return groups;
}

/** Step minutes for each day of the cut: shorten a day to its capacity, or lengthen it up to it. */
function adjust(units: readonly ScheduleUnit[], current: readonly (readonly number[])[], cut: readonly number[][], capacity: number, granularity: number, mode: 'shrink' | 'stretch'): number[][] {
  const minutes = current.map((steps) => [...steps]);
  for (const group of cut) {
    const steps = group.flatMap((u) =>
      (units[u]?.steps ?? []).flatMap((step, s) => (step.range ? [{ u, s, min: step.range.min, max: step.range.max }] : [])),
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
      let room = capacity - total;
      for (;;) {
        const fitting = steps.filter((x) => Math.min(granularity, x.max - get(x)) <= room);
        const step = mostRoom(fitting, (x) => x.max - get(x));
        if (!step) break;
        const give = Math.min(granularity, step.max - get(step));
        set(step, get(step) + give);
        room -= give;
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

export function fitCurriculum(curriculum: Pick<Curriculum, 'items' | 'days' | 'dayTemplate'>, options: FitOptions = {}): FitResult {
  const units = curriculumUnits(curriculum);
  const { capacity } = compileTemplate(curriculum.dayTemplate);
  const result = fitUnits(units, capacity, curriculum.days, options);
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
    units.map((unit, u) => ({ minutes: (result.minutes[u] ?? []).reduce((a, b) => a + b, 0), pinnedDay: unit.pinnedDay })),
    capacity,
  );
  const unfit: UnfitUnit[] = [];
  units.forEach((unit, u) => {
    const assignment = assignments[u];
    if (!assignment || (!assignment.overflow && assignment.day <= curriculum.days)) return;
    unfit.push({
      unitKey: unit.key,
      itemId: unit.itemId,
      ...(unit.lessonCode === undefined ? {} : { lessonCode: unit.lessonCode }),
      title: unit.title,
      minutes: (result.minutes[u] ?? []).reduce((a, b) => a + b, 0),
      day: assignment.day,
      reason: assignment.overflow ? 'longer-than-day' : 'beyond-days',
    });
  });

  const minimumMinutes = total((step) => step.range?.min ?? step.minutes);
  return {
    fits: result.fits,
    days: curriculum.days,
    capacityMinutes: capacity * curriculum.days,
    minutesBefore: units.reduce((sum, u) => sum + unitMinutes(u), 0),
    minutesAfter,
    minimumMinutes,
    maximumMinutes: total((step) => step.range?.max ?? step.minutes),
    overMinutes: Math.max(0, minimumMinutes - capacity * curriculum.days),
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

/**
 * Fit to N days: choose step lengths within the steps' ranges so the course fills its days without running
 * over. Only steps with a range change; the rest of the course is taken as it is.
 *
 * One dial moves every ranged step together: at 0 each step keeps its current length (clamped into its
 * range), towards -1 it shrinks towards its minimum, towards +1 it grows towards its maximum, in whole
 * multiples of `granularity` minutes (exactly the minimum at -1 and the maximum at +1). Every step is
 * monotone in the dial and the scheduler never uses more days for shorter lessons, so a binary search
 * finds the longest version that fits. A course that fits already is stretched only if `allowStretch`.
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
  /** What still does not fit after shrinking every step to its minimum. */
  unfit: UnfitUnit[];
};

/** Resolution of the dial: 100 positions each way. */
const DIAL = 100;

export type UnitFit = { fits: boolean; dial: number; minutes: number[][] };

/** The core on scheduler units: which minutes each step gets. */
export function fitUnits(units: readonly ScheduleUnit[], capacity: number, days: number, options: FitOptions = {}): UnitFit {
  const granularity = Math.max(1, Math.floor(options.granularity ?? 5));
  const at = (dial: number): number[][] => units.map((u) => u.steps.map((s) => stepMinutesAt(s, dial, granularity)));
  const fitsAt = (dial: number): boolean => minutesFit(at(dial), units, capacity, days);

  let dial: number;
  let fits = true;
  if (fitsAt(0)) {
    if (options.allowStretch === false) dial = 0;
    else dial = fitsAt(DIAL) ? DIAL : largestFitting(0, DIAL, fitsAt);
  } else if (fitsAt(-DIAL)) {
    dial = largestFitting(-DIAL, 0, fitsAt);
  } else {
    [dial, fits] = [-DIAL, false];
  }
  return { fits, dial, minutes: at(dial) };
}

export function fitCurriculum(curriculum: Pick<Curriculum, 'items' | 'days' | 'dayTemplate'>, options: FitOptions = {}): FitResult {
  const units = curriculumUnits(curriculum);
  const { capacity } = compileTemplate(curriculum.dayTemplate);
  const result = fitUnits(units, capacity, curriculum.days, options);
  const granularity = Math.max(1, Math.floor(options.granularity ?? 5));
  const total = (dial: number) => units.reduce((sum, u) => sum + u.steps.reduce((s, step) => s + stepMinutesAt(step, dial, granularity), 0), 0);

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

  const minimumMinutes = total(-DIAL);
  return {
    fits: result.fits,
    days: curriculum.days,
    capacityMinutes: capacity * curriculum.days,
    minutesBefore: units.reduce((sum, u) => sum + unitMinutes(u), 0),
    minutesAfter,
    minimumMinutes,
    maximumMinutes: total(DIAL),
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

/** Minutes of one step at a dial position; see the file comment. */
export function stepMinutesAt(step: UnitStep, dial: number, granularity: number): number {
  const range = step.range;
  if (!range) return step.minutes;
  if (dial <= -DIAL) return range.min;
  if (dial >= DIAL) return range.max;
  const base = Math.min(range.max, Math.max(range.min, step.minutes));
  const target = dial < 0 ? range.min : range.max;
  // Integer arithmetic, rounded towards `base`, so each step is monotone in the dial and never leaves its range.
  const magnitude = Math.floor((Math.abs(target - base) * Math.abs(dial)) / (DIAL * granularity)) * granularity;
  return base + Math.sign(target - base) * magnitude;
}

function minutesFit(minutes: readonly (readonly number[])[], units: readonly ScheduleUnit[], capacity: number, days: number): boolean {
  const assignments = assignDays(
    units.map((unit, u) => ({ minutes: (minutes[u] ?? []).reduce((a, b) => a + b, 0), pinnedDay: unit.pinnedDay })),
    capacity,
  );
  return assignments.every((a) => !a.overflow && a.day <= days);
}

/** Largest dial in [low, high) that fits, given that `low` fits and `high` does not (or is the upper bound). */
function largestFitting(low: number, high: number, fits: (dial: number) => boolean): number {
  let [lo, hi] = [low, high];
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
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

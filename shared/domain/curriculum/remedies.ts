/**
 * What a designer can do when a course does not fit its days: concrete remedies, each a change that can be
 * previewed and applied in one step.
 *
 * - leave out lessons: optional lessons first (`lesson.optional`), others only when the optional ones are
 *   not enough, and the fewest minutes that make the course fit;
 * - shorten activities within their ranges (fit.ts), locked steps excepted;
 * - lengthen the day: the earliest end time, on the quarter hour, at which the course fits (breaks kept);
 * - add days: as many as the timetable needs.
 *
 * Each remedy says whether it is enough. Whether a course fits is always decided by the scheduler's own
 * packer (day-packer.ts), so a remedy that says it is enough makes the timetable fit.
 */
import { clockToMinutes, MAX_DAYS, type Curriculum, type CurriculumItem, type LessonOverride } from '../../schemas/curriculum';
import { formatClock } from './clock';
import { dayModel, type DayModel } from './day-model';
import { assignDays, packsInto, type PackUnit } from './day-packer';
import { applyFit, fitCurriculum, type FitResult } from './fit';
import { curriculumDay, curriculumUnits, packUnit, scheduleCurriculum, scheduleFits, type ScheduleUnit } from './schedule';
import type { DistributiveOmit } from '../../type-utils';

/** Where a course stands against N days: how many it uses and what falls after the last. */
export type FitStanding = {
  fits: boolean;
  daysUsed: number;
  /** Minutes of lessons and sessions placed after day N. */
  spillMinutes: number;
  spillCount: number;
  /** Lessons or sessions longer than a teaching day (they never fit, whatever the days). */
  overflowCount: number;
};

/** `lessonNumber` is the course's number of the lesson ("2.3"), which the composer shows. */
export type LeftOutLesson = { itemId: string; lessonCode: string; lessonNumber?: string; title: string; minutes: number; optional: boolean };

type RemedyBase = {
  /** The days the course is being fitted to. */
  target: number;
  enough: boolean;
  /** Where the course stands once the remedy is applied. */
  after: FitStanding;
};

export type Remedy =
  | (RemedyBase & { kind: 'leave-out'; lessons: LeftOutLesson[]; minutes: number })
  | (RemedyBase & { kind: 'shorten'; fit: FitResult })
  | (RemedyBase & { kind: 'lengthen-day'; from: string; end: string })
  | (RemedyBase & { kind: 'add-days'; days: number });

export type RemedyKind = Remedy['kind'];

/** A remedy before its outcome is known. */
type RemedyDraft = DistributiveOmit<Remedy, 'after' | 'target'>;

export type FitRemedies = { days: number; before: FitStanding; remedies: Remedy[] };

/** Latest end of a teaching day a remedy proposes (times are "HH:MM" within one day). */
const LATEST_END = 23 * 60 + 45;

/** Where `curriculum` stands against `days` days. */
export function fitStanding(curriculum: Curriculum, days: number): FitStanding {
  const schedule = scheduleCurriculum({ ...curriculum, days });
  const spilled = schedule.placements.filter((p) => p.day > days);
  return {
    fits: scheduleFits(schedule),
    daysUsed: schedule.daysUsed,
    spillMinutes: spilled.reduce((total, p) => total + p.minutes, 0),
    spillCount: spilled.length,
    overflowCount: schedule.days.filter((d) => d.overflow).length,
  };
}

/** Every remedy for fitting `curriculum` into `days` days, in the order they are offered; none when it fits. */
export function fitRemedies(curriculum: Curriculum, days: number): FitRemedies {
  const before = fitStanding(curriculum, days);
  if (before.fits) return { days, before, remedies: [] };
  const target = { ...curriculum, days };
  const outcome = (draft: RemedyDraft): Remedy => {
    const remedy: Remedy = { ...draft, target: days, after: before };
    return { ...remedy, after: fitStanding(applyRemedy(target, remedy), remedy.kind === 'add-days' ? remedy.days : days) };
  };
  const remedies: Remedy[] = [leaveOutRemedy(target), shortenRemedy(target), lengthenRemedy(target), addDaysRemedy(target, before)].map(outcome);
  // "Enough" is what the timetable says after the change, not what the remedy hoped.
  return { days, before, remedies: remedies.map((r) => ({ ...r, enough: r.enough && r.after.fits })) };
}

/** The curriculum with a remedy applied, planned for the days it was fitted to (or those it adds). */
export function applyRemedy(curriculum: Curriculum, remedy: Remedy): Curriculum {
  switch (remedy.kind) {
    case 'leave-out':
      return { ...leaveOut(curriculum, remedy.lessons), days: remedy.target };
    case 'shorten':
      return { ...applyFit(curriculum, remedy.fit), days: remedy.target };
    case 'lengthen-day':
      return { ...curriculum, dayTemplate: { ...curriculum.dayTemplate, end: remedy.end }, days: remedy.target };
    case 'add-days':
      return { ...curriculum, days: remedy.days };
  }
}

/** Whether a remedy changes the course at all (one that is not enough may still change nothing). */
export function remedyChanges(remedy: Remedy): boolean {
  switch (remedy.kind) {
    case 'leave-out':
      return remedy.lessons.length > 0;
    case 'shorten':
      return remedy.fit.changes.length > 0;
    case 'lengthen-day':
      return remedy.end !== remedy.from;
    case 'add-days':
      return true;
  }
}

function shortenRemedy(curriculum: Curriculum): RemedyDraft {
  const fit = fitCurriculum(curriculum, { allowStretch: false });
  return { kind: 'shorten', enough: fit.fits, fit };
}

function addDaysRemedy(curriculum: Curriculum, before: FitStanding): RemedyDraft {
  // A lesson longer than a day runs over whatever the number of days.
  const days = Math.min(MAX_DAYS, Math.max(curriculum.days + 1, before.daysUsed));
  return { kind: 'add-days', enough: before.overflowCount === 0 && before.daysUsed <= MAX_DAYS, days };
}

function lengthenRemedy(curriculum: Curriculum): RemedyDraft {
  const from = curriculum.dayTemplate.end;
  const units = curriculumUnits(curriculum).map((u) => packUnit(u));
  // The next quarter hour after the current end, then every quarter hour up to the latest end.
  for (let end = Math.floor(clockToMinutes(from) / 15) * 15 + 15; end <= LATEST_END; end += 15) {
    const template = { ...curriculum.dayTemplate, end: formatClock(end) };
    if (packsInto(units, dayModel(template, curriculum.scheduling), curriculum.days)) return { kind: 'lengthen-day', enough: true, from, end: template.end };
  }
  return { kind: 'lengthen-day', enough: false, from, end: from };
}

/**
 * The lessons to leave out: the least minutes of lessons that are not optional, then the least minutes
 * of optional ones. A knapsack programme chooses lessons whose minutes add up to at least what spills
 * over; the packer then checks the choice, and while it does not fit the target grows by what still spills.
 */
function leaveOutRemedy(curriculum: Curriculum): RemedyDraft {
  const model = curriculumDay(curriculum);
  const units = curriculumUnits(curriculum);
  const packed = units.map((u) => packUnit(u));
  const optional = optionalLessons(curriculum);
  const lessons = units.flatMap((unit, index) => (unit.kind === 'lesson' ? [{ index, unit, minutes: packed[index]?.steps.reduce((a, b) => a + b, 0) ?? 0, optional: optional.has(unit.key) }] : []));
  const days = curriculum.days;
  const without = (skip: ReadonlySet<number>) => packed.filter((_u, i) => !skip.has(i));
  const none = { kind: 'leave-out' as const, enough: false, lessons: [], minutes: 0 };

  // Lessons that can never fit (longer than a day, or pinned after the last day) must go; a session like that cannot.
  const forced = new Set<number>();
  for (const [i, placed] of assignDays(packed, model).entries()) {
    const unit = units[i];
    if (!unit || (!placed.overflow && (unit.pinnedDay ?? 0) <= days)) continue;
    if (unit.kind === 'session') return none;
    forced.add(i);
  }
  if (!packsInto(without(new Set([...forced, ...lessons.map((l) => l.index)])), model, days)) return none;

  // Each non-optional minute costs more than all optional minutes together, so optional lessons go first;
  // between choices of equal minutes, lessons later in the course, nearer what spills over, go first.
  const optionalTotal = lessons.filter((l) => l.optional).reduce((t, l) => t + l.minutes, 0);
  const n = units.length;
  const cost = (l: { index: number; minutes: number; optional: boolean }) => (l.optional ? l.minutes : l.minutes * (optionalTotal + 1)) * (n + 1) + (n - l.index);
  const choosable = lessons.filter((l) => !forced.has(l.index));
  let chosen = new Set(forced);
  for (let target = spill(without(chosen), model, days), tries = 0; tries < 60; tries += 1) {
    if (packsInto(without(chosen), model, days)) break;
    const picked = cheapestCovering(choosable, target, cost);
    if (!picked) return none;
    chosen = new Set([...forced, ...picked.map((l) => l.index)]);
    const left = spill(without(chosen), model, days);
    target = Math.max(target + 5, picked.reduce((t, l) => t + l.minutes, 0) + left);
  }
  if (!packsInto(without(chosen), model, days)) return none;
  // Put back what is not needed, most costly first.
  for (const lesson of [...choosable].sort((a, b) => cost(b) - cost(a))) {
    if (!chosen.has(lesson.index)) continue;
    const trial = new Set(chosen);
    trial.delete(lesson.index);
    if (packsInto(without(trial), model, days)) chosen = trial;
  }
  const left = lessons.filter((l) => chosen.has(l.index)).map((l) => leftOut(l.unit, l.minutes, l.optional));
  return { kind: 'leave-out', enough: true, lessons: left, minutes: left.reduce((t, l) => t + l.minutes, 0) };
}

function leftOut(unit: ScheduleUnit, minutes: number, optional: boolean): LeftOutLesson {
  return { itemId: unit.itemId, lessonCode: unit.lessonCode ?? '', ...(unit.lessonNumber === undefined ? {} : { lessonNumber: unit.lessonNumber }), title: unit.title, minutes, optional };
}

/** Keys (as schedule units have them) of the lessons their modules mark optional. */
function optionalLessons(curriculum: Curriculum): Set<string> {
  const keys = new Set<string>();
  for (const item of curriculum.items)
    if (item.kind === 'module') item.snapshot.lessons.forEach((lesson, i) => lesson.optional && keys.add(`${item.id}/${i}`));
  return keys;
}

/** Minutes of the units that fall after the last day. */
function spill(units: readonly PackUnit[], model: DayModel, days: number): number {
  return assignDays(units, model).reduce((total, placed, i) => total + (placed.day > days ? (units[i]?.steps.reduce((a, b) => a + b, 0) ?? 0) : 0), 0);
}

/**
 * The cheapest choice of lessons whose minutes add up to at least `target` (0/1 knapsack on minutes, sums
 * capped at the target). Undefined when all of them together fall short.
 */
function cheapestCovering<T extends { minutes: number }>(lessons: readonly T[], target: number, cost: (lesson: T) => number): T[] | undefined {
  const cap = Math.max(0, Math.ceil(target));
  if (cap === 0) return [];
  const best = new Float64Array(cap + 1).fill(Number.POSITIVE_INFINITY);
  best[0] = 0;
  // improved[k][s]: lesson k gave state s its best value so far; fromCap[k]: where the capped state came from.
  const improved = lessons.map(() => new Uint8Array(cap + 1));
  const fromCap = new Int32Array(lessons.length).fill(-1);
  lessons.forEach((lesson, k) => {
    const mark = improved[k];
    if (!mark) return;
    // Downwards, so that each lesson is counted once: a state is read before this lesson writes it.
    for (let s = cap; s >= 0; s -= 1) {
      const from = best[s] ?? Number.POSITIVE_INFINITY;
      if (from === Number.POSITIVE_INFINITY) continue;
      const to = Math.min(cap, s + lesson.minutes);
      const value = from + cost(lesson);
      if (to !== s && value < (best[to] ?? Number.POSITIVE_INFINITY)) {
        best[to] = value;
        mark[to] = 1;
        if (to === cap) fromCap[k] = s;
      }
    }
  });
  if ((best[cap] ?? Number.POSITIVE_INFINITY) === Number.POSITIVE_INFINITY) return undefined;
  const picked: T[] = [];
  let s = cap;
  for (let k = lessons.length - 1; k >= 0 && s > 0; k -= 1) {
    const lesson = lessons[k];
    if (!lesson || improved[k]?.[s] !== 1) continue;
    picked.push(lesson);
    s = s === cap ? (fromCap[k] ?? 0) : s - lesson.minutes;
  }
  return picked.reverse();
}

/** The curriculum with these lessons left out (their overrides say `omit`). */
function leaveOut(curriculum: Curriculum, lessons: readonly { itemId: string; lessonCode: string }[]): Curriculum {
  const byItem = new Map<string, Set<string>>();
  for (const l of lessons) byItem.set(l.itemId, (byItem.get(l.itemId) ?? new Set()).add(l.lessonCode));
  return {
    ...curriculum,
    items: curriculum.items.map((item): CurriculumItem => {
      const codes = byItem.get(item.id);
      if (item.kind !== 'module' || !codes) return item;
      const overrides: LessonOverride[] = item.lessons.map((o) => (codes.has(o.lessonCode) ? { ...o, omit: true } : o));
      for (const code of codes) if (!overrides.some((o) => o.lessonCode === code)) overrides.push({ lessonCode: code, omit: true });
      return { ...item, lessons: overrides };
    }),
  };
}

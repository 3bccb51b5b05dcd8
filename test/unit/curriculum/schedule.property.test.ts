import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveLessons } from '../../../shared/domain/curriculum/effective-lessons';
import { dayModel, teachingCapacity, type DayModel } from '../../../shared/domain/curriculum/day-model';
import { EARLY_BREAK_MINUTES } from '../../../shared/domain/curriculum/day-packer';
import { scheduleCurriculum, scheduleUnits, unitMinutes, type Schedule, type ScheduleUnit } from '../../../shared/domain/curriculum/schedule';
import { DayTemplateSchema, DEFAULT_SCHEDULING_RULES, type DayTemplate, type LessonOverride, type ModuleItem, type SchedulingRules } from '../../../shared/schemas/curriculum';
import { dayTemplateArb, rulesArb, unitsArb } from './arbitraries';
import { curriculum, MODULE_IDS, moduleItem, sampleModule } from './sample';

const RUNS = 400;

/** Every invariant the scheduler promises, checked on one schedule. */
function expectInvariants(schedule: Schedule, units: readonly ScheduleUnit[], template: DayTemplate, plannedDays: number, rules: SchedulingRules = DEFAULT_SCHEDULING_RULES): void {
  const tpl = dayModel(template, rules);
  const minutesOf = new Map(units.map((u) => [u.key, unitMinutes(u)]));

  // Nothing lost, nothing duplicated, course order kept.
  expect(schedule.placements.map((p) => p.unitKey)).toEqual(units.map((u) => u.key));
  for (let i = 1; i < schedule.placements.length; i += 1) {
    const [a, b] = [schedule.placements[i - 1]!, schedule.placements[i]!];
    expect(b.day > a.day || (b.day === a.day && b.startMinute >= a.endMinute)).toBe(true);
  }

  units.forEach((unit, i) => {
    const placement = schedule.placements[i]!;
    const day = schedule.days[placement.day - 1]!;
    // A unit lives on one day: its slots are all on that day and add up to its minutes.
    const slots = schedule.days.flatMap((d) => d.slots.filter((s) => s.unitKey === unit.key).map((s) => ({ ...s, day: d.day })));
    expect(new Set(slots.map((s) => s.day))).toEqual(new Set([placement.day]));
    expect(slots.reduce((sum, s) => sum + s.endMinute - s.startMinute, 0)).toBe(unitMinutes(unit));
    expect(slots.map((s) => s.part)).toEqual(slots.map((_s, k) => k + 1));
    // Steps are never split: one interval per step, of the step's length, inside one of the unit's slots.
    if (unit.kind === 'lesson') {
      expect(placement.intervals.map((iv) => iv.endMinute - iv.startMinute)).toEqual(unit.steps.map((s) => s.minutes));
      for (const iv of placement.intervals) expect(slots.some((s) => s.startMinute <= iv.startMinute && iv.endMinute <= s.endMinute)).toBe(true);
    }
    // No part shorter than the rule, unless the unit is itself that short, longer than a day, or no start
    // after a break would avoid it (then it is reported, and an independent search agrees).
    const shortest = Math.min(...slots.map((s) => s.endMinute - s.startMinute));
    const capacity = teachingCapacity(tpl, placement.day);
    if (slots.length > 1 && shortest < tpl.minPart && unitMinutes(unit) >= tpl.minPart && unitMinutes(unit) <= capacity) {
      expect(schedule.warnings.some((w) => w.code === 'short-part' && w.unitKey === unit.key && w.params.part === shortest), `${unit.key}: short part ${shortest}`).toBe(true);
      // The empty day it could have started on instead: its own when it opens it, else the next (which has a recap).
      const opensDay = schedule.placements.find((p) => p.day === placement.day) === placement;
      expect(startsWithoutShortPart(unit, tpl, opensDay ? placement.day : placement.day + 1), `${unit.key} could start after a break`).toEqual([]);
    }
    // Within the day's hours unless the day is flagged as overflowing.
    expect(placement.startMinute).toBeGreaterThanOrEqual(tpl.start);
    if (!day.overflow) expect(placement.endMinute).toBeLessThanOrEqual(tpl.end);
    // Pins are met or reported.
    if (unit.pinnedDay !== undefined && placement.day !== unit.pinnedDay)
      expect(schedule.warnings.some((w) => w.code === 'pin-unmet' && w.unitKey === unit.key)).toBe(true);
    if (unit.pinnedDay !== undefined && placement.day === unit.pinnedDay)
      expect(schedule.warnings.some((w) => w.code === 'pin-unmet' && w.unitKey === unit.key)).toBe(false);
    // Nothing moves to a later day without a reason: a pin, a day before that ran over, or a move reported
    // (no room left, or only room that would cut it short).
    const previous = schedule.placements[i - 1];
    if (previous && placement.day > previous.day && unit.pinnedDay !== placement.day) {
      expect(placement.day).toBe(previous.day + 1);
      const before = schedule.days[previous.day - 1]!;
      const moved = schedule.warnings.find((w) => (w.code === 'moved-to-next-day' || w.code === 'moved-to-avoid-short-part') && w.unitKey === unit.key);
      expect(before.overflow || moved !== undefined).toBe(true);
      if (moved?.code === 'moved-to-next-day') expect(unitMinutes(unit)).toBeGreaterThan(Number(moved.params.free));
      if (moved?.code === 'moved-to-avoid-short-part') expect(unitMinutes(unit)).toBeLessThanOrEqual(Number(moved.params.free));
    }
  });

  for (const day of schedule.days) {
    const onDay = schedule.placements.filter((p) => p.day === day.day);
    expect(day.teachingMinutes).toBe(onDay.reduce((sum, p) => sum + (minutesOf.get(p.unitKey) ?? 0), 0));
    const capacity = teachingCapacity(tpl, day.day);
    // Over capacity only when flagged: a single unit longer than a whole day, alone on its day.
    const long = onDay.filter((p) => p.minutes > capacity);
    expect(day.overflow).toBe(long.length > 0);
    if (day.overflow) {
      expect(onDay).toHaveLength(1);
      expect(schedule.warnings.some((w) => w.code === 'longer-than-day' && w.day === day.day)).toBe(true);
    } else {
      expect(day.teachingMinutes).toBeLessThanOrEqual(capacity);
      // Teaching, recap, buffer and free time before the breaks all end by the end of the day.
      for (const s of day.slots) expect(s.endMinute, `day ${day.day} ${s.kind} ${s.end}`).toBeLessThanOrEqual(tpl.end);
    }

    // Slots never overlap; breaks keep their length and come in template order.
    const slots = day.slots;
    for (let k = 1; k < slots.length; k += 1) expect(slots[k]!.startMinute).toBeGreaterThanOrEqual(slots[k - 1]!.endMinute);
    for (const s of slots) expect(s.endMinute).toBeGreaterThan(s.startMinute);
    const breaks = slots.filter((s) => s.kind === 'break' || s.kind === 'lunch');
    const planned = breaks.map((b) => tpl.breaks.findIndex((t) => t.start === toMinutes(b.plannedStart)));
    expect(planned.every((p) => p >= 0)).toBe(true);
    expect([...planned].sort((a, b) => a - b)).toEqual(planned);
    expect(new Set(planned).size).toBe(planned.length);
    breaks.forEach((b, k) => {
      const t = tpl.breaks[planned[k]!]!;
      expect(b.kind).toBe(t.kind);
      expect(b.endMinute - b.startMinute).toBe(t.end - t.start);
      // A break is taken early only right after what precedes it (never after free time), by a bounded amount.
      expect(b.startMinute).toBeGreaterThanOrEqual(t.start - EARLY_BREAK_MINUTES);
      if (b.startMinute < t.start) expect(b.startMinute === tpl.start || slots.some((o) => o.kind !== 'free' && o.endMinute === b.startMinute)).toBe(true);
    });
    // A break only ever comes late because a lesson step (or the recap or buffer, which are not split either)
    // was running at its planned time and ended just when the break starts, or because it follows an earlier
    // break that was due too; sessions are interrupted on time.
    const steps = [
      ...schedule.placements.filter((p) => p.day === day.day && p.kind === 'lesson').flatMap((p) => p.intervals),
      ...slots.filter((s) => s.kind === 'recap' || s.kind === 'buffer'),
    ];
    breaks.forEach((b, k) => {
      const t = tpl.breaks[planned[k]!]!;
      if (b.startMinute <= t.start) return;
      const runningStep = steps.some((iv) => iv.startMinute < t.start && iv.endMinute === b.startMinute);
      const runningBreak = breaks.some((other) => other !== b && other.endMinute === b.startMinute);
      expect(runningStep || runningBreak).toBe(true);
    });

    // A day with teaching opens with the recap (after the first day) and closes with the buffer; others have neither.
    const recaps = slots.filter((s) => s.kind === 'recap');
    const buffers = slots.filter((s) => s.kind === 'buffer');
    const taught = onDay.length > 0;
    expect(recaps.map((s) => s.endMinute - s.startMinute)).toEqual(taught && day.day > 1 && tpl.recap > 0 ? [tpl.recap] : []);
    expect(buffers.map((s) => s.endMinute - s.startMinute)).toEqual(taught && tpl.buffer > 0 ? [tpl.buffer] : []);
    for (const r of recaps) expect(onDay.every((p) => p.startMinute >= r.endMinute)).toBe(true);
    for (const b of buffers) expect(onDay.every((p) => p.endMinute <= b.startMinute)).toBe(true);
    if (!taught) expect(slots.every((s) => s.kind === 'break' || s.kind === 'lunch')).toBe(true);
  }

  expect(schedule.days).toHaveLength(Math.max(plannedDays, schedule.daysUsed));
  expect(schedule.warnings.some((w) => w.code === 'course-exceeds-days')).toBe(schedule.daysUsed > plannedDays);
}

/**
 * An independent search: the starts on an empty day `day` (its start, after the recap, or just after any
 * break, the time before it left free) at which the unit fits and no break cuts it into a part shorter than
 * the rule. Laid out as rule 3 says: a lesson step is never cut, a due break waits for it; a session is cut
 * at each break's planned time.
 */
function startsWithoutShortPart(unit: ScheduleUnit, tpl: DayModel, day: number): string[] {
  const room = teachingCapacity(tpl, day);
  const total = unitMinutes(unit);
  const found: string[] = [];
  const recap = day > 1 ? tpl.recap : 0;
  for (let skip = -1; skip < tpl.breaks.length; skip += 1) {
    // The recap first, then wait through breaks up to `skip`.
    let at = tpl.start;
    let next = 0;
    const takeDue = () => {
      let taken = false;
      while (next < tpl.breaks.length && tpl.breaks[next]!.start <= at) {
        at += tpl.breaks[next]!.end - tpl.breaks[next]!.start;
        next += 1;
        taken = true;
      }
      return taken;
    };
    if (recap > 0) {
      takeDue();
      at += recap;
    }
    let free = 0;
    for (; next <= skip; next += 1) {
      const b = tpl.breaks[next]!;
      if (b.start > at) [free, at] = [free + b.start - at, b.start];
      at += b.end - b.start;
    }
    if (free + total > room) continue;
    const parts: number[] = [0];
    const pieces = unit.kind === 'lesson' ? unit.steps.map((s) => s.minutes) : [total];
    for (let piece of pieces) {
      while (piece > 0) {
        if (takeDue() && parts.at(-1)! > 0) parts.push(0);
        const limit = unit.kind === 'session' && next < tpl.breaks.length ? tpl.breaks[next]!.start - at : piece;
        const chunk = Math.min(piece, limit);
        at += chunk;
        piece -= chunk;
        parts[parts.length - 1]! += chunk;
      }
    }
    if (parts.length === 1 || Math.min(...parts) >= tpl.minPart) found.push(`after break ${skip}`);
  }
  return found;
}

function toMinutes(clock: string | undefined): number {
  const [h = 0, m = 0] = (clock ?? '').split(':').map(Number);
  return h * 60 + m;
}

describe('the scheduler (property-based)', () => {
  it('generates only valid day templates', () => {
    fc.assert(
      fc.property(dayTemplateArb, (template) => {
        expect(DayTemplateSchema.safeParse(template).success).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every invariant on arbitrary lessons, sessions, pins and templates', () => {
    fc.assert(
      fc.property(dayTemplateArb, unitsArb(8), fc.integer({ min: 1, max: 8 }), (template, units, days) => {
        expectInvariants(scheduleUnits(units, template, { days }), units, template, days);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps every invariant under arbitrary scheduling rules: short-part threshold, recap and buffer', () => {
    fc.assert(
      fc.property(dayTemplateArb, unitsArb(6), fc.integer({ min: 1, max: 6 }), rulesArb, (template, units, days, rules) => {
        expectInvariants(scheduleUnits(units, template, { days, rules }), units, template, days, rules);
      }),
      {
        numRuns: RUNS,
        // Found by a random run: the lesson follows a session on day 1, so an empty day for it is day 2, with its recap.
        examples: [
          [
            { start: '06:00', end: '08:38', breaks: [{ start: '08:31', end: '08:36', kind: 'break' }] },
            [
              { key: 's0', kind: 'session', itemId: 's0', title: 'Session 0', steps: [{ minutes: 1 }], pinnedDay: undefined },
              { key: 'l1', kind: 'lesson', itemId: 'm1', lessonCode: '1.1', title: 'Lesson 1', steps: [{ minutes: 112 }, { minutes: 38 }, { minutes: 1 }], pinnedDay: undefined },
            ],
            1,
            { minPartMinutes: 2, recapMinutes: 1, bufferMinutes: 1 },
          ],
        ],
      },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(dayTemplateArb, unitsArb(5), fc.integer({ min: 1, max: 5 }), (template, units, days) => {
        expect(scheduleUnits(units, template, { days })).toEqual(scheduleUnits(units, template, { days }));
      }),
      { numRuns: 100 },
    );
  });

  const overrideArb = (item: ModuleItem): fc.Arbitrary<LessonOverride[]> =>
    fc
      .tuple(
        ...item.snapshot.lessons.map((lesson) =>
          fc.record({
            omit: fc.nat({ max: 4 }).map((n) => n === 0),
            day: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 3, nil: undefined }),
            minutes: fc.array(fc.tuple(fc.nat({ max: lesson.steps.length - 1 }), fc.integer({ min: 1, max: 120 })), { maxLength: 3 }),
          }),
        ),
      )
      .map((choices) =>
        choices.map((c, i) => ({
          lessonCode: item.snapshot.lessons[i]!.code,
          ...(c.omit ? { omit: true } : {}),
          ...(c.day === undefined ? {} : { day: c.day }),
          stepMinutes: [...new Map(c.minutes).entries()].map(([step, minutes]) => ({ step, minutes })),
        })),
      );

  it('schedules every lesson the course teaches from real modules with arbitrary overrides', () => {
    const courseArb = fc
      .uniqueArray(fc.constantFrom(...MODULE_IDS), { minLength: 1, maxLength: 6 })
      .chain((ids) => fc.tuple(...ids.map((id) => overrideArb(moduleItem(id)).map((lessons) => moduleItem(id, { lessons })))));
    fc.assert(
      fc.property(courseArb, fc.integer({ min: 1, max: 6 }), (items, days) => {
        const course = curriculum(items, { days });
        const schedule = scheduleCurriculum(course);
        const expected = items.flatMap((item) => effectiveLessons(item).map((e) => `${item.id}/${e.lessonIndex}`));
        expect(schedule.placements.map((p) => p.unitKey)).toEqual(expected);
        const omitted = new Set(items.flatMap((item) => item.lessons.filter((o) => o.omit).map((o) => `${item.id} ${o.lessonCode}`)));
        expect(schedule.placements.filter((p) => omitted.has(`${p.itemId} ${p.lessonCode ?? ''}`))).toEqual([]);
        expect(schedule.teachingMinutes).toBe(items.flatMap(effectiveLessons).reduce((sum, e) => sum + e.minutes, 0));
        expect(sampleModule(items[0]!.moduleId)).toBe(items[0]!.snapshot);
      }),
      { numRuns: 150 },
    );
  });
});

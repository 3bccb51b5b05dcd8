import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { effectiveLessons } from '../../../shared/domain/curriculum/effective-lessons';
import { compileTemplate, scheduleCurriculum, scheduleUnits, unitMinutes, type Schedule, type ScheduleUnit } from '../../../shared/domain/curriculum/schedule';
import { DayTemplateSchema, type DayTemplate, type LessonOverride, type ModuleItem } from '../../../shared/schemas/curriculum';
import { dayTemplateArb, unitsArb } from './arbitraries';
import { curriculum, MODULE_IDS, moduleItem, sampleModule } from './sample';

const RUNS = 400;

/** Every invariant the scheduler promises, checked on one schedule. */
function expectInvariants(schedule: Schedule, units: readonly ScheduleUnit[], template: DayTemplate, plannedDays: number): void {
  const tpl = compileTemplate(template);
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
    // Within the day's hours unless the day is flagged as overflowing.
    expect(placement.startMinute).toBeGreaterThanOrEqual(tpl.start);
    if (!day.overflow) expect(placement.endMinute).toBeLessThanOrEqual(tpl.end);
    // Pins are met or reported.
    if (unit.pinnedDay !== undefined && placement.day !== unit.pinnedDay)
      expect(schedule.warnings.some((w) => w.code === 'pin-unmet' && w.unitKey === unit.key)).toBe(true);
    if (unit.pinnedDay !== undefined && placement.day === unit.pinnedDay)
      expect(schedule.warnings.some((w) => w.code === 'pin-unmet' && w.unitKey === unit.key)).toBe(false);
    // Nothing moves to a later day without a reason: a pin, or no room left on the day before.
    const previous = schedule.placements[i - 1];
    if (previous && placement.day > previous.day && unit.pinnedDay !== placement.day) {
      expect(placement.day).toBe(previous.day + 1);
      expect(schedule.days[previous.day - 1]!.teachingMinutes + unitMinutes(unit)).toBeGreaterThan(tpl.capacity);
    }
  });

  for (const day of schedule.days) {
    const onDay = schedule.placements.filter((p) => p.day === day.day);
    expect(day.teachingMinutes).toBe(onDay.reduce((sum, p) => sum + (minutesOf.get(p.unitKey) ?? 0), 0));
    // Over capacity only when flagged: a single unit longer than a whole day, alone on its day.
    const long = onDay.filter((p) => p.minutes > tpl.capacity);
    expect(day.overflow).toBe(long.length > 0);
    if (day.overflow) {
      expect(onDay).toHaveLength(1);
      expect(schedule.warnings.some((w) => w.code === 'longer-than-day' && w.day === day.day)).toBe(true);
    } else expect(day.teachingMinutes).toBeLessThanOrEqual(tpl.capacity);

    // Slots never overlap; breaks keep their length, come in template order, never before their planned time.
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
      expect(b.startMinute).toBeGreaterThanOrEqual(t.start);
    });
    // A break only ever comes late because a lesson step was running at its planned time and ended just
    // when the break starts, or because it follows an earlier break that was due too; sessions are
    // interrupted on time.
    const steps = schedule.placements.filter((p) => p.day === day.day && p.kind === 'lesson').flatMap((p) => p.intervals);
    breaks.forEach((b, k) => {
      const t = tpl.breaks[planned[k]!]!;
      if (b.startMinute === t.start) return;
      const runningStep = steps.some((iv) => iv.startMinute < t.start && iv.endMinute === b.startMinute);
      const runningBreak = breaks.some((other) => other !== b && other.endMinute === b.startMinute);
      expect(runningStep || runningBreak).toBe(true);
    });
  }

  expect(schedule.days).toHaveLength(Math.max(plannedDays, schedule.daysUsed));
  expect(schedule.warnings.some((w) => w.code === 'course-exceeds-days')).toBe(schedule.daysUsed > plannedDays);
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

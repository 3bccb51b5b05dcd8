/** fast-check generators for day templates and scheduler units. */
import fc from 'fast-check';
import { formatClock } from '../../../shared/domain/curriculum/clock';
import type { ScheduleUnit } from '../../../shared/domain/curriculum/schedule';
import type { BreakSlot, DayTemplate, SchedulingRules } from '../../../shared/schemas/curriculum';

/**
 * Valid templates only: breaks laid out one after another from the day's start with a gap before each,
 * then cut to those that end within the day. Lunch or short break at random.
 */
export const dayTemplateArb: fc.Arbitrary<DayTemplate> = fc
  .record({
    start: fc.integer({ min: 6 * 60, max: 11 * 60 }),
    length: fc.integer({ min: 60, max: 11 * 60 }),
    breaks: fc.array(fc.record({ gap: fc.integer({ min: 1, max: 200 }), length: fc.integer({ min: 5, max: 75 }), lunch: fc.boolean() }), { maxLength: 5 }),
  })
  .map(({ start, length, breaks }) => {
    const end = start + length;
    const slots: BreakSlot[] = [];
    let cursor = start;
    for (const b of breaks) {
      const from = cursor + b.gap;
      const to = from + b.length;
      // Stop before a break would reach the end: the template must keep some teaching time after the gaps.
      if (to >= end) break;
      slots.push({ start: formatClock(from), end: formatClock(to), kind: b.lunch ? 'lunch' : 'break' });
      cursor = to;
    }
    return { start: formatClock(start), end: formatClock(end), breaks: slots };
  });

const rangedStepArb = fc
  .record({ minutes: fc.integer({ min: 1, max: 120 }), below: fc.integer({ min: 0, max: 40 }), above: fc.integer({ min: 0, max: 40 }), ranged: fc.boolean() })
  .map(({ minutes, below, above, ranged }) => ({
    minutes,
    range: ranged ? { min: Math.max(1, minutes - below), max: Math.min(480, minutes + above) } : undefined,
  }));

/** Lessons of 1–8 steps (mostly short, sometimes long) and sessions of up to 8 hours, some pinned. */
export const unitsArb = (maxDays: number): fc.Arbitrary<ScheduleUnit[]> =>
  fc
    .array(
      fc.record({
        // About one unit in four is a session.
        session: fc.nat({ max: 3 }).map((n) => n === 0),
        steps: fc.array(rangedStepArb, { minLength: 1, maxLength: 8 }),
        sessionMinutes: fc.integer({ min: 1, max: 480 }),
        pin: fc.option(fc.integer({ min: 1, max: maxDays + 1 }), { freq: 4, nil: undefined }),
      }),
      { maxLength: 30 },
    )
    .map((specs) =>
      specs.map((spec, i): ScheduleUnit =>
        spec.session
          ? { key: `s${i}`, kind: 'session', itemId: `s${i}`, title: `Session ${i}`, steps: [{ minutes: spec.sessionMinutes }], pinnedDay: spec.pin }
          : { key: `l${i}`, kind: 'lesson', itemId: `m${i % 4}`, lessonCode: `${i % 4}.${i}`, title: `Lesson ${i}`, steps: spec.steps, pinnedDay: spec.pin },
      ),
    );

/** Scheduling rules within the schema's bounds, often the defaults' neighbours and sometimes none at all. */
export const rulesArb: fc.Arbitrary<SchedulingRules> = fc.record({
  minPartMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  recapMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 60 })),
  bufferMinutes: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 90 })),
});

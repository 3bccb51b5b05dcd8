import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayModel, plainDay, plannedCapacity } from '../../../shared/domain/curriculum/day-model';
import { packsInto } from '../../../shared/domain/curriculum/day-packer';
import { applyFit, fitCurriculum, fitUnits } from '../../../shared/domain/curriculum/fit';
import { packUnit, scheduleCurriculum, scheduleFits, scheduleUnits, unitMinutes, type ScheduleUnit } from '../../../shared/domain/curriculum/schedule';
import { dayTemplateArb, rulesArb, unitsArb } from './arbitraries';
import { curriculum, MODULE_IDS, moduleItem } from './sample';

const RUNS = 300;

/** Whether units of these lengths pack into the days of a day without breaks, as the scheduler packs them. */
function packs(units: readonly ScheduleUnit[], minutes: readonly (readonly number[])[], capacity: number, days: number): boolean {
  return packsInto(units.map((u, i) => packUnit(u, minutes[i])), plainDay(capacity), days);
}

const at = (units: readonly ScheduleUnit[], pick: (step: ScheduleUnit['steps'][number]) => number) => units.map((u) => u.steps.map(pick));
const clamped = (step: ScheduleUnit['steps'][number]) => (step.range ? Math.min(step.range.max, Math.max(step.range.min, step.minutes)) : step.minutes);

describe('fit to N days (property-based)', () => {
  const inputs = fc.record({
    units: unitsArb(6),
    capacity: fc.integer({ min: 60, max: 600 }),
    days: fc.integer({ min: 1, max: 6 }),
    granularity: fc.integer({ min: 1, max: 10 }),
    allowStretch: fc.boolean(),
  });

  it('chooses minutes within every range and leaves steps without one alone', () => {
    fc.assert(
      fc.property(inputs, ({ units, capacity, days, granularity, allowStretch }) => {
        const { minutes } = fitUnits(units, plainDay(capacity), days, { granularity, allowStretch });
        units.forEach((unit, u) => {
          unit.steps.forEach((step, s) => {
            const chosen = minutes[u]?.[s];
            if (step.range) {
              expect(chosen).toBeGreaterThanOrEqual(step.range.min);
              expect(chosen).toBeLessThanOrEqual(step.range.max);
            } else expect(chosen).toBe(step.minutes);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('fits, within capacity, whenever any choice within the ranges fits', () => {
    fc.assert(
      fc.property(inputs, ({ units, capacity, days, granularity, allowStretch }) => {
        // Every step at its minimum is the easiest case; if even it fails, no choice fits.
        const possible = packs(units, at(units, (s) => s.range?.min ?? s.minutes), capacity, days);
        const result = fitUnits(units, plainDay(capacity), days, { granularity, allowStretch });
        expect(result.fits).toBe(possible);
        if (result.fits) {
          expect(packs(units, result.minutes, capacity, days)).toBe(true);
          const total = result.minutes.flat().reduce((a, b) => a + b, 0);
          expect(total).toBeLessThanOrEqual(capacity * days);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('only shortens a course that does not fit, and only lengthens one that does', () => {
    fc.assert(
      fc.property(inputs, ({ units, capacity, days, granularity, allowStretch }) => {
        const current = at(units, clamped);
        const result = fitUnits(units, plainDay(capacity), days, { granularity, allowStretch });
        const fitsNow = packs(units, current, capacity, days);
        units.forEach((unit, u) => {
          unit.steps.forEach((_step, s) => {
            const [chosen, now] = [result.minutes[u]?.[s] ?? 0, current[u]?.[s] ?? 0];
            if (fitsNow) expect(chosen).toBeGreaterThanOrEqual(now);
            else if (result.fits) expect(chosen).toBeLessThanOrEqual(now);
          });
        });
        if (fitsNow && !allowStretch) expect(result.minutes).toEqual(current);
      }),
      { numRuns: RUNS },
    );
  });

  it('shortens no more than the best choice found by trying every combination (small courses, 1-minute moves)', () => {
    const tiny = fc.array(
      fc.record({ min: fc.integer({ min: 20, max: 150 }), width: fc.integer({ min: 0, max: 5 }), extra: fc.integer({ min: 0, max: 60 }), pin: fc.option(fc.integer({ min: 1, max: 3 }), { freq: 5, nil: undefined }) }),
      { minLength: 1, maxLength: 4 },
    );
    fc.assert(
      fc.property(tiny, fc.integer({ min: 100, max: 300 }), fc.integer({ min: 1, max: 3 }), (specs, capacity, days) => {
        // Each unit: a fixed step and a ranged step starting at its maximum.
        const units: ScheduleUnit[] = specs.map((spec, i) => ({
          key: `u${i}`,
          kind: 'lesson',
          itemId: 'm',
          lessonCode: `1.${i}`,
          title: `L${i}`,
          steps: [{ minutes: spec.extra + 1 }, { minutes: spec.min + spec.width, range: { min: spec.min, max: spec.min + spec.width } }],
          pinnedDay: spec.pin,
        }));
        const result = fitUnits(units, plainDay(capacity), days, { granularity: 1, allowStretch: false });
        const ranged = units.map((u) => u.steps[1]!.range!);
        let bestCut = Number.POSITIVE_INFINITY;
        const choose = (i: number, chosen: number[]): void => {
          if (i === ranged.length) {
            const minutes = units.map((u, k) => [u.steps[0]!.minutes, chosen[k]!]);
            if (packs(units, minutes, capacity, days)) bestCut = Math.min(bestCut, ranged.reduce((t, r, k) => t + r.max - chosen[k]!, 0));
            return;
          }
          for (let m = ranged[i]!.min; m <= ranged[i]!.max; m += 1) choose(i + 1, [...chosen, m]);
        };
        choose(0, []);
        expect(result.fits).toBe(bestCut < Number.POSITIVE_INFINITY);
        if (result.fits) expect(ranged.reduce((t, r, k) => t + r.max - result.minutes[k]![1]!, 0)).toBe(bestCut);
      }),
      { numRuns: 200 },
    );
  });

  it('produces a schedule without overflow within the days, through the scheduler with breaks and rules', () => {
    fc.assert(
      fc.property(dayTemplateArb, unitsArb(5), fc.integer({ min: 1, max: 5 }), rulesArb, fc.boolean(), (template, units, days, rules, allowStretch) => {
        const model = dayModel(template, rules);
        const result = fitUnits(units, model, days, { allowStretch });
        const fitted = units.map((u, i) => ({ ...u, steps: u.steps.map((s, k) => ({ ...s, minutes: result.minutes[i]?.[k] ?? s.minutes })) }));
        const schedule = scheduleUnits(fitted, template, { days, rules });
        expect(scheduleFits(schedule)).toBe(result.fits);
        if (result.fits) expect(fitted.reduce((t, u) => t + unitMinutes(u), 0)).toBeLessThanOrEqual(plannedCapacity(model, days));
        // Whenever the shortest version of the course fits, fit finds a version that fits.
        const shortest = units.map((u) => packUnit(u, u.steps.map((s) => s.range?.min ?? s.minutes)));
        if (packsInto(shortest, model, days)) expect(result.fits).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('never changes a locked step', () => {
    const lockedUnits = unitsArb(4).chain((units) =>
      fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }).map((flags) =>
        units.map((u, i) => ({ ...u, steps: u.steps.map((s, k) => (flags[(i * 8 + k) % 64] ? { ...s, locked: true } : s)) })),
      ),
    );
    fc.assert(
      fc.property(lockedUnits, fc.integer({ min: 60, max: 600 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (units, capacity, days, allowStretch) => {
        const { minutes } = fitUnits(units, plainDay(capacity), days, { allowStretch });
        units.forEach((unit, u) => {
          unit.steps.forEach((step, s) => {
            if (step.locked) expect(minutes[u]?.[s]).toBe(step.minutes);
          });
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('fits real courses whenever their shortest version fits', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...MODULE_IDS), { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 8 }), (ids, days) => {
        const course = curriculum(ids.map((id) => moduleItem(id)), { days });
        const fit = fitCurriculum(course);
        const fitted = applyFit(course, fit);
        const schedule = scheduleCurriculum(fitted);
        expect(scheduleFits(schedule)).toBe(fit.fits);
        expect(fit.fits).toBe(fit.unfit.length === 0);
        if (fit.fits) expect(schedule.teachingMinutes).toBeLessThanOrEqual(fit.capacityMinutes);
      }),
      { numRuns: 60 },
    );
  });
});

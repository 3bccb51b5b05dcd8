import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatClock } from '../../../shared/domain/curriculum/clock';
import { applyRemedy, fitRemedies, fitStanding, remedyChanges, type Remedy } from '../../../shared/domain/curriculum/remedies';
import { scheduleCurriculum, scheduleFits } from '../../../shared/domain/curriculum/schedule';
import { clockToMinutes, type Curriculum, type ModuleItem } from '../../../shared/schemas/curriculum';
import { rulesArb } from './arbitraries';
import { curriculum, MODULE_IDS, moduleItem, revised, sampleModule } from './sample';

const fits = (c: Curriculum) => scheduleFits(scheduleCurriculum(c));

/** Real modules, some lessons marked optional, in a course planned for too few days. */
const courseArb = fc
  .record({
    ids: fc.uniqueArray(fc.constantFrom(...MODULE_IDS), { minLength: 1, maxLength: 5 }),
    optional: fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
    days: fc.integer({ min: 1, max: 6 }),
    rules: rulesArb,
  })
  .map(({ ids, optional, days, rules }) => {
    let flag = 0;
    const items: ModuleItem[] = ids.map((id) => {
      const snapshot = revised(sampleModule(id), (m) => {
        for (const lesson of m.lessons) lesson.optional = optional[flag++ % optional.length] === true && flag % 3 === 0;
      });
      return moduleItem(id, { snapshot });
    });
    return curriculum(items, { days, scheduling: rules });
  });

function omitted(course: Curriculum, keep: ReadonlySet<string>, lessons: readonly { itemId: string; lessonCode: string }[]): Curriculum {
  const left = lessons.filter((l) => !keep.has(`${l.itemId} ${l.lessonCode}`));
  return applyRemedy(course, { kind: 'leave-out', target: course.days, enough: true, lessons: left.map((l) => ({ ...l, title: '', minutes: 0, optional: false })), minutes: 0, after: fitStanding(course, course.days) });
}

describe('remedies (property-based)', () => {
  it('make the course fit when they say they are enough, and say truthfully where it stands after', () => {
    fc.assert(
      fc.property(courseArb, (course) => {
        const { remedies, before } = fitRemedies(course, course.days);
        expect(before.fits).toBe(fits(course));
        if (before.fits) expect(remedies).toEqual([]);
        for (const r of remedies) {
          const applied = applyRemedy(course, r);
          expect(fitStanding(applied, applied.days), r.kind).toEqual(r.after);
          if (r.enough) expect(fits(applied), r.kind).toBe(true);
          else if (remedyChanges(r)) expect(fits(applied), r.kind).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });

  it('leave out no lesson that is not needed, and only optional lessons when those are enough', () => {
    fc.assert(
      fc.property(courseArb, (course) => {
        const leaveOut = fitRemedies(course, course.days).remedies.find((r): r is Extract<Remedy, { kind: 'leave-out' }> => r.kind === 'leave-out');
        if (!leaveOut?.enough) return;
        // Putting any one back makes the course too long again.
        for (const lesson of leaveOut.lessons) expect(fits(omitted(course, new Set([`${lesson.itemId} ${lesson.lessonCode}`]), leaveOut.lessons))).toBe(false);
        const optional = course.items.flatMap((item) => (item.kind === 'module' ? item.snapshot.lessons.filter((l) => l.optional).map((l) => ({ itemId: item.id, lessonCode: l.code })) : []));
        if (fits(omitted(course, new Set(), optional))) expect(leaveOut.lessons.every((l) => l.optional)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  it('lengthen the day and add days no more than needed', () => {
    fc.assert(
      fc.property(courseArb, (course) => {
        for (const r of fitRemedies(course, course.days).remedies) {
          if (!r.enough) continue;
          if (r.kind === 'lengthen-day' && clockToMinutes(r.end) - 15 > clockToMinutes(r.from))
            expect(fits({ ...course, dayTemplate: { ...course.dayTemplate, end: formatClock(clockToMinutes(r.end) - 15) } })).toBe(false);
          if (r.kind === 'add-days') expect(fits({ ...course, days: r.days - 1 })).toBe(false);
        }
      }),
      { numRuns: 40 },
    );
  });
});

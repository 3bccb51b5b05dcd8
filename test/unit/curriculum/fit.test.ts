import { describe, expect, it } from 'vitest';
import { effectiveLessons } from '../../../shared/domain/curriculum/effective-lessons';
import { plainDay } from '../../../shared/domain/curriculum/day-model';
import { applyFit, fitCurriculum, fitUnits } from '../../../shared/domain/curriculum/fit';
import { scheduleCurriculum, scheduleFits, type ScheduleUnit } from '../../../shared/domain/curriculum/schedule';
import { CurriculumSchema, type Curriculum } from '../../../shared/schemas/curriculum';
import { curriculum, moduleItem, revised, sampleModule, session } from './sample';

/** Every changed step stays within its range, and the changes are what the overrides say. */
function expectConsistent(course: Curriculum, fit: ReturnType<typeof fitCurriculum>): Curriculum {
  const fitted = applyFit(course, fit);
  for (const change of fit.changes) {
    const item = fitted.items.find((i) => i.id === change.itemId);
    if (item?.kind !== 'module') throw new Error('change on a session');
    const step = item.snapshot.lessons.find((l) => l.code === change.lessonCode)?.steps[change.stepIndex];
    expect(step?.range, `${change.lessonCode} step ${change.stepIndex}`).toBeDefined();
    expect(change.to).toBeGreaterThanOrEqual(step?.range?.min ?? Infinity);
    expect(change.to).toBeLessThanOrEqual(step?.range?.max ?? -Infinity);
    const effective = effectiveLessons(item).find((e) => e.lessonCode === change.lessonCode);
    expect(effective?.lesson.steps[change.stepIndex]?.minutes).toBe(change.to);
  }
  expect(scheduleCurriculum(fitted).teachingMinutes).toBe(fit.minutesAfter);
  return fitted;
}

describe('fit to N days', () => {
  const threeModules = curriculum([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing'), moduleItem('sgbv-response')], { days: 3 });

  it('shortens only where a day runs over, and no more than needed', () => {
    // As written the course needs 4 days: lesson 1.3 misses day 1 by 30 minutes and everything slides.
    expect(scheduleCurriculum(threeModules).daysUsed).toBe(4);
    const fit = fitCurriculum(threeModules);
    expect(fit).toMatchObject({ fits: true, days: 3, capacityMinutes: 1170, minutesBefore: 1125, minutesAfter: 1095, minimumMinutes: 985, maximumMinutes: 1280, overMinutes: 0, unfit: [] });
    // Only hr-foundations is shortened, by 30 minutes, so that its three lessons share day 1.
    expect(new Set(fit.changes.map((c) => c.itemId))).toEqual(new Set(['hr-foundations']));
    expect(fit.changes.reduce((total, c) => total + c.from - c.to, 0)).toBe(30);
    const fitted = expectConsistent(threeModules, fit);
    const schedule = scheduleCurriculum(fitted);
    expect(scheduleFits(schedule)).toBe(true);
    expect(schedule.placements.filter((p) => p.day === 1).map((p) => p.lessonCode)).toEqual(['1.1', '1.2', '1.3']);
  });

  it('returns complete override lists that validate and change steps in 5-minute moves', () => {
    const fit = fitCurriculum(threeModules);
    expect(fit.overrides.map((o) => o.itemId)).toEqual(['hr-foundations']);
    const fitted = applyFit(threeModules, fit);
    expect(CurriculumSchema.safeParse(fitted).success).toBe(true);
    for (const change of fit.changes) expect((change.from - change.to) % 5).toBe(0);
    expect(fit.overrides[0]?.lessons.map((o) => o.lessonCode)).toEqual(['1.1', '1.2', '1.3']);
  });

  it('lengthens steps to fill the days when the course is short, up to the maximums', () => {
    const course = curriculum([moduleItem('hr-foundations')], { days: 2 });
    const fit = fitCurriculum(course);
    expect(fit).toMatchObject({ fits: true, minutesBefore: 420, minutesAfter: 455, maximumMinutes: 455 });
    expect(fit.changes.every((c) => c.to > c.from)).toBe(true);
    expect(scheduleFits(scheduleCurriculum(expectConsistent(course, fit)))).toBe(true);
  });

  it('lengthens only up to the capacity of each day', () => {
    const course = curriculum([moduleItem('hr-foundations')], { days: 1, dayTemplate: { start: '08:00', end: '15:15', breaks: [] } });
    // 435 minutes of teaching: room for 15 more than the 420 the module has.
    const fit = fitCurriculum(course);
    expect(fit.minutesAfter).toBe(435);
    expect(fit.fits).toBe(true);
  });

  it('leaves a course that fits alone when stretching is not allowed', () => {
    const fit = fitCurriculum(curriculum([moduleItem('hr-foundations')], { days: 2 }), { allowStretch: false });
    expect(fit).toMatchObject({ fits: true, changes: [], overrides: [], minutesAfter: 420 });
  });

  it('reports what cannot fit, with every ranged step at its minimum', () => {
    const course = curriculum(['hr-foundations', 'gender-responsive-policing', 'sgbv-response', 'use-of-force-firearms'].map((id) => moduleItem(id)), { days: 2 });
    const fit = fitCurriculum(course);
    expect(fit.fits).toBe(false);
    expect(fit.minutesAfter).toBe(fit.minimumMinutes);
    expect(fit.overMinutes).toBe(fit.minimumMinutes - 780);
    expect(fit.unfit.length).toBeGreaterThan(0);
    expect(fit.unfit.every((u) => u.reason === 'beyond-days' && u.day > 2)).toBe(true);
    // What does not fit is the end of the course.
    expect(fit.unfit.at(-1)?.lessonCode).toBe('4.4');
  });

  it('reports a session longer than a day, which no step range can help', () => {
    const fit = fitCurriculum(curriculum([session('field-visit', 420)], { days: 3 }));
    expect(fit.fits).toBe(false);
    expect(fit.unfit).toEqual([expect.objectContaining({ unitKey: 'field-visit', reason: 'longer-than-day', day: 1, minutes: 420 })]);
    expect(fit.overMinutes).toBe(0);
  });

  it('keeps other overrides and brings an out-of-range step back into its range', () => {
    const course = curriculum(
      [
        moduleItem('hr-foundations', {
          lessons: [
            { lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 90 }, { step: 1, minutes: 40 }], trainerNotes: 'Use the local case.' },
            { lessonCode: '1.2', omit: true },
            { lessonCode: '1.3', day: 1 },
          ],
        }),
      ],
      { days: 1 },
    );
    const fit = fitCurriculum(course, { allowStretch: false });
    expect(fit.fits).toBe(true);
    const lessons = fit.overrides[0]?.lessons ?? [];
    const first = lessons.find((o) => o.lessonCode === '1.1');
    // Step 0 (range 15–25) was set to 90; step 1 has no range, so its 40 stays.
    expect(first?.stepMinutes).toEqual([{ step: 0, minutes: 25 }, { step: 1, minutes: 40 }]);
    expect(first?.trainerNotes).toBe('Use the local case.');
    expect(lessons.find((o) => o.lessonCode === '1.2')).toEqual({ lessonCode: '1.2', omit: true });
    expect(lessons.find((o) => o.lessonCode === '1.3')).toEqual({ lessonCode: '1.3', day: 1 });
  });

  it('drops an override that ends up changing nothing', () => {
    // One lesson, one ranged step (15–25, 20 in the snapshot), set locally to 25; a 2-hour day needs it back at 20.
    const snapshot = revised(sampleModule('hr-foundations'), (m) => {
      m.lessons = m.lessons.slice(0, 1).map((l) => ({ ...l, steps: l.steps.map((st, i) => (i === 0 ? st : { ...st, range: undefined })) }));
    });
    const course = curriculum([moduleItem('hr-foundations', { snapshot, lessons: [{ lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 25 }] }] })], {
      days: 1,
      dayTemplate: { start: '09:00', end: '11:00', breaks: [] },
    });
    const fit = fitCurriculum(course);
    expect(fit.changes).toEqual([{ itemId: 'hr-foundations', lessonCode: '1.1', stepIndex: 0, from: 25, to: 20 }]);
    expect(fit.overrides).toEqual([{ itemId: 'hr-foundations', lessons: [] }]);
  });

  it('never changes a step locked by hand, and shortens others instead', () => {
    const locked = curriculum(
      [
        moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 20, locked: true }, { step: 2, minutes: 30, locked: true }] }] }),
        moduleItem('gender-responsive-policing'),
        moduleItem('sgbv-response'),
      ],
      { days: 3 },
    );
    const fit = fitCurriculum(locked);
    expect(fit.fits).toBe(true);
    expect(fit.changes.filter((c) => c.lessonCode === '1.1' && (c.stepIndex === 0 || c.stepIndex === 2))).toEqual([]);
    expect(fit.changes.length).toBeGreaterThan(0);
    // The locks stay in the overrides the fit hands back.
    const first = fit.overrides.find((o) => o.itemId === 'hr-foundations')?.lessons.find((o) => o.lessonCode === '1.1');
    expect(first?.stepMinutes?.filter((s) => s.locked)).toEqual([{ step: 0, minutes: 20, locked: true }, { step: 2, minutes: 30, locked: true }]);
    // Locked, the 15–25 and 20–35 ranges of those steps no longer count towards the shortest course.
    expect(fit.minimumMinutes).toBe(fitCurriculum(threeModules).minimumMinutes + 5 + 10);
  });

  it('honours the granularity', () => {
    const course = curriculum([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing'), moduleItem('sgbv-response')], { days: 3 });
    const fine = fitCurriculum(course, { granularity: 1 });
    expect(fine.fits).toBe(true);
    expect(fine.minutesAfter).toBe(1095);
  });

  it('leaves sessions and steps without a range alone', () => {
    const units: ScheduleUnit[] = [
      { key: 's', kind: 'session', itemId: 's', title: 'Opening', steps: [{ minutes: 200 }] },
      { key: 'l', kind: 'lesson', itemId: 'm', lessonCode: '1.1', title: 'L', steps: [{ minutes: 100 }, { minutes: 100, range: { min: 80, max: 120 } }] },
    ];
    expect(fitUnits(units, plainDay(430), 1)).toEqual({ fits: true, mode: 'stretch', minutes: [[200], [100, 120]] });
    expect(fitUnits(units, plainDay(430), 1, { allowStretch: false })).toEqual({ fits: true, mode: 'keep', minutes: [[200], [100, 100]] });
    expect(fitUnits(units, plainDay(390), 1)).toEqual({ fits: true, mode: 'shrink', minutes: [[200], [100, 90]] });
    expect(fitUnits(units, plainDay(380), 1)).toEqual({ fits: true, mode: 'shrink', minutes: [[200], [100, 80]] });
    expect(fitUnits(units, plainDay(379), 1)).toEqual({ fits: false, mode: 'shrink', minutes: [[200], [100, 80]] });
  });
});

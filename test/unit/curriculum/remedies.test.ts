import { describe, expect, it } from 'vitest';
import { applyRemedy, fitRemedies, remedyChanges, type Remedy, type RemedyKind } from '../../../shared/domain/curriculum/remedies';
import { scheduleCurriculum, scheduleFits } from '../../../shared/domain/curriculum/schedule';
import { CurriculumSchema, type Curriculum } from '../../../shared/schemas/curriculum';
import { curriculum, session } from './sample';
import { LONG_LESSON, reviewCase, timedModule } from './timed-modules';

function remedy<K extends RemedyKind>(remedies: readonly Remedy[], kind: K): Extract<Remedy, { kind: K }> {
  const found = remedies.find((r): r is Extract<Remedy, { kind: K }> => r.kind === kind);
  if (!found) throw new Error(`no ${kind} remedy`);
  return found;
}

const BIG = LONG_LESSON;
const REVIEW_CASE: Curriculum = reviewCase();

describe('remedies for a course that does not fit its days', () => {
  const { before, remedies } = fitRemedies(REVIEW_CASE, 5);

  it('say truthfully where the course stands: what falls after the last day', () => {
    expect(before).toEqual({ fits: false, daysUsed: 6, spillMinutes: 2 * 124 + 27, spillCount: 3, overflowCount: 0 });
  });

  it('say that shortening within the ranges is not enough, and what still spills over', () => {
    const shorten = remedy(remedies, 'shorten');
    expect(shorten.enough).toBe(false);
    expect(shorten.fit).toMatchObject({ fits: false, overMinutes: 15, spillMinutes: 4 * 60 + 15 });
    expect(shorten.after).toMatchObject({ fits: false, daysUsed: 6, spillMinutes: 255, spillCount: 3 });
  });

  it('leave out the optional lesson first, then the fewest minutes of others, latest in the course first', () => {
    const leaveOut = remedy(remedies, 'leave-out');
    expect(leaveOut.enough).toBe(true);
    expect(leaveOut.lessons.map((l) => `${l.itemId} ${l.lessonCode}${l.optional ? ' optional' : ''}`)).toEqual([
      'children-juvenile-justice 13.2 optional',
      'gender-responsive-policing 11.2',
      'gender-responsive-policing 11.3',
    ]);
    expect(leaveOut.minutes).toBe(124 + 124 + 27);
    expect(leaveOut.after).toMatchObject({ fits: true, daysUsed: 5 });
  });

  it('lengthen the day to the first quarter hour at which the course fits, keeping the breaks', () => {
    const lengthen = remedy(remedies, 'lengthen-day');
    expect(lengthen).toMatchObject({ enough: true, from: '17:00', end: '19:00' });
    const applied = applyRemedy(REVIEW_CASE, lengthen);
    expect(applied.dayTemplate).toEqual({ ...REVIEW_CASE.dayTemplate, end: '19:00' });
    // A quarter of an hour earlier is not enough.
    expect(scheduleFits(scheduleCurriculum({ ...applied, dayTemplate: { ...applied.dayTemplate, end: '18:45' } }))).toBe(false);
  });

  it('add the days the timetable needs', () => {
    expect(remedy(remedies, 'add-days')).toMatchObject({ enough: true, days: 6, after: { fits: true, daysUsed: 6 } });
  });

  it('make the course fit when applied, each as a valid course', () => {
    for (const r of remedies.filter((x) => x.enough)) {
      const applied = applyRemedy(REVIEW_CASE, r);
      expect(CurriculumSchema.safeParse(applied).success, r.kind).toBe(true);
      expect(scheduleFits(scheduleCurriculum(applied)), r.kind).toBe(true);
      expect(applied.days, r.kind).toBe(r.kind === 'add-days' ? 6 : 5);
    }
  });

  it('keep what was already overridden when leaving lessons out', () => {
    const withNotes: Curriculum = {
      ...REVIEW_CASE,
      items: REVIEW_CASE.items.map((item) => (item.kind === 'module' && item.id === 'gender-responsive-policing' ? { ...item, lessons: [{ lessonCode: '11.2', trainerNotes: 'Local case.' }] } : item)),
    };
    const leaveOut = remedy(fitRemedies(withNotes, 5).remedies, 'leave-out');
    const item = applyRemedy(withNotes, leaveOut).items.find((i) => i.id === 'gender-responsive-policing');
    expect(item?.kind === 'module' && item.lessons).toEqual([
      { lessonCode: '11.2', trainerNotes: 'Local case.', omit: true },
      { lessonCode: '11.3', omit: true },
    ]);
  });
});

describe('remedies in other cases', () => {
  it('are none when the course fits', () => {
    expect(fitRemedies(REVIEW_CASE, 6)).toMatchObject({ before: { fits: true, daysUsed: 6 }, remedies: [] });
  });

  it('leave out only optional lessons when they are enough', () => {
    // Seven lessons of 124 minutes; two days hold six.
    const course = curriculum([timedModule(0, [BIG, BIG, BIG, BIG]), timedModule(1, [BIG, { ...BIG, optional: true }, { ...BIG, optional: true }])], { days: 2 });
    const leaveOut = remedy(fitRemedies(course, 2).remedies, 'leave-out');
    expect(leaveOut.lessons.map((l) => l.optional)).toEqual([true]);
    expect(leaveOut.enough).toBe(true);
  });

  it('choose the fewest minutes: one short lesson rather than a long one', () => {
    // A day of 390 minutes: 180 + 150 + 60 + 30 = 420; leaving out the 30-minute lesson is enough.
    const course = curriculum([timedModule(0, [{ steps: [90, 90] }, { steps: [75, 75] }, { steps: [60] }, { steps: [30] }])], { days: 1 });
    const leaveOut = remedy(fitRemedies(course, 1).remedies, 'leave-out');
    expect(leaveOut.lessons.map((l) => l.minutes)).toEqual([30]);
  });

  it('say what is not enough when a session is longer than a day', () => {
    const course = curriculum([session('field-visit', 420), timedModule(0, [BIG])], { days: 2 });
    const { remedies } = fitRemedies(course, 2);
    expect(remedy(remedies, 'leave-out')).toMatchObject({ enough: false, lessons: [] });
    expect(remedy(remedies, 'add-days').enough).toBe(false);
    expect(remedy(remedies, 'shorten').enough).toBe(false);
    // A longer day holds the visit.
    const lengthen = remedy(remedies, 'lengthen-day');
    expect(lengthen).toMatchObject({ enough: true, end: '17:30' });
    expect(remedyChanges(remedy(remedies, 'leave-out'))).toBe(false);
  });

  it('leave out a lesson longer than a day, which nothing else makes fit', () => {
    const course = curriculum([timedModule(0, [{ steps: [200, 200] }, { steps: [60] }])], { days: 2 });
    const leaveOut = remedy(fitRemedies(course, 2).remedies, 'leave-out');
    expect(leaveOut.lessons.map((l) => l.minutes)).toEqual([400]);
  });

  it('shorten within the ranges when that is enough', () => {
    const course = curriculum([timedModule(0, [BIG, BIG, BIG, BIG])], { days: 1, dayTemplate: { start: '09:00', end: '16:40', breaks: [] } });
    // 4 × 124 = 496 minutes in a day of 460; at 114 each they take 456.
    const shorten = remedy(fitRemedies(course, 1).remedies, 'shorten');
    expect(shorten.enough).toBe(true);
    expect(scheduleFits(scheduleCurriculum(applyRemedy(course, shorten)))).toBe(true);
  });
});

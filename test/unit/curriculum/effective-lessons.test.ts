import { describe, expect, it } from 'vitest';
import { lessonMinutes } from '../../../shared/domain/durations';
import { effectiveLessons, effectiveModule, staleOverrides } from '../../../shared/domain/curriculum/effective-lessons';
import { moduleItem, sampleModule } from './sample';

describe('effective lessons', () => {
  const module = sampleModule('use-of-force-firearms');

  it('are the snapshot’s own lessons, in order, when nothing is overridden', () => {
    const lessons = effectiveLessons(moduleItem('use-of-force-firearms'));
    expect(lessons.map((e) => e.lessonCode)).toEqual(['4.1', '4.2', '4.3', '4.4']);
    lessons.forEach((e, i) => {
      expect(e.lesson).toBe(module.lessons[i]);
      expect(e).toMatchObject({ itemId: 'use-of-force-firearms', moduleId: 'use-of-force-firearms', lessonIndex: i, pinnedDay: undefined, override: undefined });
    });
    expect(lessons.map((e) => e.minutes)).toEqual([120, 150, 150, 180]);
  });

  it('leave out omitted lessons', () => {
    const lessons = effectiveLessons(moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.2', omit: true }, { lessonCode: '4.4', omit: false }] }));
    expect(lessons.map((e) => e.lessonCode)).toEqual(['4.1', '4.3', '4.4']);
    expect(lessons.map((e) => e.lessonIndex)).toEqual([0, 2, 3]);
  });

  it('follow the local lesson order, the unlisted lessons after it, ignoring unknown and repeated codes', () => {
    const lessons = effectiveLessons(moduleItem('use-of-force-firearms', { lessonOrder: ['4.3', '9.9', '4.1', '4.3'] }));
    expect(lessons.map((e) => e.lessonCode)).toEqual(['4.3', '4.1', '4.2', '4.4']);
  });

  it('use changed step minutes without touching the snapshot', () => {
    const item = moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.1', stepMinutes: [{ step: 0, minutes: 25 }, { step: 4, minutes: 5 }, { step: 12, minutes: 50 }] }] });
    const [first] = effectiveLessons(item);
    expect(first?.lesson.steps.map((s) => s.minutes)).toEqual([25, 25, 30, 35, 5]);
    expect(first?.minutes).toBe(120 + 5 - 5);
    expect(module.lessons[0]?.steps.map((s) => s.minutes)).toEqual([20, 25, 30, 35, 10]);
    expect(first?.lesson.steps[1]).toBe(module.lessons[0]?.steps[1]);
  });

  it('append extra trainer notes after the lesson’s own', () => {
    const [first] = effectiveLessons(moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.1', trainerNotes: '  Invite the firearms instructor.  ' }] }));
    const original = module.lessons[0]?.trainerNotes ?? '';
    expect(first?.lesson.trainerNotes).toBe(`${original}\n\nInvite the firearms instructor.`);
    const [blank] = effectiveLessons(moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.1', trainerNotes: '   ' }] }));
    expect(blank?.lesson).toBe(module.lessons[0]);
  });

  it('carry the day pin', () => {
    const lessons = effectiveLessons(moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.3', day: 2 }] }));
    expect(lessons.map((e) => e.pinnedDay)).toEqual([undefined, undefined, 2, undefined]);
  });

  it('make the effective module for exports', () => {
    const effective = effectiveModule(moduleItem('use-of-force-firearms', { lessons: [{ lessonCode: '4.1', omit: true }] }));
    expect(effective.lessons.map((l) => l.code)).toEqual(['4.2', '4.3', '4.4']);
    expect(effective.title).toBe(module.title);
    expect(lessonMinutes(effective.lessons[0] ?? { steps: [] })).toBe(150);
  });
});

describe('stale overrides', () => {
  it('name overrides for lessons or steps the snapshot does not have', () => {
    const item = moduleItem('use-of-force-firearms', {
      lessons: [
        { lessonCode: '4.1', stepMinutes: [{ step: 4, minutes: 10 }, { step: 5, minutes: 10 }] },
        { lessonCode: '4.9', omit: true },
      ],
      lessonOrder: ['4.2', '7.7'],
    });
    expect(staleOverrides(item)).toEqual([{ lessonCode: '4.1', step: 5 }, { lessonCode: '4.9' }, { lessonCode: '7.7' }]);
    expect(staleOverrides(moduleItem('use-of-force-firearms'))).toEqual([]);
  });
});

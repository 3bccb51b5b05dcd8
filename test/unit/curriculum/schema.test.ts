import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ClockTimeSchema,
  CurriculumSchema,
  DayTemplateSchema,
  DEFAULT_DAY_TEMPLATE,
  LessonOverrideSchema,
  type CurriculumInput,
} from '../../../shared/schemas/curriculum';
import { curriculum, moduleItem, revised, sampleModule, session } from './sample';

const minimal: CurriculumInput = {
  id: 'basic-hr-course',
  title: 'Human rights for recruits',
  language: 'en',
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
  days: 5,
  items: [],
};

const issues = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.prettifyError(result.error) : '');

describe('CurriculumSchema', () => {
  it('fills defaults: the 09:00–17:00 day, draft status, the two required themes', () => {
    const parsed = CurriculumSchema.parse(minimal);
    expect(parsed).toMatchObject({
      subtitle: '',
      academy: '',
      audiences: [],
      status: 'draft',
      version: '1.0',
      authors: [],
      dayTemplate: DEFAULT_DAY_TEMPLATE,
      requiredThemes: ['human-rights-foundations', 'gender-responsive-policing'],
      placeholders: {},
    });
    expect(parsed.startDate).toBeUndefined();
  });

  it('round-trips a full curriculum with module items, overrides and sessions through JSON', () => {
    const full = curriculum(
      [
        session('opening', 60, { title: 'Welcome', notes: 'Ground rules', day: 1 }),
        moduleItem('hr-foundations', { lessonOrder: ['1.2', '1.1'], lessons: [{ lessonCode: '1.3', omit: true }, { lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 25 }], trainerNotes: 'Local case', day: 2 }] }),
        moduleItem('sgbv-response'),
      ],
      { startDate: '2026-03-02', placeholders: { country: 'Ruritania' }, status: 'review', audiences: ['recruits'] },
    );
    const parsed = CurriculumSchema.safeParse(JSON.parse(JSON.stringify(full)));
    expect(issues(parsed)).toBe('');
    expect(parsed.data).toEqual(full);
  });

  it('rejects repeated item ids, a snapshot that is not the named module or revision, and repeated overrides', () => {
    const twice = curriculum([moduleItem('hr-foundations'), moduleItem('hr-foundations')]);
    expect(issues(CurriculumSchema.safeParse(twice))).toContain('Item ids must be unique');
    const wrongSnapshot = curriculum([{ ...moduleItem('hr-foundations'), moduleId: 'sgbv-response' }]);
    expect(issues(CurriculumSchema.safeParse(wrongSnapshot))).toContain('The snapshot must be the module and revision');
    const wrongRevision = curriculum([{ ...moduleItem('hr-foundations'), revision: 3 }]);
    expect(CurriculumSchema.safeParse(wrongRevision).success).toBe(false);
    const newer = revised(sampleModule('hr-foundations'), () => undefined);
    expect(CurriculumSchema.safeParse(curriculum([moduleItem('hr-foundations', { snapshot: newer })])).success).toBe(true);
    const repeated = curriculum([moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.1', omit: true }, { lessonCode: '1.1', day: 2 }] })]);
    expect(issues(CurriculumSchema.safeParse(repeated))).toContain('Each lesson may be overridden once');
  });

  it('bounds days, session minutes, texts and placeholder names', () => {
    expect(CurriculumSchema.safeParse({ ...minimal, days: 0 }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, days: 201 }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, title: 'x'.repeat(301) }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, courseCode: 'x'.repeat(41) }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, status: 'published' }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, startDate: '2026-02-30' }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, items: [session('closing', 481)] }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, items: [{ ...session('other', 30), sessionKind: 'party' }] }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, placeholders: { Country: 'x' } }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, placeholders: { country: 'bad\u0000text' } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 201 }, (_x, i) => [`name_${i}`, 'x']));
    expect(CurriculumSchema.safeParse({ ...minimal, placeholders: many }).success).toBe(false);
    expect(CurriculumSchema.safeParse({ ...minimal, unknownField: 1 }).success).toBe(false);
  });
});

describe('LessonOverrideSchema', () => {
  it('accepts each change and rejects repeated steps and bad codes', () => {
    expect(LessonOverrideSchema.safeParse({ lessonCode: '12.3', omit: true, stepMinutes: [{ step: 0, minutes: 10 }], trainerNotes: 'Note', day: 3 }).success).toBe(true);
    expect(LessonOverrideSchema.safeParse({ lessonCode: '12.3', stepMinutes: [{ step: 1, minutes: 10 }, { step: 1, minutes: 15 }] }).success).toBe(false);
    expect(LessonOverrideSchema.safeParse({ lessonCode: 'lesson one' }).success).toBe(false);
    expect(LessonOverrideSchema.safeParse({ lessonCode: '1.1', stepMinutes: [{ step: 0, minutes: 0 }] }).success).toBe(false);
    expect(LessonOverrideSchema.safeParse({ lessonCode: '1.1', day: 0 }).success).toBe(false);
  });
});

describe('DayTemplateSchema', () => {
  const day = (breaks: { start: string; end: string; kind: 'break' | 'lunch' }[], start = '09:00', end = '17:00') => DayTemplateSchema.safeParse({ start, end, breaks });

  it('accepts the default day and a day without breaks', () => {
    expect(DayTemplateSchema.safeParse(DEFAULT_DAY_TEMPLATE).success).toBe(true);
    expect(day([]).success).toBe(true);
  });

  it('takes 24-hour "HH:MM" times only', () => {
    expect(['09:00', '00:00', '23:59'].map((t) => ClockTimeSchema.safeParse(t).success)).toEqual([true, true, true]);
    expect(['9:00', '24:00', '12:60', '12.30', ''].map((t) => ClockTimeSchema.safeParse(t).success)).toEqual([false, false, false, false, false]);
  });

  it('rejects days and breaks that end before they start, breaks outside the day, overlapping breaks, and no teaching time', () => {
    expect(issues(day([], '17:00', '09:00'))).toContain('The day must end after it starts');
    expect(issues(day([{ start: '11:00', end: '10:45', kind: 'break' }]))).toContain('A break must end after it starts');
    expect(issues(day([{ start: '08:30', end: '09:15', kind: 'break' }]))).toContain('Breaks must lie within the day');
    expect(issues(day([{ start: '16:45', end: '17:15', kind: 'break' }]))).toContain('Breaks must lie within the day');
    expect(issues(day([{ start: '12:30', end: '13:30', kind: 'lunch' }, { start: '13:15', end: '13:45', kind: 'break' }]))).toContain('Breaks must not overlap');
    expect(issues(day([{ start: '09:00', end: '17:00', kind: 'lunch' }]))).toContain('The breaks leave no teaching time');
  });

  it('accepts breaks listed out of order, since the scheduler sorts them', () => {
    expect(day([{ start: '15:15', end: '15:30', kind: 'break' }, { start: '10:30', end: '10:45', kind: 'break' }]).success).toBe(true);
  });
});

import { scheduleCurriculum } from '../../../shared/domain/curriculum/schedule';
import { describe, expect, it } from 'vitest';
import { bloomMatrix, curriculumCoverage, themeHours, traceability } from '../../../shared/domain/curriculum/coverage';
import { THEMES } from '../../../shared/schemas/themes';
import { curriculum, moduleItem, references, revised, sampleModule, session } from './sample';

const course = curriculum([session('opening', 60), moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')]);

describe('hours per theme', () => {
  const rows = themeHours(course);
  const row = (theme: string) => rows.find((r) => r.theme === theme);

  it('lists every theme in the controlled order, zeros included', () => {
    expect(rows.map((r) => r.theme)).toEqual([...THEMES]);
    expect(row('use-of-force-and-firearms')).toMatchObject({ minutes: 0, sharedMinutes: 0, itemIds: [], lessons: 0 });
  });

  it('counts a module’s minutes in full towards each of its themes', () => {
    // hr-foundations: 420 min; gender-responsive-policing: 345 min; both list non-discrimination.
    expect(row('human-rights-foundations')).toMatchObject({ minutes: 420, itemIds: ['hr-foundations'], lessons: 3, required: true });
    expect(row('gender-responsive-policing')).toMatchObject({ minutes: 345, required: true });
    expect(row('non-discrimination-and-vulnerable-groups')).toMatchObject({ minutes: 765, itemIds: ['hr-foundations', 'gender-responsive-policing'], lessons: 6, required: false });
  });

  it('also splits minutes equally among a module’s themes, adding up to the module minutes', () => {
    expect(row('human-rights-foundations')?.sharedMinutes).toBeCloseTo(140);
    expect(rows.reduce((total, r) => total + r.sharedMinutes, 0)).toBeCloseTo(765);
  });

  it('uses the lessons as taught: omitted lessons and changed minutes count', () => {
    const changed = curriculum([moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.1', omit: true }, { lessonCode: '1.2', stepMinutes: [{ step: 0, minutes: 25 }] }] })]);
    expect(themeHours(changed).find((r) => r.theme === 'human-rights-foundations')).toMatchObject({ minutes: 300 + 10, lessons: 2 });
  });
});

describe('objectives by Bloom level', () => {
  const matrix = bloomMatrix(course);

  it('has a row per lesson taught with counts per level', () => {
    expect(matrix.levels).toEqual(['remember', 'understand', 'apply', 'analyse', 'evaluate', 'create']);
    expect(matrix.rows.map((r) => r.lessonCode)).toEqual(['1.1', '1.2', '1.3', '11.1', '11.2', '11.3']);
    expect(matrix.rows[2]).toMatchObject({ itemId: 'hr-foundations', counts: { remember: 0, understand: 2, apply: 1, analyse: 1, evaluate: 0, create: 0 }, total: 4 });
    expect(matrix.rows[4]?.counts).toMatchObject({ apply: 2, evaluate: 1 });
  });

  it('totals each level', () => {
    expect(matrix.totals).toEqual({ remember: 2, understand: 6, apply: 6, analyse: 3, evaluate: 1, create: 1 });
    expect(matrix.total).toBe(19);
  });

  it('is empty for a course without modules', () => {
    expect(bloomMatrix(curriculum([session('opening', 60)]))).toMatchObject({ rows: [], total: 0 });
  });
});

describe('traceability of instruments', () => {
  const trace = traceability(course, references);
  const row = (id: string) => trace.rows.find((r) => r.referenceId === id);
  const codesOf = (id: string) => (row(id)?.lessons ?? []).map((i) => trace.lessons[i]?.lessonCode);

  it('has the course’s lessons as columns and every known reference as a row, in list order', () => {
    expect(trace.lessons.map((l) => l.lessonCode)).toEqual(['1.1', '1.2', '1.3', '11.1', '11.2', '11.3']);
    expect(trace.rows.map((r) => r.referenceId)).toEqual(references.map((r) => r.id));
  });

  it('names the lessons citing each instrument, national laws included', () => {
    expect(codesOf('cedaw-1979')).toEqual(['1.1', '1.3', '11.1', '11.2', '11.3']);
    expect(codesOf('national-police-law')).toEqual(['1.1', '1.2', '1.3', '11.1', '11.3']);
    expect(row('national-police-law')).toMatchObject({ known: true, kind: 'national-law', shortName: expect.any(String) as unknown });
    expect(codesOf('palermo-protocol-2000')).toEqual([]);
  });

  it('records module-level citations separately', () => {
    expect(row('opcat-2002')?.itemIds).toEqual(['hr-foundations']);
    expect(row('unscr-2151-2014')?.itemIds).toEqual(['gender-responsive-policing']);
  });

  it('keeps ids cited but missing from the reference list, marked unknown', () => {
    const snapshot = revised(sampleModule('hr-foundations'), (m) => {
      m.lessons[0]?.references.push('national-gender-policy');
    });
    const t = traceability(curriculum([moduleItem('hr-foundations', { snapshot })]), references);
    expect(t.rows.at(-1)).toEqual({ referenceId: 'national-gender-policy', known: false, shortName: 'national-gender-policy', kind: undefined, lessons: [0], itemIds: [] });
  });
});

describe('all coverage at once', () => {
  it('matches the separate functions', () => {
    const coverage = curriculumCoverage(course, references);
    expect(coverage).toEqual({ themes: themeHours(course), bloom: bloomMatrix(course), traceability: traceability(course, references), taughtMinutes: coverage.taughtMinutes });
    // Every lesson once: less than the theme hours, which count a lesson for each theme of its module.
    expect(coverage.taughtMinutes).toBe(scheduleCurriculum(course).placements.filter((p) => p.kind === 'lesson').reduce((t, p) => t + p.minutes, 0));
    expect(coverage.themes.reduce((t, r) => t + r.minutes, 0)).toBeGreaterThan(coverage.taughtMinutes);
  });
});

import { describe, expect, it } from 'vitest';
import { effectiveLessons } from '../../../shared/domain/curriculum/effective-lessons';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import { markBlocks, markName, parseMarkName, parseSourceProperties, sourceProperties, type RoundTripSource } from '../../../shared/domain/export/round-trip-marks';
import { parseMinutes } from '../../../shared/domain/round-trip/field-diff';
import { comparable, fieldMarkdown, planFields } from '../../../shared/domain/round-trip/field-text';
import type { PlanList, PlanParagraph } from '../../../shared/domain/export/plan';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

const SOURCE: RoundTripSource = {
  kind: 'course',
  id: 'foundation-course',
  version: '2026-03-01T09:00:00.000Z',
  variant: 'trainer',
  items: [
    { itemId: 'i1', moduleId: 'hr-foundations', revision: 3 },
    { itemId: 'use-of-force-firearms', moduleId: 'use-of-force-firearms', revision: 1 },
  ],
};

describe('round-trip marker names', () => {
  it('are short, and read back as the field they name', () => {
    const refs = [
      { item: 200, lesson: 11, field: 'stepTrainer', index: 39 },
      { item: 1, lesson: 0, field: 'trainerNotes' },
      { item: 7, lesson: 2, field: 'handout', index: 19 },
    ] as const;
    for (const ref of refs) {
      const name = markName(ref);
      expect(name.length).toBeLessThanOrEqual(40);
      expect(name).toMatch(/^[A-Za-z0-9_]+$/);
      expect(parseMarkName(name)).toEqual(ref);
    }
  });

  it('refuse names that are damaged, or whose field misses or has an index it should not', () => {
    for (const name of ['cc_1_0_zz0', 'cc_1_0_tn3', 'cc_1_0_st', 'cc_x_0_st1', 'cc_1_0_st1x', '_Toc12', 'cc_1234_0_st1']) expect(parseMarkName(name)).toBeUndefined();
  });

  it('travel with their source table as custom properties, which read back whole, and say when they are damaged', () => {
    const properties = new Map(sourceProperties(SOURCE).map((p) => [p.name, p.value]));
    for (const value of properties.values()) expect(value.length).toBeLessThan(255);
    expect(parseSourceProperties(properties)).toEqual({ ok: true, source: SOURCE });
    expect(parseSourceProperties(new Map())).toEqual({ ok: false, reason: 'absent' });
    expect(parseSourceProperties(new Map([...properties, ['CurriculumComposerItem2', 'use-of-force-firearms']]))).toEqual({ ok: false, reason: 'damaged' });
    expect(parseSourceProperties(new Map([...properties, ['CurriculumComposerSource', 'cc-roundtrip-9 course trainer x y']]))).toEqual({ ok: false, reason: 'damaged' });
  });
});

describe('marking blocks', () => {
  const paragraph = (text: string): PlanParagraph => ({ kind: 'paragraph', inlines: [{ kind: 'text', text }] });
  const list: PlanList = { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] };

  it('starts the marker at the first paragraph or item and ends it at the last, without changing the blocks it was given', () => {
    const blocks = [paragraph('one'), list];
    const marked = markBlocks(blocks, 'cc_1_0_tn');
    expect(marked[0]).toMatchObject({ marks: { start: ['cc_1_0_tn'] } });
    expect((marked[1] as PlanList).itemMarks).toEqual([undefined, { start: [], end: ['cc_1_0_tn'] }]);
    expect(blocks[0]).not.toHaveProperty('marks');
    expect(list).not.toHaveProperty('itemMarks');
    expect(markBlocks([list], 'cc_1_0_st0')[0]).toMatchObject({ itemMarks: [{ start: ['cc_1_0_st0'], end: [] }, { start: [], end: ['cc_1_0_st0'] }] });
    expect(markBlocks([], 'cc_1_0_tn')).toEqual([]);
  });
});

describe('the plans trainers edit carry markers, the others none', () => {
  const course = sampleCourse();
  const fieldsOf = (variant: 'full' | 'trainer' | 'participant' | 'post-test') => planFields(buildExportPlan(planInput(course), { variant, paper: 'a4', annexes: false }));

  it('marks every step, objective and trainer note of the lesson plans once, with the course as their source', () => {
    const plan = buildExportPlan(planInput(course), { variant: 'trainer', paper: 'a4', annexes: false });
    expect(plan.roundTrip).toMatchObject({ kind: 'course', id: course.id, version: course.updatedAt, variant: 'trainer' });
    const fields = planFields(plan);
    const modules = course.items.filter((i) => i.kind === 'module');
    const first = modules[0];
    if (first?.kind !== 'module') throw new Error('expected a module');
    const lesson = first.snapshot.lessons[0];
    expect(fields.get('cc_1_0_sm0')).toEqual([{ runs: [{ text: expect.stringMatching(/\d+ min/) as unknown }] }]);
    expect(comparable(fieldMarkdown(fields.get('cc_1_0_ob0') ?? []))).toContain(lesson?.objectives[0]?.text.slice(0, 20));
    // Lessons the course leaves out are not printed, so they carry no markers.
    const steps = modules.reduce((n, i) => n + effectiveLessons(i).reduce((m, e) => m + e.lesson.steps.length, 0), 0);
    expect([...fields.keys()].filter((name) => /_sm\d+$/.test(name))).toHaveLength(steps);
  });

  it('marks handouts in the full curriculum, and nothing in participant documents or tests', () => {
    expect([...fieldsOf('full').keys()].some((name) => /_ho\d+$/.test(name))).toBe(true);
    expect(fieldsOf('participant').size).toBe(0);
    expect(fieldsOf('post-test').size).toBe(0);
    expect(buildExportPlan(planInput(course), { variant: 'participant', paper: 'a4', annexes: false }).roundTrip).toBeUndefined();
  });

  it('names a module document of one lesson by the module, its revision and the lesson', () => {
    const module = sampleModule('hr-foundations');
    const plan = buildExportPlan({ ...planInput(curriculumForModule(module, new Date('2026-03-01T08:00:00Z'), 1)), numbering: 'library' }, { variant: 'trainer', paper: 'a4', annexes: false });
    expect(plan.roundTrip).toEqual({ kind: 'module', id: module.id, version: String(module.revision), variant: 'trainer', lesson: 1, items: [{ itemId: module.id, moduleId: module.id, revision: module.revision }] });
    expect([...planFields(plan).keys()].every((name) => name.startsWith('cc_1_1_'))).toBe(true);
  });
});

describe('minutes as a trainer writes them', () => {
  it('reads plain numbers and the document’s own units, and nothing else', () => {
    expect(parseMinutes('45', 'en')).toBe(45);
    expect(parseMinutes(' 45 min ', 'en')).toBe(45);
    expect(parseMinutes('1 h 30 min', 'fr')).toBe(90);
    expect(parseMinutes('2 h', 'en')).toBe(120);
    expect(parseMinutes('30 د', 'ar')).toBe(30);
    for (const text of ['half an hour', '', '45 minutes please', '4.5', '-10', 'min']) expect(parseMinutes(text, 'en')).toBeUndefined();
  });
});

describe('field text as Markdown', () => {
  it('writes lists, bold and italic as module texts do, and ignores the typography the document added', () => {
    const markdown = fieldMarkdown([
      { runs: [{ text: 'Intro ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'slanted ', italic: true }, { text: 'text.' }] },
      { list: 'ordered', runs: [{ text: 'first' }] },
      { list: 'ordered', runs: [{ text: 'second' }] },
      { runs: [] },
      { list: 'bullet', runs: [{ text: 'dot' }] },
    ]);
    expect(markdown).toBe('Intro **bold** and *slanted* text.\n\n1. first\n2. second\n\n- dot');
    expect(comparable('Quoi\u202F? «\u00A0oui\u00A0»')).toBe(comparable('Quoi? «oui»'));
  });
});

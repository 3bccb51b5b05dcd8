import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, ExportVariant, PlanBlock } from '../../../shared/domain/export/plan';
import { planTexts } from '../../../shared/domain/export/plan-text';
import { markdownToPlainText } from '../../../shared/domain/markdown';
import { courseNumbering } from '../../../shared/domain/references/numbering';
import { printModuleRefs } from '../../../shared/domain/references/resolve';
import type { Module } from '../../../shared/schemas/module';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const source = sampleModule('sgbv-response');
/** The module with its references printed as the one-module course numbers them, as the documents show its texts. */
const module = printModuleRefs(source, courseNumbering(curriculumForModule(source, NOW)), source.language);

function build(source: Module, variant: ExportVariant): ExportPlan {
  return buildExportPlan(planInput(curriculumForModule(source, NOW)), { variant, paper: 'a4', annexes: true });
}

const blocks = (plan: ExportPlan): PlanBlock[] => plan.sections.flatMap((s) => s.blocks);
const firstLine = (markdown: string): string => markdownToPlainText(markdown).split('\n')[0] ?? '';
/** Paragraphs that start with a question number ("3. "): one per question. */
const numbers = (plan: ExportPlan): string[] =>
  blocks(plan).flatMap((b) => (b.kind === 'paragraph' && b.inlines[0]?.bold === true && /^\d+\. $/.test(inlinesText(b.inlines.slice(0, 1))) ? [inlinesText(b.inlines.slice(0, 1))] : []));

describe('pre-test and post-test', () => {
  for (const test of ['pre-test', 'post-test'] as const) {
    it(`${test}: without an assessment plan, prints every written item marked for it, no practical item and no answer`, () => {
      const plan = build(module, test);
      const text = planTexts(plan).join('\n');
      const items = module.lessons.flatMap((l) => l.evaluation);
      if (test === 'post-test') expect(items.some((item) => item.kind === 'practical' && item.use.includes(test))).toBe(true);
      for (const item of items) expect(text.includes(firstLine(item.question)), item.question).toBe(item.use.includes(test) && item.kind === 'written');
      for (const item of items) expect(text.includes(firstLine(item.answer)), item.answer).toBe(false);
      expect(text).not.toContain('Answer:');
    });
  }

  it('numbers questions from 1 through the whole test', () => {
    const plan = build(module, 'post-test');
    const count = module.lessons.flatMap((l) => l.evaluation).filter((e) => e.use.includes('post-test') && e.kind === 'written').length;
    expect(numbers(plan)).toEqual(Array.from({ length: count }, (_x, i) => `${i + 1}. `));
  });

  it('prints exactly the items an assessment plan selected, in its order, and the answer key follows it', () => {
    const course = curriculumForModule(module, NOW);
    const written = module.lessons.flatMap((l) => l.evaluation.filter((e) => e.kind === 'written' && e.use.includes('post-test')));
    const chosen = [written[3], written[0], written[5]].filter((e) => e !== undefined);
    const noPreTest = { basis: 'module' as const, perUnit: 3, seed: 1, edited: true, items: [] };
    const withPlan = { ...course, assessment: { preTest: noPreTest, postTest: { basis: 'module' as const, perUnit: 3, seed: 7, edited: true, items: chosen.map((e) => ({ itemId: course.items[0]?.id ?? '', questionId: e.id })) } } };
    const test = buildExportPlan(planInput(withPlan), { variant: 'post-test', paper: 'a4', annexes: false });
    const text = planTexts(test).join('\n');
    for (const item of written) expect(text.includes(firstLine(item.question)), item.question).toBe(chosen.includes(item));
    expect(numbers(test)).toEqual(['1. ', '2. ', '3. ']);
    const key = planTexts(buildExportPlan(planInput(withPlan), { variant: 'answer-key', paper: 'a4', annexes: false })).join('\n');
    for (const item of written) expect(key.includes(firstLine(item.answer)), item.answer).toBe(chosen.includes(item));
  });

  it('letters the options of multiple-choice items, offers true or false, and leaves lines for open answers', () => {
    const plan = build(module, 'pre-test');
    const text = planTexts(plan);
    const choice = module.lessons[0]?.evaluation.find((e) => e.type === 'multiple-choice' && e.use.includes('pre-test'));
    expect(choice?.options?.length).toBeGreaterThan(1);
    choice?.options?.forEach((option, index) => {
      expect(text).toContain(`${'ABCDEFGH'.charAt(index)}. ${option}`);
    });
    // "True / False" ends the statement's own paragraph, so a page break cannot part them.
    const statement = module.lessons[0]?.evaluation.find((e) => e.type === 'true-false' && e.use.includes('pre-test'));
    expect(statement).toBeDefined();
    expect(text.some((t) => t.includes(statement?.question ?? '-') && t.endsWith('True\u00a0/\u00a0False'))).toBe(true);
    const post = build(module, 'post-test');
    expect(blocks(post).some((b) => b.kind === 'lines' && b.count > 0)).toBe(true);
    expect(blocks(plan)[0]).toMatchObject({ kind: 'facts', rows: [{ label: 'Name' }, { label: 'Date' }, { label: 'Score' }] });
  });

  it('says so, rather than printing an empty document, when no item is marked for the test', () => {
    const withoutPre: Module = { ...module, lessons: module.lessons.map((l) => ({ ...l, evaluation: l.evaluation.filter((e) => !e.use.includes('pre-test')) })) };
    const plan = build(withoutPre, 'pre-test');
    expect(plan.sections).toHaveLength(1);
    expect(planTexts(plan)).toContain('No evaluation item of this course is marked for this test.');
  });
});

describe('answer key', () => {
  const plan = build(module, 'answer-key');
  const text = planTexts(plan).join('\n');

  it('prints every answer and marking guide of the written items, after its question', () => {
    for (const item of module.lessons.flatMap((l) => l.evaluation).filter((e) => e.kind === 'written')) {
      const question = text.indexOf(firstLine(item.question));
      expect(question).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(firstLine(item.answer), question)).toBeGreaterThan(question);
    }
  });

  it('numbers the pre-test and post-test answers as the tests number their questions', () => {
    const pre = numbers(build(module, 'pre-test'));
    const post = numbers(build(module, 'post-test'));
    expect(numbers(plan)).toEqual([...pre, ...post]);
  });

  it('is a trainer document for a whole course too', () => {
    const course = buildExportPlan(planInput(sampleCourse()), { variant: 'answer-key', paper: 'letter', annexes: false });
    expect(course.cover.documentKind).toBe('Answer key');
    expect(course.paper).toBe('letter');
    expect(course.sections.length).toBeGreaterThan(1);
  });
});

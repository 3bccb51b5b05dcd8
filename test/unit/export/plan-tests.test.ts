import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, ExportVariant, PlanBlock } from '../../../shared/domain/export/plan';
import { planTexts } from '../../../shared/domain/export/plan-text';
import { markdownToPlainText } from '../../../shared/domain/markdown';
import type { Module } from '../../../shared/schemas/module';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const module = sampleModule('sgbv-response');

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
    it(`${test}: prints exactly the items marked for it, and no answer`, () => {
      const plan = build(module, test);
      const text = planTexts(plan).join('\n');
      const items = module.lessons.flatMap((l) => l.evaluation);
      for (const item of items) expect(text.includes(firstLine(item.question)), item.question).toBe(item.use.includes(test));
      for (const item of items) expect(text.includes(firstLine(item.answer)), item.answer).toBe(false);
      expect(text).not.toContain('Answer:');
    });
  }

  it('numbers questions from 1 under each lesson', () => {
    const plan = build(module, 'post-test');
    const perLesson = module.lessons.map((l) => l.evaluation.filter((e) => e.use.includes('post-test')).length);
    expect(numbers(plan)).toEqual(perLesson.flatMap((count) => Array.from({ length: count }, (_x, i) => `${i + 1}. `)));
  });

  it('letters the options of multiple-choice items, offers true or false, and leaves lines for open answers', () => {
    const plan = build(module, 'pre-test');
    const text = planTexts(plan);
    const choice = module.lessons[0]?.evaluation.find((e) => e.type === 'multiple-choice' && e.use.includes('pre-test'));
    expect(choice?.options?.length).toBeGreaterThan(1);
    choice?.options?.forEach((option, index) => {
      expect(text).toContain(`${'ABCDEFGH'.charAt(index)}. ${option}`);
    });
    expect(text).toContain('True   /   False');
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

  it('prints every answer and marking guide, after its question', () => {
    for (const item of module.lessons.flatMap((l) => l.evaluation)) {
      const question = text.indexOf(firstLine(item.question));
      expect(question).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(firstLine(item.answer), question)).toBeGreaterThan(question);
    }
  });

  it('numbers the pre-test and post-test answers as the tests number their questions', () => {
    const pre = numbers(build(module, 'pre-test'));
    const post = numbers(build(module, 'post-test'));
    const perLesson = module.lessons.flatMap((l) => {
      const count = (use: 'pre-test' | 'post-test') => l.evaluation.filter((e) => e.use.includes(use)).length;
      return [...Array.from({ length: count('pre-test') }, (_x, i) => `${i + 1}. `), ...Array.from({ length: count('post-test') }, (_x, i) => `${i + 1}. `)];
    });
    expect(numbers(plan)).toEqual(perLesson);
    expect(numbers(plan)).toHaveLength(pre.length + post.length);
  });

  it('is a trainer document for a whole course too', () => {
    const course = buildExportPlan(planInput(sampleCourse()), { variant: 'answer-key', paper: 'letter', annexes: false });
    expect(course.cover.documentKind).toBe('Answer key');
    expect(course.paper).toBe('letter');
    expect(course.sections).toHaveLength(9);
  });
});

/**
 * Pre-test, post-test and answer key. Questions are numbered from 1 under each lesson, in the same way in
 * the tests and in the answer key, so a trainer can mark a sheet against the key. Tests never carry answers.
 */
import type { EvaluationItem } from '../../../schemas/module';
import { heading, lessonNumber, moduleNumber, paragraph, run } from '../blocks';
import type { NumberedLesson, NumberedModule, PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import type { PlanBlock, PlanSection } from '../plan';
import { emptyNotice } from './module';

type Test = 'pre-test' | 'post-test';

/** Answer lines left for open and practical items. */
const ANSWER_LINES: Record<EvaluationItem['type'], number> = { open: 5, practical: 8, 'true-false': 0, 'multiple-choice': 0 };

const LETTERS = 'ABCDEFGH';

function itemsFor(lesson: NumberedLesson, test: Test): EvaluationItem[] {
  return lesson.effective.lesson.evaluation.filter((item) => item.use.includes(test));
}

function question(item: EvaluationItem, number: number, ctx: PlanContext, withAnswer: boolean): PlanBlock[] {
  const l = ctx.labels;
  const blocks: PlanBlock[] = markdownBlocks(item.question, ctx.values);
  const first = blocks[0];
  const label = run(`${number}. `, { bold: true });
  // Blocks from markdownBlocks are shared: the numbered first paragraph is a new one.
  if (first?.kind === 'paragraph') blocks[0] = { ...first, inlines: [label, ...first.inlines] };
  else blocks.unshift(paragraph([label]));
  if (item.type === 'multiple-choice')
    (item.options ?? []).forEach((option, index) => {
      blocks.push(...markdownBlocks(`${LETTERS.charAt(index)}. ${option}`, ctx.values));
    });
  if (item.type === 'true-false') blocks.push(paragraph([run(`${l.true}   /   ${l.false}`)]));
  if (withAnswer) {
    const answer = markdownBlocks(item.answer, ctx.values, 'note');
    const head = answer[0];
    const answerLabel = run(`${l.answer}: `, { bold: true });
    if (head?.kind === 'paragraph') answer[0] = { ...head, inlines: [answerLabel, ...head.inlines] };
    else answer.unshift(paragraph([answerLabel], 'note'));
    blocks.push(...answer);
  } else if (ANSWER_LINES[item.type] > 0) {
    blocks.push({ kind: 'lines', count: ANSWER_LINES[item.type] });
  }
  return keptTogether(blocks);
}

/** A question's stem, options and answer (or answer lines) on one page: each block kept with the next. */
function keptTogether(blocks: PlanBlock[]): PlanBlock[] {
  return blocks.map((block, index) => (index < blocks.length - 1 && (block.kind === 'paragraph' || block.kind === 'list') ? { ...block, keepWithNext: true } : block));
}

/** Tests only need the module's heading, not its summary or outcomes. */
function moduleHeading(m: NumberedModule, ctx: PlanContext): PlanBlock {
  return heading(1, m.module.title, ctx.values, moduleNumber(ctx.labels, m.number));
}

function numbered(items: readonly EvaluationItem[], ctx: PlanContext, withAnswer: boolean): PlanBlock[] {
  return items.flatMap((item, index) => question(item, index + 1, ctx, withAnswer));
}

function testHeader(ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  return [
    { kind: 'facts', rows: [{ label: l.name, value: [] }, { label: l.date, value: [] }, { label: l.score, value: [] }] },
    paragraph([run(l.testInstructions)]),
  ];
}

/** One section per module that has items for the test; a notice when the course has none. */
export function testSections(ctx: PlanContext, test: Test): PlanSection[] {
  const l = ctx.labels;
  const sections: PlanSection[] = [];
  for (const m of ctx.modules) {
    const lessons = m.lessons.flatMap((lesson) => {
      const items = itemsFor(lesson, test);
      return items.length === 0 ? [] : [heading(2, lesson.effective.lesson.title, ctx.values, lessonNumber(l, lesson.number)), ...numbered(items, ctx, false)];
    });
    if (lessons.length > 0) sections.push({ id: `module-${m.item.id}`, blocks: [moduleHeading(m, ctx), ...lessons] });
  }
  if (sections.length === 0) return [emptyNotice('no-items', l.noItems)];
  sections[0]?.blocks.unshift(...testHeader(ctx));
  return sections;
}

/** The answer key: for each lesson, the pre-test and then the post-test items with their answers. */
export function answerKeySections(ctx: PlanContext): PlanSection[] {
  const l = ctx.labels;
  const sections: PlanSection[] = [];
  for (const m of ctx.modules) {
    const lessons = m.lessons.flatMap((lesson) => {
      const pre = itemsFor(lesson, 'pre-test');
      const post = itemsFor(lesson, 'post-test');
      if (pre.length + post.length === 0) return [];
      return [
        heading(2, lesson.effective.lesson.title, ctx.values, lessonNumber(l, lesson.number)),
        ...(pre.length > 0 ? [heading(3, l.preTest, ctx.values), ...numbered(pre, ctx, true)] : []),
        ...(post.length > 0 ? [heading(3, l.postTest, ctx.values), ...numbered(post, ctx, true)] : []),
      ];
    });
    if (lessons.length > 0) sections.push({ id: `module-${m.item.id}`, blocks: [moduleHeading(m, ctx), ...lessons] });
  }
  return sections.length === 0 ? [emptyNotice('no-items', l.noItems)] : sections;
}

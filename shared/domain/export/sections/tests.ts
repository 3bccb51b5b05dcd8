/**
 * Pre-test, post-test and answer key. A course with an assessment plan prints the items its plan selected
 * (shared/domain/curriculum/assessment.ts); without one, every written item marked for the test. Practical
 * items are never printed as written questions: they go on the observation checklist. Questions are numbered
 * from 1 through the whole test, in the same way in the test and in the answer key, so a trainer can mark a
 * sheet against the key. Option letters are added here; they are never stored in the options. Tests never
 * carry answers.
 */
import { plannedTest, writtenCandidates, type CourseItem, type TestKind } from '../../curriculum/assessment';
import type { EvaluationItem } from '../../../schemas/module';
import { optionLetter } from '../../option-letters';
import { heading, lessonNumber, moduleNumber, paragraph, run } from '../blocks';
import type { NumberedLesson, NumberedModule, PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import type { PlanBlock, PlanSection } from '../plan';
import { emptyNotice } from './module';

/** Answer lines left for open written items. */
const ANSWER_LINES: Record<EvaluationItem['type'], number> = { open: 5, practical: 0, 'true-false': 0, 'multiple-choice': 0 };

/** One question of a test, with the module and lesson it belongs to as the document numbers them. */
type Entry = { module: NumberedModule; lesson: NumberedLesson; item: EvaluationItem };

/**
 * The questions of a test in print order: the plan's selection, or every written item marked for the test.
 * Items come from the printed lessons of the context, so references in their texts carry this document's numbers.
 */
function testEntries(ctx: PlanContext, test: TestKind): Entry[] {
  const planned = plannedTest(ctx.curriculum, test);
  const chosen: readonly CourseItem[] = planned ? planned.items : writtenCandidates(ctx.curriculum, test);
  const entries: Entry[] = [];
  for (const c of chosen) {
    const module = ctx.modules.find((m) => m.item.id === c.itemId);
    const lesson = module?.lessons.find((l) => l.effective.lessonCode === c.lessonCode);
    const item = lesson?.effective.lesson.evaluation.find((e) => e.id === c.item.id);
    if (module && lesson && item && item.kind === 'written') entries.push({ module, lesson, item });
  }
  return entries;
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
      blocks.push(...markdownBlocks(`${optionLetter(index, ctx.language)}. ${option}`, ctx.values));
    });
  if (item.type === 'true-false') {
    // On the statement's own last line: one paragraph cannot be parted from its choices at a page break
    // (LibreOffice parted a statement kept with a separate "True / False" paragraph).
    const choices = run(`\u2003${l.true}\u00a0/\u00a0${l.false}`, { bold: true });
    const last = blocks.at(-1);
    if (last?.kind === 'paragraph') blocks[blocks.length - 1] = { ...last, inlines: [...last.inlines, choices] };
    else blocks.push(paragraph([choices]));
  }
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
function moduleHeading(m: NumberedModule, ctx: PlanContext, level: 1 | 2): PlanBlock {
  return heading(level, m.module.title, ctx.values, moduleNumber(ctx.labels, m.number));
}

/**
 * The questions in one section, under module and lesson headings, numbered from 1. One section,
 * not one per module: a test is printed for every participant, and a page per module would leave most
 * pages half empty (18 questions took 10 pages). `level` is the level of the module headings.
 */
function entrySection(entries: readonly Entry[], ctx: PlanContext, withAnswer: boolean, id: string, level: 1 | 2): PlanSection | undefined {
  if (entries.length === 0) return undefined;
  const section: PlanSection = { id, blocks: [] };
  let number = 1;
  let moduleKey = '';
  let lessonKey = '';
  for (const entry of entries) {
    if (entry.module.item.id !== moduleKey) {
      section.blocks.push(moduleHeading(entry.module, ctx, level));
      moduleKey = entry.module.item.id;
      lessonKey = '';
    }
    const key = `${entry.module.item.id}/${entry.lesson.effective.lessonCode}`;
    if (key !== lessonKey) {
      section.blocks.push(heading(level === 1 ? 2 : 3, entry.lesson.effective.lesson.title, ctx.values, lessonNumber(ctx.labels, entry.lesson.number)));
      lessonKey = key;
    }
    section.blocks.push(...question(entry.item, number, ctx, withAnswer));
    number += 1;
  }
  return section;
}

function testHeader(ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  return [
    { kind: 'facts', rows: [{ label: l.name, value: [] }, { label: l.date, value: [] }, { label: l.score, value: [] }] },
    paragraph([run(l.testInstructions)]),
  ];
}

/** The printed test: its questions by module and lesson; a notice when it has none. */
export function testSections(ctx: PlanContext, test: TestKind): PlanSection[] {
  const section = entrySection(testEntries(ctx, test), ctx, false, 'questions', 1);
  if (!section) return [emptyNotice('no-items', ctx.labels.noItems)];
  section.blocks.unshift(...testHeader(ctx));
  return [section];
}

/** The answer key: the pre-test's answers, then the post-test's (each from a new page), numbered as the tests number them. */
export function answerKeySections(ctx: PlanContext): PlanSection[] {
  const l = ctx.labels;
  const sections: PlanSection[] = [];
  for (const [test, title] of [['pre-test', l.preTest], ['post-test', l.postTest]] as const) {
    const section = entrySection(testEntries(ctx, test), ctx, true, `${test}-answers`, 2);
    if (!section) continue;
    section.blocks.unshift(heading(1, title, ctx.values));
    sections.push(section);
  }
  return sections.length === 0 ? [emptyNotice('no-items', l.noItems)] : sections;
}

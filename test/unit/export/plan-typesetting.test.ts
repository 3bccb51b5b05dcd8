/**
 * What the plan tells renderers about laying out pages, as a trainer reads them: questions kept with their
 * options and answers, timetables without breaks after the day's teaching, each handout on a page of its
 * own, items to cut out, trainer notes in one box, a session's kind printed once.
 */
import { describe, expect, it } from 'vitest';
import { scheduleCurriculum } from '../../../shared/domain/curriculum/schedule';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, ExportVariant, PlanBlock, PlanList, PlanParagraph, PlanTable } from '../../../shared/domain/export/plan';
import { blockTexts } from '../../../shared/domain/export/plan-text';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-02T09:00:00Z');
const course = sampleCourse();

function build(curriculum: Curriculum, variant: ExportVariant): ExportPlan {
  return buildExportPlan(planInput(curriculum), { variant, paper: 'a4', annexes: true });
}

const blocksOf = (plan: ExportPlan): PlanBlock[] => plan.sections.flatMap((s) => s.blocks);
const textOf = (block: PlanBlock): string => blockTexts([block]).join('\n');
const isText = (block: PlanBlock): block is PlanParagraph | PlanList => block.kind === 'paragraph' || block.kind === 'list';

describe('questions stay with their options and answer', () => {
  it.each(['pre-test', 'post-test', 'answer-key'] as const)('%s: every block of a question but its last is kept with the next', (variant) => {
    const blocks = blocksOf(build(course, variant));
    const starts = blocks.flatMap((block, index) => (block.kind === 'paragraph' && /^\d+\. /.test(textOf(block)) && block.inlines[0]?.bold === true ? [index] : []));
    expect(starts.length).toBeGreaterThan(12);
    for (const [n, start] of starts.entries()) {
      // A question runs to the next question or heading.
      let end = start + 1;
      while (end < blocks.length && end !== starts[n + 1] && blocks[end]?.kind !== 'heading') end += 1;
      const question = blocks.slice(start, end);
      for (const block of question.slice(0, -1)) if (isText(block)) expect(block.keepWithNext, textOf(question[0] ?? block)).toBe(true);
      const last = question.at(-1);
      if (last && isText(last)) expect(last.keepWithNext).toBeUndefined();
    }
  });
});

describe('timetables', () => {
  /** The day tables of the timetable section. */
  function dayTables(plan: ExportPlan): PlanTable[] {
    return (plan.sections.find((s) => s.id === 'timetable')?.blocks ?? []).filter((b): b is PlanTable => b.kind === 'table');
  }

  it.each([
    ['a one-lesson export', curriculumForModule(sampleModule('use-of-force-firearms'), NOW, 1)],
    ['an Arabic module', curriculumForModule(sampleModule('hr-foundations-ar'), NOW)],
    ['the sample course', course],
  ])('%s shows only the breaks that fall inside the day’s teaching', (_name, curriculum) => {
    const tables = dayTables(build(curriculum, 'full'));
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(table.rows[0]?.[1]?.shade).toBeUndefined();
      expect(table.rows.at(-1)?.[1]?.shade).toBeUndefined();
    }
  });

  it('drops the lunch and the afternoon break after a morning lesson', () => {
    const curriculum = curriculumForModule(sampleModule('use-of-force-firearms'), NOW, 1);
    const day = scheduleCurriculum(curriculum).days[0];
    // The schedule keeps the day's later breaks as planned; the printed timetable does not.
    const lastLesson = day?.slots.findLast((slot) => slot.kind === 'lesson');
    expect(day?.slots.some((slot) => (slot.kind === 'break' || slot.kind === 'lunch') && slot.startMinute >= (lastLesson?.endMinute ?? Infinity))).toBe(true);
    const rows = dayTables(build(curriculum, 'full'))[0]?.rows ?? [];
    expect(rows.map((row) => blockTexts(row[0]?.blocks ?? []).join(''))).not.toContain('12:30–13:30');
  });

  it('prints a session’s kind once: not “Opening Opening: welcome”', () => {
    const texts = dayTables(build(course, 'full')).flatMap((t) => t.rows.map((row) => blockTexts(row[1]?.blocks ?? []).join(' ')));
    const opening = texts.find((text) => text.includes('welcome, introductions'));
    expect(opening).toBe('Opening: welcome, introductions and trust-building');
    expect(texts.some((text) => /^Closing\b/.test(text))).toBe(true);
    for (const text of texts) expect(text).not.toMatch(/^(\w+) \1\b/i);
  });
});

describe('handouts', () => {
  it.each(['participant', 'full'] as const)('%s: each handout starts a page', (variant) => {
    const blocks = blocksOf(build(course, variant));
    const handouts = course.items.flatMap((item) => (item.kind === 'module' ? item.snapshot.lessons.flatMap((l) => l.handouts) : []));
    const titles = new Set(handouts.map((h) => h.title));
    // Titles are printed after their number: "Handout 2.1A: Pocket card".
    const printed = blocks.filter((block) => block.kind === 'paragraph' && titles.has(textOf(block).replace(/^Handout \d+\.\d+[A-Z]*: /, '')));
    expect(printed.length).toBeGreaterThan(20);
    for (const title of printed) expect(title.kind === 'paragraph' && title.startsPage, textOf(title)).toBe(true);
  });

  it('draws cut lines around the items of a handout that asks to cut them out, in every language', () => {
    for (const id of ['hr-foundations', 'hr-foundations-fr', 'hr-foundations-ar']) {
      const blocks = blocksOf(build(curriculumForModule(sampleModule(id), NOW), 'participant'));
      const cut = blocks.filter((b): b is PlanList => b.kind === 'list' && b.cutLines === true);
      expect(cut, id).toHaveLength(1);
      expect(cut[0]?.items).toHaveLength(9);
    }
    // Lists of other handouts are ordinary lists.
    const others = blocksOf(build(course, 'participant')).filter((b): b is PlanList => b.kind === 'list' && b.cutLines === true);
    expect(others).toHaveLength(1);
  });
});

describe('trainer notes', () => {
  it('marks the lists of a trainer note as part of the note, so they share its box', () => {
    const blocks = blocksOf(build(course, 'trainer'));
    const noteLists = blocks.filter((b): b is PlanList => b.kind === 'list' && b.style === 'note');
    expect(noteLists.length).toBeGreaterThan(10);
    // A note's list follows a note paragraph or list, never an ordinary one.
    for (const [index, block] of blocks.entries()) {
      if (block.kind !== 'list' || block.style !== 'note') continue;
      const before = blocks[index - 1];
      expect(before && (before.kind === 'paragraph' || before.kind === 'list' || before.kind === 'heading') && (before.kind === 'heading' || before.style === 'note')).toBe(true);
    }
  });
});

/**
 * The observation checklist: the course's practical items (role-plays, scenario exercises, practical tests),
 * which are observed rather than written and so never appear in a printed test. For trainers: each task
 * with its criteria, read from the marking guide, and a four-point rating scale, on one sheet per
 * participant. A first page lists the tasks with when they are taught.
 */
import { practicalItems } from '../../curriculum/assessment';
import type { EvaluationItem } from '../../../schemas/module';
import { criteriaOf, type Criteria } from '../criteria';
import { dayTitle, formatDuration, headerCell, heading, lessonNumber, paragraph, run, textCell } from '../blocks';
import type { NumberedLesson, NumberedModule, PlanContext } from '../context';
import { markdownBlocks, textInlines } from '../inline';
import { formatLabel } from '../labels';
import type { PlanCell, PlanSection, PlanTable } from '../plan';
import { emptyNotice } from './module';

/**
 * Sheets printed when the course sets a class size: one per participant of the largest class, up to this
 * many. Every sheet repeats every task, so a long course makes long sheets; beyond this the document says
 * to copy a sheet, as it does when the course sets no class size.
 */
export const MAX_OBSERVATION_SHEETS = 30;

/** Ruled lines left at the end of a sheet for the observer's comments. */
const COMMENT_LINES = 5;

const RATINGS = [1, 2, 3, 4] as const;

/** A practical item as this document prints it: its texts with the document's numbers. */
type Task = { module: NumberedModule; lesson: NumberedLesson; item: EvaluationItem; criteria: Criteria };

function tasks(ctx: PlanContext): Task[] {
  const found: Task[] = [];
  for (const c of practicalItems(ctx.curriculum)) {
    const module = ctx.modules.find((m) => m.item.id === c.itemId);
    const lesson = module?.lessons.find((l) => l.effective.lessonCode === c.lessonCode);
    const item = lesson?.effective.lesson.evaluation.find((e) => e.id === c.item.id);
    if (module && lesson && item) found.push({ module, lesson, item, criteria: criteriaOf(item.answer, ctx.values) });
  }
  return found;
}

/** How many sheets the document holds: the largest class, within the cap; one when the course sets no size. */
export function observationSheets(ctx: Pick<PlanContext, 'curriculum'>): number {
  const max = ctx.curriculum.classSize?.max;
  return max === undefined ? 1 : Math.min(max, MAX_OBSERVATION_SHEETS);
}

/** The scale in words, above every sheet's table: its header only carries the numbers, to leave room for the criteria. */
function scaleLegend(ctx: PlanContext): string {
  const l = ctx.labels;
  return RATINGS.map((r) => `${r} ${l[`rating${r}`]}`).join(' · ');
}

/**
 * A task as a shaded row (its number, lesson, the task itself and how it is scored), then one row per
 * criterion with four empty boxes. All tasks of a sheet share one table, whose header row (the scale)
 * repeats on every page: a sheet of twenty tasks stays a few pages long.
 */
function taskRows(task: Task, number: number, ctx: PlanContext): PlanCell[][] {
  const l = ctx.labels;
  const { criteria } = task;
  // The lesson's title is on the first page; the sheet names the lesson by number to stay short.
  const title = `${formatLabel(l.taskNumber, { number })} – ${lessonNumber(l, task.lesson.number)}`;
  const head: PlanCell = {
    blocks: [
      paragraph(textInlines(title, ctx.values, { bold: true, italic: false }), 'small'),
      ...markdownBlocks(task.item.question, ctx.values, 'small'),
      ...[criteria.intro, criteria.outro].filter((inlines) => inlines.length > 0).map((inlines) => paragraph(inlines.map((i) => ({ ...i, italic: true })), 'small')),
    ],
    shade: 'break',
  };
  const shaded = (): PlanCell => ({ blocks: [], shade: 'break' });
  const empty = (): PlanCell => ({ blocks: [] });
  return [[head, ...RATINGS.map(shaded)], ...criteria.items.map((inlines) => [{ blocks: [paragraph(inlines, 'small')] }, ...RATINGS.map(empty)])];
}

/** The first page: how to use the sheets, and the tasks with the lesson and time in which they are observed. */
function overview(list: readonly Task[], sheets: number, ctx: PlanContext): PlanSection {
  const l = ctx.labels;
  const size = ctx.curriculum.classSize?.max;
  const copy = size === undefined ? l.copySheet : size > sheets ? formatLabel(l.copyMoreSheets, { count: sheets }) : undefined;
  const rows = list.map((task, index): PlanCell[] => {
    const placement = task.lesson.placement;
    const when = placement ? `${dayTitle(l, placement.day, ctx.schedule.days[placement.day - 1]?.date)}${l.listSeparator}${placement.start}–${placement.end}` : '';
    return [
      textCell(formatLabel(l.taskNumber, { number: index + 1 }), ctx.values, undefined, true),
      textCell(`${lessonNumber(l, task.lesson.number)} – ${task.lesson.effective.lesson.title}`, ctx.values),
      textCell(when, ctx.values),
      textCell(formatDuration(task.item.minutes, l), ctx.values),
    ];
  });
  return {
    id: 'observation-overview',
    blocks: [
      heading(1, l.practicalTasks, ctx.values),
      paragraph([run(l.observationIntro)]),
      ...(copy ? [paragraph([run(copy, { bold: true })])] : []),
      {
        kind: 'table',
        columns: [1.6, 5, 2.6, 1.4],
        header: [[headerCell(l.task), headerCell(l.lesson), headerCell(l.time), headerCell(l.duration)]],
        rows,
      },
    ],
  };
}

function sheet(list: readonly Task[], number: number, ctx: PlanContext): PlanSection {
  const l = ctx.labels;
  const table: PlanTable = {
    kind: 'table',
    columns: [12, 1, 1, 1, 1],
    header: [[headerCell(l.criterion), ...RATINGS.map((r) => headerCell(String(r)))]],
    rows: list.flatMap((task, index) => taskRows(task, index + 1, ctx)),
  };
  return {
    id: `sheet-${number}`,
    blocks: [
      heading(1, formatLabel(l.participantSheet, { number }), ctx.values),
      { kind: 'facts', rows: [{ label: l.participant, value: [] }, { label: l.date, value: [] }, { label: l.observer, value: [] }] },
      paragraph([run(`${l.ratingScale}: `, { bold: true }), run(scaleLegend(ctx))], 'small'),
      table,
      paragraph([run(`${l.comments}:`, { bold: true })]),
      { kind: 'lines', count: COMMENT_LINES },
    ],
  };
}

export function observationSections(ctx: PlanContext): PlanSection[] {
  const list = tasks(ctx);
  if (list.length === 0) return [emptyNotice('no-practical-items', ctx.labels.noPracticalItems)];
  const sheets = observationSheets(ctx);
  return [overview(list, sheets, ctx), ...Array.from({ length: sheets }, (_x, i) => sheet(list, i + 1, ctx))];
}

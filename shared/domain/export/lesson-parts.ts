/** Pieces of a lesson that several documents print the same way: objectives, the step table, lists. */
import type { Placement, TimetableSlot } from '../curriculum/schedule';
import type { Handout, Lesson, Step } from '../../schemas/module';
import { handoutNumber } from '../references/numbering';
import { clockRange, formatDuration, headerCell, heading, markdownCell, paragraph, run } from './blocks';
import type { PlanContext } from './context';
import { asksToCutOut } from './cut-out';
import { markdownBlocks, markdownInlines, textInlines } from './inline';
import type { PlanBlock, PlanCell, PlanInline, PlanList, PlanParagraph, PlanTable } from './plan';
import { markBlocks } from './round-trip-marks';
import type { LessonMarker } from './round-trip-plan';

const UNMARKED: LessonMarker = () => undefined;

/** Material participants may receive: not sensitive, or sensitive and explicitly released to them. */
export function participantMaySee(item: Pick<Step | Handout, 'sensitivity'>): boolean {
  return !item.sensitivity || item.sensitivity.participantVisible;
}

/** A level-3 heading followed by its content, or nothing at all when the content is empty. */
export function titled(title: string, content: PlanBlock[], ctx: PlanContext): PlanBlock[] {
  return content.length === 0 ? [] : [heading(3, title, ctx.values), ...content];
}

/** The Bloom level as printed after an objective: " (Apply)". */
export function bloomSuffix(ctx: PlanContext, bloom: Lesson['objectives'][number]['bloom']): string {
  return ` (${ctx.labels[`bloom.${bloom}`]})`;
}

/** Numbered objectives, restarting at 1 for every lesson, with the Bloom level when asked; each objective marked for the round trip. */
export function objectivesList(lesson: Lesson, ctx: PlanContext, withBloom: boolean, mark: LessonMarker = UNMARKED): PlanBlock[] {
  if (lesson.objectives.length === 0) return [];
  const items = lesson.objectives.map((o) => {
    const inlines = textInlines(o.text, ctx.values);
    if (withBloom) inlines.push(run(bloomSuffix(ctx, o.bloom), { italic: true }));
    return inlines;
  });
  const names = lesson.objectives.map((_o, index) => mark('objective', index));
  const marked = names.some((name) => name !== undefined);
  return [{ kind: 'list', ordered: true, start: 1, items, ...(marked ? { itemMarks: names.map((name) => (name === undefined ? undefined : { start: [name], end: [name] })) } : {}) }];
}

export function bulletList(texts: readonly string[], ctx: PlanContext): PlanList[] {
  return texts.length === 0 ? [] : [{ kind: 'list', ordered: false, start: 1, items: texts.map((t) => markdownInlines(t, ctx.values)) }];
}

/** Methods of a lesson as one line of names. */
export function methodNames(lesson: Lesson, ctx: PlanContext): string {
  return lesson.methods.map((m) => ctx.labels[`method.${m}`]).join(ctx.labels.listSeparator);
}

function warningParagraph(label: string, warning: string, ctx: PlanContext): PlanParagraph {
  return paragraph([run(`${label}: `, { bold: true }), ...textInlines(warning, ctx.values)], 'warning');
}

/** Sensitivity warnings of a lesson's steps and handouts, for trainers. */
export function sensitivityWarnings(lesson: Lesson, ctx: PlanContext): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const item of [...lesson.steps, ...lesson.handouts])
    if (item.sensitivity) blocks.push(warningParagraph(item.title, item.sensitivity.warning, ctx));
  return blocks;
}

/** The breaks of the placement's day that fall between two of its steps. */
function breaksBetween(placement: Placement, ctx: PlanContext, after: number, before: number): TimetableSlot[] {
  const slots = ctx.schedule.days[placement.day - 1]?.slots ?? [];
  return slots.filter((slot) => (slot.kind === 'break' || slot.kind === 'lunch') && slot.startMinute >= after && slot.endMinute <= before);
}

/** A shaded row for a break in the middle of a lesson: its clock times and its name, across the table. */
function breakRow(slot: TimetableSlot, ctx: PlanContext): PlanCell[] {
  const name = slot.title.trim() ? textInlines(slot.title, ctx.values) : [run(slot.kind === 'lunch' ? ctx.labels.lunch : ctx.labels.break)];
  const cell = (inlines: PlanInline[]): PlanCell => ({ blocks: inlines.length > 0 ? [paragraph(inlines, 'small')] : [], shade: 'break' });
  return [cell([run(clockRange(slot.start, slot.end), { bold: true })]), cell(name), cell([]), cell([])];
}

/**
 * The timing table. With the lesson's placement in the schedule the first column shows running clock
 * times, and a break or lunch that falls inside the lesson is a row of its own where it is taken; without,
 * minutes. Sensitive steps carry their warning in the trainer column.
 */
export function stepTable(lesson: Lesson, ctx: PlanContext, placement?: Placement, mark: LessonMarker = UNMARKED): PlanTable {
  const l = ctx.labels;
  const intervals = placement?.intervals;
  const rows: PlanCell[][] = [];
  lesson.steps.forEach((step, index) => {
    const interval = intervals?.[index];
    const previous = intervals?.[index - 1];
    if (placement && interval && previous) rows.push(...breaksBetween(placement, ctx, previous.endMinute, interval.startMinute).map((slot) => breakRow(slot, ctx)));
    const minutes = markBlocks([paragraph([run(interval ? formatDuration(step.minutes, l) : String(step.minutes))], 'small')], mark('stepMinutes', index));
    const time: PlanCell = interval ? { blocks: [paragraph([run(clockRange(interval.start, interval.end), { bold: true })], 'small'), ...minutes] } : { blocks: minutes };
    const trainer: PlanCell = { blocks: markBlocks(markdownCell(step.trainerActivity, ctx.values).blocks, mark('stepTrainer', index)) };
    trainer.blocks.unshift(paragraph(textInlines(step.title, ctx.values, { bold: true, italic: false }), 'small'));
    if (step.sensitivity) trainer.blocks.splice(1, 0, warningParagraph(l.sensitiveContent, step.sensitivity.warning, ctx));
    const participant: PlanCell = { blocks: markBlocks(markdownCell(step.participantActivity, ctx.values).blocks, mark('stepParticipant', index)) };
    rows.push([time, trainer, participant, { blocks: [paragraph([run(l[`method.${step.method}`])], 'small')] }]);
  });
  return {
    kind: 'table',
    columns: [intervals ? 1.7 : 1.2, 4.4, 3.4, 1.6],
    header: [[headerCell(intervals ? l.time : l.minutes), headerCell(l.trainerActivity), headerCell(l.participantActivity), headerCell(l.method)]],
    rows,
  };
}

/** What participants do, step by step, leaving out sensitive steps not released to them. */
export function participantStepTable(lesson: Lesson, ctx: PlanContext): PlanTable[] {
  const steps = lesson.steps.filter(participantMaySee);
  if (steps.length === 0) return [];
  const l = ctx.labels;
  return [
    {
      kind: 'table',
      columns: [2.4, 6],
      header: [[headerCell(l.step), headerCell(l.participantActivity)]],
      rows: steps.map((s) => [{ blocks: [paragraph(textInlines(s.title, ctx.values, { bold: true, italic: false }), 'small')] }, markdownCell(s.participantActivity, ctx.values)]),
    },
  ];
}

/**
/** "Handout 2.1A": the handout at `index` of the lesson numbered `lessonNumber`, lettered by its place whoever receives it. */
function handoutLabel(ctx: PlanContext, lessonNumber: string, index: number): string {
  return `${ctx.labels.handout} ${handoutNumber(lessonNumber, index + 1, ctx.language)}`;
}

/**
 * Handouts with their numbers and titles ("Handout 2.1A: Pocket card"), lettered by their place in the lesson
 * whoever receives them; `forParticipants` leaves out sensitive ones not released to participants.
 * Each handout starts a page, since each is copied and handed out on its own; the lists of one that asks
 * to be cut out are drawn between cut lines.
 */
export function handoutBlocks(lesson: Lesson, lessonNumber: string, ctx: PlanContext, forParticipants: boolean, mark: LessonMarker = UNMARKED): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const [index, handout] of lesson.handouts.entries()) {
    if (forParticipants && !participantMaySee(handout)) continue;
    const number = handoutLabel(ctx, lessonNumber, index);
    blocks.push({ ...paragraph([run(`${number}: `, { bold: true }), ...textInlines(handout.title, ctx.values, { bold: true, italic: false })]), startsPage: true });
    if (handout.sensitivity)
      blocks.push(warningParagraph(forParticipants ? ctx.labels.contentWarning : ctx.labels.sensitiveContent, handout.sensitivity.warning, ctx));
    const body = markBlocks(markdownBlocks(handout.body, ctx.values), mark('handout', index));
    // The blocks are shared (inline.ts): a list to cut out is a new one.
    blocks.push(...(asksToCutOut(handout.body) ? body.map((block) => (block.kind === 'list' ? { ...block, cutLines: true } : block)) : body));
  }
  return blocks;
}

/**
 * The lesson and handout headings of the course with their numbers ("Lesson 2.1: …", "Handout 2.1B: …"):
 * public text that trainer texts may quote through references, for the participant-safety check.
 */
export function numberedHeadings(ctx: PlanContext): string[] {
  const headings: string[] = [];
  for (const module of ctx.modules)
    for (const { effective, number } of module.lessons) {
      headings.push(`${ctx.labels.lesson} ${number}: ${effective.lesson.title}`);
      effective.lesson.handouts.forEach((handout, index) => {
        headings.push(`${handoutLabel(ctx, number, index)}: ${handout.title}`);
      });
    }
  return headings;
}

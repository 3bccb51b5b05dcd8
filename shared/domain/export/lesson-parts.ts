/** Pieces of a lesson that several documents print the same way: objectives, the step table, lists. */
import type { TimedInterval } from '../curriculum/schedule';
import type { Handout, Lesson, Step } from '../../schemas/module';
import { handoutNumber } from '../references/numbering';
import { clockRange, formatDuration, headerCell, heading, markdownCell, paragraph, run } from './blocks';
import type { PlanContext } from './context';
import { markdownBlocks, markdownInlines, textInlines } from './inline';
import type { PlanBlock, PlanCell, PlanList, PlanParagraph, PlanTable } from './plan';

/** Material participants may receive: not sensitive, or sensitive and explicitly released to them. */
export function participantMaySee(item: Pick<Step | Handout, 'sensitivity'>): boolean {
  return !item.sensitivity || item.sensitivity.participantVisible;
}

/** A level-3 heading followed by its content, or nothing at all when the content is empty. */
export function titled(title: string, content: PlanBlock[], ctx: PlanContext): PlanBlock[] {
  return content.length === 0 ? [] : [heading(3, title, ctx.values), ...content];
}

/** Numbered objectives, restarting at 1 for every lesson, with the Bloom level when asked. */
export function objectivesList(lesson: Lesson, ctx: PlanContext, withBloom: boolean): PlanBlock[] {
  if (lesson.objectives.length === 0) return [];
  const items = lesson.objectives.map((o) => {
    const inlines = textInlines(o.text, ctx.values);
    if (withBloom) inlines.push(run(` (${ctx.labels[`bloom.${o.bloom}`]})`, { italic: true }));
    return inlines;
  });
  return [{ kind: 'list', ordered: true, start: 1, items }];
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

/**
 * The timing table. With `intervals` (the lesson's placement in the schedule) the first column shows
 * running clock times; without, minutes. Sensitive steps carry their warning in the trainer column.
 */
export function stepTable(lesson: Lesson, ctx: PlanContext, intervals?: readonly TimedInterval[]): PlanTable {
  const l = ctx.labels;
  const rows = lesson.steps.map((step, index): PlanCell[] => {
    const interval = intervals?.[index];
    const time: PlanCell = interval
      ? { blocks: [paragraph([run(clockRange(interval.start, interval.end), { bold: true })], 'small'), paragraph([run(formatDuration(step.minutes, l))], 'small')] }
      : { blocks: [paragraph([run(String(step.minutes))], 'small')] };
    const trainer = markdownCell(step.trainerActivity, ctx.values);
    trainer.blocks.unshift(paragraph(textInlines(step.title, ctx.values, { bold: true, italic: false }), 'small'));
    if (step.sensitivity) trainer.blocks.splice(1, 0, warningParagraph(l.sensitiveContent, step.sensitivity.warning, ctx));
    return [time, trainer, markdownCell(step.participantActivity, ctx.values), { blocks: [paragraph([run(l[`method.${step.method}`])], 'small')] }];
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
 * Handouts with their numbers and titles ("Handout 2.1A: Pocket card"), lettered by their place in the lesson
 * whoever receives them; `forParticipants` leaves out sensitive ones not released to participants.
 */
export function handoutBlocks(lesson: Lesson, lessonNumber: string, ctx: PlanContext, forParticipants: boolean): PlanBlock[] {
  const blocks: PlanBlock[] = [];
  for (const [index, handout] of lesson.handouts.entries()) {
    if (forParticipants && !participantMaySee(handout)) continue;
    const number = `${ctx.labels.handout} ${handoutNumber(lessonNumber, index + 1, ctx.language)}`;
    blocks.push(paragraph([run(`${number}: `, { bold: true }), ...textInlines(handout.title, ctx.values, { bold: true, italic: false })]));
    if (handout.sensitivity)
      blocks.push(warningParagraph(forParticipants ? ctx.labels.contentWarning : ctx.labels.sensitiveContent, handout.sensitivity.warning, ctx));
    blocks.push(...markdownBlocks(handout.body, ctx.values));
  }
  return blocks;
}

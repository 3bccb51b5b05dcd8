/** Full curriculum: the overview (description, audience, duration, days, hours) and the course's sessions. */
import { dayTitle, formatDuration, formatHours, headerCell, heading, markdownCell, run, textCell } from '../blocks';
import type { PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import { titled } from '../lesson-parts';
import type { PlanBlock, PlanCell, PlanSection, PlanTable } from '../plan';

function sessionsTable(ctx: PlanContext): PlanTable[] {
  if (ctx.sessions.length === 0) return [];
  const l = ctx.labels;
  const rows = ctx.sessions.map(({ item, placement }): PlanCell[] => {
    const when = placement ? `${dayTitle(l, placement.day, ctx.schedule.days[placement.day - 1]?.date)}, ${placement.start}–${placement.end}` : '';
    const title = textCell(item.title, ctx.values, undefined, true);
    if (item.notes) title.blocks.push(...markdownCell(item.notes, ctx.values).blocks);
    return [title, textCell(l[`session.${item.sessionKind}`], ctx.values), textCell(when, ctx.values), textCell(formatDuration(item.minutes, l), ctx.values)];
  });
  return [
    {
      kind: 'table',
      columns: [5, 1.8, 2.6, 1.4],
      header: [[headerCell(l.session), headerCell(l.kind), headerCell(l.time), headerCell(l.duration)]],
      rows,
    },
  ];
}

export function overviewSection(ctx: PlanContext): PlanSection {
  const { curriculum: c, labels: l, schedule } = ctx;
  const lessons = ctx.modules.reduce((total, m) => total + m.lessons.length, 0);
  const facts: PlanBlock = {
    kind: 'facts',
    rows: [
      ...(c.audiences.length > 0 ? [{ label: l.audience, value: [run(c.audiences.map((a) => l[`audience.${a}`]).join(l.listSeparator))] }] : []),
      { label: l.days, value: [run(String(Math.max(c.days, schedule.daysUsed)))] },
      { label: l.teachingHours, value: [run(formatHours(schedule.teachingMinutes, ctx.language))] },
      { label: l.modules, value: [run(String(ctx.modules.length))] },
      { label: l.lessons, value: [run(String(lessons))] },
    ],
  };
  return {
    id: 'overview',
    blocks: [
      heading(1, l.overview, ctx.values),
      ...titled(l.description, markdownBlocks(c.description, ctx.values), ctx),
      facts,
      ...titled(l.sessions, sessionsTable(ctx), ctx),
    ],
  };
}

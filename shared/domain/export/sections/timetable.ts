/**
 * Full curriculum: the timetable, one table per teaching day (small tables keep Word fast and break
 * cleanly across pages), with the schedule's own clock times and breaks shaded. The daily recap and buffer
 * have rows of their own; time left free before a break is a row, and what follows the day's last
 * teaching is one "free time" row to the end of the day rather than a list of breaks no one takes.
 */
import type { ScheduleDay, TimetableSlot } from '../../curriculum/schedule';
import { clockRange, dayTitle, headerCell, heading, lessonNumber, moduleNumber, paragraph, run } from '../blocks';
import type { PlanContext } from '../context';
import { textInlines } from '../inline';
import { formatLabel } from '../labels';
import { normaliseForSearch } from '../../text-normalise';
import type { PlanCell, PlanInline, PlanSection, PlanTable } from '../plan';

/** What the timetable prints before a slot's title: "Lesson 2.3" (and its module), a session's kind, or nothing. */
type UnitLabel = { number: string; module?: string };

function unitLabels(ctx: PlanContext): Map<string, UnitLabel> {
  const labels = new Map<string, UnitLabel>();
  for (const m of ctx.modules)
    for (const lesson of m.lessons)
      labels.set(`${m.item.id}/${lesson.effective.lessonIndex}`, {
        number: lessonNumber(ctx.labels, lesson.number),
        module: `${moduleNumber(ctx.labels, m.number)} – ${m.module.title}`,
      });
  for (const { item } of ctx.sessions) {
    // "Opening: welcome and introductions" already says which kind of session it is.
    const kind = ctx.labels[`session.${item.sessionKind}`];
    labels.set(item.id, normaliseForSearch(item.title).trimStart().startsWith(normaliseForSearch(kind)) ? { number: '' } : { number: kind });
  }
  return labels;
}

function slotCell(slot: TimetableSlot, units: ReadonlyMap<string, UnitLabel>, ctx: PlanContext): PlanCell {
  const l = ctx.labels;
  if (slot.kind === 'recap' || slot.kind === 'buffer') return { blocks: [paragraph([run(l[slot.kind])], 'small')], shade: 'muted' };
  if (slot.kind === 'free') return { blocks: [paragraph([run(l.freeTime, { italic: true })], 'small')] };
  if (slot.kind === 'break' || slot.kind === 'lunch') {
    const label = slot.title.trim() ? textInlines(slot.title, ctx.values) : [run(slot.kind === 'lunch' ? l.lunch : l.break)];
    return { blocks: [paragraph(label, 'small')], shade: 'break' };
  }
  const unit = slot.unitKey === undefined ? undefined : units.get(slot.unitKey);
  const inlines: PlanInline[] = [];
  if (unit?.number) inlines.push(run(`${unit.number} `, { bold: true }));
  inlines.push(...textInlines(slot.title, ctx.values));
  if (slot.parts !== undefined && slot.parts > 1) inlines.push(run(` (${formatLabel(l.part, { part: slot.part ?? 1, parts: slot.parts })})`, { italic: true }));
  const blocks = [paragraph(inlines, 'small')];
  if (unit?.module) blocks.push(paragraph(textInlines(unit.module, ctx.values, { bold: false, italic: true }), 'small'));
  return { blocks };
}

function dayTable(day: ScheduleDay, units: ReadonlyMap<string, UnitLabel>, ctx: PlanContext): PlanTable {
  const l = ctx.labels;
  return {
    kind: 'table',
    caption: dayTitle(l, day.day, day.date),
    columns: [1.6, 7],
    header: [[headerCell(l.time), headerCell(`${l.lesson} / ${l.session}`)]],
    rows: printedSlots(day).map((slot) => {
      const shade = slot.kind === 'break' || slot.kind === 'lunch' ? 'break' : slot.kind === 'recap' || slot.kind === 'buffer' ? 'muted' : undefined;
      const time: PlanCell = { blocks: [paragraph([run(clockRange(slot.start, slot.end))], 'small')], ...(shade ? { shade } : {}) };
      return [time, slotCell(slot, units, ctx)];
    }),
  };
}

/**
 * The day's slots up to its last teaching, then one free slot to the end of the day: the breaks planned after
 * the day's teaching has ended are not printed.
 */
function printedSlots(day: ScheduleDay): TimetableSlot[] {
  const last = day.slots.findLastIndex((s) => s.kind !== 'free' && s.kind !== 'break' && s.kind !== 'lunch');
  const end = day.slots.at(-1)?.endMinute ?? 0;
  const taught = day.slots.slice(0, last + 1);
  const from = taught.at(-1);
  if (!from || from.endMinute >= end) return taught;
  return [...taught, { kind: 'free', start: from.end, end: day.slots.at(-1)?.end ?? from.end, startMinute: from.endMinute, endMinute: end, title: '' }];
}

export function timetableSection(ctx: PlanContext): PlanSection | undefined {
  const units = unitLabels(ctx);
  // Planned days with nothing taught would only print their breaks.
  const days = ctx.schedule.days.filter((d) => d.slots.some((s) => s.kind === 'lesson' || s.kind === 'session'));
  if (days.length === 0) return undefined;
  return { id: 'timetable', blocks: [heading(1, ctx.labels.timetable, ctx.values), ...days.map((d) => dayTable(d, units, ctx))] };
}

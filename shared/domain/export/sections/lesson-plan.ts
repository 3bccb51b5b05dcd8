/**
 * Trainer lesson plans: one section (so one printed block of pages) per lesson and per session, in course
 * order, with clock times from the schedule. A module's heading opens the section of its first lesson.
 */
import type { Placement } from '../../curriculum/schedule';
import type { SessionItem } from '../../../schemas/curriculum';
import { dayTitle, formatDuration, heading, lessonNumber, moduleNumber, paragraph, run, textLine } from '../blocks';
import type { NumberedLesson, NumberedModule, PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import { bulletList, methodNames, objectivesList, sensitivityWarnings, stepTable, titled } from '../lesson-parts';
import type { PlanBlock, PlanFacts, PlanSection } from '../plan';
import { markBlocks } from '../round-trip-marks';
import { lessonMarker, type LessonMarker } from '../round-trip-plan';
import { moduleIntro } from './module';

/** Ruled lines left for the trainer's own notes. */
const NOTE_LINES = 8;

function whenRows(placement: Placement | undefined, ctx: PlanContext): PlanFacts['rows'] {
  if (!placement) return [];
  const l = ctx.labels;
  return [
    { label: l.day, value: [run(dayTitle(l, placement.day, ctx.schedule.days[placement.day - 1]?.date))] },
    { label: l.time, value: [run(`${placement.start}–${placement.end}`)] },
  ];
}

/** The ruled lines for the trainer's own notes, after `field` (an empty trainer-notes marker, if any). */
function notesBlock(ctx: PlanContext, field: PlanBlock[] = []): PlanBlock[] {
  return [heading(3, ctx.labels.notes, ctx.values), ...field, { kind: 'lines', count: NOTE_LINES }];
}

/**
 * The lesson's trainer notes, marked for the round trip, and where the marker goes. Notes print in a box
 * under their heading. A lesson without notes prints no heading and no box, but its marker is still written,
 * on an empty plain paragraph under "Notes" (where the trainer writes): a note typed there in Word or
 * LibreOffice comes back as the lesson's trainer notes. The empty paragraph prints as one small blank line.
 */
function trainerNotes(source: NumberedLesson['effective']['lesson'], mark: LessonMarker, ctx: PlanContext): { titled: PlanBlock[]; empty: PlanBlock[] } {
  const notes = markBlocks(markdownBlocks(source.trainerNotes, ctx.values, 'note'), mark('trainerNotes'));
  if (notes.length > 0) return { titled: titled(ctx.labels.trainerNotes, notes, ctx), empty: [] };
  // Documents without markers (participant handouts, tests) get no empty paragraph.
  const name = mark('trainerNotes');
  return { titled: [], empty: name === undefined ? [] : markBlocks([paragraph([], 'small')], name) };
}

function lessonPlan(m: NumberedModule, lesson: NumberedLesson, ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const source = lesson.effective.lesson;
  const mark = lessonMarker(ctx, lesson);
  const notes = trainerNotes(source, mark, ctx);
  const facts: PlanFacts = {
    kind: 'facts',
    rows: [
      { label: l.course, value: [run(textLine(ctx.curriculum.title, ctx.values))] },
      { label: l.module, value: [run(`${moduleNumber(l, m.number)} – ${textLine(m.module.title, ctx.values)}`)] },
      { label: l.lesson, value: [run(`${lessonNumber(l, lesson.number)} – ${textLine(source.title, ctx.values)}`)] },
      ...whenRows(lesson.placement, ctx),
      { label: l.duration, value: [run(formatDuration(lesson.effective.minutes, l))] },
      ...(source.methods.length > 0 ? [{ label: l.methods, value: [run(methodNames(source, ctx))] }] : []),
    ],
  };
  return [
    heading(2, source.title, ctx.values, lessonNumber(l, lesson.number)),
    facts,
    ...titled(l.learningObjectives, objectivesList(source, ctx, true, mark), ctx),
    ...titled(l.materials, bulletList(source.materials, ctx), ctx),
    ...titled(l.roomSetup, markdownBlocks(source.roomSetup, ctx.values), ctx),
    ...titled(l.sensitiveContent, sensitivityWarnings(source, ctx), ctx),
    ...titled(l.lessonPlan, [stepTable(source, ctx, lesson.placement, mark)], ctx),
    ...notes.titled,
    ...notesBlock(ctx, notes.empty),
  ];
}

function sessionPlan(item: SessionItem, placement: Placement | undefined, ctx: PlanContext): PlanSection {
  const l = ctx.labels;
  const facts: PlanFacts = {
    kind: 'facts',
    rows: [
      { label: l.course, value: [run(textLine(ctx.curriculum.title, ctx.values))] },
      { label: l.session, value: [run(l[`session.${item.sessionKind}`])] },
      ...whenRows(placement, ctx),
      { label: l.duration, value: [run(formatDuration(item.minutes, l))] },
    ],
  };
  return {
    id: `session-${item.id}`,
    blocks: [heading(1, item.title, ctx.values), facts, ...markdownBlocks(item.notes ?? '', ctx.values), ...notesBlock(ctx)],
  };
}

export function lessonPlanSections(ctx: PlanContext): PlanSection[] {
  const sections: PlanSection[] = [];
  const modules = new Map(ctx.modules.map((m) => [m.item.id, m]));
  const sessions = new Map(ctx.sessions.map((s) => [s.item.id, s.placement]));
  for (const item of ctx.curriculum.items) {
    if (item.kind === 'session') {
      sections.push(sessionPlan(item, sessions.get(item.id), ctx));
      continue;
    }
    const m = modules.get(item.id);
    if (!m) continue;
    m.lessons.forEach((lesson, index) => {
      const intro = index === 0 ? moduleIntro(m, ctx, false) : [];
      sections.push({ id: `lesson-${m.item.id}-${lesson.effective.lessonIndex}`, blocks: [...intro, ...lessonPlan(m, lesson, ctx)] });
    });
  }
  return sections;
}

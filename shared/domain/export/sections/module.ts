/** Full curriculum: one section per module, its lessons inside it (no page break between lessons). */
import { lessonMinutes } from '../../durations';
import { dayTitle, formatDuration, heading, lessonNumber, moduleNumber, paragraph, run } from '../blocks';
import type { NumberedLesson, NumberedModule, PlanContext } from '../context';
import { markdownBlocks, markdownInlines, textInlines } from '../inline';
import { bulletList, handoutBlocks, methodNames, objectivesList, stepTable, titled } from '../lesson-parts';
import type { PlanBlock, PlanFacts, PlanSection } from '../plan';
import { markBlocks } from '../round-trip-marks';
import { lessonMarker } from '../round-trip-plan';

function lessonFacts(lesson: NumberedLesson, ctx: PlanContext): PlanFacts {
  const l = ctx.labels;
  const { placement } = lesson;
  const rows: PlanFacts['rows'] = [{ label: l.duration, value: [run(formatDuration(lessonMinutes(lesson.effective.lesson), l))] }];
  if (placement) {
    const date = ctx.schedule.days[placement.day - 1]?.date;
    rows.push({ label: l.time, value: [run(`${dayTitle(l, placement.day, date)}, ${placement.start}–${placement.end}`)] });
  }
  const methods = methodNames(lesson.effective.lesson, ctx);
  if (methods) rows.push({ label: l.methods, value: [run(methods)] });
  return { kind: 'facts', rows };
}

function assessmentList(lesson: NumberedLesson, ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const items = lesson.effective.lesson.evaluation.map((item) => {
    const uses = item.use.map((u) => (u === 'pre-test' ? l.preTest : l.postTest)).join(l.listSeparator);
    return [...markdownInlines(item.question, ctx.values), run(` (${uses})`, { italic: true })];
  });
  return items.length === 0 ? [] : [{ kind: 'list', ordered: true, start: 1, items }];
}

function lessonBlocks(lesson: NumberedLesson, ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const { lesson: source } = lesson.effective;
  const mark = lessonMarker(ctx, lesson);
  return [
    heading(2, source.title, ctx.values, lessonNumber(l, lesson.number)),
    lessonFacts(lesson, ctx),
    ...titled(l.aim, markdownBlocks(source.aim, ctx.values), ctx),
    ...titled(l.relevance, markdownBlocks(source.relevance, ctx.values), ctx),
    ...titled(l.learningObjectives, objectivesList(source, ctx, true, mark), ctx),
    ...titled(l.lessonPlan, [stepTable(source, ctx, lesson.placement, mark)], ctx),
    ...titled(l.materials, bulletList(source.materials, ctx), ctx),
    ...titled(l.roomSetup, markdownBlocks(source.roomSetup, ctx.values), ctx),
    // Extra trainer notes of the curriculum are already appended to the lesson's own (effectiveLessons).
    ...titled(l.trainerNotes, markBlocks(markdownBlocks(source.trainerNotes, ctx.values, 'note'), mark('trainerNotes')), ctx),
    ...titled(l.handouts, handoutBlocks(source, lesson.number, ctx, false, mark), ctx),
    ...titled(l.assessment, assessmentList(lesson, ctx), ctx),
  ];
}

/** Module heading, summary, key facts and learning outcomes: the start of a module in every document. */
export function moduleIntro(m: NumberedModule, ctx: PlanContext, withFacts: boolean): PlanBlock[] {
  const l = ctx.labels;
  const blocks: PlanBlock[] = [heading(1, m.module.title, ctx.values, moduleNumber(l, m.number)), ...markdownBlocks(m.module.summary, ctx.values)];
  if (withFacts) {
    const minutes = m.lessons.reduce((total, lesson) => total + lesson.effective.minutes, 0);
    blocks.push({
      kind: 'facts',
      rows: [
        { label: l.duration, value: [run(formatDuration(minutes, l))] },
        { label: l.lessons, value: [run(String(m.lessons.length))] },
        { label: l.themes, value: [run(m.module.themes.map((t) => l[`theme.${t}`]).join(l.listSeparator))] },
        { label: l.audience, value: [run(m.module.audiences.map((a) => l[`audience.${a}`]).join(l.listSeparator))] },
      ],
    });
  }
  blocks.push(...titled(l.learningOutcomes, [{ kind: 'list', ordered: false, start: 1, items: m.module.learningOutcomes.map((o) => textInlines(o, ctx.values)) }], ctx));
  return blocks;
}

export function fullModuleSections(ctx: PlanContext): PlanSection[] {
  return ctx.modules.map((m) => ({
    id: `module-${m.item.id}`,
    blocks: [...moduleIntro(m, ctx, true), ...m.lessons.flatMap((lesson) => lessonBlocks(lesson, ctx))],
  }));
}

/** A paragraph saying why a document has nothing else, so that no document is empty. */
export function emptyNotice(id: string, text: string): PlanSection {
  return { id, blocks: [paragraph([run(text)])] };
}

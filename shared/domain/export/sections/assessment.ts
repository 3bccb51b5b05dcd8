/**
 * How the course assesses participants and is evaluated: in the full document, the assessment strategy
 * (instruments, weights, pass mark), the assessment plan (each test with its session, items and time) and
 * the course evaluation; on the cover of a printed test, its time and the session it is sat in.
 */
import { plannedTest, testMinutes, testPlanOf, writtenCandidates, type CourseItem, type TestKind } from '../../curriculum/assessment';
import { dayTitle, formatDuration, headerCell, heading, paragraph, run, textCell, textLine } from '../blocks';
import type { PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import { formatLabel } from '../labels';
import { titled } from '../lesson-parts';
import type { PlanBlock, PlanCell, PlanCover, PlanSection } from '../plan';

/** The items a printed test holds: the plan's written items, or without a plan every written item for it. */
export function printedTestItems(ctx: PlanContext, test: TestKind): CourseItem[] {
  const planned = plannedTest(ctx.curriculum, test);
  return planned ? planned.items.filter((c) => c.item.kind === 'written') : writtenCandidates(ctx.curriculum, test);
}

/** "Final assessment – Day 10, 09:00–11:00": the session a test is sat in, as the timetable places it. */
export function testSessionText(ctx: PlanContext, test: TestKind): string | undefined {
  const sessionId = testPlanOf(ctx.curriculum, test)?.sessionId;
  const session = sessionId === undefined ? undefined : ctx.sessions.find((s) => s.item.id === sessionId);
  if (!session) return undefined;
  const title = textLine(session.item.title, ctx.values);
  const { placement } = session;
  if (!placement) return title;
  return `${title} – ${dayTitle(ctx.labels, placement.day, ctx.schedule.days[placement.day - 1]?.date)}${ctx.labels.listSeparator}${placement.start}–${placement.end}`;
}

/** Cover lines of a printed test: the time participants have, and the session, when the plan places it. */
export function testCoverFacts(ctx: PlanContext): PlanCover['facts'] {
  const test = ctx.options.variant;
  if (test !== 'pre-test' && test !== 'post-test') return [];
  const l = ctx.labels;
  const minutes = testMinutes(printedTestItems(ctx, test));
  const session = testSessionText(ctx, test);
  return [...(minutes > 0 ? [{ label: l.timeAllowed, value: formatDuration(minutes, l) }] : []), ...(session ? [{ label: l.session, value: session }] : [])];
}

function strategyBlocks(ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const { instruments, passMark, notes } = ctx.curriculum.assessmentStrategy;
  const blocks: PlanBlock[] = [];
  if (instruments.length > 0)
    blocks.push({
      kind: 'table',
      columns: [7, 2],
      header: [[headerCell(l.instrument), headerCell(l.weight)]],
      rows: instruments.map((i): PlanCell[] => [textCell(i.name, ctx.values), textCell(formatLabel(l.percent, { value: i.weight }), ctx.values)]),
    });
  if (passMark !== undefined) blocks.push(paragraph([run(`${l.passMark}: `, { bold: true }), run(formatLabel(l.percent, { value: passMark }))]));
  blocks.push(...markdownBlocks(notes, ctx.values));
  return blocks;
}

function planTable(ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const rows: PlanCell[][] = [];
  for (const [test, title] of [['pre-test', l.preTest], ['post-test', l.postTest]] as const) {
    if (!testPlanOf(ctx.curriculum, test)) continue;
    const items = printedTestItems(ctx, test);
    rows.push([
      textCell(title, ctx.values, undefined, true),
      textCell(testSessionText(ctx, test) ?? l.notScheduled, ctx.values),
      textCell(String(items.length), ctx.values),
      textCell(formatDuration(testMinutes(items), l), ctx.values),
    ]);
  }
  if (rows.length === 0) return [];
  return [{ kind: 'table', columns: [2, 5, 1.3, 1.7], header: [[headerCell(l.test), headerCell(l.session), headerCell(l.items), headerCell(l.duration)]], rows }];
}

export function assessmentSection(ctx: PlanContext): PlanSection | undefined {
  const l = ctx.labels;
  const content = [
    ...titled(l.assessmentStrategy, strategyBlocks(ctx), ctx),
    ...titled(l.assessmentPlan, planTable(ctx), ctx),
    ...titled(l.courseEvaluation, markdownBlocks(ctx.curriculum.courseEvaluation, ctx.values), ctx),
  ];
  if (content.length === 0) return undefined;
  return { id: 'assessment', blocks: [heading(1, l.assessmentAndEvaluation, ctx.values), ...content] };
}

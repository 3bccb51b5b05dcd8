/**
 * Full curriculum, annex: the quality page. What the course's checks report when the document is made:
 * errors and warnings still open, and the warnings the designers acknowledged, with their reasons, so an
 * approval board sees both what is left and what was accepted and why. Notes (severity info) are left out;
 * so are acknowledgements of findings the checks no longer report.
 */
import { checkCurriculum, type CheckCode, type CurriculumCheck } from '../../curriculum/checks';
import type { Acknowledgement } from '../../../schemas/curriculum';
import { own } from '../../own';
import { checkTitle } from '../check-titles';
import { dayTitle, headerCell, heading, lessonNumber, moduleNumber, paragraph, run, textCell } from '../blocks';
import type { PlanContext } from '../context';
import { textInlines } from '../inline';
import type { PlanCell, PlanInline, PlanSection, PlanTable } from '../plan';

/** Where a finding is, as this document numbers modules and lessons: "Module 3 – Use of force", "Lesson 3.2 – …". */
function whereText(check: CurriculumCheck, ctx: PlanContext): string {
  const l = ctx.labels;
  const parts: string[] = [];
  const { itemId, lessonCode, day } = check.where;
  const module = itemId === undefined ? undefined : ctx.modules.find((m) => m.item.id === itemId);
  const session = itemId === undefined ? undefined : ctx.sessions.find((s) => s.item.id === itemId);
  const lesson = lessonCode === undefined ? undefined : module?.lessons.find((x) => x.effective.lessonCode === lessonCode);
  if (lesson) parts.push(`${lessonNumber(l, lesson.number)} – ${lesson.effective.lesson.title}`);
  else if (module) parts.push(`${moduleNumber(l, module.number)} – ${module.module.title}`);
  else if (session) parts.push(session.item.title);
  if (day !== undefined) parts.push(dayTitle(l, day));
  return parts.length > 0 ? parts.join(l.listSeparator) : l.wholeCourse;
}

/**
 * The finding's own words that its title leaves out: which objective, placeholder, theme or module. Only
 * author text and controlled names, which need no translation; other findings are said by their title and place.
 */
const DETAIL_PARAM: Partial<Record<CheckCode, 'objectiveText' | 'name' | 'theme' | 'prerequisite'>> = {
  'objective-not-taught': 'objectiveText',
  'objective-not-assessed': 'objectiveText',
  'placeholder-unfilled': 'name',
  'theme-not-covered': 'theme',
  'prerequisite-missing': 'prerequisite',
  'prerequisite-after': 'prerequisite',
};

function detail(check: CurriculumCheck, ctx: PlanContext): string | undefined {
  const key = DETAIL_PARAM[check.code];
  const value = key === undefined ? undefined : check.params[key];
  if (typeof value !== 'string' || value === '') return undefined;
  if (key === 'name') return `{${value}}`;
  if (key === 'theme') return own<string>(ctx.labels, `theme.${value}`) ?? value;
  return value;
}

function findingCell(check: CurriculumCheck, ctx: PlanContext): PlanCell {
  const l = ctx.labels;
  const severity = check.severity === 'error' ? l.severityError : l.severityWarning;
  const inlines: PlanInline[] = [run(`${severity}: `, { bold: true }), run(checkTitle(check.code, ctx.language))];
  const extra = detail(check, ctx);
  const blocks = [paragraph(inlines, 'small')];
  // A placeholder's name is the finding itself: printed as written, not as a (highlighted) placeholder to fill.
  const literal = check.code === 'placeholder-unfilled';
  if (extra) blocks.push(paragraph(literal ? [run(extra, { italic: true })] : textInlines(extra, ctx.values, { bold: false, italic: true }), 'small'));
  return { blocks };
}

function openTable(checks: readonly CurriculumCheck[], ctx: PlanContext): PlanTable {
  const l = ctx.labels;
  return {
    kind: 'table',
    caption: l.openWarnings,
    columns: [5.5, 4.5],
    header: [[headerCell(l.finding), headerCell(l.where)]],
    rows: checks.map((c) => [findingCell(c, ctx), textCell(whereText(c, ctx), ctx.values)]),
  };
}

function acknowledgedTable(checks: readonly { check: CurriculumCheck; ack: Acknowledgement }[], ctx: PlanContext): PlanTable {
  const l = ctx.labels;
  return {
    kind: 'table',
    caption: l.acknowledgedWarnings,
    columns: [4, 3, 4, 1.8],
    header: [[headerCell(l.finding), headerCell(l.where), headerCell(l.reason), headerCell(l.date)]],
    rows: checks.map(({ check, ack }) => [findingCell(check, ctx), textCell(whereText(check, ctx), ctx.values), textCell(ack.reason, ctx.values), textCell(ack.at.slice(0, 10), ctx.values)]),
  };
}

export function qualitySection(ctx: PlanContext): PlanSection {
  const l = ctx.labels;
  const acknowledged = new Map(ctx.curriculum.acknowledgements.map((a) => [a.checkId, a]));
  const open: CurriculumCheck[] = [];
  const accepted: { check: CurriculumCheck; ack: Acknowledgement }[] = [];
  for (const check of checkCurriculum(ctx.curriculum, { schedule: ctx.schedule })) {
    if (check.severity === 'info') continue;
    const ack = acknowledged.get(check.id);
    if (ack) accepted.push({ check, ack });
    else open.push(check);
  }
  return {
    id: 'annex-quality',
    blocks: [
      heading(1, l.quality, ctx.values, l.annex),
      open.length > 0 ? openTable(open, ctx) : paragraph([run(l.noOpenWarnings)]),
      ...(accepted.length > 0 ? [acknowledgedTable(accepted, ctx)] : []),
    ],
  };
}

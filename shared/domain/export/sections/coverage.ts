/** Full curriculum: hours per theme, and (as an annex) which lessons cite which international instruments. */
import { curriculumCoverage, type Coverage } from '../../curriculum/coverage';
import { formatHours, headerCell, heading, paragraph, run, textCell } from '../blocks';
import type { PlanContext } from '../context';
import { textInlines } from '../inline';
import type { PlanCell, PlanSection } from '../plan';

export function planCoverage(ctx: PlanContext): Coverage {
  return curriculumCoverage(ctx.curriculum, ctx.input.references);
}

export function coverageSection(ctx: PlanContext, coverage: Coverage): PlanSection {
  const l = ctx.labels;
  // Themes nobody teaches are only worth a row when the course requires them: the gap must show.
  const rows = coverage.themes.filter((t) => t.minutes > 0 || t.required);
  // Theme hours overlap (a lesson counts for each theme of its module): the rule and the real total say so.
  const taught = ctx.modules.reduce((total, m) => total + m.lessons.reduce((sum, lesson) => sum + lesson.effective.minutes, 0), 0);
  return {
    id: 'coverage',
    blocks: [
      heading(1, l.coverage, ctx.values),
      paragraph([run(l.coverageRule)]),
      { kind: 'facts', rows: [{ label: l.hoursTaught, value: [run(formatHours(taught, ctx.language))] }] },
      {
        kind: 'table',
        caption: l.hoursPerTheme,
        columns: [6, 1.5, 1.5, 1.8],
        header: [[headerCell(l.theme), headerCell(l.hours), headerCell(l.lessons), headerCell(l.required)]],
        rows: rows.map((t) => {
          const shade = t.required && t.minutes === 0 ? 'muted' : undefined;
          return [
            textCell(l[`theme.${t.theme}`], ctx.values, shade),
            textCell(formatHours(t.minutes, ctx.language), ctx.values, shade),
            textCell(String(t.lessons), ctx.values, shade),
            textCell(t.required ? '✓' : '', ctx.values, shade),
          ];
        }),
      },
    ],
  };
}

/** Instruments with the lessons citing them; instruments nobody cites are left out. */
export function traceabilitySection(ctx: PlanContext, coverage: Coverage): PlanSection | undefined {
  const l = ctx.labels;
  const numbers = new Map<string, string>();
  const moduleNumbers = new Map<string, string>();
  for (const m of ctx.modules) {
    moduleNumbers.set(m.item.id, m.number);
    for (const lesson of m.lessons) if (!numbers.has(`${m.item.id}/${lesson.effective.lessonCode}`)) numbers.set(`${m.item.id}/${lesson.effective.lessonCode}`, lesson.number);
  }
  const { lessons, rows } = coverage.traceability;
  const cited = rows.filter((r) => r.lessons.length > 0 || r.itemIds.length > 0);
  if (cited.length === 0) return undefined;
  return {
    id: 'annex-traceability',
    blocks: [
      heading(1, l.traceability, ctx.values, l.annex),
      {
        kind: 'table',
        columns: [5, 3.5, 2],
        header: [[headerCell(l.instrument), headerCell(l.lessons), headerCell(l.modules)]],
        rows: cited.map((r): PlanCell[] => {
          const reference = ctx.references.get(r.referenceId);
          const name: PlanCell = { blocks: [paragraph(textInlines(r.shortName, ctx.values, { bold: true, italic: false }), 'small')] };
          if (reference) name.blocks.push(paragraph(textInlines(reference.title, ctx.values), 'small'));
          const lessonList = r.lessons.map((i) => {
            const ref = lessons[i];
            return ref ? (numbers.get(`${ref.itemId}/${ref.lessonCode}`) ?? ref.lessonCode) : '';
          });
          const moduleList = r.itemIds.map((id) => moduleNumbers.get(id) ?? id);
          return [name, textCell([...new Set(lessonList)].join(l.listSeparator), ctx.values), textCell(moduleList.join(', '), ctx.values)];
        }),
      },
    ],
  };
}

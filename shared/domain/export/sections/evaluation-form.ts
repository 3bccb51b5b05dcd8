/**
 * The participants' course evaluation form: standard statements on the course as a whole (relevance,
 * clarity, methods, trainers, materials, time) rated on a five-point scale, a usefulness rating per module,
 * and open questions. A participant document: it prints the course's and modules' titles and its own
 * labels, never the designers' notes on how the course is evaluated (`courseEvaluation`), which belong in
 * the full document.
 */
import { headerCell, heading, moduleNumber, paragraph, run, textCell } from '../blocks';
import type { PlanContext } from '../context';
import { textInlines } from '../inline';
import type { PlanBlock, PlanCell, PlanSection, PlanTable } from '../plan';

/** Lines left for each open question. */
const ANSWER_LINES = 4;

const SCALE = [1, 2, 3, 4, 5] as const;

function ratingTable(first: string, rows: readonly string[], ctx: PlanContext): PlanTable {
  const empty = (): PlanCell => ({ blocks: [] });
  return {
    kind: 'table',
    columns: [6.5, ...SCALE.map(() => 0.8)],
    header: [[headerCell(first), ...SCALE.map((n) => headerCell(String(n)))]],
    rows: rows.map((text) => [textCell(text, ctx.values), ...SCALE.map(empty)]),
  };
}

function openQuestion(question: string, ctx: PlanContext): PlanBlock[] {
  return [heading(3, question, ctx.values), { kind: 'lines', count: ANSWER_LINES }];
}

export function evaluationFormSections(ctx: PlanContext): PlanSection[] {
  const l = ctx.labels;
  const statements = [l.evalRelevance, l.evalClarity, l.evalMethods, l.evalTrainer, l.evalMaterials, l.evalTime];
  const modules = ctx.modules.map((m) => `${moduleNumber(l, m.number)} – ${m.module.title}`);
  return [
    {
      id: 'evaluation-form',
      blocks: [
        { kind: 'facts', rows: [{ label: l.course, value: textInlines(ctx.curriculum.title, ctx.values) }, { label: l.date, value: [] }] },
        paragraph([run(l.evaluationIntro)]),
        heading(2, l.courseAsAWhole, ctx.values),
        paragraph([run(l.agreeScale)], 'small'),
        ratingTable(l.statement, statements, ctx),
        ...(modules.length > 0 ? [heading(2, l.modules, ctx.values), paragraph([run(l.usefulnessScale)], 'small'), ratingTable(l.module, modules, ctx)] : []),
        ...openQuestion(l.evalMostUseful, ctx),
        ...openQuestion(l.evalChange, ctx),
        ...openQuestion(l.evalComments, ctx),
      ],
    },
  ];
}

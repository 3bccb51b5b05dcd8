/**
 * Full curriculum: the course as a package, after the overview. What it aims at, the course learning
 * outcomes with the lesson objectives that serve each (numbered as the document numbers lessons), for whom
 * it is and what they must bring, how many, and who teaches it. Parts the designers have not written are
 * left out; the checks say what is missing.
 */
import type { CourseOutcome } from '../../../schemas/curriculum';
import { headerCell, heading, lessonNumber, paragraph, run } from '../blocks';
import type { PlanContext } from '../context';
import { markdownBlocks, textInlines } from '../inline';
import { formatLabel } from '../labels';
import { titled } from '../lesson-parts';
import type { PlanBlock, PlanCell, PlanInline, PlanSection } from '../plan';

/** "Lesson 2.3: Explain the four principles…" for each objective the outcome names that the course teaches. */
function servingObjectives(outcome: CourseOutcome, ctx: PlanContext): PlanInline[][] {
  const lines: PlanInline[][] = [];
  for (const ref of outcome.serves) {
    const module = ctx.modules.find((m) => m.item.id === ref.itemId);
    const lesson = module?.lessons.find((l) => l.effective.lessonCode === ref.lessonCode);
    const objective = lesson?.effective.lesson.objectives.find((o) => o.id === ref.objectiveId);
    // An objective of a lesson left out of the course serves nothing here; the checks report it.
    if (!lesson || !objective) continue;
    lines.push([run(`${lessonNumber(ctx.labels, lesson.number)}: `, { bold: true }), ...textInlines(objective.text, ctx.values)]);
  }
  return lines;
}

function outcomesTable(ctx: PlanContext): PlanBlock[] {
  const { outcomes } = ctx.curriculum;
  if (outcomes.length === 0) return [];
  const l = ctx.labels;
  const rows = outcomes.map((outcome, index): PlanCell[] => {
    const serving = servingObjectives(outcome, ctx);
    return [
      { blocks: [paragraph([run(`${index + 1}. `, { bold: true }), ...textInlines(outcome.text, ctx.values)], 'small')] },
      { blocks: serving.length === 0 ? [] : [{ kind: 'list', ordered: false, start: 1, items: serving }] },
    ];
  });
  return [{ kind: 'table', columns: [4, 6], header: [[headerCell(l.learningOutcomes), headerCell(l.servedBy)]], rows }];
}

function classSizeText(ctx: PlanContext): string | undefined {
  const size = ctx.curriculum.classSize;
  if (!size) return undefined;
  const l = ctx.labels;
  return size.min === size.max ? formatLabel(l.classSizeExact, { count: size.max }) : formatLabel(l.classSizeRange, { min: size.min, max: size.max });
}

export function coursePackageSection(ctx: PlanContext): PlanSection | undefined {
  const c = ctx.curriculum;
  const l = ctx.labels;
  const size = classSizeText(ctx);
  const content = [
    ...titled(l.aim, markdownBlocks(c.aim, ctx.values), ctx),
    ...titled(l.courseOutcomes, outcomesTable(ctx), ctx),
    ...titled(l.targetAudience, markdownBlocks(c.targetAudience, ctx.values), ctx),
    ...titled(l.entryRequirements, markdownBlocks(c.entryRequirements, ctx.values), ctx),
    ...titled(l.classSize, size === undefined ? [] : [paragraph([run(size)])], ctx),
    ...titled(l.trainerProfile, markdownBlocks(c.trainerProfile, ctx.values), ctx),
  ];
  if (content.length === 0) return undefined;
  return { id: 'course-description', blocks: [heading(1, l.courseDescription, ctx.values), ...content] };
}

/**
 * The export plan builder: one pure function from a curriculum (module snapshots, overrides applied) to
 * the neutral plan both renderers print. It schedules the course itself so clock times always match the
 * timetable, and it refuses participant documents that would carry trainer-only text.
 */
import { assertNever } from '../../errors';
import { planContext, type PlanContext, type PlanInput } from './context';
import { planCover, planFileName, planLabels, planProperties, planRunning } from './document-meta';
import { numberedHeadings } from './lesson-parts';
import { checkParticipantSafe } from './participant-safety';
import { roundTripSource } from './round-trip-plan';
import { PARTICIPANT_VARIANTS, type ExportOptions, type ExportPlan, type PlanSection } from './plan';
import { assessmentSection } from './sections/assessment';
import { coursePackageSection } from './sections/course-package';
import { coverageSection, planCoverage, traceabilitySection } from './sections/coverage';
import { evaluationFormSections } from './sections/evaluation-form';
import { glossarySection } from './sections/glossary';
import { participantSections } from './sections/handouts';
import { lessonPlanSections } from './sections/lesson-plan';
import { emptyNotice, fullModuleSections } from './sections/module';
import { observationSections } from './sections/observation';
import { overviewSection } from './sections/overview';
import { qualitySection } from './sections/quality';
import { referencesSection } from './sections/references';
import { answerKeySections, testSections } from './sections/tests';
import { timetableSection } from './sections/timetable';

export type { PlanInput } from './context';

function present(...sections: (PlanSection | undefined)[]): PlanSection[] {
  return sections.filter((s): s is PlanSection => s !== undefined && s.blocks.length > 0);
}

function fullSections(ctx: PlanContext): PlanSection[] {
  const coverage = planCoverage(ctx);
  return present(
    overviewSection(ctx),
    coursePackageSection(ctx),
    assessmentSection(ctx),
    timetableSection(ctx),
    coverageSection(ctx, coverage),
    ...fullModuleSections(ctx),
    ctx.options.annexes ? glossarySection(ctx) : undefined,
    ctx.options.annexes ? traceabilitySection(ctx, coverage) : undefined,
    ctx.options.annexes ? referencesSection(ctx) : undefined,
    ctx.options.annexes ? qualitySection(ctx) : undefined,
  );
}

function withAnnex(ctx: PlanContext, sections: PlanSection[]): PlanSection[] {
  const content = sections.length > 0 ? sections : [emptyNotice('no-lessons', ctx.labels.noLessons)];
  return present(...content, ctx.options.annexes ? referencesSection(ctx) : undefined);
}

function variantSections(ctx: PlanContext): PlanSection[] {
  const variant = ctx.options.variant;
  switch (variant) {
    case 'full':
      return fullSections(ctx);
    case 'trainer':
      return withAnnex(ctx, lessonPlanSections(ctx));
    case 'participant':
      return withAnnex(ctx, participantSections(ctx));
    case 'pre-test':
    case 'post-test':
      return testSections(ctx, variant);
    case 'answer-key':
      return answerKeySections(ctx);
    case 'observation-checklist':
      return observationSections(ctx);
    case 'evaluation-form':
      return evaluationFormSections(ctx);
    default:
      return assertNever(variant);
  }
}

/**
 * Builds the plan of one document. Participant variants (participant, pre-test, post-test) are checked
 * with `assertParticipantSafe`, so a document that would leak trainer-only text throws AppError('forbidden').
 */
export function buildExportPlan(input: PlanInput, options: ExportOptions): ExportPlan {
  const ctx = planContext(input, options);
  const sections = variantSections(ctx);
  const roundTrip = roundTripSource(ctx);
  const plan: ExportPlan = {
    variant: options.variant,
    paper: options.paper,
    language: ctx.language,
    direction: ctx.language === 'ar' ? 'rtl' : 'ltr',
    properties: planProperties(ctx),
    running: planRunning(ctx),
    labels: planLabels(ctx),
    cover: planCover(ctx),
    // Tests are short and handed out as they are; a contents page would only add a page to print.
    tableOfContents: (options.variant === 'full' || options.variant === 'trainer' || options.variant === 'participant') && sections.length > 1,
    sections,
    fileName: planFileName(ctx),
    ...(roundTrip ? { roundTrip } : {}),
  };
  // Trainer documents pass unchecked; the headings are made for participant ones alone. The check prints
  // the references of the curriculum's texts with this document's numbering, as the document does.
  if (PARTICIPANT_VARIANTS.includes(plan.variant)) checkParticipantSafe(plan, ctx.curriculum, ctx.values, input.references, numberedHeadings(ctx), ctx.numbering);
  return plan;
}

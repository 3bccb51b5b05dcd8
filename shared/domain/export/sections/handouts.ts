/**
 * Participant handouts: only what participants may see. Module and lesson titles, learning outcomes and
 * objectives, what participants do in each step, and the handouts released to them. Never trainer notes,
 * trainer activities, answers, or sensitive steps and handouts that are not marked participant-visible.
 * (`assertParticipantSafe` checks the result again.)
 */
import { heading, lessonNumber } from '../blocks';
import type { NumberedLesson, PlanContext } from '../context';
import { markdownBlocks } from '../inline';
import { handoutBlocks, objectivesList, participantStepTable, titled } from '../lesson-parts';
import type { PlanBlock, PlanSection } from '../plan';
import { moduleIntro } from './module';

function lessonHandout(lesson: NumberedLesson, ctx: PlanContext): PlanBlock[] {
  const l = ctx.labels;
  const source = lesson.effective.lesson;
  return [
    heading(2, source.title, ctx.values, lessonNumber(l, lesson.number)),
    ...markdownBlocks(source.aim, ctx.values),
    ...titled(l.learningObjectives, objectivesList(source, ctx, false), ctx),
    ...titled(l.yourActivities, participantStepTable(source, ctx), ctx),
    ...titled(l.handouts, handoutBlocks(source, lesson.number, ctx, true), ctx),
  ];
}

export function participantSections(ctx: PlanContext): PlanSection[] {
  const sections: PlanSection[] = [];
  for (const m of ctx.modules) {
    const intro = moduleIntro(m, ctx, false);
    if (m.lessons.length === 0) sections.push({ id: `module-${m.item.id}`, blocks: intro });
    m.lessons.forEach((lesson, index) => {
      sections.push({ id: `lesson-${m.item.id}-${lesson.effective.lessonIndex}`, blocks: [...(index === 0 ? intro : []), ...lessonHandout(lesson, ctx)] });
    });
  }
  return sections;
}


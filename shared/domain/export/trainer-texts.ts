/**
 * What the participant-safety check compares: the trainer-only texts of a curriculum, and the texts its
 * authors wrote for participants. Both come from the course's module snapshots (every lesson, taught or
 * left out) and its own lesson overrides, never from the export plan, so that a builder bug cannot
 * widen what counts as shared. References in them are printed as the document prints them when a
 * printer is given (`RefPrinter`), one text at a time, so that the check reads what a reader would.
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson } from '../../schemas/module';
import { participantMaySee } from './lesson-parts';

export type TrainerKind =
  | 'trainer notes'
  | "the course's extra trainer notes"
  | 'trainer activity'
  | 'answer or marking guide'
  | 'sensitive step'
  | 'sensitive handout'
  | 'sensitivity warning';

/**
 * Trainer activities and answers teach what participants are given: a trainer activity walks through the
 * lesson's handout and asks its questions aloud, a multiple-choice answer is one of the options, a marking
 * guide lists the points the handout makes. The other kinds are for the trainer's eyes only.
 */
export function teaches(kind: TrainerKind): boolean {
  return kind === 'trainer activity' || kind === 'answer or marking guide';
}

/** A module text with its references printed; `lessonCode` for the texts of a lesson. */
export type RefPrinter = (text: string, item: ModuleItem, lessonCode?: string) => string;

const asWritten: RefPrinter = (text) => text;

/** One trainer-only text (Markdown), with where it comes from, as the refusal names it. */
export type TrainerText = { source: string; kind: TrainerKind; where: string };

/**
 * Where a text written for participants stands. catalogue: titles, summaries, learning outcomes, aims and
 * objectives, which describe what the course teaches and which every document prints; material: handouts,
 * tasks and options, what participants work with; question: a test question, which must never hold its
 * own answer.
 */
export type ParticipantTextKind = 'catalogue' | 'material' | 'question';

/** One text (Markdown or plain) written for participants. */
export type ParticipantText = { source: string; kind: ParticipantTextKind };

function lessonTrainerTexts(lesson: Lesson, where: string, out: TrainerText[], print: (text: string) => string): void {
  const add = (text: string, kind: TrainerKind): void => {
    const source = print(text);
    if (source.trim() !== '') out.push({ source, kind, where });
  };
  add(lesson.trainerNotes, 'trainer notes');
  for (const step of lesson.steps) {
    add(step.trainerActivity, 'trainer activity');
    if (!participantMaySee(step)) {
      add(step.participantActivity, 'sensitive step');
      if (step.sensitivity) add(step.sensitivity.warning, 'sensitivity warning');
    }
  }
  for (const handout of lesson.handouts)
    if (!participantMaySee(handout)) {
      add(handout.body, 'sensitive handout');
      if (handout.sensitivity) add(handout.sensitivity.warning, 'sensitivity warning');
    }
  for (const item of lesson.evaluation) add(item.answer, 'answer or marking guide');
}

function itemTrainerTexts(item: ModuleItem, moduleNumber: number, out: TrainerText[], print: RefPrinter): void {
  const moduleName = `module ${moduleNumber} "${print(item.snapshot.title, item)}"`;
  for (const lesson of item.snapshot.lessons) {
    const inLesson = (text: string): string => print(text, item, lesson.code);
    lessonTrainerTexts(lesson, `${moduleName}, lesson ${lesson.code} "${inLesson(lesson.title)}"`, out, inLesson);
  }
  // The course's own notes are not the module's: a reference in them stays as the Markdown prints it.
  for (const override of item.lessons)
    if (override.trainerNotes) out.push({ source: override.trainerNotes, kind: "the course's extra trainer notes", where: `${moduleName}, lesson ${override.lessonCode}` });
}

/** Every trainer-only text of the curriculum, in course order. */
export function trainerTexts(curriculum: Curriculum, print: RefPrinter = asWritten): TrainerText[] {
  const out: TrainerText[] = [];
  let moduleNumber = 0;
  for (const item of curriculum.items)
    if (item.kind === 'module') {
      moduleNumber += 1;
      itemTrainerTexts(item, moduleNumber, out, print);
    }
  return out;
}

function lessonParticipantTexts(lesson: Lesson, out: ParticipantText[], print: (text: string) => string): void {
  const add = (source: string, kind: ParticipantTextKind): void => {
    out.push({ source: print(source), kind });
  };
  add(lesson.title, 'catalogue');
  add(lesson.aim, 'catalogue');
  for (const objective of lesson.objectives) add(objective.text, 'catalogue');
  for (const step of lesson.steps) {
    add(step.title, 'catalogue');
    if (participantMaySee(step)) add(step.participantActivity, 'material');
  }
  for (const handout of lesson.handouts)
    if (participantMaySee(handout)) {
      add(handout.title, 'catalogue');
      add(handout.body, 'material');
      if (handout.sensitivity) add(handout.sensitivity.warning, 'material');
    }
  for (const item of lesson.evaluation) {
    add(item.question, 'question');
    for (const option of item.options ?? []) add(option, 'material');
  }
}

/** Every text the curriculum's modules give participants: titles, aims, objectives, tasks, handouts, questions. */
export function participantTexts(curriculum: Curriculum, print: RefPrinter = asWritten): ParticipantText[] {
  const out: ParticipantText[] = [];
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    const module = item.snapshot;
    out.push({ source: print(module.title, item), kind: 'catalogue' }, { source: print(module.summary, item), kind: 'catalogue' });
    for (const outcome of module.learningOutcomes) out.push({ source: print(outcome, item), kind: 'catalogue' });
    for (const lesson of module.lessons) lessonParticipantTexts(lesson, out, (text) => print(text, item, lesson.code));
  }
  return out;
}

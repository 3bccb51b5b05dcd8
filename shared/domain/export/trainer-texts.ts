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

/**
 * Where gathered texts go, with the module item and lesson they belong to (for printing references). The
 * check gathers thousands of texts in a fresh process: no closure per lesson, no iterator per loop.
 */
type Gathering<T> = { out: T[]; print: RefPrinter; item: ModuleItem; lessonCode: string | undefined };

function addTrainer(at: Gathering<TrainerText>, text: string, kind: TrainerKind, where: string): void {
  const source = at.print(text, at.item, at.lessonCode);
  if (source.trim() !== '') at.out.push({ source, kind, where });
}

function lessonTrainerTexts(lesson: Lesson, where: string, at: Gathering<TrainerText>): void {
  addTrainer(at, lesson.trainerNotes, 'trainer notes', where);
  for (let index = 0; index < lesson.steps.length; index += 1) {
    const step = lesson.steps[index];
    if (!step) continue;
    addTrainer(at, step.trainerActivity, 'trainer activity', where);
    if (!participantMaySee(step)) {
      addTrainer(at, step.participantActivity, 'sensitive step', where);
      if (step.sensitivity) addTrainer(at, step.sensitivity.warning, 'sensitivity warning', where);
    }
  }
  for (let index = 0; index < lesson.handouts.length; index += 1) {
    const handout = lesson.handouts[index];
    if (handout && !participantMaySee(handout)) {
      addTrainer(at, handout.body, 'sensitive handout', where);
      if (handout.sensitivity) addTrainer(at, handout.sensitivity.warning, 'sensitivity warning', where);
    }
  }
  for (let index = 0; index < lesson.evaluation.length; index += 1) addTrainer(at, lesson.evaluation[index]?.answer ?? '', 'answer or marking guide', where);
}

function itemTrainerTexts(item: ModuleItem, moduleNumber: number, out: TrainerText[], print: RefPrinter): void {
  const moduleName = `module ${moduleNumber} "${print(item.snapshot.title, item)}"`;
  const { lessons } = item.snapshot;
  for (let index = 0; index < lessons.length; index += 1) {
    const lesson = lessons[index];
    if (!lesson) continue;
    const at: Gathering<TrainerText> = { out, print, item, lessonCode: lesson.code };
    lessonTrainerTexts(lesson, `${moduleName}, lesson ${lesson.code} "${print(lesson.title, item, lesson.code)}"`, at);
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

function addParticipant(at: Gathering<ParticipantText>, text: string, kind: ParticipantTextKind): void {
  at.out.push({ source: at.print(text, at.item, at.lessonCode), kind });
}

function lessonParticipantTexts(lesson: Lesson, at: Gathering<ParticipantText>): void {
  addParticipant(at, lesson.title, 'catalogue');
  addParticipant(at, lesson.aim, 'catalogue');
  for (let index = 0; index < lesson.objectives.length; index += 1) addParticipant(at, lesson.objectives[index]?.text ?? '', 'catalogue');
  for (let index = 0; index < lesson.steps.length; index += 1) {
    const step = lesson.steps[index];
    if (!step) continue;
    addParticipant(at, step.title, 'catalogue');
    if (participantMaySee(step)) addParticipant(at, step.participantActivity, 'material');
  }
  for (let index = 0; index < lesson.handouts.length; index += 1) {
    const handout = lesson.handouts[index];
    if (handout && participantMaySee(handout)) {
      addParticipant(at, handout.title, 'catalogue');
      addParticipant(at, handout.body, 'material');
      if (handout.sensitivity) addParticipant(at, handout.sensitivity.warning, 'material');
    }
  }
  for (let index = 0; index < lesson.evaluation.length; index += 1) {
    const item = lesson.evaluation[index];
    if (!item) continue;
    addParticipant(at, item.question, 'question');
    const options = item.options ?? [];
    for (let option = 0; option < options.length; option += 1) addParticipant(at, options[option] ?? '', 'material');
  }
}

/** Every text the curriculum's modules give participants: titles, aims, objectives, tasks, handouts, questions. */
export function participantTexts(curriculum: Curriculum, print: RefPrinter = asWritten): ParticipantText[] {
  const out: ParticipantText[] = [];
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    const module = item.snapshot;
    const at: Gathering<ParticipantText> = { out, print, item, lessonCode: undefined };
    addParticipant(at, module.title, 'catalogue');
    addParticipant(at, module.summary, 'catalogue');
    for (let index = 0; index < module.learningOutcomes.length; index += 1) addParticipant(at, module.learningOutcomes[index] ?? '', 'catalogue');
    for (let index = 0; index < module.lessons.length; index += 1) {
      const lesson = module.lessons[index];
      if (lesson) lessonParticipantTexts(lesson, { out, print, item, lessonCode: lesson.code });
    }
  }
  return out;
}

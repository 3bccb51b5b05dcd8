/**
 * Defence in depth for documents that participants receive. The section builders already leave trainer
 * material out; this check reads the finished plan and refuses it if any trainer-only text of the
 * curriculum shows up anyway (a handout that copies the trainer notes, an answer pasted into a question,
 * a builder bug). Each paragraph and list item of a trainer-only text is looked for on its own, after
 * placeholders are filled and whitespace and case are normalised, so that a copied paragraph is found
 * wherever it lands.
 */
import { AppError } from '../../errors';
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson } from '../../schemas/module';
import { markdownBlocks, type PlaceholderValues } from './inline';
import { participantMaySee } from './lesson-parts';
import { PARTICIPANT_VARIANTS, type ExportPlan } from './plan';
import { blockTexts, planTexts } from './plan-text';

/** Shorter fragments ("True.", "B", "See above") occur in ordinary text by chance. */
export const MIN_TRAINER_TEXT_LENGTH = 12;

type TrainerText = { text: string; kind: string; where: string };

/** Lowercase, whitespace collapsed, and leading punctuation dropped so that every fragment starts a word. */
function normalise(text: string): string {
  return text.replace(/\s+/gu, ' ').toLowerCase().replace(/^[^\p{L}\p{N}]+/u, '').trimEnd();
}

function fragments(source: string, values: PlaceholderValues): string[] {
  return blockTexts(markdownBlocks(source, values)).map(normalise).filter((t) => t.length >= MIN_TRAINER_TEXT_LENGTH);
}

/** Adds the fragments of a trainer-only text; `keep` drops fragments that are not secret after all. */
type Add = (source: string, kind: string, keep?: (fragment: string) => boolean) => void;

function lessonTrainerTexts(lesson: Lesson, add: Add): void {
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
  for (const item of lesson.evaluation) {
    // A multiple-choice answer may be one of the options, which participants are meant to see.
    const options = new Set((item.options ?? []).map(normalise));
    add(item.answer, 'answer or marking guide', (fragment) => !options.has(fragment));
  }
}

/** Every trainer-only fragment of a module item, snapshot lessons and the curriculum's own notes alike. */
function itemTrainerTexts(item: ModuleItem, moduleNumber: number, values: PlaceholderValues, out: TrainerText[]): void {
  const moduleName = `module ${moduleNumber} "${item.snapshot.title}"`;
  for (const lesson of item.snapshot.lessons) {
    const where = `${moduleName}, lesson ${lesson.code} "${lesson.title}"`;
    lessonTrainerTexts(lesson, (source, kind, keep = () => true) => {
      for (const text of fragments(source, values)) if (keep(text)) out.push({ text, kind, where });
    });
  }
  for (const override of item.lessons)
    for (const text of fragments(override.trainerNotes ?? '', values))
      out.push({ text, kind: "the course's extra trainer notes", where: `${moduleName}, lesson ${override.lessonCode}` });
}

function trainerTexts(curriculum: Curriculum): TrainerText[] {
  const out: TrainerText[] = [];
  let moduleNumber = 0;
  for (const item of curriculum.items)
    if (item.kind === 'module') {
      moduleNumber += 1;
      itemTrainerTexts(item, moduleNumber, curriculum.placeholders, out);
    }
  return out;
}

/**
 * The first trainer-only fragment found in `haystack`. Fragments are indexed by their first
 * MIN_TRAINER_TEXT_LENGTH characters and only word starts of the haystack are tried, which keeps the
 * check linear in the size of the document rather than proportional to document × fragments.
 */
function findLeak(haystack: string, needles: readonly TrainerText[]): TrainerText | undefined {
  const byKey = new Map<string, TrainerText[]>();
  for (const needle of needles) {
    const key = needle.text.slice(0, MIN_TRAINER_TEXT_LENGTH);
    const list = byKey.get(key);
    if (list) list.push(needle);
    else byKey.set(key, [needle]);
  }
  for (const match of haystack.matchAll(/(?<![\p{L}\p{N}])[\p{L}\p{N}]/gu)) {
    const candidates = byKey.get(haystack.slice(match.index, match.index + MIN_TRAINER_TEXT_LENGTH));
    if (candidates) for (const needle of candidates) if (haystack.startsWith(needle.text, match.index)) return needle;
  }
  return undefined;
}

/**
 * Throws AppError('forbidden') when a participant document (participant handouts, pre-test, post-test)
 * holds any trainer-only text of the curriculum: trainer notes and the course's extra trainer notes,
 * trainer activities, answers and marking guides, sensitive steps and handouts not released to
 * participants, and their warnings. Other variants are trainer documents and pass unchecked.
 */
export function assertParticipantSafe(plan: ExportPlan, curriculum: Curriculum): void {
  if (!PARTICIPANT_VARIANTS.includes(plan.variant)) return;
  const needles = trainerTexts(curriculum);
  if (needles.length === 0) return;
  const haystack = planTexts(plan).map(normalise).join('\n');
  const leak = findLeak(haystack, needles);
  if (leak) {
    const excerpt = leak.text.length > 60 ? `${leak.text.slice(0, 60)}…` : leak.text;
    throw new AppError('forbidden', `This ${plan.variant} document would contain trainer-only text (${leak.kind}) of ${leak.where}: "${excerpt}". The export is refused.`);
  }
}

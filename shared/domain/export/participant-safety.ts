/**
 * Defence in depth for documents that participants receive. The section builders already leave trainer
 * material out; this check reads the finished plan and refuses it if any trainer-only text of the
 * curriculum shows up anyway (a handout that copies the trainer notes, an answer pasted into a question,
 * a builder bug). Trainer-only texts are looked for paragraph by paragraph (short paragraphs together
 * with the ones after them), after placeholders are filled and whitespace and case are normalised, so
 * that a copied paragraph is found wherever it lands.
 */
import { AppError } from '../../errors';
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson } from '../../schemas/module';
import { markdownBlocks, type PlaceholderValues } from './inline';
import { participantMaySee } from './lesson-parts';
import { PARTICIPANT_VARIANTS, type ExportPlan } from './plan';
import { blockTexts, planFrameTexts } from './plan-text';
import { KEY_LENGTH, NeedleIndex, normaliseEach, normaliseJoined, SEPARATOR } from './text-search';

/** Shorter texts ("True.", "B", "See above") occur in ordinary text by chance. */
export const MIN_TRAINER_TEXT_LENGTH = KEY_LENGTH;

/**
 * A single paragraph or list item is only looked for on its own from this length: short generic lines
 * ("Questions for your group:") legitimately recur in participant material. Shorter ones are looked for
 * together with the paragraphs that follow them, which a copied text keeps next to each other.
 */
const FRAGMENT_LENGTH = 40;

type TrainerText = { text: string; kind: string; where: string };

/** Normalised paragraphs of a text, per curriculum (placeholder values) and source string. */
const partsCache = new WeakMap<PlaceholderValues, Map<string, readonly string[]>>();

function parts(source: string, values: PlaceholderValues): readonly string[] {
  let cache = partsCache.get(values);
  if (!cache) partsCache.set(values, (cache = new Map<string, readonly string[]>()));
  let found = cache.get(source);
  if (!found) cache.set(source, (found = normaliseEach(blockTexts(markdownBlocks(source, values)))));
  return found;
}

type Fragment = { text: string; parts: readonly string[] };

/**
 * What to look for in a trainer-only text: each paragraph or list item, joined with the ones after it
 * until the window is FRAGMENT_LENGTH long, or the whole text when it is shorter, joined as the plan's
 * texts are in `assertParticipantSafe`.
 */
function fragments(source: string, values: PlaceholderValues): Fragment[] {
  const all = parts(source, values);
  const windows: Fragment[] = [];
  for (let start = 0; start < all.length; start += 1) {
    let end = start + 1;
    let text = all[start] ?? '';
    for (; text.length < FRAGMENT_LENGTH && end < all.length; end += 1) text += `${SEPARATOR}${all[end] ?? ''}`;
    if (text.length >= MIN_TRAINER_TEXT_LENGTH) windows.push({ text, parts: all.slice(start, end) });
    if (text.length < FRAGMENT_LENGTH) break;
  }
  return windows;
}

type Add = (source: string, kind: string, exempt?: ReadonlySet<string>) => void;

/**
 * Paragraphs a lesson hands participants anyway: released handouts and activities, questions and options.
 * A marking guide often restates what a handout teaches ("the four elements are…"); such a paragraph is
 * not secret, so answers (and only answers) are not refused for paragraphs the lesson already shows.
 */
function participantMaterial(lesson: Lesson, values: PlaceholderValues): Set<string> {
  const material = new Set<string>();
  const add = (text: string): void => {
    for (const part of parts(text, values)) material.add(part);
  };
  for (const step of lesson.steps) if (participantMaySee(step)) add(step.participantActivity);
  for (const handout of lesson.handouts) if (participantMaySee(handout)) add(handout.body);
  for (const item of lesson.evaluation) [item.question, ...(item.options ?? [])].forEach(add);
  return material;
}

function lessonTrainerTexts(lesson: Lesson, values: PlaceholderValues, add: Add): void {
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
  if (lesson.evaluation.length === 0) return;
  const material = participantMaterial(lesson, values);
  for (const item of lesson.evaluation) add(item.answer, 'answer or marking guide', material);
}

/** Every trainer-only fragment of a module item, snapshot lessons and the curriculum's own notes alike. */
function itemTrainerTexts(item: ModuleItem, moduleNumber: number, values: PlaceholderValues, out: TrainerText[]): void {
  const moduleName = `module ${moduleNumber} "${item.snapshot.title}"`;
  for (const lesson of item.snapshot.lessons) {
    const where = `${moduleName}, lesson ${lesson.code} "${lesson.title}"`;
    lessonTrainerTexts(lesson, values, (source, kind, exempt) => {
      for (const fragment of fragments(source, values))
        if (!exempt || !fragment.parts.every((part) => exempt.has(part))) out.push({ text: fragment.text, kind, where });
    });
  }
  for (const override of item.lessons)
    for (const { text } of fragments(override.trainerNotes ?? '', values))
      out.push({ text, kind: "the course's extra trainer notes", where: `${moduleName}, lesson ${override.lessonCode}` });
}

function trainerTexts(curriculum: Curriculum, values: PlaceholderValues): TrainerText[] {
  const out: TrainerText[] = [];
  let moduleNumber = 0;
  for (const item of curriculum.items)
    if (item.kind === 'module') {
      moduleNumber += 1;
      itemTrainerTexts(item, moduleNumber, values, out);
    }
  return out;
}

/**
 * Throws AppError('forbidden') when a participant document (participant handouts, pre-test, post-test)
 * holds any trainer-only text of the curriculum: trainer notes and the course's extra trainer notes,
 * trainer activities, answers and marking guides, sensitive steps and handouts not released to
 * participants, and their warnings. Other variants are trainer documents and pass unchecked.
 */
export function assertParticipantSafe(plan: ExportPlan, curriculum: Curriculum): void {
  checkParticipantSafe(plan, curriculum, { ...curriculum.placeholders });
}

/** `assertParticipantSafe` with the placeholder values object of the export, to share its converted texts. */
export function checkParticipantSafe(plan: ExportPlan, curriculum: Curriculum, values: PlaceholderValues): void {
  if (!PARTICIPANT_VARIANTS.includes(plan.variant)) return;
  // A text taught twice is looked for once; its first place is the one named.
  const needles = new Map<string, TrainerText>();
  for (const needle of trainerTexts(curriculum, values)) if (!needles.has(needle.text)) needles.set(needle.text, needle);
  if (needles.size === 0) return;
  const index = new NeedleIndex(needles.values());
  // Section by section: a copied text lands within one section, and many small strings are far cheaper for
  // the garbage collector than one string of the whole document. Identical sections are searched once.
  const searched = new Set<string>();
  let leak = index.find(normaliseJoined(planFrameTexts(plan)));
  for (let i = 0; leak === undefined && i < plan.sections.length; i += 1) {
    const text = normaliseJoined(blockTexts(plan.sections[i]?.blocks ?? []));
    if (searched.has(text)) continue;
    searched.add(text);
    leak = index.find(text);
  }
  if (leak) {
    const text = leak.text.replaceAll(SEPARATOR, ' / ');
    const excerpt = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    throw new AppError('forbidden', `This ${plan.variant} document would contain trainer-only text (${leak.kind}) of ${leak.where}: "${excerpt}". The export is refused.`);
  }
}

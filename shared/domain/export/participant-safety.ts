/**
 * Defence in depth for documents that participants receive. The section builders already leave trainer
 * material out; this check reads the finished plan and refuses it if trainer-only text of the curriculum
 * shows up anyway: a handout that quotes a sentence of the trainer notes, an answer pasted into a
 * question, a builder bug. Texts are compared word by word after placeholders are filled and case,
 * punctuation, white space, accents and Arabic diacritics, tatweel and alef forms are folded away
 * (words.ts), so a sentence is found wherever it lands and however it is typed.
 *
 * It runs at the end of every participant export and must stay well under a tenth of a second for a
 * 40-module course: texts are printed straight from their Markdown (markdown-words.ts) and read into
 * typed arrays of word hashes, in WebAssembly where the engine has it (words.ts, wasm-reader.ts), and only
 * the trainer sentences and phrases whose words the document holds are looked for (leak-needles.ts).
 *
 * What counts as a leak, and why:
 * - A trainer sentence with at least MIN_OWN_WORDS words and MIN_OWN_LETTERS letters of its own, anywhere
 *   in the document. Shorter sentences ("Discuss.", "Yes.", "Form groups of four.", "Witness with an
 *   intellectual disability.") are instructions, answers and headings that training texts repeat by
 *   chance; from six words on, a sentence states something.
 * - PHRASE_WORDS consecutive words of a trainer sentence that no text written for participants holds, so
 *   that a sentence cut short or rewritten around a long phrase is found too; and SHARED_PHRASE_WORDS
 *   consecutive words of trainer notes or sensitive material even where a participant text holds them.
 * - Only words of one's own count: the names of instruments (runs of REFERENCE_NAME_WORDS words of a
 *   title in the reference list, and a year after them) and the course's placeholder values are public,
 *   so "Follow {national_use_of_force_law} and report it." has four words of its own and does not count.
 *
 * What trainer texts share with participant texts, and why. Every overlap between them in the sample
 * library was read; every sample module, each of its lessons and the sample course export their
 * participant documents (test/unit/export/plan-participant.test.ts).
 * - Titles, summaries, learning outcomes, aims and objectives describe what the course teaches, and
 *   documents print them: any trainer text may restate them.
 * - Trainer notes, the course's extra notes and sensitive material not released to participants discuss
 *   the handouts' cases in their words ('an order to "check the papers of all foreigners in the market"'),
 *   up to ten words at a time in the samples; SHARED_PHRASE_WORDS words, or a whole sentence, are a copy.
 * - Trainer activities and answers teach what participants are given (see `teaches`): they may share
 *   phrases of handouts, tasks, questions and options at any length. A whole sentence of an answer may
 *   stand in a participant paragraph that the answer quotes in full (a multiple-choice answer is one of
 *   the options; a marking guide lists the handout's points), never in a test question. A whole sentence
 *   of a trainer activity may stand in a participant text that the activity retells, that is of which it
 *   holds RETELL_WORDS more words of its own in a row (it presents the handout's model, tells the case,
 *   walks through the checklist). So what is refused is their sentence pasted into participant text it has
 *   nothing else in common with, which is what a copied sentence looks like.
 */
import { AppError } from '../../errors';
import type { Curriculum } from '../../schemas/curriculum';
import type { Reference } from '../../schemas/reference';
import type { Numbering } from '../references/numbering';
import { printRefs } from '../references/resolve';
import type { PlaceholderValues } from './inline';
import type { IntSet } from './int-table';
import { MIN_OWN_WORDS, needles, type Found, type TrainerSentence } from './leak-needles';
import { PlaceholderText } from './markdown-words';
import { PARTICIPANT_VARIANTS, type ExportPlan } from './plan';
import { PrintedTexts, type PrintedParagraph, type PrintedText } from './printed-texts';
import { containsRun, forEachParagraph, forEachRun, someRun } from './text-search';
import { TrainerCorpus, type Field } from './trainer-corpus';
import { participantTexts, teaches, trainerTexts, type RefPrinter } from './trainer-texts';
import { CLAUSE_START } from './words';

export { MIN_OWN_LETTERS, MIN_OWN_WORDS, PHRASE_WORDS, SHARED_PHRASE_WORDS } from './leak-needles';

/** Clauses of a participant paragraph shorter than this ("For each card:") need not be quoted for it to count as quoted. */
const QUOTED_CLAUSE_WORDS = 3;
/** A trainer text retells a participant text when it also holds another run of this many of its words (of its own). */
const RETELL_WORDS = 5;

/** The trainer texts of the curriculum as a corpus; a text taught twice is kept once, at its first place. */
function trainerCorpus(curriculum: Curriculum, placeholders: PlaceholderText, references: readonly Reference[], print: RefPrinter | undefined, documentRuns: IntSet): TrainerCorpus {
  const seen = { teaching: new Set<string>(), secret: new Set<string>() };
  const texts = trainerTexts(curriculum, print).filter(({ source, kind }) => {
    const kept = teaches(kind) ? seen.teaching : seen.secret;
    if (kept.has(source)) return false;
    kept.add(source);
    return true;
  });
  return new TrainerCorpus(texts, placeholders, references, documentRuns, MIN_OWN_WORDS);
}

/** Whether the trainer text holds every clause of the participant paragraph that is long enough to matter. */
function holdsAll(corpus: TrainerCorpus, field: Field, { words, index }: PrintedParagraph): boolean {
  const { flags, paragraphStarts } = words;
  const end = paragraphStarts[index + 1] ?? 0;
  let clause = paragraphStarts[index] ?? 0;
  for (let at = clause + 1; at <= end; at += 1)
    if (at === end || ((flags[at] ?? 0) & CLAUSE_START) !== 0) {
      if (at - clause >= QUOTED_CLAUSE_WORDS && !containsRun(corpus.words, field.start, field.end, words, clause, at - clause)) return false;
      clause = at;
    }
  return true;
}

/** Keys of the runs of RETELL_WORDS words of the field that are all its author's own. */
function retellKeys(corpus: TrainerCorpus, field: Field): Set<number> {
  const keys = new Set<number>();
  // Words of its own: every text that names the Code of Conduct shares that name, and retells nothing by it.
  forEachParagraph(corpus.words, field.start, field.end, (start, end) => {
    forEachRun(corpus.words, RETELL_WORDS, (key, at) => {
      if (corpus.ownEnough(at, RETELL_WORDS, RETELL_WORDS, 0)) keys.add(key);
    }, start, end);
  });
  return keys;
}

/**
 * Whether the trainer text holds another run of RETELL_WORDS words of the participant text, outside the
 * words `[at, at + length)` of paragraph `paragraph` (in that paragraph, printed wherever the text holds it).
 */
function retells(corpus: TrainerCorpus, field: Field, text: PrintedText, paragraph: PrintedParagraph, at: number, length: number): boolean {
  const keys = (field.retellKeys ??= retellKeys(corpus, field));
  const from = at - (paragraph.words.paragraphStarts[paragraph.index] ?? 0);
  return text.paragraphs.some((other) => {
    const start = other.words.paragraphStarts[other.index] ?? 0;
    const own = (run: number): boolean => other === paragraph && run - start + RETELL_WORDS > from && run - start < from + length;
    return someRun(
      other.words,
      RETELL_WORDS,
      (key, run) => !own(run) && keys.has(key) && containsRun(corpus.words, field.start, field.end, other.words, run, RETELL_WORDS),
      start,
      other.words.paragraphStarts[other.index + 1] ?? 0,
    );
  });
}

/**
 * Whether a trainer sentence found at `at` in a paragraph of a participant text (not a catalogue text) is
 * shared rather than leaked. An answer may quote whole participant paragraphs (an option, a handout's
 * point), never a question. A trainer activity may hold a sentence of a participant text it retells, that
 * is when it holds more of the text's words than that sentence: it presents the handout or tells the case.
 */
function sharedSentence(corpus: TrainerCorpus, sentence: TrainerSentence, text: PrintedText, paragraph: PrintedParagraph, at: number): boolean {
  const { field } = sentence;
  switch (field.text.kind) {
    case 'answer or marking guide':
      return text.kind !== 'question' && holdsAll(corpus, field, paragraph);
    case 'trainer activity':
      return retells(corpus, field, text, paragraph, at, sentence.length);
    case 'trainer notes':
    case "the course's extra trainer notes":
    case 'sensitive step':
    case 'sensitive handout':
    case 'sensitivity warning':
      return false;
  }
}

/** Needles that trainer texts share with the course's participant texts: phrases by corpus offset, sentences. */
type Shared = { phrases: Set<number>; longPhrases: Set<number>; sentences: Set<TrainerSentence> };

function sharedText(corpus: TrainerCorpus, texts: readonly PrintedText[]): Shared {
  const shared: Shared = { phrases: new Set(), longPhrases: new Set(), sentences: new Set() };
  const quoted = new Set<TrainerSentence>();
  const notQuoted = new Set<TrainerSentence>();
  for (let index = 0; index < texts.length; index += 1) {
    const text = texts[index];
    if (!text) continue;
    const catalogue = text.kind === 'catalogue';
    for (let at = 0; at < text.paragraphs.length; at += 1) {
      const paragraph = text.paragraphs[at];
      const found = paragraph?.found;
      if (!paragraph || !found) continue;
      for (const { sentence, at } of found.sentences ?? [])
        if (catalogue) shared.sentences.add(sentence);
        else (sharedSentence(corpus, sentence, text, paragraph, at) ? quoted : notQuoted).add(sentence);
      for (const offset of found.phrases ?? []) shared.phrases.add(offset);
      if (catalogue) for (const offset of found.longPhrases ?? []) shared.longPhrases.add(offset);
    }
  }
  // A sentence that catalogue texts print is shared; otherwise only if every participant text holding it shares it.
  for (const sentence of quoted) if (!notQuoted.has(sentence)) shared.sentences.add(sentence);
  return shared;
}

/** The corpus offset of a trainer-only sentence or phrase found in a paragraph, or -1. */
function leakIn(found: Found, shared: Shared): number {
  for (const { sentence } of found.sentences ?? []) if (!shared.sentences.has(sentence)) return sentence.start;
  for (const offset of found.phrases ?? []) if (!shared.phrases.has(offset)) return offset;
  for (const offset of found.longPhrases ?? []) if (!shared.longPhrases.has(offset)) return offset;
  return -1;
}

/** References printed with the document's numbering, in the module's language, as the document prints them. */
function refPrinter(numbering: Numbering): RefPrinter {
  return (text, item, lessonCode) => (text.includes('[[') ? printRefs(text, { moduleId: item.snapshot.id, lessonCode }, numbering, item.snapshot.language) : text);
}

/** Trainer-only text found in a participant document: its kind and place in the course, its sentence, and the printed text. */
export type Leak = { kind: string; where: string; sentence: string; found: string };

/**
 * Up to `limit` printed texts of a participant document's plan that hold trainer-only text, in document
 * order, each with a trainer text found in it; none for trainer documents. `references` is the reference
 * list, whose titles are public; `headings` are printed in every document, as catalogue texts are. With
 * `numbering`, references in the curriculum's module texts are printed with it, as the document prints them.
 */
export function participantLeaks(
  plan: ExportPlan,
  curriculum: Curriculum,
  values: PlaceholderValues,
  references: readonly Reference[],
  limit = 1,
  headings: readonly string[] = [],
  numbering?: Numbering,
): Leak[] {
  const leaks: Leak[] = [];
  if (!PARTICIPANT_VARIANTS.includes(plan.variant)) return leaks;
  const print = numbering ? refPrinter(numbering) : undefined;
  const placeholders = new PlaceholderText(values);
  // The document first: its runs of words are what the trainer texts' runs are looked up in as they are read.
  const printed = new PrintedTexts(plan, MIN_OWN_WORDS);
  const corpus = trainerCorpus(curriculum, placeholders, references, print, printed.documentRuns);
  const looked = needles(corpus);
  // Whether what the document holds is shared is only asked when it holds something.
  if (!printed.findInDocument(looked)) return leaks;
  const texts = participantTexts(curriculum, print);
  for (let index = 0; index < headings.length; index += 1) texts.push({ source: headings[index] ?? '', kind: 'catalogue' });
  const shared = sharedText(corpus, printed.participantTexts(texts, placeholders, looked));
  for (let index = 0; index < printed.document.length; index += 1) {
    const { found, text } = printed.document[index] ?? { text: '' };
    const offset = found ? leakIn(found, shared) : -1;
    if (offset < 0) continue;
    const { kind, where } = corpus.fieldAt(offset).text;
    leaks.push({ kind, where, sentence: corpus.sentenceAt(offset), found: text });
    if (leaks.length >= limit) break;
  }
  return leaks;
}

/**
 * Throws AppError('forbidden') when a participant document (participant handouts, pre-test, post-test)
 * holds trainer-only text of the curriculum (see the rules at the top of this file): trainer notes and the
 * course's extra trainer notes, trainer activities, answers and marking guides, sensitive steps and
 * handouts not released to participants, and their warnings. Other variants are trainer documents and
 * pass unchecked.
 */
export function assertParticipantSafe(plan: ExportPlan, curriculum: Curriculum, references: readonly Reference[] = []): void {
  checkParticipantSafe(plan, curriculum, { ...curriculum.placeholders }, references);
}

/** `assertParticipantSafe` as an export calls it: its placeholder values, its numbered headings and its numbering of references. */
export function checkParticipantSafe(
  plan: ExportPlan,
  curriculum: Curriculum,
  values: PlaceholderValues,
  references: readonly Reference[] = [],
  headings: readonly string[] = [],
  numbering?: Numbering,
): void {
  const [leak] = participantLeaks(plan, curriculum, values, references, 1, headings, numbering);
  if (leak)
    throw new AppError('forbidden', `This ${plan.variant} document would contain trainer-only text (${leak.kind}) of ${leak.where}: "${leak.sentence}". The export is refused.`);
}

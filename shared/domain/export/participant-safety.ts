/**
 * Defence in depth for documents that participants receive. The section builders already leave trainer
 * material out; this check reads the finished plan and refuses it if trainer-only text of the curriculum
 * shows up anyway: a handout that quotes a sentence of the trainer notes, an answer pasted into a
 * question, a builder bug. Texts are compared word by word after placeholders are filled and case,
 * punctuation, white space, accents and Arabic diacritics, tatweel and alef forms are folded away
 * (text-search.ts), so a sentence is found wherever it lands and however it is typed.
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
import type { PlaceholderValues } from './inline';
import { PARTICIPANT_VARIANTS, type ExportPlan } from './plan';
import { blockTexts, planFrameTexts } from './plan-text';
import { BASE, basePower, containsRun, forEachRun, mix, readWords, RunTable, SentenceTable } from './text-search';
import { printedParagraphs, sentenceSpans, TrainerCorpus, type Field, type Paragraph } from './trainer-corpus';
import { participantTexts, teaches, trainerTexts, type ParticipantTextKind, type TrainerText } from './trainer-texts';

/** A trainer sentence counts from this many words of its own… */
export const MIN_OWN_WORDS = 6;
/** …and this many letters, so that six short words ("it is up to you") do not count. */
export const MIN_OWN_LETTERS = 24;
/** A run of this many words of a trainer sentence is a leak where no participant text holds it. */
export const PHRASE_WORDS = 8;
/** A run of this many words of trainer notes or sensitive material is a leak even where a participant text holds it. */
export const SHARED_PHRASE_WORDS = 12;
/** Clauses of a participant paragraph shorter than this ("For each card:") need not be quoted for it to count as quoted. */
const QUOTED_CLAUSE_WORDS = 3;
const SENTENCE_POWER = basePower(MIN_OWN_WORDS);
const PHRASE_POWER = basePower(PHRASE_WORDS);
const LONG_PHRASE_POWER = basePower(SHARED_PHRASE_WORDS);
/** A trainer text retells a participant text when it also holds another run of this many of its words (of its own). */
const RETELL_WORDS = 5;

/** The trainer texts of the curriculum as a corpus; a text taught twice is kept once, at its first place. */
function trainerCorpus(curriculum: Curriculum, values: PlaceholderValues, references: readonly Reference[]): TrainerCorpus {
  const texts: { text: TrainerText; paragraphs: string[] }[] = [];
  const seen = new Set<string>();
  // Words are separated by at least one other character: a paragraph of n characters holds at most n / 2 + 1.
  let expectedWords = 0;
  for (const text of trainerTexts(curriculum)) {
    const key = `${teaches(text.kind) ? 't' : 's'}${text.source}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const paragraphs = printedParagraphs(text.source, values, true);
    for (const paragraph of paragraphs) expectedWords += (paragraph.length >> 1) + 2;
    texts.push({ text, paragraphs });
  }
  const corpus = new TrainerCorpus(expectedWords);
  for (const { text, paragraphs } of texts) corpus.add(text, paragraphs);
  corpus.finish(references);
  return corpus;
}

type TrainerSentence = { start: number; length: number; paragraph: Paragraph };

/** What to look for: sentences that count, phrases of every trainer text, and long phrases of the secret kinds. */
type Needles = { sentences: SentenceTable<TrainerSentence>; phrases: RunTable; longPhrases: RunTable };

function needles(corpus: TrainerCorpus): Needles {
  // At most a phrase per word: of every text, and of the texts that do not teach.
  let secretWords = 0;
  for (const field of corpus.fields) if (!field.teaching) secretWords += field.end - field.start;
  const found: Needles = {
    sentences: new SentenceTable(corpus.ids, MIN_OWN_WORDS),
    phrases: new RunTable(corpus.ids, PHRASE_WORDS, corpus.ids.length),
    longPhrases: new RunTable(corpus.ids, SHARED_PHRASE_WORDS, secretWords),
  };
  for (const paragraph of corpus.paragraphs)
    for (const { start, end } of sentenceSpans(paragraph)) {
      // Phrases stay within a sentence: across sentences they would join words that participants see
      // apart ("C." and the option an answer names).
      if (corpus.ownEnough(start, end - start, MIN_OWN_WORDS, MIN_OWN_LETTERS)) found.sentences.add({ start, length: end - start, paragraph });
      forEachRun(
        corpus.ids,
        PHRASE_WORDS,
        (key, at) => {
          if (corpus.ownEnough(at, PHRASE_WORDS, MIN_OWN_WORDS, 0)) found.phrases.add(key, at);
        },
        start,
        end,
      );
      if (!paragraph.field.teaching)
        forEachRun(
          corpus.ids,
          SHARED_PHRASE_WORDS,
          (key, at) => {
            if (corpus.ownEnough(at, SHARED_PHRASE_WORDS, MIN_OWN_WORDS, 0)) found.longPhrases.add(key, at);
          },
          start,
          end,
        );
    }
  return found;
}

/**
 * A printed paragraph (of a participant text or of the plan) as word ids (-1: a word no trainer text
 * uses), with where its clauses start and the trainer sentences and phrases found in it (`at`: where).
 */
type Scanned = { ids: number[]; clauseStarts: number[]; sentences?: { sentence: TrainerSentence; at: number }[]; phrases?: number[]; longPhrases?: number[] };

/**
 * Reads and searches printed paragraphs, each distinct one once: a handout paragraph is read when the
 * course's participant texts are, and found again when the plan prints it.
 */
class Scanner {
  private readonly scanned = new Map<string, Scanned>();

  constructor(
    private readonly corpus: TrainerCorpus,
    private readonly needles: Needles,
  ) {}

  paragraph(printed: string): Scanned {
    let found = this.scanned.get(printed);
    if (found) return found;
    const { needles } = this;
    // Most paragraphs hold no trainer text: their lists of findings are only made for the first one.
    const paragraph: Scanned = { ids: [], clauseStarts: [] };
    const { ids } = paragraph;
    readWords(printed, this.corpus.vocabulary, false, paragraph);
    const onSentence = (sentence: TrainerSentence, at: number): void => {
      (paragraph.sentences ??= []).push({ sentence, at });
    };
    // One pass for the three lengths, each key rolled as `forEachRun` rolls it: every word of every
    // participant text comes through here, so no call is made per word unless its run is known.
    let sentenceKey = 0;
    let phraseKey = 0;
    let longKey = 0;
    let known = 0;
    for (let index = 0; index < ids.length; index += 1) {
      const id = ids[index] ?? -1;
      sentenceKey = (Math.imul(sentenceKey, BASE) + id) | 0;
      phraseKey = (Math.imul(phraseKey, BASE) + id) | 0;
      longKey = (Math.imul(longKey, BASE) + id) | 0;
      if (index >= MIN_OWN_WORDS) sentenceKey = (sentenceKey - Math.imul(ids[index - MIN_OWN_WORDS] ?? -1, SENTENCE_POWER)) | 0;
      if (index >= PHRASE_WORDS) phraseKey = (phraseKey - Math.imul(ids[index - PHRASE_WORDS] ?? -1, PHRASE_POWER)) | 0;
      if (index >= SHARED_PHRASE_WORDS) longKey = (longKey - Math.imul(ids[index - SHARED_PHRASE_WORDS] ?? -1, LONG_PHRASE_POWER)) | 0;
      known = id < 0 ? 0 : known + 1;
      if (known < MIN_OWN_WORDS) continue;
      needles.sentences.at(mix(sentenceKey), ids, index - MIN_OWN_WORDS + 1, onSentence);
      if (known < PHRASE_WORDS) continue;
      const phrase = needles.phrases.find(mix(phraseKey), ids, index - PHRASE_WORDS + 1);
      if (phrase >= 0) (paragraph.phrases ??= []).push(phrase);
      if (known < SHARED_PHRASE_WORDS) continue;
      const longPhrase = needles.longPhrases.find(mix(longKey), ids, index - SHARED_PHRASE_WORDS + 1);
      if (longPhrase >= 0) (paragraph.longPhrases ??= []).push(longPhrase);
    }
    this.scanned.set(printed, (found = paragraph));
    return found;
  }
}

/** Whether the trainer text holds every clause of the participant paragraph that is long enough to matter. */
function holdsAll(corpus: TrainerCorpus, field: Field, paragraph: Scanned): boolean {
  const starts = paragraph.clauseStarts;
  return starts.every((start, index) => {
    const length = (starts[index + 1] ?? paragraph.ids.length) - start;
    return length < QUOTED_CLAUSE_WORDS || containsRun(corpus.ids, field.start, field.end, paragraph.ids, start, length);
  });
}

/** Whether the trainer text holds another run of RETELL_WORDS words of the participant text, outside `[at, at + length)` of `paragraph`. */
function retells(corpus: TrainerCorpus, field: Field, text: readonly Scanned[], paragraph: Scanned, at: number, length: number): boolean {
  const keys = field.retellKeys ?? new Set<number>();
  if (!field.retellKeys) {
    field.retellKeys = keys;
    // Words of its own: every text that names the Code of Conduct shares that name, and retells nothing by it.
    forEachRun(
      corpus.ids,
      RETELL_WORDS,
      (key, start) => {
        if (corpus.ownEnough(start, RETELL_WORDS, RETELL_WORDS, 0)) keys.add(key);
      },
      field.start,
      field.end,
    );
  }
  let found = false;
  for (const other of text)
    forEachRun(other.ids, RETELL_WORDS, (key, start) => {
      if (found || (other === paragraph && start + RETELL_WORDS > at && start < at + length)) return;
      found = keys.has(key) && containsRun(corpus.ids, field.start, field.end, other.ids, start, RETELL_WORDS);
    });
  return found;
}

/**
 * Whether a trainer sentence found at `at` in a paragraph of a participant text (not a catalogue text) is
 * shared rather than leaked. An answer may quote whole participant paragraphs (an option, a handout's
 * point), never a question. A trainer activity may hold a sentence of a participant text it retells, that
 * is when it holds more of the text's words than that sentence: it presents the handout or tells the case.
 */
function sharedSentence(corpus: TrainerCorpus, sentence: TrainerSentence, text: readonly Scanned[], paragraph: Scanned, kind: ParticipantTextKind, at: number): boolean {
  const { field } = sentence.paragraph;
  switch (field.text.kind) {
    case 'answer or marking guide':
      return kind !== 'question' && holdsAll(corpus, field, paragraph);
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

function sharedText(curriculum: Curriculum, values: PlaceholderValues, corpus: TrainerCorpus, scanner: Scanner, headings: readonly string[]): Shared {
  const shared: Shared = { phrases: new Set(), longPhrases: new Set(), sentences: new Set() };
  const quoted = new Set<TrainerSentence>();
  const notQuoted = new Set<TrainerSentence>();
  const seen = new Set<string>();
  // Headings such as "Handout 2.1B: A week at Station 4" are printed in every document, as catalogue texts are.
  const texts = [...participantTexts(curriculum), ...headings.map((source) => ({ source, kind: 'catalogue' as const }))];
  for (const { source, kind } of texts) {
    // A text taught twice shares the same words twice: looked at once.
    if (seen.has(`${kind}:${source}`)) continue;
    seen.add(`${kind}:${source}`);
    const text = printedParagraphs(source, values, false).map((printed) => scanner.paragraph(printed));
    for (const paragraph of text) {
      for (const { sentence, at } of paragraph.sentences ?? [])
        if (kind === 'catalogue') shared.sentences.add(sentence);
        else (sharedSentence(corpus, sentence, text, paragraph, kind, at) ? quoted : notQuoted).add(sentence);
      for (const offset of paragraph.phrases ?? []) shared.phrases.add(offset);
      if (kind === 'catalogue') for (const offset of paragraph.longPhrases ?? []) shared.longPhrases.add(offset);
    }
  }
  // A sentence that catalogue texts print is shared; otherwise only if every participant text holding it shares it.
  for (const sentence of quoted) if (!notQuoted.has(sentence)) shared.sentences.add(sentence);
  return shared;
}

/** The corpus offset of a trainer-only sentence or phrase found in the paragraph, or -1. */
function leakIn(paragraph: Scanned, shared: Shared): number {
  for (const { sentence } of paragraph.sentences ?? []) if (!shared.sentences.has(sentence)) return sentence.start;
  for (const offset of paragraph.phrases ?? []) if (!shared.phrases.has(offset)) return offset;
  for (const offset of paragraph.longPhrases ?? []) if (!shared.longPhrases.has(offset)) return offset;
  return -1;
}

/** Each printed text of the plan: cover, running header and footer, then section by section. */
function* planTexts(plan: ExportPlan): Generator<string> {
  yield* planFrameTexts(plan);
  for (const section of plan.sections) yield* blockTexts(section.blocks);
}

/** Trainer-only text found in a participant document: its kind and place in the course, its sentence, and the printed text. */
export type Leak = { kind: string; where: string; sentence: string; found: string };

/**
 * Up to `limit` printed texts of a participant document's plan that hold trainer-only text, in document
 * order, each with a trainer text found in it; none for trainer documents. `references` is the reference
 * list, whose titles are public.
 */
export function participantLeaks(
  plan: ExportPlan,
  curriculum: Curriculum,
  values: PlaceholderValues,
  references: readonly Reference[],
  limit = 1,
  headings: readonly string[] = [],
): Leak[] {
  const leaks: Leak[] = [];
  if (!PARTICIPANT_VARIANTS.includes(plan.variant)) return leaks;
  const corpus = trainerCorpus(curriculum, values, references);
  if (corpus.fields.length === 0) return leaks;
  const scanner = new Scanner(corpus, needles(corpus));
  const shared = sharedText(curriculum, values, corpus, scanner, headings);
  const searched = new Set<string>();
  for (const text of planTexts(plan)) {
    if (searched.has(text)) continue;
    searched.add(text);
    const offset = leakIn(scanner.paragraph(text), shared);
    if (offset < 0) continue;
    const { kind, where } = corpus.paragraphAt(offset).field.text;
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

/** `assertParticipantSafe` with the placeholder values object of the export, to share its converted texts. */
export function checkParticipantSafe(
  plan: ExportPlan,
  curriculum: Curriculum,
  values: PlaceholderValues,
  references: readonly Reference[] = [],
  headings: readonly string[] = [],
): void {
  const [leak] = participantLeaks(plan, curriculum, values, references, 1, headings);
  if (leak)
    throw new AppError('forbidden', `This ${plan.variant} document would contain trainer-only text (${leak.kind}) of ${leak.where}: "${leak.sentence}". The export is refused.`);
}

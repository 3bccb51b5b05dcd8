/**
 * What the participant-safety check looks for in printed text, and finding it there: the trainer
 * sentences that count, the phrases of every trainer text and the long phrases of the secret kinds (see
 * participant-safety.ts for why these lengths).
 *
 * A trainer sentence or phrase can only be found in a document if each run of MIN_OWN_WORDS words in it is
 * in the document too. So the document's runs are filed as it is read (a key each, in one typed array), the
 * trainer texts' runs looked up as they are read, and only the trainer sentences and phrases made of runs
 * the document has are filed to look for: a course's trainer texts have hundreds of thousands of phrases,
 * of which a document holds a few hundred. Nothing is lost: a key only says where to look, and whatever is
 * filed is compared word by word wherever it is found.
 */
import { IntSet } from './int-table';
import { runKey, runsInSet, RunTable, SentenceTable } from './text-search';
import type { Field, TrainerCorpus } from './trainer-corpus';
import { SENTENCE_START, type Words } from './words';

/** A trainer sentence counts from this many words of its own… */
export const MIN_OWN_WORDS = 6;
/** …and this many letters, so that six short words ("it is up to you") do not count. */
export const MIN_OWN_LETTERS = 24;
/** A run of this many words of a trainer sentence is a leak where no participant text holds it. */
export const PHRASE_WORDS = 8;
/** A run of this many words of trainer notes or sensitive material is a leak even where a participant text holds it. */
export const SHARED_PHRASE_WORDS = 12;

export type TrainerSentence = { start: number; length: number; field: Field };

/**
 * Sentences that count, phrases of every trainer text, and long phrases of the secret kinds; and the keys
 * of the first MIN_OWN_WORDS words of each (`starts`), which is all that most places are looked up by.
 */
export type Needles = { sentences: SentenceTable<TrainerSentence>; phrases: RunTable; longPhrases: RunTable; starts: IntSet };

/** Whether every run of MIN_OWN_WORDS words of `[at, at + length)` is held (`isHeld`), within one sentence. */
function allRunsHeld(flags: Uint8Array, isHeld: Uint8Array, count: number, at: number, length: number): boolean {
  if (at + length > count) return false;
  for (let index = at; index + MIN_OWN_WORDS <= at + length; index += 1) if (isHeld[index] !== 1) return false;
  for (let index = at + 1; index < at + length; index += 1) if (((flags[index] ?? 0) & SENTENCE_START) !== 0) return false;
  return true;
}

/** The needles of the corpus that the document may hold: made of runs of MIN_OWN_WORDS words it holds (`corpus.held`). */
export function needles(corpus: TrainerCorpus): Needles {
  const { words, held } = corpus;
  const { flags, count } = words;
  // Each table sized for every held place at once: growing one rehashes all it holds, again and again.
  const found: Needles = {
    sentences: new SentenceTable(words, MIN_OWN_WORDS, held.length),
    phrases: new RunTable(words, PHRASE_WORDS, held.length),
    longPhrases: new RunTable(words, SHARED_PHRASE_WORDS, held.length),
    starts: new IntSet(held.length),
  };
  const isHeld = new Uint8Array(count + 1);
  for (let index = 0; index < held.length; index += 1) isHeld[held[index] ?? count] = 1;
  const allHeld = (at: number, length: number): boolean => allRunsHeld(flags, isHeld, count, at, length);
  // In corpus order, as each table keeps a run at its first place. Phrases stay within a sentence: across
  // sentences they would join words that participants see apart ("C." and the option an answer names).
  let previous = -1;
  for (let index = 0; index < held.length; index += 1) {
    const at = held[index] ?? 0;
    if (at === previous) continue;
    previous = at;
    if (((flags[at] ?? 0) & SENTENCE_START) !== 0) {
      let end = at + 1;
      while (end < count && ((flags[end] ?? 0) & SENTENCE_START) === 0) end += 1;
      if (allHeld(at, end - at) && corpus.ownEnough(at, end - at, MIN_OWN_WORDS, MIN_OWN_LETTERS)) {
        found.sentences.add({ start: at, length: end - at, field: corpus.fieldAt(at) });
        found.starts.add(runKey(words, at, MIN_OWN_WORDS));
      }
    }
    if (allHeld(at, PHRASE_WORDS) && corpus.ownEnough(at, PHRASE_WORDS, MIN_OWN_WORDS, 0)) {
      found.phrases.add(runKey(words, at, PHRASE_WORDS), at);
      found.starts.add(runKey(words, at, MIN_OWN_WORDS));
    }
    if (allHeld(at, SHARED_PHRASE_WORDS) && !corpus.fieldAt(at).teaching && corpus.ownEnough(at, SHARED_PHRASE_WORDS, MIN_OWN_WORDS, 0)) {
      found.longPhrases.add(runKey(words, at, SHARED_PHRASE_WORDS), at);
      found.starts.add(runKey(words, at, MIN_OWN_WORDS));
    }
  }
  return found;
}

/**
 * What a printed paragraph holds of the needles, where it holds any (`at`: the word where a sentence
 * starts; phrases by the corpus offset of their first occurrence).
 */
export type Found = { sentences?: { sentence: TrainerSentence; at: number }[]; phrases?: number[]; longPhrases?: number[] };

/** Sentences found at one place, gathered by `needlesAt` (which makes no closure or array per place). */
const MATCHED: TrainerSentence[] = [];

/**
 * Adds to `found` (made when first needed) the needles that start at word `at` of `words`, in a paragraph
 * that ends at `end`, where the key of the run of MIN_OWN_WORDS words there (`mixed`) is one of
 * `needles.starts`: a sentence filed under it, a phrase or long phrase starting there.
 */
function needlesAt(words: Words, at: number, end: number, mixed: number, needles: Needles, found: Found | undefined): Found | undefined {
  const matched = MATCHED;
  const { sentences, phrases, longPhrases } = needles;
  matched.length = 0;
  if (sentences.at(mixed, words, at, end, matched) > 0) {
    const list = ((found ??= {}).sentences ??= []);
    for (let match = 0; match < matched.length; match += 1) {
      const sentence = matched[match];
      if (sentence) list.push({ sentence, at });
    }
  }
  if (at + PHRASE_WORDS <= end) {
    const phrase = phrases.find(runKey(words, at, PHRASE_WORDS), words, at);
    if (phrase >= 0) ((found ??= {}).phrases ??= []).push(phrase);
  }
  if (at + SHARED_PHRASE_WORDS <= end) {
    const longPhrase = longPhrases.find(runKey(words, at, SHARED_PHRASE_WORDS), words, at);
    if (longPhrase >= 0) ((found ??= {}).longPhrases ??= []).push(longPhrase);
  }
  return found;
}

/**
 * The needles in each paragraph of `words` (`found[paragraph]`, undefined where there are none), for a
 * whole document at once: the places where a run's key is one of `needles.starts` are found in one pass
 * over its words (`runsInSet`), and only those are looked at.
 */
export function findNeedles(words: Words, needles: Needles): (Found | undefined)[] {
  const found: (Found | undefined)[] = new Array<Found | undefined>(words.paragraphCount).fill(undefined);
  const { paragraphStarts } = words;
  const places = runsInSet(words, MIN_OWN_WORDS, needles.starts);
  let paragraph = 0;
  for (let index = 0; index < places.length; index += 1) {
    const at = places[index] ?? 0;
    while ((paragraphStarts[paragraph + 1] ?? 0) <= at) paragraph += 1;
    found[paragraph] = needlesAt(words, at, paragraphStarts[paragraph + 1] ?? 0, runKey(words, at, MIN_OWN_WORDS), needles, found[paragraph]);
  }
  return found;
}

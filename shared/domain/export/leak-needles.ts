/**
 * What the participant-safety check looks for in printed text, and finding it there: the trainer
 * sentences that count, the phrases of every trainer text and the long phrases of the secret kinds (see
 * participant-safety.ts for why these lengths).
 *
 * A trainer sentence or phrase can only be found in a document if each run of MIN_OWN_WORDS words in it is
 * in the document too. So the document's runs are filed first (a key each, in one typed array), and only
 * the trainer sentences and phrases made of such runs are filed to look for: a course's trainer texts have
 * hundreds of thousands of phrases, of which a document holds a few hundred. Nothing is lost: a key only
 * says where to look, and whatever is filed is compared word by word wherever it is found.
 */
import { IntSet } from './int-table';
import { BASE, basePower, forEachParagraph, forEachRun, mix, runKey, RunTable, SentenceTable } from './text-search';
import type { Field, TrainerCorpus } from './trainer-corpus';
import type { Words } from './words';

/** A trainer sentence counts from this many words of its own… */
export const MIN_OWN_WORDS = 6;
/** …and this many letters, so that six short words ("it is up to you") do not count. */
export const MIN_OWN_LETTERS = 24;
/** A run of this many words of a trainer sentence is a leak where no participant text holds it. */
export const PHRASE_WORDS = 8;
/** A run of this many words of trainer notes or sensitive material is a leak even where a participant text holds it. */
export const SHARED_PHRASE_WORDS = 12;

const SENTENCE_POWER = basePower(MIN_OWN_WORDS);
const PHRASE_POWER = basePower(PHRASE_WORDS);
const LONG_PHRASE_POWER = basePower(SHARED_PHRASE_WORDS);

export type TrainerSentence = { start: number; length: number; field: Field };

/** Sentences that count, phrases of every trainer text, and long phrases of the secret kinds. */
export type Needles = { sentences: SentenceTable<TrainerSentence>; phrases: RunTable; longPhrases: RunTable };

/**
 * For each corpus offset, 1 where a run of MIN_OWN_WORDS words of a trainer sentence starts that the
 * document's printed texts (`document`, each paragraph of it) hold too, by key.
 */
function inDocument(corpus: TrainerCorpus, document: Words): Uint8Array {
  const held = new IntSet(document.count);
  forEachParagraph(document, 0, document.count, (start, end) => {
    forEachRun(document, MIN_OWN_WORDS, (key) => { held.add(key); }, start, end);
  });
  const found = new Uint8Array(corpus.words.count + 1);
  corpus.forEachSentence((start, end) => {
    forEachRun(corpus.words, MIN_OWN_WORDS, (key, at) => { if (held.has(key)) found[at] = 1; }, start, end);
  });
  return found;
}

/** The needles of the corpus that the document may hold. */
export function needles(corpus: TrainerCorpus, document: Words): Needles {
  const held = inDocument(corpus, document);
  const { words } = corpus;
  const found: Needles = {
    sentences: new SentenceTable(words, MIN_OWN_WORDS),
    phrases: new RunTable(words, PHRASE_WORDS),
    longPhrases: new RunTable(words, SHARED_PHRASE_WORDS),
  };
  // Whether every run of MIN_OWN_WORDS words of `[at, at + length)` is held.
  const allHeld = (at: number, length: number): boolean => {
    for (let index = at; index + MIN_OWN_WORDS <= at + length; index += 1) if (held[index] !== 1) return false;
    return true;
  };
  // Phrases stay within a sentence: across sentences they would join words that participants see apart
  // ("C." and the option an answer names).
  corpus.forEachSentence((start, end, field) => {
    if (held[start] === 1 && allHeld(start, end - start) && corpus.ownEnough(start, end - start, MIN_OWN_WORDS, MIN_OWN_LETTERS))
      found.sentences.add({ start, length: end - start, field });
    for (let at = start; at + PHRASE_WORDS <= end; at += 1)
      if (held[at] === 1 && allHeld(at, PHRASE_WORDS) && corpus.ownEnough(at, PHRASE_WORDS, MIN_OWN_WORDS, 0)) found.phrases.add(runKey(words, at, PHRASE_WORDS), at);
    if (!field.teaching)
      for (let at = start; at + SHARED_PHRASE_WORDS <= end; at += 1)
        if (held[at] === 1 && allHeld(at, SHARED_PHRASE_WORDS) && corpus.ownEnough(at, SHARED_PHRASE_WORDS, MIN_OWN_WORDS, 0))
          found.longPhrases.add(runKey(words, at, SHARED_PHRASE_WORDS), at);
  });
  return found;
}

/**
 * What a printed paragraph holds of the needles, where it holds any (`at`: the word where a sentence
 * starts; phrases by the corpus offset of their first occurrence).
 */
export type Found = { sentences?: { sentence: TrainerSentence; at: number }[]; phrases?: number[]; longPhrases?: number[] };

/** The needles in paragraph `paragraph` of `words`, or undefined where there are none (most paragraphs). */
export function findNeedles(words: Words, paragraph: number, needles: Needles): Found | undefined {
  const { hashes, paragraphStarts } = words;
  const first = paragraphStarts[paragraph] ?? 0;
  const end = paragraphStarts[paragraph + 1] ?? 0;
  if (end - first < MIN_OWN_WORDS) return undefined;
  let found: Found | undefined;
  const onSentence = (sentence: TrainerSentence, at: number): void => {
    found ??= {};
    (found.sentences ??= []).push({ sentence, at });
  };
  const { sentences, phrases, longPhrases } = needles;
  const anyPhrase = phrases.size > 0;
  const anyLongPhrase = longPhrases.size > 0;
  // One pass for the three lengths, each key rolled as `forEachRun` rolls it: every word of every
  // participant text comes through here, so no call is made per word unless a table may hold its run.
  let sentenceKey = 0;
  let phraseKey = 0;
  let longKey = 0;
  for (let index = first; index < end; index += 1) {
    const hash = hashes[index] ?? 0;
    const from = index - first;
    sentenceKey = (Math.imul(sentenceKey, BASE) + hash) | 0;
    phraseKey = (Math.imul(phraseKey, BASE) + hash) | 0;
    longKey = (Math.imul(longKey, BASE) + hash) | 0;
    if (from >= MIN_OWN_WORDS) sentenceKey = (sentenceKey - Math.imul(hashes[index - MIN_OWN_WORDS] ?? 0, SENTENCE_POWER)) | 0;
    if (from >= PHRASE_WORDS) phraseKey = (phraseKey - Math.imul(hashes[index - PHRASE_WORDS] ?? 0, PHRASE_POWER)) | 0;
    if (from >= SHARED_PHRASE_WORDS) longKey = (longKey - Math.imul(hashes[index - SHARED_PHRASE_WORDS] ?? 0, LONG_PHRASE_POWER)) | 0;
    if (from < MIN_OWN_WORDS - 1) continue;
    sentences.at(mix(sentenceKey), words, index - MIN_OWN_WORDS + 1, end, onSentence);
    if (from < PHRASE_WORDS - 1 || !anyPhrase) continue;
    const phrase = phrases.find(mix(phraseKey), words, index - PHRASE_WORDS + 1);
    if (phrase >= 0) ((found ??= {}).phrases ??= []).push(phrase);
    if (from < SHARED_PHRASE_WORDS - 1 || !anyLongPhrase) continue;
    const longPhrase = longPhrases.find(mix(longKey), words, index - SHARED_PHRASE_WORDS + 1);
    if (longPhrase >= 0) ((found ??= {}).longPhrases ??= []).push(longPhrase);
  }
  return found;
}

/**
 * Which words of the trainer corpus are public (trainer-corpus.ts): a placeholder's value, a word in a run
 * of REFERENCE_NAME_WORDS words of a reference's name or title, a year after a public word. The corpus
 * answers from tables and skips most words by the pairs of words the titles hold; here the rule is
 * written the obvious way, on folded words, and both must agree on every word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntSet } from '../../../shared/domain/export/int-table';
import { PlaceholderText } from '../../../shared/domain/export/markdown-words';
import { REFERENCE_NAME_WORDS, TrainerCorpus } from '../../../shared/domain/export/trainer-corpus';
import { PARAGRAPH_START, PUBLIC } from '../../../shared/domain/export/words';
import type { Reference } from '../../../shared/schemas/reference';

const VOCABULARY = ['the', 'The', 'rights', 'of', 'child', 'Convention', 'on', 'use', 'force', '1990', '(1989)', 'and', 'law', 'officials'];

function reference(title: string, index: number): Reference {
  return { id: `ref-${index}`, shortName: `R${index}`, title, issuer: 'UN', kind: 'treaty' };
}

/** Folded words of a text, as the reader folds these ones (lowercase, no brackets). */
function folded(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

/** The rule, the obvious way, for every word of the corpus. */
function expectedPublic(corpus: TrainerCorpus, titles: string[]): boolean[] {
  const { words } = corpus;
  const text = Array.from({ length: words.count }, (_, index) => words.text(index));
  const runs = new Set<string>();
  for (const title of titles) {
    const name = folded(title);
    for (let start = 0; start + REFERENCE_NAME_WORDS <= name.length; start += 1) runs.add(name.slice(start, start + REFERENCE_NAME_WORDS).join(' '));
  }
  const paragraphStart = (index: number): boolean => ((words.flags[index] ?? 0) & PARAGRAPH_START) !== 0;
  const named = (index: number): boolean => {
    for (let start = Math.max(0, index - REFERENCE_NAME_WORDS + 1); start <= index && start + REFERENCE_NAME_WORDS <= words.count; start += 1) {
      let within = true;
      for (let at = start + 1; at < start + REFERENCE_NAME_WORDS; at += 1) if (paragraphStart(at)) within = false;
      if (within && runs.has(text.slice(start, start + REFERENCE_NAME_WORDS).join(' '))) return true;
    }
    return false;
  };
  const result: boolean[] = [];
  for (let index = 0; index < words.count; index += 1) {
    const year = /^[0-9]{4}$/u.test(text[index] ?? '');
    result.push(((words.flags[index] ?? 0) & PUBLIC) !== 0 || named(index) || (!paragraphStart(index) && index > 0 && year && (result[index - 1] ?? false)));
  }
  return result;
}

describe('TrainerCorpus.isPublic', () => {
  it('finds exactly the words in a run of a reference title, placeholder values and the years after them', () => {
    const sentence = fc.array(fc.constantFrom(...VOCABULARY), { minLength: 1, maxLength: 12 }).map((words) => `${words.join(' ')}.`);
    fc.assert(
      fc.property(fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.array(sentence, { minLength: 1, maxLength: 3 }), (texts, titles) => {
        const placeholders = new PlaceholderText({ national_law: 'the law of the child' });
        const sources = texts.map((paragraphs, index) => ({ source: `${paragraphs.join('\n\n')} {national_law} 1990.`, kind: 'trainer notes' as const, where: `text ${index}` }));
        const corpus = new TrainerCorpus(sources, placeholders, titles.map(reference), new IntSet(), 6);
        const expected = expectedPublic(corpus, titles.flatMap((title, index) => [title, `R${index}`]));
        expect(Array.from({ length: corpus.words.count }, (_, index) => corpus.isPublic(index))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

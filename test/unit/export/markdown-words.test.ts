/**
 * The participant-safety check prints Markdown texts itself (markdown-words.ts), reading plain paragraphs
 * straight from the source, for speed. What it prints must be exactly what documents print: the
 * paragraphs and list items of `markdownBlocks`, their runs flattened, placeholders filled (and marked for
 * trainer texts). Checked on every text of the sample library and on random texts made of the characters
 * that matter to the Markdown subset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlinesText, markdownBlocks, type PlaceholderValues } from '../../../shared/domain/export/inline';
import { markedText, PlaceholderText, printMarkdown } from '../../../shared/domain/export/markdown-words';
import { modules } from '../curriculum/sample';

/**
 * What documents print: each paragraph and list item of the converted text. Documents leave out a
 * paragraph that prints nothing (made only of characters XML cannot hold), which printMarkdown keeps as an
 * empty string; it has no words either way, so empty texts are left out on both sides.
 */
function expected(source: string, values: PlaceholderValues, mark: boolean): string[] {
  const text = mark ? markedText : inlinesText;
  return markdownBlocks(source, { ...values })
    .flatMap((block) => (block.kind === 'paragraph' ? [text(block.inlines)] : block.items.map(text)))
    .filter((printed) => printed !== '');
}

function actual(source: string, values: PlaceholderValues, mark: boolean): string[] {
  const out: string[] = [];
  printMarkdown(source, new PlaceholderText(values), mark, out);
  return out.filter((printed) => printed !== '');
}

const VALUES: PlaceholderValues = { country: 'Veridia', national_police_law: 'Police Act (2011)', empty: '  ', marked: '**not bold** {country}' };

/** Pieces that random texts are made of: words, Markdown, placeholders, white space of all kinds, and characters XML cannot hold. */
const PIECES = [
  'word', 'Another', 'é', 'الشرطة', '𝐀', '1.', '2.', '10.', '- ', '* ', '  ', ' ', '\t', '\n', '\n\n', '\r\n', '\u00a0', '\u2003', '\u2028',
  '*', '**', '***', '_', '__', 'snake_case', '{country}', '{national_police_law}', '{unknown_name}', '{empty}', '{marked}', '{Bad}', '{', '}',
  '[', ']', '(', ')', '[link](https://example.org)', '[bad](javascript:alert(1))', '[[handout:pocket-card|the card]]', '[[lesson:9.9]]',
  '.', ',', ':', '!', '?', '"', '\u201c', '\u201d', '\u0001', '\u000b', '\ud800', '\uffff', 'e.g.', '1984. It',
  '**bold**', '**Note:** ', ' **two words** ', '*em*', '_em_', '__strong__', '***both***', '**{country}**', '**a **b** c**',
];

describe('printMarkdown', () => {
  it('prints every text of the sample library as documents print it, marked or not', () => {
    let texts = 0;
    for (const module of modules.values())
      for (const lesson of module.lessons) {
        const sources = [lesson.aim, lesson.trainerNotes, ...lesson.steps.flatMap((s) => [s.title, s.trainerActivity, s.participantActivity]), ...lesson.handouts.flatMap((h) => [h.title, h.body]), ...lesson.evaluation.flatMap((e) => [e.question, e.answer, ...(e.options ?? [])])];
        for (const source of sources) {
          texts += 1;
          expect(actual(source, VALUES, true)).toEqual(expected(source, VALUES, true));
          expect(actual(source, VALUES, false)).toEqual(expected(source, VALUES, false));
        }
      }
    expect(texts).toBeGreaterThan(1000);
  });

  it('prints random Markdown as documents print it', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }), fc.boolean(), (pieces, mark) => {
        const source = pieces.join('');
        expect(actual(source, VALUES, mark)).toEqual(expected(source, VALUES, mark));
      }),
      { numRuns: 3000 },
    );
  });

  it('prints no paragraph for an empty or blank text, and one for a one-line text', () => {
    for (const [source, count] of [['', 0], ['  \n \n', 0], ['Title', 1], ['- item', 1], ['1. item', 1]] as const) {
      const out: string[] = [];
      printMarkdown(source, new PlaceholderText(VALUES), false, out);
      expect(out, source).toHaveLength(count);
    }
  });

  it('reads bold, placeholders and snake_case names from the source, and pairs bold markers as CommonMark does', () => {
    const cases = ['**Note:** follow {national_police_law}.', '**a **b** c**', '** not bold **', 'a**b**c', '{national_police_law}**x**', '**{country}**', '*one* **two**', 'x ** y'];
    for (const source of cases) expect(actual(source, VALUES, true), source).toEqual(expected(source, VALUES, true));
  });
});

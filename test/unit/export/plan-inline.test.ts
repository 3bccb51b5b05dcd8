import { describe, expect, it } from 'vitest';
import { cleanText } from '../../../shared/domain/export/clean-text';
import { asciiSlug, exportFileName } from '../../../shared/domain/export/file-name';
import { inlinesText, markdownBlocks, markdownInlines, textInlines } from '../../../shared/domain/export/inline';
import type { PlanInline } from '../../../shared/domain/export/plan';
import { isSafeHref } from '../../../shared/domain/markdown';

const values = { country: 'Veridia', emergency_number: '112', blank: '  ' };

function paragraphRuns(source: string): PlanInline[] {
  const [block] = markdownBlocks(source, values);
  if (block?.kind !== 'paragraph') throw new Error(`expected a paragraph from ${source}`);
  return block.inlines;
}

describe('Markdown to runs', () => {
  it('turns strong and em into bold and italic runs, nested ones included, with no asterisks left', () => {
    expect(paragraphRuns('A **firm** and *calm* ***voice***')).toEqual([
      { kind: 'text', text: 'A ' },
      { kind: 'text', text: 'firm', bold: true },
      { kind: 'text', text: ' and ' },
      { kind: 'text', text: 'calm', italic: true },
      { kind: 'text', text: ' ' },
      { kind: 'text', text: 'voice', bold: true, italic: true },
    ]);
    expect(paragraphRuns('**strong _and em_ inside**')).toEqual([
      { kind: 'text', text: 'strong ', bold: true },
      { kind: 'text', text: 'and em', bold: true, italic: true },
      { kind: 'text', text: ' inside', bold: true },
    ]);
  });

  it('keeps lists as lists: bullets, numbered lists with their start number, runs in items', () => {
    const blocks = markdownBlocks('Intro line.\n\n3. third *point*\n4. fourth\n\n- a\n- b', values);
    expect(blocks).toEqual([
      { kind: 'paragraph', inlines: [{ kind: 'text', text: 'Intro line.' }] },
      { kind: 'list', ordered: true, start: 3, items: [[{ kind: 'text', text: 'third ' }, { kind: 'text', text: 'point', italic: true }], [{ kind: 'text', text: 'fourth' }]] },
      { kind: 'list', ordered: false, start: 1, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b' }]] },
    ]);
  });

  it('puts the paragraph style on paragraphs when asked', () => {
    expect(markdownBlocks('Note this.', values, 'note')).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Note this.' }], style: 'note' }]);
  });

  it('makes http, https and mailto links links, and anything else plain text', () => {
    expect(paragraphRuns('See [the **OHCHR** site](https://www.ohchr.org/en) now')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'the OHCHR site', href: 'https://www.ohchr.org/en', bold: true },
      { kind: 'text', text: ' now' },
    ]);
    const unsafe = paragraphRuns('[click](javascript:alert(1)) and [file](file:///etc/passwd)');
    expect(unsafe.some((i) => i.kind === 'link')).toBe(false);
    expect(inlinesText(unsafe)).toBe('[click](javascript:alert(1)) and [file](file:///etc/passwd)');
    for (const inline of paragraphRuns('[a](mailto:x@example.org) [b](http://example.org)'))
      if (inline.kind === 'link') expect(isSafeHref(inline.href)).toBe(true);
  });

  it('fills placeholders with the curriculum’s values and keeps unfilled ones visible', () => {
    const runs = paragraphRuns('Call {emergency_number} in {country}, then {oversight_body} or {blank}.');
    expect(runs).toEqual([
      { kind: 'text', text: 'Call ' },
      { kind: 'placeholder', name: 'emergency_number', value: '112' },
      { kind: 'text', text: ' in ' },
      { kind: 'placeholder', name: 'country', value: 'Veridia' },
      { kind: 'text', text: ', then ' },
      { kind: 'placeholder', name: 'oversight_body' },
      { kind: 'text', text: ' or ' },
      { kind: 'placeholder', name: 'blank' },
      { kind: 'text', text: '.' },
    ]);
    expect(inlinesText(runs)).toBe('Call 112 in Veridia, then {oversight_body} or {blank}.');
  });

  it('keeps emphasis on a placeholder and underscores of placeholder names literal', () => {
    expect(paragraphRuns('**{national_use_of_force_law}**')).toEqual([{ kind: 'placeholder', name: 'national_use_of_force_law', bold: true }]);
  });

  it('reads one line of Markdown as runs without blocks', () => {
    expect(markdownInlines('Slides: *forms* of SGBV', values)).toEqual([{ kind: 'text', text: 'Slides: ' }, { kind: 'text', text: 'forms', italic: true }, { kind: 'text', text: ' of SGBV' }]);
  });

  it('gives a fresh array on every call, so a caller may add to it without touching the next one', () => {
    const first = markdownBlocks('Same text.', values);
    first.push({ kind: 'paragraph', inlines: [] });
    expect(markdownBlocks('Same text.', values)).toHaveLength(1);
  });
});

describe('characters XML cannot hold', () => {
  it('removes control characters, lone surrogates and U+FFFE/U+FFFF but keeps tabs, new lines and emoji', () => {
    expect(cleanText('a\u0000b\u0007c\u000Bd\u001Fe\uFFFEf\uFFFFg\uD800h\uDC00i\tj\nk\rl 😀')).toBe('abcdefghi\tj\nk\rl 😀');
  });

  it('cleans author text on its way into runs and drops paragraphs left empty', () => {
    expect(markdownBlocks('Bad\u0001 text\u0008 here\n\n\u0002\u0003', values)).toEqual([{ kind: 'paragraph', inlines: [{ kind: 'text', text: 'Bad text here' }] }]);
    expect(textInlines('x\u0000{country}\uFFFF', values)).toEqual([{ kind: 'text', text: 'x' }, { kind: 'placeholder', name: 'country', value: 'Veridia' }]);
  });
});

describe('file names', () => {
  it('slugs Latin titles to ASCII, accents folded, cut at a word', () => {
    expect(asciiSlug('Fondements des droits de l’homme à l’école')).toBe('fondements-des-droits-de-l-homme-a-l-ecole');
    expect(exportFileName('Foundation course', 'x-1', 'trainer')).toBe('foundation-course-trainer.docx');
    const long = exportFileName('Foundation course on human rights and community policing for recruits', 'fc', 'full');
    // Cut before "recruits", and the dangling "for" goes too.
    expect(long).toBe('foundation-course-on-human-rights-and-community-policing-full.docx');
    expect(asciiSlug('Formation des formateurs sur les droits humains et la police de proximité pour les cadres')).toBe('formation-des-formateurs-sur-les-droits-humains-et-la-police');
  });

  it('uses the curriculum id for a title in another script', () => {
    expect(exportFileName('أسس حقوق الإنسان في العمل الشرطي', 'hr-foundations-ar', 'participant')).toBe('hr-foundations-ar-participant.docx');
  });
});

import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import { bodyChildren, part, readDocx, visibleText } from '../../helpers/docx-read';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';

const parts = await readDocx(await renderDocx(enFullCurriculumPlan));
const doc = part(parts, 'word/document.xml');
const rels = part(parts, 'word/_rels/document.xml.rels');
const text = visibleText(doc);

describe('renderDocx: user text stays text', () => {
  it('keeps text that looks like a field code literal: no field but the contents', () => {
    expect(text).toContain('Write the report number as { PAGE } and the date as DATE \\@ "dd/MM/yyyy" in the register.');
    // The only fields are the contents entries' page numbers, each to a bookmark of ours.
    const instructions = [...doc.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((match) => match[1]);
    expect(instructions.length).toBeGreaterThan(0);
    for (const instruction of instructions) expect(instruction).toMatch(/^ PAGEREF _Toc\d+ \\h $/);
    expect(doc).not.toContain('w:fldSimple');
  });

  it('removes characters XML cannot hold', () => {
    expect(text).toContain('Control characters: gone.');
    // eslint-disable-next-line no-control-regex -- the characters the renderer must have removed
    expect(doc).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(doc).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('writes hyperlinks for http, https and mailto only; other links stay plain text', () => {
    const targets = [...rels.matchAll(/Target="([^"]*)" TargetMode="External"/g)].map((match) => match[1]);
    expect(targets.sort()).toEqual([
      'https://www.ohchr.org/en/instruments-mechanisms/instruments/basic-principles-use-force-and-firearms-law-enforcement',
      'mailto:training@academy.example',
    ]);
    // External links; the contents entries link to bookmarks in the document (w:anchor).
    expect(doc.match(/<w:hyperlink r:id=/g)).toHaveLength(2);
    expect(text).toContain('Unsafe link kept as text: click me');
    expect(text).toContain('Local file kept as text: passwords');
    expect(rels).not.toMatch(/javascript:|file:/);
  });

  it('prints filled placeholders as text and highlights unfilled ones, never dropping them', () => {
    expect(text).toContain('officers of the National Police Academy to police');
    expect(doc).toMatch(/<w:highlight w:val="yellow"\/>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">\{approvingBody\}<\/w:t>/);
    // The cover explains the highlight, in the document's language.
    expect(text).toContain('Highlighted values have not been filled in yet.');
  });

  it('never prints Markdown markers', () => {
    expect(text).not.toContain('**');
  });

  it('starts every section on a new page without a blank page: no break follows a break, none at the end', () => {
    const children = bodyChildren(doc);
    expect(doc).not.toContain('w:type="page"');
    const breaks = children.flatMap((el, index) => (el.includes('<w:pageBreakBefore/>') ? [index] : []));
    // Contents, overview, module 1, module 2 and the annex; the empty section writes nothing.
    expect(breaks).toHaveLength(5);
    for (const [n, index] of breaks.entries()) {
      const next = breaks[n + 1] ?? children.length - 1;
      const between = children.slice(index, next).map(visibleText).join('');
      expect(between.trim().length).toBeGreaterThan(0);
    }
    const last = children.at(-2) ?? '';
    expect(last).not.toContain('pageBreakBefore');
    expect(visibleText(last).trim().length).toBeGreaterThan(0);
  });

  it('gives every numbered list its own numbering instance, so it restarts at its own start', () => {
    const numbering = part(parts, 'word/numbering.xml');
    const listIds = [...new Set([...doc.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((match) => match[1]))];
    // Module 1: objectives (numbered), materials (bullets); module 2: objectives, assessment (from 3); the
    // bullet lists share one instance, which has nothing to restart.
    expect(listIds).toHaveLength(4);
    const starts = listIds.map((id) => new RegExp(`<w:num w:numId="${id ?? ''}">(?:(?!</w:num>).)*?(?:<w:startOverride w:val="(\\d+)"/>|</w:num>)`).exec(numbering)?.[1]);
    expect(starts).toEqual(['1', undefined, '1', '3']);
  });
});

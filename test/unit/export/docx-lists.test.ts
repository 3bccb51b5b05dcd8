import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import type { ExportPlan, PlanBlock } from '../../../shared/domain/export/plan';
import { bodyChildren, part, readDocx, visibleText } from '../../helpers/docx-read';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { bullets, cell, h, link, numbered, p, t } from '../../fixtures/export/plans/plan-parts';

function planWith(blocks: PlanBlock[]): ExportPlan {
  return { ...enFullCurriculumPlan, sections: [{ id: 'lists', blocks }] };
}

async function render(blocks: PlanBlock[]): Promise<{ doc: string; numbering: string; rels: string }> {
  const parts = await readDocx(await renderDocx(planWith(blocks)));
  return { doc: part(parts, 'word/document.xml'), numbering: part(parts, 'word/numbering.xml'), rels: part(parts, 'word/_rels/document.xml.rels') };
}

/** The numbering instance each list paragraph of the body refers to, in order, with its text. */
function listParagraphs(doc: string): { numId: string; text: string }[] {
  return bodyChildren(doc).flatMap((el) => {
    const numId = /<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(el)?.[1];
    return numId === undefined ? [] : [{ numId, text: visibleText(el) }];
  });
}

/** Each w:num of the numbering part: its abstract definition and its start override, if any. */
function nums(numbering: string): Map<string, { abstract: string; start?: string }> {
  const out = new Map<string, { abstract: string; start?: string }>();
  for (const match of numbering.matchAll(/<w:num w:numId="(\d+)">((?:(?!<\/w:num>).)*)<\/w:num>/g)) {
    const abstract = /<w:abstractNumId w:val="(\d+)"\/>/.exec(match[2] ?? '')?.[1] ?? '';
    const start = /<w:startOverride w:val="(\d+)"\/>/.exec(match[2] ?? '')?.[1];
    out.set(match[1] ?? '', start === undefined ? { abstract } : { abstract, start });
  }
  return out;
}

/** The number format and level text of each abstract definition. */
function abstracts(numbering: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const match of numbering.matchAll(/<w:abstractNum w:abstractNumId="(\d+)">((?:(?!<\/w:abstractNum>).)*)<\/w:abstractNum>/g)) {
    const format = /<w:numFmt w:val="(\w+)"\/>/.exec(match[2] ?? '')?.[1] ?? '';
    const text = /<w:lvlText w:val="([^"]*)"\/>/.exec(match[2] ?? '')?.[1] ?? '';
    out.set(match[1] ?? '', `${format} ${text}`);
  }
  return out;
}

describe('renderDocx: lists', () => {
  it('restarts every numbered list at its own start, with its own numbering instance', async () => {
    const { doc, numbering } = await render([h(1, 'Lists'), numbered(['a1', 'a2']), p('Between.'), numbered(['b1']), numbered(['c4', 'c5'], 4)]);
    const items = listParagraphs(doc);
    expect(items.map((item) => item.text)).toEqual(['a1', 'a2', 'b1', 'c4', 'c5']);
    const [a1, a2, b1, c4, c5] = items.map((item) => item.numId);
    expect(a2).toBe(a1);
    expect(c5).toBe(c4);
    expect(new Set([a1, b1, c4]).size).toBe(3);

    const defined = nums(numbering);
    const decimal = [...defined.values()].filter((num) => abstracts(numbering).get(num.abstract) === 'decimal %1.');
    expect(decimal.map((num) => num.start)).toEqual(['1', '1', '4']);
    expect([a1, b1, c4].map((id) => defined.get(id ?? '')?.start)).toEqual(['1', '1', '4']);
  });

  it('writes bullets with the bullet definition, indented, and list items in the list style', async () => {
    const { doc, numbering } = await render([h(1, 'Lists'), bullets(['x', 'y']), bullets(['z'])]);
    const items = listParagraphs(doc);
    expect(items).toHaveLength(3);
    for (const { numId } of items) expect(abstracts(numbering).get(nums(numbering).get(numId)?.abstract ?? '')).toBe('bullet •');
    expect(numbering).toContain('<w:ind w:left="567" w:hanging="283"/>');
    expect(doc).toContain('<w:pPr><w:pStyle w:val="ListParagraph"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val=');
  });

  it('opens a section that starts with a list on its first item, before the numbering in pPr', async () => {
    const { doc } = await render([numbered(['first', 'second'])]);
    const [first, second] = bodyChildren(doc).filter((el) => el.includes('<w:numPr>'));
    expect(first).toMatch(/^<w:p><w:pPr><w:pStyle w:val="ListParagraph"\/><w:pageBreakBefore\/><w:numPr>/);
    expect(second).not.toContain('pageBreakBefore');
  });
});

describe('renderDocx: hyperlinks', () => {
  it('refers every hyperlink to an external relationship of the document, in paragraphs, list items and cells', async () => {
    const table = { kind: 'table' as const, columns: [1], header: [], rows: [[cell([t('See '), link('UN', 'https://www.un.org/')])]] };
    const { doc, rels } = await render([
      h(1, 'Links'),
      p([t('Mail '), link('us', 'mailto:a@b.example'), t(' or '), link('not this', 'javascript:alert(1)')]),
      { kind: 'list', ordered: false, start: 1, items: [[link('OHCHR', 'https://www.ohchr.org/?a=1&b=2')], [t('plain')]] },
      table,
    ]);
    const ids = [...doc.matchAll(/<w:hyperlink [^>]*r:id="([^"]+)"/g)].map((match) => match[1] ?? '');
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
    const targets = ids.map((id) => new RegExp(`<Relationship Id="${id}" Type="[^"]*/hyperlink" Target="([^"]*)" TargetMode="External"/>`).exec(rels)?.[1]);
    expect(targets).toEqual(['mailto:a@b.example', 'https://www.ohchr.org/?a=1&amp;b=2', 'https://www.un.org/']);
    expect(doc).toMatch(/<w:hyperlink [^>]*><w:r><w:rPr><w:rStyle w:val="Hyperlink"\/><\/w:rPr><w:t xml:space="preserve">us<\/w:t>/);
    expect(visibleText(doc)).toContain('Mail us or not this');
    expect(rels).not.toContain('javascript:');
  });
});

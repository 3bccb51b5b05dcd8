import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import type { ExportPlan, PlanBlock, PlanTable } from '../../../shared/domain/export/plan';
import { bodyChildren, part, readDocx, visibleText } from '../../helpers/docx-read';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { bullets, cell, h, lines, link, p, t } from '../../fixtures/export/plans/plan-parts';

/** A 4 × 2 px dark blue PNG. */
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAQAAAACCAIAAADwyuo0AAAAEElEQVR4nGOQt0iBIwZkDgBJ6gXZkE6hdgAAAABJRU5ErkJggg==';

function planWith(sections: PlanBlock[][], overrides: Partial<ExportPlan> = {}): ExportPlan {
  return { ...enFullCurriculumPlan, sections: sections.map((blocks, index) => ({ id: `s${String(index)}`, blocks })), ...overrides };
}

async function documentXml(plan: ExportPlan): Promise<string> {
  return part(await readDocx(await renderDocx(plan)), 'word/document.xml');
}

const resources: PlanTable = {
  kind: 'table',
  columns: [1, 2],
  header: [[cell('Resource'), cell('Notes')]],
  rows: [
    [
      cell([t('Basic Principles: '), link('ohchr.org', 'https://www.ohchr.org/')]),
      { blocks: [p('Use with:'), bullets(['Handout 2.1', 'Slides 4–9'])] },
    ],
  ],
};

/** The resources table (the cover has a table of its own). */
const isResources = (el: string): boolean => el.startsWith('<w:tbl>') && visibleText(el).startsWith('ResourceNotes');

describe('renderDocx: blocks', () => {
  it('writes hyperlinks and lists inside table cells', async () => {
    const doc = await documentXml(planWith([[h(1, 'Resources'), resources]]));
    const table = bodyChildren(doc).find(isResources) ?? '';
    expect(table).toMatch(/<w:tc>(?:(?!<\/w:tc>).)*<w:hyperlink [^>]*r:id="[^"]+"/);
    expect(table.match(/<w:numPr>/g)).toHaveLength(2);
    expect(visibleText(table)).toContain('Slides 4–9');
  });

  it('keeps two tables in a row apart with a paragraph, so Word does not merge them', async () => {
    const children = bodyChildren(await documentXml(planWith([[h(1, 'Tables'), resources, resources]])));
    const first = children.findIndex(isResources);
    expect(children[first + 1]).toMatch(/^<w:p>/);
    expect(children[first + 2]).toMatch(/^<w:tbl>/);
  });

  it('opens a section that starts with a table with a page-break paragraph', async () => {
    const children = bodyChildren(await documentXml(planWith([[resources]], { tableOfContents: false })));
    const first = children.findIndex(isResources);
    expect(children[first - 1]).toContain('<w:pageBreakBefore/>');
  });

  it('leaves headings marked toc: false out of the contents, in a heading style without outline level', async () => {
    const doc = await documentXml(planWith([[{ kind: 'heading', level: 1, text: 'Foreword', toc: false }, p('Text.')], [h(1, 'Module 1', 'Module 1')]]));
    expect(doc).toMatch(/<w:pStyle w:val="HeadingNoToc1"\/>(?:(?!<\/w:p>).)*Foreword/);
    const sdt = /<w:sdt>.*<\/w:sdt>/.exec(doc)?.[0] ?? '';
    expect(visibleText(sdt)).not.toContain('Foreword');
    expect(visibleText(sdt)).toContain('Module 1 – Module 1');
  });

  it('writes ruled lines and refuses an unreasonable number of them', async () => {
    const doc = await documentXml(planWith([[h(1, 'Notes'), lines(5)]]));
    // One paragraph: five rules drawn by a tab leader across the text width, four line breaks between them.
    const ruled = doc.match(/<w:p><w:pPr><w:pStyle w:val="RuledLine"\/>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
    expect(ruled).toHaveLength(1);
    expect(ruled[0]?.match(/<w:tab\/>/g)).toHaveLength(5);
    expect(ruled[0]?.match(/<w:br\/>/g)).toHaveLength(4);
    expect(ruled[0]).toMatch(/<w:tab w:val="right" w:leader="underscore" w:pos="\d+"\/>/);
    await expect(renderDocx(planWith([[lines(1000)]]))).rejects.toMatchObject({ code: 'invalid-argument', message: 'A lines block must have 0 to 60 lines, not 1000' });
  });

  it('puts the logo on the cover, scaled into its box', async () => {
    const plan = planWith([[h(1, 'Module')]], { cover: { ...enFullCurriculumPlan.cover, logo: { base64: LOGO, type: 'png', width: 400, height: 200 } } });
    const parts = await readDocx(await renderDocx(plan));
    expect([...parts.keys()].some((path) => /^word\/media\/.+\.png$/.test(path))).toBe(true);
    // 400 × 200 px fits 227 × 113 px at most: 226 × 113 px, in EMU (9525 per px).
    expect(part(parts, 'word/document.xml')).toContain(`<wp:extent cx="${String(226 * 9525)}" cy="${String(113 * 9525)}"/>`);
  });

  it('refuses an empty logo with a clear error', async () => {
    const plan = planWith([[h(1, 'Module')]], { cover: { ...enFullCurriculumPlan.cover, logo: { base64: '', type: 'png', width: 10, height: 10 } } });
    await expect(renderDocx(plan)).rejects.toMatchObject({ code: 'invalid-argument', message: 'The cover logo is empty or has no size' });
  });

  it('writes no contents page when the plan has none, and no page break before the first section but its own', async () => {
    const children = bodyChildren(await documentXml(planWith([[h(1, 'Only')]], { tableOfContents: false })));
    expect(children.join('')).not.toContain('<w:sdt>');
    expect(children.filter((el) => el.includes('<w:pageBreakBefore/>')).map(visibleText)).toEqual(['Only']);
  });
});

describe('renderDocx: ruled lines stay with what they belong to', () => {
  it('keeps a question with its answer lines and the lines together, so they never fill a page alone', async () => {
    const xml = await documentXml(planWith([[h(1, 'Post-test'), p('1. What must be reported after any use of force?'), lines(4), p('Next question')]]));
    const paragraphs = xml.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
    const question = paragraphs.find((x) => x.includes('What must be reported'));
    expect(question).toContain('<w:keepNext/>');
    // The lines are one paragraph kept whole: LibreOffice splits a keep-with-next chain of one paragraph per line.
    const ruled = paragraphs.filter((x) => x.includes('w:val="RuledLine"'));
    expect(ruled).toHaveLength(1);
    expect(ruled[0]).toContain('<w:keepLines/>');
    expect(ruled[0]?.match(/<w:tab\/>/g)).toHaveLength(4);
    expect(ruled[0]).not.toContain('<w:keepNext/>');
    expect(paragraphs.find((x) => x.includes('Next question'))).not.toContain('<w:keepNext/>');
  });
});

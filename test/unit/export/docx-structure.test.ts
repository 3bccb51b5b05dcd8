import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import { bodyChildren, part, partsMatching, readDocx, visibleText, type DocxParts } from '../../helpers/docx-read';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { frTrainerLessonsPlan } from '../../fixtures/export/plans/fr-trainer-lessons';

async function render(plan = enFullCurriculumPlan): Promise<{ parts: DocxParts; doc: string }> {
  const parts = await readDocx(await renderDocx(plan));
  return { parts, doc: part(parts, 'word/document.xml') };
}

const en = await render();

/** The text of every paragraph with the style, anywhere in the body (the contents entries are inside the TOC field's content control). */
/** The fill of a trainer note's box (COLOR.noteFill). */
const NOTE_FILL = 'EEF3FA';

function paragraphsWithStyle(doc: string, style: string): string[] {
  return (doc.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? []).filter((el) => el.includes(`<w:pStyle w:val="${style}"/>`)).map(visibleText);
}

describe('renderDocx: structure of the English full curriculum', () => {
  it('writes module and lesson headings as Heading 1 and Heading 2 with their numbers', () => {
    expect(paragraphsWithStyle(en.doc, 'Heading1')).toEqual(['Overview', 'Module 1 – Human rights and policing', 'Module 2 – Use of force', 'Annex A – References']);
    expect(paragraphsWithStyle(en.doc, 'Heading2')).toContain('Lesson 2.3 – Necessity and proportionality');
    expect(paragraphsWithStyle(en.doc, 'Heading3')).toContain('Learning objectives');
  });

  it('defines the headings with outline levels, so the contents field and navigation pick them up', () => {
    const styles = part(en.parts, 'word/styles.xml');
    for (const [id, level] of [['Heading1', 0], ['Heading2', 1], ['Heading3', 2]] as const) {
      expect(styles).toMatch(new RegExp(`w:styleId="${id}">(?:(?!</w:style>).)*<w:outlineLvl w:val="${String(level)}"/>`));
    }
    for (const id of ['Title', 'Subtitle', 'TableHeader', 'TableText', 'Caption', 'Note', 'Warning']) expect(styles).toContain(`w:styleId="${id}"`);
  });

  it('writes a contents entry for each heading of levels 1–2, with its page number as a field LibreOffice lays out and Word updates', () => {
    // No TOC field: LibreOffice would show the entries Word last wrote into it, without page numbers.
    expect(en.doc).not.toContain('TOC \\h');
    const entries = [...en.doc.matchAll(/<w:hyperlink w:anchor="(_Toc\d+)" w:history="1">(?:(?!<\/w:hyperlink>).)*<w:instrText xml:space="preserve"> PAGEREF (_Toc\d+) \\h <\/w:instrText>/g)];
    expect(entries.length).toBe(8);
    for (const [, anchor, reference] of entries) {
      expect(reference).toBe(anchor);
      // Each bookmark is on the heading it names, exactly once.
      expect(en.doc.match(new RegExp(`<w:bookmarkStart w:id="\\d+" w:name="${anchor ?? ''}"/>`, 'g'))).toHaveLength(1);
    }
    expect(en.doc).toMatch(/<w:pStyle w:val="Heading1"\/><w:pageBreakBefore\/><\/w:pPr><w:bookmarkStart w:id="\d+" w:name="_Toc5"\/><w:r><w:t xml:space="preserve">Module 2 – Use of force<\/w:t>/);
    expect(en.doc).toContain('<w:tab w:val="right" w:leader="dot" w:pos="9638"/>');
    expect(paragraphsWithStyle(en.doc, 'TOCHeading')).toEqual(['Contents']);
    expect(paragraphsWithStyle(en.doc, 'TOC1')).toContain('Module 2 – Use of force');
    expect(paragraphsWithStyle(en.doc, 'TOC2')).toContain('Lesson 2.3 – Necessity and proportionality');
    expect(part(en.parts, 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('gives every table an explicit width and column grid, a repeated header row and short rows that do not split', () => {
    // Trainer notes are boxes (one-cell tables that may run on over a page break), tested below.
    const tables = bodyChildren(en.doc).filter((el) => el.startsWith('<w:tbl>') && !el.includes(`w:fill="${NOTE_FILL}"`));
    expect(tables.length).toBeGreaterThanOrEqual(6);
    for (const table of tables) {
      expect(table).toContain('<w:tblW w:type="dxa" w:w="9638"/>');
      expect(table).toContain('<w:tblLayout w:type="fixed"/>');
      const grid = [...table.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((match) => Number(match[1]));
      expect(grid.reduce((a, b) => a + b, 0)).toBe(9638);
      // The rows of this document are short: none runs on over a page break (long ones may, see docx-pdf).
      const rows = table.match(/<w:tr>/g) ?? [];
      expect(table.match(/<w:cantSplit\/>/g)?.length).toBe(rows.length);
    }
    const stepTable = tables.find((table) => visibleText(table).includes('Coffee break.'));
    expect(stepTable).toBeDefined();
    expect(stepTable?.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(stepTable).toContain('w:fill="D9E2F3"');
    expect(stepTable).toContain('w:fill="EDEDED"');
  });

  it('puts the header on every page but the first and "Page X of Y" fields in the footer', () => {
    const sectPr = en.doc.slice(en.doc.lastIndexOf('<w:sectPr'));
    expect(sectPr).toContain('<w:titlePg/>');
    expect(sectPr).toMatch(/<w:headerReference w:type="first"/);
    expect(sectPr).toMatch(/<w:footerReference w:type="default"/);
    const headers = partsMatching(en.parts, /^word\/header\d*\.xml$/).map(visibleText);
    expect(headers).toContain('Foundation Course on Human Rights-Based Policing');
    expect(headers).toContain('');
    const footer = partsMatching(en.parts, /^word\/footer\d*\.xml$/).find((xml) => xml.includes('NUMPAGES'));
    expect(footer).toBeDefined();
    expect(footer).toMatch(/<w:instrText xml:space="preserve">PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText xml:space="preserve">NUMPAGES<\/w:instrText>/);
    expect(visibleText(footer ?? '')).toBe('Version 1.2 – DraftPage  of ');
  });

  it('sizes the page for A4 and for US Letter, portrait', async () => {
    expect(en.doc).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    const letter = await render(frTrainerLessonsPlan);
    expect(letter.doc).toContain('<w:pgSz w:w="12240" w:h="15840" w:orient="portrait"/>');
    expect(letter.doc).toContain('<w:tblW w:type="dxa" w:w="10080"/>');
  });

  it('writes the document properties', () => {
    const core = part(en.parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>Foundation Course on Human Rights-Based Policing</dc:title>');
    expect(core).toContain('<dc:subject>Police training curriculum</dc:subject>');
    expect(core).toContain('<dc:creator>National Police Academy – Curriculum Unit</dc:creator>');
    expect(core).toContain('<cp:keywords>human rights, use of force, police training</cp:keywords>');
    expect(core).toContain('<dc:description>Ten-day foundation course for newly recruited police officers.</dc:description>');
    expect(core).toContain('<dc:language>en-GB</dc:language>');
  });

  it('sets the fonts and the language of the text', () => {
    const styles = part(en.parts, 'word/styles.xml');
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/>/);
    expect(styles).toContain('<w:lang w:val="en-GB" w:bidi="ar-SA"/>');
  });
});

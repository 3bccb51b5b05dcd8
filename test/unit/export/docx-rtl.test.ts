import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import { part, partsMatching, readDocx, visibleText } from '../../helpers/docx-read';
import { arParticipantHandoutPlan } from '../../fixtures/export/plans/ar-participant-handout';
import { frTrainerLessonsPlan } from '../../fixtures/export/plans/fr-trainer-lessons';

const parts = await readDocx(await renderDocx(arParticipantHandoutPlan));
const doc = part(parts, 'word/document.xml');
const styles = part(parts, 'word/styles.xml');

const paragraphs = (xml: string): string[] => xml.match(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g) ?? [];
const runs = (xml: string): string[] => xml.match(/<w:r>(?:(?!<\/w:r>).)*<\/w:r>/g) ?? [];

describe('renderDocx: an Arabic document is right to left', () => {
  it('makes every paragraph bidirectional, in the body, the header and the footer', () => {
    const all = [doc, ...partsMatching(parts, /^word\/(header|footer)\d*\.xml$/)].flatMap(paragraphs);
    // The contents field opens and closes inside paragraphs with text, never in empty paragraphs of its own.
    const fieldOnly = (p: string): boolean => p.includes('<w:fldChar') && !p.includes('<w:t');
    const ours = all.filter((p) => !fieldOnly(p));
    expect(ours.length).toBeGreaterThan(40);
    expect(all.length - ours.length).toBe(0);
    for (const p of ours) expect(p).toContain('<w:bidi/>');
    // Paragraphs the docx package writes itself (the contents field's own) are right to left by default.
    expect(styles).toMatch(/<w:pPrDefault><w:pPr>(?:(?!<\/w:pPr>).)*<w:bidi\/>/);
  });

  it('marks every text run right to left', () => {
    const textRuns = runs(doc).filter((run) => run.includes('<w:t'));
    expect(textRuns.length).toBeGreaterThan(40);
    for (const run of textRuns) expect(run).toContain('<w:rtl/>');
  });

  it('lays tables out right to left', () => {
    const tables = doc.match(/<w:tbl>/g) ?? [];
    expect(tables.length).toBeGreaterThanOrEqual(2);
    expect(doc.match(/<w:bidiVisual\/>/g)).toHaveLength(tables.length);
  });

  it('uses a complex-script font and Arabic as the language', () => {
    expect(styles).toMatch(/<w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:cs="Arial" w:eastAsia="Arial" w:hAnsi="Arial"\/>/);
    expect(styles).toContain('<w:lang w:val="ar-SA" w:bidi="ar-SA"/>');
  });

  it('prints the labels and the page fields in Arabic', () => {
    const footer = partsMatching(parts, /^word\/footer\d*\.xml$/).find((xml) => xml.includes('NUMPAGES')) ?? '';
    expect(visibleText(footer)).toBe('الإصدار 1.0 – مسودةالصفحة  من ');
    expect(visibleText(doc)).toContain('المحتويات');
    expect(visibleText(doc)).toContain('الوحدة 2 – استخدام القوة');
  });
});

describe('renderDocx: a French document is left to right', () => {
  it('writes no right-to-left markup and tags the text as French', async () => {
    const fr = await readDocx(await renderDocx(frTrainerLessonsPlan));
    const frDoc = part(fr, 'word/document.xml');
    expect(frDoc).not.toMatch(/<w:bidi\/>|<w:rtl\/>|<w:bidiVisual\/>/);
    expect(part(fr, 'word/styles.xml')).toContain('<w:lang w:val="fr-FR" w:bidi="ar-SA"/>');
    expect(visibleText(frDoc)).toContain('Séance 3.1 – Comprendre les attentes de la population');
  });
});

describe('renderDocx: an Arabic document says it is Arabic', () => {
  it('names its language among the document properties', () => {
    expect(part(parts, 'docProps/core.xml')).toContain('<dc:language>ar-SA</dc:language>');
  });
});

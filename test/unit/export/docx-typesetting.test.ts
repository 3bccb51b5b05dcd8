/**
 * The Word renderer's typesetting, read from word/document.xml: French spaces before punctuation and
 * inside guillemets, Arabic years and placeholders held on one line, trainer notes in one box, items to
 * cut out between dashed lines, long table rows that may run on, and page flow (a handout on a new page,
 * a question kept with its answer).
 */
import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import type { ExportPlan, PlanBlock, PlanList } from '../../../shared/domain/export/plan';
import { bodyChildren, part, readDocx, visibleText } from '../../helpers/docx-read';
import { arParticipantHandoutPlan } from '../../fixtures/export/plans/ar-participant-handout';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { frTrainerLessonsPlan } from '../../fixtures/export/plans/fr-trainer-lessons';
import { bullets, cell, h, link, numbered, p, ph, t } from '../../fixtures/export/plans/plan-parts';

/** The body elements of a plan's only section, which holds `blocks` (from the page break after the cover). */
async function bodyOf(base: ExportPlan, blocks: PlanBlock[]): Promise<string[]> {
  const plan: ExportPlan = { ...base, tableOfContents: false, sections: [{ id: 'test', blocks }] };
  const body = bodyChildren(part(await readDocx(await renderDocx(plan)), 'word/document.xml'));
  return body.slice(body.findIndex((el) => el.includes('<w:pageBreakBefore/>'))).filter((el) => !el.startsWith('<w:sectPr'));
}

const NARROW = '\u202F';
const NO_BREAK = '\u00A0';

describe('French typography', () => {
  it('puts a narrow no-break space before ; ! ? : and a no-break space inside « », leaving times, links and placeholders alone', async () => {
    const body = await bodyOf(frTrainerLessonsPlan, [
      p('Remarque : la séance commence à 09:30 ; elle dure « deux heures » !'),
      p('Vraiment? Notez:'),
      p([t('Voir '), link('https://exemple.org/page?x=1', 'https://exemple.org/page?x=1'), t(' et le '), ph('code_penal'), t(' : «'), t('texte', { bold: true }), t('».')]),
      h(2, 'Séance 1 : le quartier'),
    ]);
    const [first, second, third, heading] = body.map(visibleText);
    expect(first).toBe(`Remarque${NARROW}: la séance commence à 09:30${NARROW}; elle dure «${NO_BREAK}deux heures${NO_BREAK}»${NARROW}!`);
    expect(second).toBe(`Vraiment${NARROW}? Notez${NARROW}:`);
    expect(third).toBe(`Voir https://exemple.org/page?x=1 et le {code_penal}${NARROW}: «${NO_BREAK}texte${NO_BREAK}».`);
    expect(heading).toBe(`Séance 1${NARROW}: le quartier`);
  });

  it('leaves English text as it is', async () => {
    const [paragraph] = await bodyOf(enFullCurriculumPlan, [p('Note: the session starts at 09:30; really? « quoted »')]);
    expect(visibleText(paragraph ?? '')).toBe('Note: the session starts at 09:30; really? « quoted »');
  });
});

describe('Arabic lines', () => {
  it('holds a year in parentheses and a placeholder with its brackets in bidirectional isolates', async () => {
    const [paragraph] = await bodyOf(arParticipantHandoutPlan, [p([t('العهد الدولي (1966) وقانون الشرطة ('), ph('national_police_law'), t(') و'), ph('country', 'جمهورية نوفا'), t('.')])]);
    const text = visibleText(paragraph ?? '');
    expect(text).toBe('العهد الدولي \u2066(1966)\u2069 وقانون الشرطة \u2068({national_police_law})\u2069 و\u2068جمهورية\u00A0نوفا\u2069.');
  });
});

describe('boxes', () => {
  it('puts a trainer note’s paragraphs and lists in one shaded box', async () => {
    const noteList: PlanList = { ...bullets(['Card 1: a child.', 'Card 2: a deaf man.']), style: 'note' };
    const body = await bodyOf(enFullCurriculumPlan, [h(3, 'Trainer notes'), p('Safety first.', 'note'), noteList, p('Common misconceptions:', 'note'), p('After the box.')]);
    const boxes = body.filter((el) => el.startsWith('<w:tbl>'));
    expect(boxes).toHaveLength(1);
    const box = boxes[0] ?? '';
    expect(box.match(/<w:tc>/g)).toHaveLength(1);
    expect(box).toContain('w:fill="EEF3FA"');
    expect(visibleText(box)).toBe('Safety first.Card 1: a child.Card 2: a deaf man.Common misconceptions:');
    // A long note may run on over a page break.
    expect(box).not.toContain('<w:cantSplit/>');
    expect(visibleText(body.at(-1) ?? '')).toBe('After the box.');
  });

  it('draws items to cut out between dashed lines, numbered, each kept whole', async () => {
    const strips: PlanList = { ...numbered(['A patrol does not enter a house.', 'Officers stay between two groups.', 'An officer refuses to slap a detainee.']), cutLines: true };
    const body = await bodyOf(enFullCurriculumPlan, [p('Cut along the lines and give one set to each group.'), strips]);
    const table = body.find((el) => el.startsWith('<w:tbl>')) ?? '';
    expect(table).toContain('<w:insideH w:val="dashed"');
    expect(table).toContain('<w:top w:val="dashed"');
    const rows = table.match(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g) ?? [];
    expect(rows.map(visibleText)).toEqual(['1. A patrol does not enter a house.', '2. Officers stay between two groups.', '3. An officer refuses to slap a detainee.']);
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
  });

  it('lets a long table row run on over a page break, keeping short rows whole and the header repeated', async () => {
    const long = Array.from({ length: 14 }, (_, i) => `Step ${String(i + 1)}: explain the point, ask the group and write the answers on the flip chart.`).join(' ');
    const table: PlanBlock = { kind: 'table', columns: [1, 4], header: [[cell('Time'), cell('Trainer activity')]], rows: [[cell('09:00'), cell('Welcome.')], [cell('09:10'), cell(long)]] };
    const body = await bodyOf(enFullCurriculumPlan, [table]);
    const rows = (body.find((el) => el.startsWith('<w:tbl>')) ?? '').match(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>|<w:tr><w:trPr>(?:(?!<\/w:tr>).)*<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[1]).toContain('<w:cantSplit/>');
    expect(rows[2]).not.toContain('<w:cantSplit/>');
  });
});

describe('page flow', () => {
  it('starts a handout on a new page, taking the heading right before it along', async () => {
    const title = (text: string): PlanBlock => ({ ...p([t(text, { bold: true })]), startsPage: true });
    const body = await bodyOf(enFullCurriculumPlan, [h(2, 'Lesson 1.1'), p('Aim.'), h(3, 'Handouts'), title('Handout 1.1A'), p('Body A.'), title('Handout 1.1B'), p('Body B.')]);
    const breaks = body.filter((el) => el.includes('<w:pageBreakBefore/>')).map(visibleText);
    // The section's own break, the "Handouts" heading (with 1.1A after it), and 1.1B.
    expect(breaks).toEqual(['Lesson 1.1', 'Handouts', 'Handout 1.1B']);
  });

  it('keeps a question’s stem and options with what follows them', async () => {
    const kept = (text: string): PlanBlock => ({ ...p(text), keepWithNext: true });
    const keptList: PlanBlock = { ...bullets(['first point', 'second point']), keepWithNext: true };
    const body = await bodyOf(enFullCurriculumPlan, [kept('1. Which principle applies?'), kept('A. Legality'), keptList, p('B. Necessity'), p('2. Next question.')]);
    expect(body.map((el) => el.includes('<w:keepNext/>'))).toEqual([true, true, true, true, false, false]);
  });
});

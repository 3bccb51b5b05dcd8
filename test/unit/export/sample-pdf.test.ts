/**
 * The shipped sample course and an Arabic sample module, exported in every variant and laid out by
 * LibreOffice (installed here and in CI): no page is blank (a page with nothing but the running header and
 * footer, or nothing but ruled lines), the footers count the real pages, page counts stay in sensible bounds,
 * and participant documents show none of the trainers' notes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, ExportVariant } from '../../../shared/domain/export/plan';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { convertToPdf, pageTexts, pdfPathFor, squeeze } from '../../helpers/docx-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

type Case = { name: string; curriculum: Curriculum; variant: ExportVariant; pages: [number, number] };

const course = sampleCourse();
const NOW = new Date('2026-03-02T09:00:00Z');
const arabic = curriculumForModule(sampleModule('hr-foundations-ar'), NOW);
const french = curriculumForModule(sampleModule('community-policing-fr'), NOW);
/** Lesson 4.2 alone: a morning's teaching, with lunch and an afternoon break planned after it. */
const oneLesson = curriculumForModule(sampleModule('use-of-force-firearms'), NOW, 1);
/** Page bounds: wide enough for font differences, narrow enough to catch a document that lost or doubled content. */
const CASES: Case[] = [
  { name: 'en-full', curriculum: course, variant: 'full', pages: [120, 280] },
  { name: 'en-trainer', curriculum: course, variant: 'trainer', pages: [110, 260] },
  { name: 'en-participant', curriculum: course, variant: 'participant', pages: [40, 110] },
  { name: 'en-pre-test', curriculum: course, variant: 'pre-test', pages: [3, 12] },
  { name: 'en-answer-key', curriculum: course, variant: 'answer-key', pages: [8, 40] },
  { name: 'ar-full', curriculum: arabic, variant: 'full', pages: [15, 45] },
  { name: 'ar-trainer', curriculum: arabic, variant: 'trainer', pages: [12, 35] },
  { name: 'ar-participant', curriculum: arabic, variant: 'participant', pages: [5, 18] },
  { name: 'fr-full', curriculum: french, variant: 'full', pages: [15, 50] },
  { name: 'en-lesson', curriculum: oneLesson, variant: 'full', pages: [8, 25] },
];

const results = new Map<string, { plan: ExportPlan; pages: string[] }>();

beforeAll(async () => {
  const dir = await tempDir('cc-sample-pdf-');
  const files: string[] = [];
  for (const c of CASES) {
    const plan = buildExportPlan(planInput(c.curriculum), { variant: c.variant, paper: 'a4', annexes: true });
    const file = join(dir, `${c.name}.docx`);
    await writeFile(file, await renderDocx(plan));
    files.push(file);
    results.set(c.name, { plan, pages: [] });
  }
  // Two LibreOffice runs, so that neither comes near the conversion's time limit on a busy machine.
  const half = Math.ceil(files.length / 2);
  await convertToPdf(files.slice(0, half), dir, join(dir, 'profile'));
  await convertToPdf(files.slice(half), dir, join(dir, 'profile'));
  for (const [index, c] of CASES.entries()) {
    const result = results.get(c.name);
    if (result) result.pages = await pageTexts(pdfPathFor(files[index] ?? '', dir));
  }
}, 480_000);

function resultOf(name: string): { plan: ExportPlan; pages: string[] } {
  const result = results.get(name);
  if (!result || result.pages.length === 0) throw new Error(`No PDF for ${name}`);
  return result;
}

/** A page's text without the running header, the footer and the page number. */
function body(page: string, plan: ExportPlan): string {
  return squeeze(page)
    .replace(squeeze(plan.running.header), '')
    .replace(squeeze(plan.running.footer), '')
    .replace(/\d+/g, '')
    .replace(squeeze(plan.labels.pageOfPages.replace('{page}', '').replace('{pages}', '')), '');
}

describe('the sample course and an Arabic module, laid out by LibreOffice', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s has no blank page and a sensible length', (name, c) => {
    const { plan, pages } = resultOf(name);
    expect(pages.length).toBeGreaterThanOrEqual(c.pages[0]);
    expect(pages.length).toBeLessThanOrEqual(c.pages[1]);
    const blank = pages.flatMap((page, index) => (body(page, plan).length === 0 ? [index + 1] : []));
    expect(blank).toEqual([]);
  });

  it('numbers every English page "Page k of N" with the real count', () => {
    const { pages } = resultOf('en-trainer');
    for (const [index, page] of pages.entries()) {
      if (index === 0) continue; // the cover has no footer
      expect(page).toContain(`Page ${String(index + 1)} of ${String(pages.length)}`);
    }
  });

  it('gives participants none of the trainer notes', () => {
    const text = squeeze(resultOf('en-participant').pages.join(''));
    const notes = course.items.flatMap((item) => (item.kind === 'module' ? item.snapshot.lessons.map((l) => l.trainerNotes) : []));
    expect(notes.length).toBeGreaterThan(20);
    for (const note of notes) expect(text).not.toContain(squeeze(note.slice(0, 80)));
    // The same comparison finds them in the trainer document, so it can fail.
    const trainer = squeeze(resultOf('en-trainer').pages.join(''));
    expect(notes.filter((note) => trainer.includes(squeeze(note.slice(0, 80)))).length).toBeGreaterThan(0);
  });
});

/**
 * Where each text is printed, in document order: the page of each of `texts`, found one after the other
 * (squeezed, so line breaks and spacing do not matter), or -1 once one is not found.
 */
function pagesInOrder(pages: readonly string[], texts: readonly string[]): number[] {
  const squeezed = pages.map(squeeze);
  let page = 0;
  let offset = 0;
  return texts.map((text) => {
    const needle = squeeze(text);
    while (page < squeezed.length) {
      const at = squeezed[page]?.indexOf(needle, offset) ?? -1;
      if (at >= 0) {
        offset = at + needle.length;
        return page;
      }
      page += 1;
      offset = 0;
    }
    return -1;
  });
}

/**
 * The start of the first block of each question of two blocks or more (a question starts with a bold
 * "N. " paragraph), and of its last option or the start of its answer.
 */
function questions(plan: ExportPlan): { first: string; last: string }[] {
  const blocks = plan.sections.flatMap((section) => section.blocks);
  const out: { first: string; last: string }[] = [];
  blocks.forEach((block, index) => {
    if (block.kind !== 'paragraph' || block.inlines[0]?.bold !== true || !/^\d+\. /.test(inlinesText(block.inlines))) return;
    let end = index + 1;
    while (end < blocks.length) {
      const next = blocks[end];
      if (!next || next.kind === 'heading' || next.kind === 'lines' || (next.kind === 'paragraph' && next.inlines[0]?.bold === true && /^\d+\. /.test(inlinesText(next.inlines)))) break;
      end += 1;
    }
    // A question of one paragraph (before its ruled lines) has nothing printed to compare with.
    if (end - index < 2) return;
    // The last option, or where the answer begins: a long answer's box may run on to the next page.
    let lastIndex = end - 1;
    const isAnswer = (i: number): boolean => {
      const b = blocks[i];
      return (b?.kind === 'paragraph' || b?.kind === 'list') && b.style === 'note';
    };
    while (lastIndex - 1 > index && isAnswer(lastIndex - 1)) lastIndex -= 1;
    const last = blocks[lastIndex];
    // Enough of each text to find it, not so much that it runs past a page's end.
    const start = (text: string): string => text.slice(0, 40);
    out.push({ first: start(inlinesText(block.inlines)), last: start(last?.kind === 'paragraph' ? inlinesText(last.inlines) : last?.kind === 'list' ? inlinesText(last.items[0] ?? []) : '') });
  });
  return out;
}

describe('typesetting a trainer notices, laid out by LibreOffice', () => {
  it.each(['en-pre-test', 'en-answer-key'])('%s: keeps each question with its options and its answer lines or answer', (name) => {
    const { plan, pages } = resultOf(name);
    const all = questions(plan);
    // Questions of two blocks or more: multiple choice and answers (true or false ones are one paragraph).
    expect(all.length).toBeGreaterThan(4);
    const found = pagesInOrder(pages, all.flatMap((q) => [q.first, q.last]));
    const split = all.filter((_q, i) => found[2 * i] !== found[2 * i + 1]).map((q) => q.first);
    expect(found.filter((page) => page < 0)).toEqual([]);
    expect(split).toEqual([]);
  });

  it('shows only the breaks inside the day’s teaching in the timetable of a one-lesson export', () => {
    const { pages } = resultOf('en-lesson');
    const timetable = pages.find((page) => page.includes('Timetable') && page.includes('Lesson / Session')) ?? '';
    expect(timetable).toContain('10:45–11:00');
    expect(timetable).not.toContain('Lunch');
    expect(timetable).not.toContain('15:15–15:30');
  });

  it('prints a session’s kind once in the timetable', () => {
    const text = squeeze(resultOf('en-full').pages.join(''));
    expect(text).toContain(squeeze('Opening: welcome, introductions'));
    expect(text).not.toContain('OpeningOpening');
  });

  it('gives the full curriculum’s lesson plans clock times and a row for lunch where a lesson spans it', () => {
    const stepPages = resultOf('en-full').pages.filter((page) => page.includes('Trainer activity') && page.includes('Participant activity'));
    expect(stepPages.length).toBeGreaterThan(20);
    expect(stepPages.some((page) => /\b12:[0-5]\d–1[34]:[0-5]\d\s+Lunch\b/.test(page))).toBe(true);
    // The header row, repeated on every page of a table, names the time column (it said "Minutes").
    for (const page of stepPages) expect(page).toMatch(/^\s*Time\s+Trainer activity\s+Participant activity/m);
    expect(stepPages.filter((page) => /^\s*\d\d:\d\d–\d\d:\d\d\s/m.test(page)).length).toBeGreaterThan(stepPages.length * 0.9);
  });

  it('starts the first step of each lesson plan on the page of its "Lesson plan" heading: long rows run on', () => {
    const { plan, pages } = resultOf('en-full');
    const texts = plan.sections.flatMap((section) =>
      section.blocks.flatMap((block, index) => {
        const table = section.blocks[index + 1];
        if (block.kind !== 'heading' || block.text !== 'Lesson plan' || table?.kind !== 'table') return [];
        const title = table.rows[0]?.[1]?.blocks[0];
        return ['Lesson plan', title?.kind === 'paragraph' ? inlinesText(title.inlines).slice(0, 30) : ''];
      }),
    );
    expect(texts.length).toBeGreaterThan(40);
    const found = pagesInOrder(pages, texts);
    const apart = texts.flatMap((text, i) => (i % 2 === 1 && found[i] !== found[i - 1] ? [text] : []));
    expect(apart).toEqual([]);
  });

  it('starts each handout on a page of its own', () => {
    const { plan, pages } = resultOf('en-participant');
    const titles = plan.sections.flatMap((section) => section.blocks.flatMap((block) => (block.kind === 'paragraph' && block.startsPage ? [inlinesText(block.inlines)] : [])));
    expect(titles.length).toBeGreaterThan(20);
    // Above the title: the running header, and for a lesson's first handout the "Handouts" heading. (A
    // title may also be named earlier, in a task that uses the handout.)
    const above = (page: string, title: string): string => squeeze(page.slice(0, page.indexOf(title.slice(0, 20)))).replace(squeeze(plan.running.header), '');
    for (const title of titles) expect(pages.some((page) => page.includes(title.slice(0, 20)) && ['', 'Handouts'].includes(above(page, title))), title).toBe(true);
  });

  it('prints a page number for every contents entry, the page where its heading is', () => {
    const { pages } = resultOf('en-full');
    const contents = pages.slice(1, 4).filter((page) => !page.includes('Lesson / Session'));
    const entries = contents.flatMap((page) => [...page.matchAll(/^\s*((?:Module \d+|Overview|Timetable|Coverage|Annex)[^\n]*?)[ .]*?(\d+)\s*$/gm)]);
    expect(entries.length).toBeGreaterThanOrEqual(12);
    for (const [, title = '', number = ''] of entries) {
      const heading = title.replace(/\.+$/, '').trim();
      expect(squeeze(pages[Number(number) - 1] ?? ''), heading).toContain(squeeze(heading));
    }
  });

  it('sets French punctuation: no line of the French module starts with » : ; ! ? or ends with «', () => {
    const lines = resultOf('fr-full').pages.flatMap((page) => page.split('\n'));
    expect(lines.some((line) => line.includes('«'))).toBe(true);
    expect(lines.filter((line) => /^\s*[»:;!?]/.test(line) || /«\s*$/.test(line))).toEqual([]);
  });

  it('keeps "(" with the year or placeholder after it in the Arabic module', () => {
    const lines = resultOf('ar-full').pages.flatMap((page) => page.split('\n').map((line) => line.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, '').trim()));
    expect(lines.some((line) => line.includes('(1966)') || line.includes('1966'))).toBe(true);
    expect(lines.filter((line) => /\(\{?$/.test(line))).toEqual([]);
  });
});

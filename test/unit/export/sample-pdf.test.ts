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
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, ExportVariant } from '../../../shared/domain/export/plan';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { convertToPdf, pageTexts, pdfPathFor, squeeze } from '../../helpers/docx-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { planInput, sampleCourse, sampleModule } from '../../fixtures/export/plan-sample';

type Case = { name: string; curriculum: Curriculum; variant: ExportVariant; pages: [number, number] };

const course = sampleCourse();
const arabic = curriculumForModule(sampleModule('hr-foundations-ar'), new Date('2026-03-02T09:00:00Z'));
/** Page bounds: wide enough for font differences, narrow enough to catch a document that lost or doubled content. */
const CASES: Case[] = [
  { name: 'en-full', curriculum: course, variant: 'full', pages: [120, 280] },
  { name: 'en-trainer', curriculum: course, variant: 'trainer', pages: [110, 260] },
  { name: 'en-participant', curriculum: course, variant: 'participant', pages: [40, 110] },
  { name: 'en-pre-test', curriculum: course, variant: 'pre-test', pages: [10, 35] },
  { name: 'en-answer-key', curriculum: course, variant: 'answer-key', pages: [25, 80] },
  { name: 'ar-full', curriculum: arabic, variant: 'full', pages: [15, 45] },
  { name: 'ar-trainer', curriculum: arabic, variant: 'trainer', pages: [12, 35] },
  { name: 'ar-participant', curriculum: arabic, variant: 'participant', pages: [5, 18] },
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
  await convertToPdf(files, dir, join(dir, 'profile'));
  for (const [index, c] of CASES.entries()) {
    const result = results.get(c.name);
    if (result) result.pages = await pageTexts(pdfPathFor(files[index] ?? '', dir));
  }
}, 240_000);

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

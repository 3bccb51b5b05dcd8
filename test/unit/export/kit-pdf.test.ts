/**
 * The trainer kit of the shipped sample course, and the new documents of an Arabic course with every
 * course-package field, laid out by LibreOffice: every document converts, no page is blank (nothing but
 * the running header and footer), and page counts stay within bounds worked out from what each document
 * holds (questions of a test, sheets and tasks of a checklist), so the bounds follow the sample's content.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runKitJob } from '../../../electron/services/export/kit-job';
import { practicalItems } from '../../../shared/domain/curriculum/assessment';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { planContext } from '../../../shared/domain/export/context';
import { kitContents } from '../../../shared/domain/export/kit';
import type { ExportPlan, ExportVariant } from '../../../shared/domain/export/plan';
import { printedTestItems } from '../../../shared/domain/export/sections/assessment';
import { observationSheets } from '../../../shared/domain/export/sections/observation';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { convertToPdf, pageTexts, pdfPathFor, squeeze } from '../../helpers/docx-pdf';
import { tempDir } from '../../helpers/temp-dir';
import { packagedArabicCourse } from '../../fixtures/export/course-package';
import { planInput, sampleCourse } from '../../fixtures/export/plan-sample';

type Doc = { name: string; course: Curriculum; variant: ExportVariant; file: string; plan: ExportPlan; pages: string[] };

const sample = sampleCourse();
const arabic = packagedArabicCourse();
const docs: Doc[] = [];

/** Sensible page counts for a document of this course: wide enough for fonts, narrow enough to catch lost or doubled content. */
function bounds(course: Curriculum, variant: ExportVariant): [number, number] {
  const ctx = planContext(planInput(course), { variant, paper: 'a4', annexes: true });
  const questions = (test: 'pre-test' | 'post-test') => printedTestItems(ctx, test).length;
  const lessons = ctx.modules.reduce((n, m) => n + m.lessons.length, 0);
  switch (variant) {
    case 'full':
      return [2 + lessons * 2, 20 + lessons * 12];
    case 'trainer':
      return [1 + lessons * 2, 10 + lessons * 12];
    case 'participant':
      return [1 + lessons, 5 + lessons * 5];
    case 'pre-test':
    case 'post-test':
      return [2 + Math.floor(questions(variant) / 15), 3 + Math.ceil(questions(variant) / 2)];
    case 'answer-key': {
      const all = questions('pre-test') + questions('post-test');
      return [2 + Math.floor(all / 15), 3 + all];
    }
    case 'observation-checklist': {
      const tasks = practicalItems(course).length;
      const sheets = observationSheets(ctx);
      return [2 + sheets * Math.max(1, Math.floor(tasks / 8)), 4 + Math.ceil(tasks / 10) + sheets * (2 + Math.ceil(tasks / 1.5))];
    }
    case 'evaluation-form':
      return [2, 3 + Math.ceil(ctx.modules.length / 15)];
  }
}

beforeAll(async () => {
  const dir = await tempDir('cc-kit-pdf-');
  const kit = await runKitJob({ input: planInput(sample), paper: 'a4' }, {});
  const variants = kitContents(sample).documents.map((d) => d.variant);
  for (const [index, file] of kit.files.entries()) {
    const variant = variants[index];
    if (!variant) throw new Error(`no variant for ${file.fileName}`);
    const path = join(dir, file.fileName);
    await writeFile(path, file.bytes);
    docs.push({ name: `en-${variant}`, course: sample, variant, file: path, plan: buildExportPlan(planInput(sample), { variant, paper: 'a4', annexes: true }), pages: [] });
  }
  // The new documents in Arabic, and the full document with the course-package sections, right to left.
  const arabicKit = await runKitJob({ input: planInput(arabic), paper: 'a4' }, {});
  for (const variant of ['full', 'observation-checklist', 'evaluation-form', 'pre-test'] as const) {
    const file = arabicKit.files.find((f) => f.fileName.includes(variant === 'full' ? '01-curriculum' : variant));
    if (!file) throw new Error(`the Arabic kit has no ${variant}`);
    const path = join(dir, file.fileName);
    await writeFile(path, file.bytes);
    docs.push({ name: `ar-${variant}`, course: arabic, variant, file: path, plan: buildExportPlan(planInput(arabic), { variant, paper: 'a4', annexes: true }), pages: [] });
  }
  await convertToPdf(docs.map((d) => d.file), dir, join(dir, 'profile'));
  for (const doc of docs) doc.pages = await pageTexts(pdfPathFor(doc.file, dir));
}, 420_000);

function docOf(name: string): Doc {
  const doc = docs.find((d) => d.name === name);
  if (!doc || doc.pages.length === 0) throw new Error(`No PDF for ${name}`);
  return doc;
}

/** A page's text without the running header, the footer and the page number. */
function body(page: string, plan: ExportPlan): string {
  return squeeze(page)
    .replace(squeeze(plan.running.header), '')
    .replace(squeeze(plan.running.footer), '')
    .replace(/\d+/g, '')
    .replace(squeeze(plan.labels.pageOfPages.replace('{page}', '').replace('{pages}', '')), '');
}

const NAMES = [
  ...['full', 'trainer', 'participant', 'pre-test', 'post-test', 'answer-key', 'observation-checklist', 'evaluation-form'].map((v) => `en-${v}`),
  ...['full', 'observation-checklist', 'evaluation-form', 'pre-test'].map((v) => `ar-${v}`),
];

describe('the trainer kit, laid out by LibreOffice', () => {
  it('holds every document of the sample course', () => {
    expect(docs.map((d) => d.name)).toEqual(NAMES);
  });

  it.each(NAMES.map((name) => [name]))('%s has no blank page and a sensible length', (name) => {
    const { plan, pages, course, variant } = docOf(name);
    const [least, most] = bounds(course, variant);
    expect(pages.length).toBeGreaterThanOrEqual(least);
    expect(pages.length).toBeLessThanOrEqual(most);
    const blank = pages.flatMap((page, index) => (body(page, plan).length === 0 ? [index + 1] : []));
    expect(blank).toEqual([]);
  });

  it('prints the checklist\'s sheets and the evaluation form\'s questions where a reader sees them', () => {
    const checklist = squeeze(docOf('en-observation-checklist').pages.join(''));
    expect(checklist).toContain(squeeze('Participant sheet 1'));
    expect(checklist).toContain(squeeze('Rating scale: 1 Not yet · 2 Partly · 3 Competent · 4 Exemplary'));
    const form = squeeze(docOf('en-evaluation-form').pages.join(''));
    expect(form).toContain(squeeze('What should we change in this course?'));
    const arabicFull = squeeze(docOf('ar-full').pages.join(''));
    for (const heading of ['وصف الدورة', 'التقييم وتقويم الدورة', 'مسرد المصطلحات', 'مراجعة الجودة']) expect(arabicFull).toContain(squeeze(heading));
  });
});

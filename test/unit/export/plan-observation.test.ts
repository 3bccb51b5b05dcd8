import { describe, expect, it } from 'vitest';
import { courseItems, practicalItems, type CourseItem } from '../../../shared/domain/curriculum/assessment';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { labelsFor } from '../../../shared/domain/export/labels';
import type { ExportPlan, ExportVariant, PlanTable } from '../../../shared/domain/export/plan';
import { planTexts } from '../../../shared/domain/export/plan-text';
import { MAX_OBSERVATION_SHEETS } from '../../../shared/domain/export/sections/observation';
import { markdownToPlainText } from '../../../shared/domain/markdown';
import { courseNumbering } from '../../../shared/domain/references/numbering';
import { printRefs } from '../../../shared/domain/references/resolve';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { packagedArabicCourse, packagedSampleCourse } from '../../fixtures/export/course-package';
import { planInput, sampleCourse } from '../../fixtures/export/plan-sample';
import { curriculum, moduleItem } from '../curriculum/sample';

const build = (course: Curriculum, variant: ExportVariant = 'observation-checklist'): ExportPlan => buildExportPlan(planInput(course), { variant, paper: 'a4', annexes: true });
const sheets = (plan: ExportPlan) => plan.sections.filter((s) => s.id.startsWith('sheet-'));
const tables = (plan: ExportPlan, id: string): PlanTable[] => (plan.sections.find((s) => s.id === id)?.blocks ?? []).filter((b): b is PlanTable => b.kind === 'table');
const firstLine = (markdown: string): string => markdownToPlainText(markdown).split('\n')[0] ?? '';
/** An item's question as the documents print it: references given the course's numbers. */
const printedQuestion = (c: CourseItem, course: Curriculum): string => printRefs(c.item.question, { moduleId: c.moduleId, lessonCode: c.lessonCode }, courseNumbering(course), course.language);

describe('the observation checklist', () => {
  const course = packagedSampleCourse();

  it('holds every practical item of the course, and no written one', () => {
    const text = planTexts(build(course)).join('\n');
    const items = practicalItems(course);
    expect(items.length).toBeGreaterThan(10);
    // Questions are compared as printed: a reference such as [[handout:role-play-cards]] reads "Handout 1.2A".
    for (const c of items) expect(text, c.item.question).toContain(firstLine(printedQuestion(c, course)));
    const written = courseItems(course).filter((c) => c.item.kind === 'written');
    expect(written.length).toBeGreaterThan(40);
    for (const c of written.slice(0, 40)) expect(text).not.toContain(firstLine(printedQuestion(c, course)));
  });

  it('prints the references in the tasks with the course\'s numbers', () => {
    const text = planTexts(build(course)).join('\n');
    const withRefs = practicalItems(course).filter((c) => c.item.question.includes('[['));
    expect(withRefs.length).toBeGreaterThan(0);
    expect(text).not.toContain('[[');
    expect(text).toMatch(/scenario 1 or 2 of Handout \d+\.\d+[A-Z] for five minutes/);
  });

  it('prints one sheet per participant of the largest class, with the name, date and observer to fill in', () => {
    const plan = build(course);
    expect(sheets(plan)).toHaveLength(24);
    const first = sheets(plan)[0];
    const facts = first?.blocks.find((b) => b.kind === 'facts');
    expect(facts?.kind === 'facts' ? facts.rows.map((r) => r.label) : []).toEqual(['Participant', 'Date', 'Observer']);
    expect(planTexts(plan).join('\n')).not.toContain('Copy this sheet');
  });

  it('caps the sheets, and says to copy one for further participants', () => {
    const plan = build({ ...course, classSize: { min: 20, max: 80 } });
    expect(sheets(plan)).toHaveLength(MAX_OBSERVATION_SHEETS);
    expect(planTexts(plan).join('\n')).toContain(`This document holds ${MAX_OBSERVATION_SHEETS} sheets: copy one for each further participant.`);
  });

  it('prints one sheet and a line saying to copy it when the course sets no class size', () => {
    const { classSize: _size, ...unsized } = course;
    const plan = build(unsized);
    expect(sheets(plan)).toHaveLength(1);
    expect(planTexts(plan).join('\n')).toContain('Copy this sheet for each participant.');
  });

  it('rates each criterion of a task on four points, its criteria read from the marking guide', () => {
    const plan = build(course);
    const [table] = tables(plan, 'sheet-1');
    expect(table?.header[0]?.map((c) => c.blocks.map((b) => (b.kind === 'paragraph' ? inlinesText(b.inlines) : '')).join(''))).toEqual(['Criterion', '1', '2', '3', '4']);
    expect(planTexts(plan).join('\n')).toContain('Rating scale: 1 Not yet · 2 Partly · 3 Competent · 4 Exemplary');
    // The use-of-force role-play's checklist: one row per criterion, after the task's own row.
    const rows = (table?.rows ?? []).map((row) => row[0]?.blocks.map((b) => (b.kind === 'paragraph' ? inlinesText(b.inlines) : '')).join(' ') ?? '');
    const task = rows.findIndex((r) => r.includes('de-escalate an agitated person'));
    expect(task).toBeGreaterThan(0);
    expect(rows[task]).toContain('Checklist (1 point each, pass at 5 of 7)');
    expect(rows.slice(task + 1, task + 8)).toEqual([
      'introduces self and purpose',
      'keeps a safe distance and a position with an exit',
      'one voice, calm tone, simple consistent instructions',
      'listens and acknowledges emotions',
      'asks open questions',
      'offers choices or a way to save face',
      'uses time and does not touch the person without need',
    ]);
    expect(rows[task]).toMatch(/^Task \d+ – Lesson 3\.\d/);
  });

  it('lists the tasks with their course lesson numbers and when they are taught', () => {
    const [table] = tables(build(course), 'observation-overview');
    const cells = (table?.rows ?? []).map((row) => row.map((c) => c.blocks.map((b) => (b.kind === 'paragraph' ? inlinesText(b.inlines) : '')).join('')));
    expect(cells.length).toBe(practicalItems(course).length);
    expect(cells[0]?.[0]).toBe('Task 1');
    expect(cells[0]?.[1]).toMatch(/^Lesson 1\.\d – /);
    expect(cells[0]?.[2]).toMatch(/^Day \d+, \d\d:\d\d–\d\d:\d\d$/);
  });

  it('says so when the course has no practical item', () => {
    const written = moduleItem('hr-foundations');
    const snapshot = { ...written.snapshot, lessons: written.snapshot.lessons.map((l) => ({ ...l, evaluation: l.evaluation.filter((e) => e.kind === 'written') })) };
    const plan = build(curriculum([{ ...written, snapshot }]));
    expect(plan.sections.map((s) => s.id)).toEqual(['no-practical-items']);
  });

  it('labels the scale in the document language, Arabic right to left', () => {
    const plan = build(packagedArabicCourse());
    expect(plan.direction).toBe('rtl');
    expect(plan.cover.documentKind).toBe(labelsFor('ar')['document.observation-checklist']);
    const text = planTexts(plan).join('\n');
    for (const r of [1, 2, 3, 4] as const) expect(text).toContain(labelsFor('ar')[`rating${r}`]);
    expect(sheets(plan)).toHaveLength(15);
  });

  it('is a trainer document: the sample course as shipped exports one', () => {
    expect(() => build(sampleCourse())).not.toThrow();
  });
});

import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { inlinesText } from '../../../shared/domain/export/inline';
import { labelsFor } from '../../../shared/domain/export/labels';
import { PARTICIPANT_VARIANTS, type ExportPlan, type PlanTable } from '../../../shared/domain/export/plan';
import { planTexts } from '../../../shared/domain/export/plan-text';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { packagedArabicCourse, packagedSampleCourse } from '../../fixtures/export/course-package';
import { planInput } from '../../fixtures/export/plan-sample';

const build = (course: Curriculum): ExportPlan => buildExportPlan(planInput(course), { variant: 'evaluation-form', paper: 'a4', annexes: true });
const firstColumn = (table: PlanTable | undefined): string[] =>
  (table?.rows ?? []).map((row) => row[0]?.blocks.map((b) => (b.kind === 'paragraph' ? inlinesText(b.inlines) : '')).join('') ?? '');

describe('the course evaluation form', () => {
  const course = packagedSampleCourse();

  it('is a participant document, checked like handouts and tests', () => {
    expect(PARTICIPANT_VARIANTS).toContain('evaluation-form');
    // Checked and passed: it holds no trainer-only text of the course.
    expect(() => build(course)).not.toThrow();
  });

  it('rates the standard statements on five points, each module of the course by its course number, and asks open questions', () => {
    const plan = build(course);
    const tables = plan.sections.flatMap((s) => s.blocks).filter((b): b is PlanTable => b.kind === 'table');
    expect(tables).toHaveLength(2);
    expect(tables[0]?.header[0]).toHaveLength(6);
    expect(firstColumn(tables[0])).toEqual([
      'The course was relevant to my work.',
      'The objectives and the content were clear.',
      'The training methods helped me learn.',
      'The trainers knew their subject and involved every participant.',
      'The handouts and materials were useful.',
      'The time given matched the content.',
    ]);
    const modules = course.items.flatMap((i) => (i.kind === 'module' ? [i.snapshot.title] : []));
    expect(firstColumn(tables[1])).toEqual(modules.map((title, index) => `Module ${index + 1} – ${title}`));
    const text = planTexts(plan).join('\n');
    for (const question of ['What was most useful to you?', 'What should we change in this course?', 'Other comments']) expect(text).toContain(question);
  });

  it('never prints the designers\' note on how the course is evaluated, nor any trainer text', () => {
    const text = planTexts(build(course)).join('\n');
    expect(course.courseEvaluation.length).toBeGreaterThan(20);
    expect(text).not.toContain(course.courseEvaluation.slice(0, 30));
    expect(text).not.toContain(course.assessmentStrategy.notes);
    expect(text).not.toContain(course.trainerProfile);
  });

  it('is written in the course language', () => {
    const plan = build(packagedArabicCourse());
    const l = labelsFor('ar');
    expect(plan.cover.documentKind).toBe(l['document.evaluation-form']);
    const text = planTexts(plan).join('\n');
    expect(text).toContain(l.evalRelevance);
    expect(text).toContain(`${l.module} 2 – `);
  });
});

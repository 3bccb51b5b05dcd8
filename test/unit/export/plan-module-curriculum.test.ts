import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { PlanHeading } from '../../../shared/domain/export/plan';
import { scheduleCurriculum } from '../../../shared/domain/curriculum/schedule';
import { AppError } from '../../../shared/errors';
import { CurriculumSchema } from '../../../shared/schemas/curriculum';
import { planInput, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');

describe('a module or a lesson as a curriculum', () => {
  it('makes a valid one-module curriculum in the module’s language with the days its lessons need', () => {
    const module = sampleModule('use-of-force-firearms');
    const curriculum = curriculumForModule(module, NOW);
    expect(CurriculumSchema.parse(curriculum)).toEqual(curriculum);
    expect(curriculum).toMatchObject({ id: module.id, title: module.title, language: 'en', placeholders: {}, createdAt: NOW.toISOString() });
    expect(curriculum.items).toEqual([expect.objectContaining({ kind: 'module', moduleId: module.id, snapshot: module, lessons: [] })]);
    const schedule = scheduleCurriculum(curriculum);
    expect(schedule.daysUsed).toBe(curriculum.days);
    expect(curriculum.days).toBeGreaterThan(1);
    expect(curriculumForModule(sampleModule('hr-foundations-ar'), NOW).language).toBe('ar');
  });

  it('exports one lesson alone, numbered as the first lesson of module 1', () => {
    const module = sampleModule('hr-foundations');
    const curriculum = curriculumForModule(module, NOW, 2);
    const lesson = module.lessons[2];
    expect(curriculum.subtitle).toBe(`${lesson?.code ?? ''} ${lesson?.title ?? ''}`);
    const plan = buildExportPlan(planInput(curriculum), { variant: 'trainer', paper: 'a4', annexes: false });
    expect(plan.sections.map((s) => s.id)).toEqual([`lesson-${module.id}-2`]);
    const headings = plan.sections[0]?.blocks.filter((b): b is PlanHeading => b.kind === 'heading' && b.level < 3);
    expect(headings?.map((h) => [h.number, h.text])).toEqual([
      ['Module 1', module.title],
      ['Lesson 1.1', lesson?.title],
    ]);
  });

  it('refuses a lesson index the module does not have', () => {
    const module = sampleModule('hr-foundations');
    expect(() => curriculumForModule(module, NOW, 3)).toThrow(AppError);
    expect(() => curriculumForModule(module, NOW, 3)).toThrow(expect.objectContaining({ code: 'not-found' }));
    expect(() => curriculumForModule(module, NOW, -1)).toThrow(AppError);
  });
});

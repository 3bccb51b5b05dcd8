import { describe, expect, it } from 'vitest';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { EXPORT_LABELS, formatLabel, labelsFor } from '../../../shared/domain/export/labels';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportOptions, PlanHeading } from '../../../shared/domain/export/plan';
import { LANGUAGES } from '../../../shared/domain/languages';
import { AUDIENCES, BLOOM_LEVELS, METHODS } from '../../../shared/schemas/module';
import { THEMES } from '../../../shared/schemas/themes';
import { planInput, sampleModule } from '../../fixtures/export/plan-sample';

const NOW = new Date('2026-03-01T08:00:00.000Z');
const full: ExportOptions = { variant: 'full', paper: 'a4', annexes: true };

function headings(moduleId: string, options: ExportOptions = full): PlanHeading[] {
  const plan = buildExportPlan(planInput(curriculumForModule(sampleModule(moduleId), NOW)), options);
  return plan.sections.flatMap((s) => s.blocks.filter((b): b is PlanHeading => b.kind === 'heading'));
}

describe('document labels', () => {
  it('has the same keys in English, French and Arabic, none of them empty', () => {
    const english = Object.keys(EXPORT_LABELS.en).sort();
    for (const language of LANGUAGES) {
      expect(Object.keys(EXPORT_LABELS[language]).sort()).toEqual(english);
      for (const [key, value] of Object.entries(EXPORT_LABELS[language])) expect(value.trim(), `${language} ${key}`).not.toBe('');
    }
  });

  it('names every method, Bloom level, theme and audience', () => {
    for (const language of LANGUAGES) {
      const labels = labelsFor(language);
      for (const method of METHODS) expect(labels[`method.${method}`]).toBeTruthy();
      for (const level of BLOOM_LEVELS) expect(labels[`bloom.${level}`]).toBeTruthy();
      for (const theme of THEMES) expect(labels[`theme.${theme}`]).toBeTruthy();
      for (const audience of AUDIENCES) expect(labels[`audience.${audience}`]).toBeTruthy();
    }
  });

  it('keeps the page tokens that renderers replace by fields, in every language', () => {
    for (const language of LANGUAGES) expect(labelsFor(language).pageOfPages).toMatch(/\{page\}.*\{pages\}/);
  });

  it('fills the tokens of a label and leaves unknown ones alone', () => {
    expect(formatLabel('Version {version} – {status}', { version: '1.2', status: 'Draft' })).toBe('Version 1.2 – Draft');
    expect(formatLabel('Day {day} {other}', { day: 3 })).toBe('Day 3 {other}');
  });
});

describe('a document in the curriculum’s language', () => {
  it('prints French labels in a French module', () => {
    const plan = buildExportPlan(planInput(curriculumForModule(sampleModule('hr-foundations-fr'), NOW)), full);
    expect(plan.language).toBe('fr');
    expect(plan.direction).toBe('ltr');
    expect(plan.labels.pageOfPages).toBe('Page {page} sur {pages}');
    expect(plan.labels.contents).toBe('Table des matières');
    expect(plan.running.footer).toBe('Version 1 – Projet');
    expect(plan.cover.documentKind).toBe('Programme de formation');
    const texts = headings('hr-foundations-fr').map((h) => h.text);
    expect(texts).toContain('Acquis d’apprentissage');
    expect(texts).toContain('Objectifs d’apprentissage');
    expect(headings('hr-foundations-fr').find((h) => h.level === 2)?.number).toBe('Leçon 1.1');
  });

  it('prints Arabic labels, right to left, in an Arabic module', () => {
    const plan = buildExportPlan(planInput(curriculumForModule(sampleModule('hr-foundations-ar'), NOW)), { ...full, variant: 'trainer' });
    expect(plan.language).toBe('ar');
    expect(plan.direction).toBe('rtl');
    expect(plan.labels.pageOfPages).toBe('الصفحة {page} من {pages}');
    expect(plan.running.footer).toBe('الإصدار 1 – مسودة');
    expect(plan.cover.documentKind).toBe('خطط الدروس للمدرّب');
    const numbered = headings('hr-foundations-ar', { ...full, variant: 'trainer' });
    expect(numbered.find((h) => h.level === 1)?.number).toBe('الوحدة 1');
    expect(numbered.find((h) => h.level === 2)?.number).toBe('الدرس 1.1');
    expect(numbered.map((h) => h.text)).toContain('ملاحظات للمدرّب');
  });

  it('gives an English module left-to-right English labels', () => {
    const plan = buildExportPlan(planInput(curriculumForModule(sampleModule('hr-foundations'), NOW)), full);
    expect(plan.direction).toBe('ltr');
    expect(plan.labels.pageOfPages).toBe('Page {page} of {pages}');
    expect(plan.running.footer).toBe('Version 1 – Draft');
  });
});

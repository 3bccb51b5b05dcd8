import { describe, expect, it } from 'vitest';
import { checkCurriculum } from '../../../shared/domain/curriculum/checks';
import { testMinutes } from '../../../shared/domain/curriculum/assessment';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { planContext } from '../../../shared/domain/export/context';
import type { ExportPlan, ExportVariant, PlanBlock, PlanSection, PlanTable } from '../../../shared/domain/export/plan';
import { blockTexts, planTexts } from '../../../shared/domain/export/plan-text';
import { printedTestItems } from '../../../shared/domain/export/sections/assessment';
import { glossaryTerms } from '../../../shared/domain/export/sections/glossary';
import type { Curriculum, ModuleItem } from '../../../shared/schemas/curriculum';
import { COURSE_PACKAGE_DEFAULTS } from '../../../shared/schemas/curriculum';
import { packagedArabicCourse, packagedSampleCourse } from '../../fixtures/export/course-package';
import { planInput, sampleCourse } from '../../fixtures/export/plan-sample';
import { curriculum, moduleItem } from '../curriculum/sample';

const OPTIONS = { paper: 'a4', annexes: true } as const;
const build = (course: Curriculum, variant: ExportVariant = 'full'): ExportPlan => buildExportPlan(planInput(course), { ...OPTIONS, variant });
const section = (plan: ExportPlan, id: string): PlanSection | undefined => plan.sections.find((s) => s.id === id);
const text = (s: PlanSection | undefined): string => blockTexts(s?.blocks ?? []).join('\n');
const rows = (table: PlanBlock | undefined): string[][] =>
  table?.kind === 'table' ? table.rows.map((row) => row.map((c) => blockTexts(c.blocks).join(' '))) : [];
const tablesOf = (s: PlanSection | undefined): PlanTable[] => (s?.blocks ?? []).filter((b): b is PlanTable => b.kind === 'table');
/** The title of the session the course's plan places the post-test in. */
function postTestSessionTitle(course: Curriculum): string {
  const id = course.assessment.postTest?.sessionId;
  const session = course.items.find((i) => i.kind === 'session' && i.id === id);
  const title = session?.kind === 'session' ? session.title : undefined;
  if (title === undefined) throw new Error('the course places its post-test in no session');
  return title;
}
/** The session's title then when it is taught, as tables and covers print it. */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^$()[\]{}|\\]/g, '\\$&');
const sessionWhen = (title: string): RegExp => new RegExp(`^${escapeRegExp(title)} – Day \\d+, \\d\\d:\\d\\d–\\d\\d:\\d\\d$`);
/** The course with no glossary in any module. */
const withoutGlossaries = (course: Curriculum): Curriculum => ({ ...course, items: course.items.map((i) => (i.kind === 'module' ? { ...i, snapshot: { ...i.snapshot, glossary: [] } } : i)) });

describe('the full curriculum as a course package', () => {
  const course = packagedSampleCourse();
  const plan = build(course);

  it('describes the course after the overview: aim, outcomes, audience, entry requirements, class size, trainers', () => {
    expect(plan.sections.map((s) => s.id).slice(0, 3)).toEqual(['overview', 'course-description', 'assessment']);
    const description = text(section(plan, 'course-description'));
    for (const part of ['Course description', 'Aim', 'Recruits police lawfully', 'Target audience', course.targetAudience, 'Entry requirements', course.entryRequirements, 'Class size', '16 to 24 participants', 'Trainer profile', course.trainerProfile])
      expect(description).toContain(part);
  });

  it('links each course outcome to the lesson objectives that serve it, by the course\'s lesson numbers', () => {
    const [table] = tablesOf(section(plan, 'course-description'));
    const outcomes = rows(table);
    expect(outcomes.map((r) => r[0])).toEqual(['1. Apply human rights standards in everyday police work.', '2. Act with integrity and report misconduct.', '3. Use force only when necessary and in proportion.']);
    const modules = course.items.filter((i): i is ModuleItem => i.kind === 'module');
    const objective = (item: ModuleItem | undefined, lesson: number, id: string) => item?.snapshot.lessons[lesson]?.objectives.find((o) => o.id === id)?.text ?? '';
    expect(outcomes[0]?.[1]).toBe(`Lesson 1.1: ${objective(modules[0], 0, 'o1')} Lesson 1.2: ${objective(modules[0], 1, 'o2')}`);
    expect(outcomes[2]?.[1]).toBe(`Lesson 3.2: ${objective(modules[2], 1, 'o2')}`);
  });

  it('leaves out an objective of a lesson the course does not teach', () => {
    const modules = course.items.filter((i): i is ModuleItem => i.kind === 'module');
    const first = modules[0];
    if (!first) throw new Error('no module');
    const omitted = { ...course, items: course.items.map((i) => (i.id === first.id && i.kind === 'module' ? { ...i, lessons: [{ lessonCode: first.snapshot.lessons[1]?.code ?? '', omit: true }] } : i)) };
    const outcomes = rows(tablesOf(section(build(omitted), 'course-description'))[0]);
    expect(outcomes[0]?.[1]).toMatch(/^Lesson 1\.1: /);
    expect(outcomes[0]?.[1]).not.toContain('Lesson 1.2');
  });

  it('states the assessment strategy with weights and pass mark, the plan of each test, and the course evaluation', () => {
    const assessment = section(plan, 'assessment');
    const [strategy, tests] = tablesOf(assessment);
    expect(rows(strategy)).toEqual([['Written post-test', '60%'], ['Observed practical tasks', '40%']]);
    expect(text(assessment)).toContain('Pass mark: 70%');
    expect(text(assessment)).toContain(course.assessmentStrategy.notes);
    expect(text(assessment)).toContain(course.courseEvaluation);
    const ctx = planContext(planInput(course), { ...OPTIONS, variant: 'full' });
    const post = printedTestItems(ctx, 'post-test');
    const postRow = rows(tests).find((r) => r[0] === 'Post-test');
    expect(postRow?.[1]).toMatch(sessionWhen(postTestSessionTitle(course)));
    expect(postRow?.slice(2)).toEqual([String(post.length), expect.stringMatching(/\d/) as string]);
    expect(rows(tests).map((r) => r[0])).toEqual(['Pre-test', 'Post-test']);
  });

  it('leaves out every part the designers have not written', () => {
    const { classSize: _size, ...unsized } = course;
    const bare = build({ ...unsized, ...COURSE_PACKAGE_DEFAULTS });
    expect(section(bare, 'course-description')).toBeUndefined();
    expect(section(bare, 'assessment')).toBeUndefined();
    const partial = build({ ...unsized, ...COURSE_PACKAGE_DEFAULTS, aim: 'Only an aim.' });
    expect(text(section(partial, 'course-description'))).toBe('Course description\nAim\nOnly an aim.');
  });

  it('states the coverage counting rule and the hours actually taught beside the theme hours', () => {
    const coverage = text(section(plan, 'coverage'));
    expect(coverage).toContain('A lesson counts fully for each theme of its module, so theme hours add up to more than the hours taught.');
    const ctx = planContext(planInput(course), { ...OPTIONS, variant: 'full' });
    const minutes = ctx.modules.flatMap((m) => m.lessons).reduce((sum, l) => sum + l.effective.minutes, 0);
    expect(coverage).toContain(`Hours taught ${String(Math.round((minutes / 60) * 10) / 10)}`);
  });

  it('puts the time of a test and its session on the test\'s cover', () => {
    const post = build(course, 'post-test');
    const ctx = planContext(planInput(course), { ...OPTIONS, variant: 'post-test' });
    const minutes = testMinutes(printedTestItems(ctx, 'post-test'));
    const facts = new Map(post.cover.facts.map((f) => [f.label, f.value]));
    expect(facts.get('Time allowed')).toBe(`${Math.floor(minutes / 60)} h ${minutes % 60} min`.replace(/^0 h /, ''));
    expect(facts.get('Session')).toMatch(sessionWhen(postTestSessionTitle(course)));
    // A test the plan places in no session says only its time; other documents say neither.
    const arabicPre = new Map(build(packagedArabicCourse(), 'pre-test').cover.facts.map((f) => [f.label, f.value]));
    expect(arabicPre.get('المدة المتاحة')).toMatch(/\d+ د/);
    expect(arabicPre.has('الجلسة')).toBe(false);
    expect(build(course, 'answer-key').cover.facts.map((f) => f.label)).not.toContain('Time allowed');
  });
});

describe('the glossary annex', () => {
  it('merges terms across modules, whatever their case, keeps differing definitions apart and names the modules', () => {
    const plan = build(packagedSampleCourse());
    const glossary = section(plan, 'annex-glossary');
    const table = rows(tablesOf(glossary)[0]);
    expect(table.map((r) => r[0])).toEqual(['De-escalation', 'human rights', 'Integrity', 'Proportionality']);
    const proportionality = table[3];
    expect(proportionality?.[1]).toBe('Force or interference no greater than the legitimate aim requires. (Module 1, Module 2) The force used is in balance with the seriousness of the threat. (Module 3)');
    expect(proportionality?.[2]).toBe('Module 1, Module 2, Module 3');
    expect(table[0]?.slice(1)).toEqual(['Calming a situation so that force becomes unnecessary.', 'Module 3']);
    expect(plan.sections.map((s) => s.id).indexOf('annex-glossary')).toBeLessThan(plan.sections.map((s) => s.id).indexOf('annex-references'));
  });

  it('sorts in the document language\'s order', () => {
    const french = curriculum([moduleItem('hr-foundations-fr')], { language: 'fr' });
    const item = french.items[0];
    if (item?.kind !== 'module') throw new Error('no module');
    const glossary = [
      { term: 'Zèle', definition: 'z' },
      { term: 'égalité', definition: 'e' },
      { term: 'Droit', definition: 'd' },
      { term: 'Éthique', definition: 'é' },
    ];
    const ctx = planContext(planInput({ ...french, items: [{ ...item, snapshot: { ...item.snapshot, glossary } }] }), { ...OPTIONS, variant: 'full' });
    expect(glossaryTerms(ctx).map((t) => t.term)).toEqual(['Droit', 'égalité', 'Éthique', 'Zèle']);
    const arabic = planContext(planInput(packagedArabicCourse()), { ...OPTIONS, variant: 'full' });
    const terms = glossaryTerms(arabic);
    expect(terms.map((t) => t.term)).toEqual(['التناسب', 'الشراكة', 'المساءلة']);
    expect(terms[0]?.definitions).toEqual([{ text: 'ألا يتجاوز التدخل ما يقتضيه الهدف المشروع.', modules: ['1', '2'] }]);
  });

  it('is left out when no module defines a term, and with the annexes', () => {
    expect(section(build(withoutGlossaries(sampleCourse())), 'annex-glossary')).toBeUndefined();
    // The shipped modules define terms of their own, so the sample course as shipped has the annex.
    expect(section(build(sampleCourse()), 'annex-glossary')).toBeDefined();
    expect(section(buildExportPlan(planInput(packagedSampleCourse()), { variant: 'full', paper: 'a4', annexes: false }), 'annex-glossary')).toBeUndefined();
  });
});

describe('the quality page', () => {
  it('lists the open warnings and the acknowledged ones with their reasons', () => {
    const course = packagedSampleCourse();
    const warnings = checkCurriculum(course).filter((c) => c.severity !== 'info');
    expect(warnings).toHaveLength(2);
    expect(course.acknowledgements).toHaveLength(1);
    const quality = section(build(course), 'annex-quality');
    const [open, acknowledged] = tablesOf(quality);
    expect(open?.caption).toBe('Open warnings');
    expect(rows(open)).toEqual([['Warning: A placeholder has no value {victim_support_service}', 'Module 6 – Gender-Responsive Policing']]);
    expect(acknowledged?.caption).toBe('Acknowledged warnings');
    expect(rows(acknowledged)).toEqual([['Warning: A placeholder has no value {child_protection_service}', 'Module 1 – Human Rights Foundations for Policing', 'Participants completed this in basic training.', '2026-02-20']]);
    // The placeholder's name is the finding: plain text, not a highlighted placeholder waiting for a value.
    const inlines = tablesOf(quality).flatMap((t) => t.rows.flatMap((r) => r.flatMap((c) => c.blocks.flatMap((b) => (b.kind === 'paragraph' ? b.inlines : [])))));
    expect(inlines.filter((i) => i.kind === 'placeholder')).toEqual([]);
  });

  it('says when nothing is open, and leaves out acknowledgements of findings no longer reported', () => {
    const course = { ...sampleCourse(), acknowledgements: [{ checkId: 'placeholder-unfilled:gone:::x', reason: 'Old reason.', at: '2026-01-01T00:00:00.000Z' }] };
    const quality = section(build(course), 'annex-quality');
    expect(text(quality)).toBe('Annex Quality review\nThe checks report no open error or warning.');
  });

  it('names findings in the document language and places them by the course\'s numbering', () => {
    const quality = text(section(build(packagedArabicCourse()), 'annex-quality'));
    expect(quality).toContain('تنبيه: محور إلزامي غير مغطى');
    expect(quality).toContain('العمل الشرطي المراعي للنوع الاجتماعي');
    expect(quality).toContain('الدورة كلها');
    expect(quality).toContain('أتم المشاركون هذا في التدريب الأساسي.');
    expect(quality).toContain('الوحدة 1 – ');
  });
});

describe('the course package in participant documents', () => {
  it('stays out of handouts and tests', () => {
    const course = packagedSampleCourse();
    for (const variant of ['participant', 'pre-test', 'post-test'] as const) {
      const all = planTexts(build(course, variant)).join('\n');
      expect(all).not.toContain(course.trainerProfile);
      expect(all).not.toContain('Quality review');
    }
  });
});

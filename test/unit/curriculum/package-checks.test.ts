import { describe, expect, it } from 'vitest';
import { selectTestItems } from '../../../shared/domain/curriculum/assessment';
import { checkCurriculum, type CurriculumCheck } from '../../../shared/domain/curriculum/checks';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { curriculum, moduleItem, sampleModule, session } from './sample';

const codes = (checks: readonly CurriculumCheck[]) => new Set(checks.map((c) => c.code));
const base = curriculum([session('opening', 60), moduleItem('hr-foundations'), moduleItem('use-of-force-firearms'), session('assessment', 45, { id: 'post', title: 'Post-test' })]);

describe('course description checks', () => {
  it('reports each missing part of the course description, and nothing once it is written', () => {
    const empty = codes(checkCurriculum(base));
    for (const code of ['course-aim-missing', 'course-outcomes-missing', 'target-audience-missing', 'entry-requirements-missing', 'class-size-missing', 'trainer-profile-missing', 'assessment-strategy-missing', 'course-evaluation-missing'] as const)
      expect(empty.has(code), code).toBe(true);
    const objective = sampleModule('hr-foundations').lessons[0]?.objectives[0]?.id ?? 'o1';
    const written: Curriculum = {
      ...base,
      aim: 'Recruits police with respect for human rights.',
      outcomes: [{ id: 'c1', text: 'Apply rights in every arrest', serves: [{ itemId: 'hr-foundations', lessonCode: '1.1', objectiveId: objective }] }],
      targetAudience: 'Recruits in their first year.',
      entryRequirements: 'Basic training completed.',
      classSize: { min: 12, max: 24 },
      trainerProfile: 'Two trainers, one of them a woman, trained in adult learning.',
      assessmentStrategy: { instruments: [{ name: 'Post-test', weight: 60 }, { name: 'Observed role-play', weight: 40 }], passMark: 70, notes: '' },
      courseEvaluation: 'Feedback form; follow-up survey after three months.',
    };
    const checks = codes(checkCurriculum(written));
    for (const code of ['course-aim-missing', 'course-outcomes-missing', 'outcome-not-served', 'outcome-objective-gone', 'target-audience-missing', 'entry-requirements-missing', 'class-size-missing', 'trainer-profile-missing', 'assessment-strategy-missing', 'assessment-weights', 'pass-mark-missing', 'course-evaluation-missing'] as const)
      expect(checks.has(code), code).toBe(false);
    const gone = checkCurriculum({ ...written, outcomes: [{ id: 'c1', text: 'x', serves: [{ itemId: 'hr-foundations', lessonCode: '1.1', objectiveId: 'o99' }] }], assessmentStrategy: { instruments: [{ name: 'Test', weight: 90 }], notes: '' } });
    expect(codes(gone)).toEqual(expect.any(Set));
    expect(gone.find((c) => c.code === 'outcome-objective-gone')?.params).toMatchObject({ lessonNumber: '1.1' });
    expect(gone.find((c) => c.code === 'assessment-weights')?.params).toMatchObject({ total: 90 });
    expect(codes(gone).has('pass-mark-missing')).toBe(true);
  });
});

describe('test checks', () => {
  const items = selectTestItems(base, 'post-test', { basis: 'module', perUnit: 3, seed: 1 });
  const plan = { basis: 'module' as const, perUnit: 3, seed: 1, edited: false, items };

  it('fails a test without a session, or whose items do not fit its session', () => {
    expect(codes(checkCurriculum({ ...base, assessment: { postTest: plan } })).has('test-no-session')).toBe(true);
    const tooShort = curriculum([...base.items.filter((i) => i.id !== 'post'), session('assessment', 10, { id: 'post', title: 'Post-test' })]);
    const long = checkCurriculum({ ...tooShort, assessment: { postTest: { ...plan, sessionId: 'post' } } }).find((c) => c.code === 'test-too-long');
    expect(long?.severity).toBe('error');
    const fits = checkCurriculum({ ...base, assessment: { postTest: { ...plan, sessionId: 'post' } } });
    expect(fits.filter((c) => c.code.startsWith('test-')).map((c) => c.code)).toEqual(['test-not-planned']);
    expect(fits.find((c) => c.code === 'test-not-planned')?.params).toEqual({ test: 'pre-test' });
    expect(fits.find((c) => c.code === 'test-not-planned')?.severity).toBe('info');
  });

  it('fails a test holding a practical item, and warns of items the course no longer teaches', () => {
    const practical = sampleModule('use-of-force-firearms').lessons.flatMap((l) => l.evaluation).find((e) => e.kind === 'practical');
    if (!practical) throw new Error('the sample module has no practical item');
    const withPractical = { ...plan, sessionId: 'post', items: [...items, { itemId: 'use-of-force-firearms', questionId: practical.id }, { itemId: 'gone', questionId: 'q1' }] };
    const checks = checkCurriculum({ ...base, assessment: { postTest: withPractical } });
    expect(checks.find((c) => c.code === 'test-practical-item')?.severity).toBe('error');
    expect(checks.find((c) => c.code === 'test-items-missing')?.params).toMatchObject({ count: 1 });
  });
});

describe('texts, numbering and acknowledgements', () => {
  it('names lessons by the course number in its findings', () => {
    const course = curriculum([moduleItem('use-of-force-firearms')]);
    const lessonFinding = checkCurriculum(course).find((c) => c.where.lessonCode !== undefined && c.params.lessonNumber !== undefined);
    if (lessonFinding) expect(String(lessonFinding.params.lessonNumber)).toMatch(/^1\.\d$/);
  });

  it('flags hand-typed part numbers and references to parts the course does not teach', () => {
    const module = sampleModule('hr-foundations');
    const lesson = module.lessons[0];
    if (!lesson) throw new Error('no lesson');
    const snapshot = { ...module, lessons: [{ ...lesson, trainerNotes: 'Distribute Handout 3.1B. See [[lesson:ethics-integrity/3.2|the ethics lesson]].' }, ...module.lessons.slice(1)] };
    const checks = checkCurriculum(curriculum([moduleItem('hr-foundations', { snapshot })]));
    expect(checks.find((c) => c.code === 'hard-coded-number')?.params).toMatchObject({ examples: expect.stringContaining('Handout 3.1B') as string });
    const dangling = checks.find((c) => c.code === 'dangling-reference');
    expect(dangling?.params).toMatchObject({ reference: '[[lesson:ethics-integrity/3.2|the ethics lesson]]', lessonNumber: '1.1' });
    const withEthics = checkCurriculum(curriculum([moduleItem('ethics-integrity'), moduleItem('hr-foundations', { snapshot })]));
    expect(withEthics.some((c) => c.code === 'dangling-reference' && String(c.params.reference).includes('ethics-integrity/3.2'))).toBe(false);
    // With a fallback the reference prints well: information, not a warning.
    expect(dangling?.severity).toBe('info');
  });

  it('reads the texts of each lesson once while the lesson object stays the same, and again once it is edited', () => {
    const module = sampleModule('hr-foundations');
    const [lesson] = module.lessons;
    if (!lesson) throw new Error('no lesson');
    let reads = 0;
    // A lesson whose trainer notes count their readers; the checks find their typed number each time.
    const counted = Object.defineProperty({ ...lesson }, 'trainerNotes', {
      enumerable: true,
      get: () => {
        reads += 1;
        return 'Distribute Handout 3.1B.';
      },
    });
    const course = curriculum([moduleItem('hr-foundations', { snapshot: { ...module, lessons: [counted, ...module.lessons.slice(1)] } })]);
    const typed = (checks: readonly CurriculumCheck[]) => checks.find((c) => c.code === 'hard-coded-number')?.params.examples;
    expect(typed(checkCurriculum(course))).toContain('Handout 3.1B');
    const afterFirst = reads;
    expect(typed(checkCurriculum(course))).toContain('Handout 3.1B');
    expect(reads).toBe(afterFirst);
    // An edit is a new lesson object: its texts are read again and the finding follows the text.
    const edited = { ...lesson, trainerNotes: 'Distribute Handout 4.2A.' };
    const changed = curriculum([moduleItem('hr-foundations', { snapshot: { ...module, lessons: [edited, ...module.lessons.slice(1)] } })]);
    expect(typed(checkCurriculum(changed))).toContain('Handout 4.2A');
  });

  it('marks acknowledged warnings with their reason, never errors, and groups findings by cause', () => {
    const course = curriculum([moduleItem('use-of-force-firearms'), moduleItem('public-order-assemblies')]);
    const before = checkCurriculum(course);
    const warning = before.find((c) => c.severity === 'warning');
    const error = before.find((c) => c.severity === 'error');
    if (!warning) throw new Error('expected a warning');
    const acknowledgements = [{ checkId: warning.id, reason: 'Participants completed this in basic training', at: '2026-01-05T10:00:00.000Z' }, ...(error ? [{ checkId: error.id, reason: 'no', at: '2026-01-05T10:00:00.000Z' }] : [])];
    const after = checkCurriculum({ ...course, acknowledgements });
    expect(after.find((c) => c.id === warning.id)?.acknowledged).toEqual({ reason: 'Participants completed this in basic training', at: '2026-01-05T10:00:00.000Z' });
    if (error) expect(after.find((c) => c.id === error.id)?.acknowledged).toBeUndefined();
    const missing = after.filter((c) => c.code === 'prerequisite-missing');
    const causes = new Set(missing.map((c) => c.cause));
    expect(causes.size).toBeLessThanOrEqual(missing.length);
    for (const c of missing) expect(c.cause).toBe(`prerequisite-missing|${String(c.params.prerequisite)}`);
  });
});

import { describe, expect, it } from 'vitest';
import { checkCurriculum, type CheckCode, type CurriculumCheck, type LibraryLookup } from '../../../shared/domain/curriculum/checks';
import { scheduleCurriculum } from '../../../shared/domain/curriculum/schedule';
import { addTestSession, planTest } from '../../../shared/domain/curriculum/test-plan-edits';
import { modulePlaceholders } from '../../../shared/domain/placeholders';
import type { Curriculum, CurriculumItem } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import { curriculum, moduleItem, modules, partly, revised, sampleModule, session } from './sample';

const library: LibraryLookup = (id) => modules.get(id);

/** Every placeholder the items use, filled, so that a test sees only the problem it sets up. */
function filled(items: CurriculumItem[]): Record<string, string> {
  return Object.fromEntries(items.flatMap((i) => (i.kind === 'module' ? modulePlaceholders(i.snapshot) : [])).map((name) => [name, `local ${name}`]));
}

function course(items: CurriculumItem[], extra: Partial<Curriculum> = {}): Curriculum {
  return curriculum(items, { placeholders: filled(items), ...extra });
}

const codes = (checks: readonly CurriculumCheck[]) => checks.map((c) => c.code);
const only = (checks: readonly CurriculumCheck[], code: CheckCode) => checks.filter((c) => c.code === code);

/** The course with what a course package needs: aim, an outcome served by an objective, assessment and a timed post-test. */
function packaged(base: Curriculum): Curriculum {
  const first = base.items.find((i) => i.kind === 'module');
  const lesson = first?.kind === 'module' ? first.snapshot.lessons[0] : undefined;
  const objective = lesson?.objectives[0];
  if (!first || !lesson || !objective) throw new Error('the course needs a module with an objective');
  const described: Curriculum = {
    ...base,
    aim: 'Recruits police with respect for human rights and respond to gender-based violence.',
    outcomes: [{ id: 'co1', text: 'Apply human rights standards in daily police work.', serves: [{ itemId: first.id, lessonCode: lesson.code, objectiveId: objective.id }] }],
    targetAudience: 'Recruits in their first year.',
    entryRequirements: 'None.',
    classSize: { min: 12, max: 24 },
    trainerProfile: 'Police trainers with human rights training.',
    assessmentStrategy: { instruments: [{ name: 'Post-test', weight: 100 }], passMark: 70, notes: '' },
    courseEvaluation: 'An evaluation form on the last day.',
  };
  return addTestSession(planTest(described, 'post-test'), 'post-test', 'Post-test');
}

describe('a well-formed course', () => {
  const items = [session('opening', 60, { title: 'Welcome and ground rules' }), moduleItem('hr-foundations'), moduleItem('gender-responsive-policing'), moduleItem('sgbv-response'), session('closing', 30)];
  const checks = checkCurriculum(packaged(course(items, { days: 5 })), { library });

  it('has no errors or warnings', () => {
    expect(checks.filter((c) => c.severity !== 'info')).toEqual([]);
  });

  it('still says which lessons moved to the next day', () => {
    expect(codes(checks)).toContain('moved-to-next-day');
  });

  it('gives every check a unique id, a code, a message and where it applies', () => {
    const all = checkCurriculum(curriculum([moduleItem('sgbv-response'), moduleItem('sgbv-response', { id: 'again' })], { days: 1, language: 'fr' }), { library });
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    for (const check of all) {
      expect(check.message.length).toBeGreaterThan(10);
      expect(check.params).toBeTypeOf('object');
    }
    // Errors first, then warnings, then information.
    const order = all.map((c) => ['error', 'warning', 'info'].indexOf(c.severity));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe('prerequisites', () => {
  it('reports a prerequisite missing from the course', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('sgbv-response')]));
    expect(only(checks, 'prerequisite-missing')).toEqual([
      partly({ severity: 'warning', where: { itemId: 'sgbv-response', moduleId: 'sgbv-response' }, params: partly({ prerequisite: 'gender-responsive-policing' }) }),
    ]);
  });

  it('reports a prerequisite placed after the module that needs it as an error', () => {
    const checks = checkCurriculum(course([moduleItem('sgbv-response'), moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')]));
    expect(only(checks, 'prerequisite-after').map((c) => c.params.prerequisite)).toEqual(['hr-foundations', 'gender-responsive-policing']);
    expect(only(checks, 'prerequisite-after').every((c) => c.severity === 'error')).toBe(true);
    expect(only(checks, 'prerequisite-missing')).toEqual([]);
  });

  it('accepts a translation of the prerequisite', () => {
    const items = [moduleItem('hr-foundations-fr'), moduleItem('community-policing-fr')];
    const checks = checkCurriculum(course(items, { language: 'fr' }), { library });
    expect(only(checks, 'prerequisite-missing')).toEqual([]);
  });
});

describe('duplicates and languages', () => {
  it('reports a module taken twice and a translation of a module already in', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('hr-foundations', { id: 'hr-again' }), moduleItem('hr-foundations-fr')], { days: 5 }));
    expect(only(checks, 'duplicate-module').map((c) => [c.where.itemId, c.params.translation])).toEqual([
      ['hr-again', 0],
      ['hr-foundations-fr', 1],
    ]);
  });

  it('reports modules in another language than the course', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('community-policing-ar')]));
    expect(only(checks, 'module-language-differs')).toEqual([
      partly({ severity: 'warning', where: partly({ itemId: 'community-policing-ar' }), params: partly({ language: 'ar', courseLanguage: 'en' }) }),
    ]);
  });

  it('notes a module written for another audience', () => {
    // hr-foundations is written for recruits and in-service officers.
    const checks = checkCurriculum(course([moduleItem('hr-foundations')], { audiences: ['command'] }));
    expect(only(checks, 'audience-mismatch')).toEqual([partly({ severity: 'info', params: partly({ audiences: 'recruits, in-service-officers' }) })]);
    expect(only(checkCurriculum(course([moduleItem('hr-foundations')], { audiences: ['command', 'recruits'] })), 'audience-mismatch')).toEqual([]);
    expect(only(checkCurriculum(course([moduleItem('hr-foundations')])), 'audience-mismatch')).toEqual([]);
  });
});

describe('hours against days', () => {
  it('reports more teaching than the days hold', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')], { days: 1 }));
    expect(only(checks, 'hours-exceed-days')).toEqual([
      partly({ severity: 'error', params: partly({ totalMinutes: 765, capacityMinutes: 390, overMinutes: 375 }) }),
    ]);
    expect(only(checks, 'hours-exceed-days')[0]?.message).toBe('The course has 12 h 45 min of teaching, more than the 6 h 30 min that 1 day can hold');
  });

  it('reports a timetable longer than the days when unsplittable lessons leave gaps', () => {
    const checks = checkCurriculum(course([session('other', 200, { id: 'a' }), session('other', 200, { id: 'b' }), session('other', 200, { id: 'c' })], { days: 2 }));
    expect(codes(checks)).toContain('schedule-exceeds-days');
    expect(codes(checks)).not.toContain('hours-exceed-days');
  });

  it('notes a whole day or more left unused', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations')], { days: 3 }));
    expect(only(checks, 'days-underused')).toEqual([partly({ severity: 'info', params: partly({ freeMinutes: 3 * 390 - 420 }) })]);
  });

  it('reuses a schedule it is given', () => {
    const c = course([moduleItem('hr-foundations')], { days: 1 });
    const schedule = scheduleCurriculum(c);
    expect(checkCurriculum(c, { schedule })).toEqual(checkCurriculum(c));
  });
});

describe('themes and mainstreaming', () => {
  it('reports required themes the course does not cover', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations')], { days: 2 }));
    expect(only(checks, 'theme-not-covered').map((c) => c.params.theme)).toEqual(['gender-responsive-policing']);
    // Said once: the mainstreaming warning for gender is the same finding.
    expect(codes(checks)).not.toContain('no-gender-lesson');
  });

  it('warns about missing human-rights and gender lessons even when no theme is required', () => {
    const checks = checkCurriculum(course([moduleItem('community-policing')], { days: 2, requiredThemes: [] }));
    expect(codes(checks)).toEqual(expect.arrayContaining(['no-human-rights-lesson', 'no-gender-lesson']));
    expect(codes(checks)).not.toContain('theme-not-covered');
  });

  it('counts an SGBV module as a gender lesson and ignores modules whose lessons are all left out', () => {
    const sgbv = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('sgbv-response')], { requiredThemes: [] }));
    expect(codes(sgbv)).not.toContain('no-gender-lesson');
    const omitted = checkCurriculum(
      course([moduleItem('hr-foundations', { lessons: ['1.1', '1.2', '1.3'].map((lessonCode) => ({ lessonCode, omit: true })) }), moduleItem('gender-responsive-policing')]),
    );
    expect(only(omitted, 'theme-not-covered').map((c) => c.params.theme)).toEqual(['human-rights-foundations']);
    expect(only(omitted, 'all-lessons-omitted')).toHaveLength(1);
  });
});

describe('lessons and objectives', () => {
  const base = sampleModule('hr-foundations');
  const broken = revised(base, (m) => {
    const [first, second, third] = m.lessons;
    if (!first || !second || !third) throw new Error('hr-foundations has three lessons');
    first.objectives = [];
    first.steps = first.steps.map((s) => ({ ...s, objectives: [] }));
    first.evaluation = [];
    second.evaluation = [];
    // Lesson 1.3: objective o1 no longer taught by any step, o2 no longer assessed.
    third.steps = third.steps.map((s) => ({ ...s, objectives: s.objectives.filter((o) => o !== 'o1') }));
    third.evaluation = third.evaluation.filter((e) => e.objective !== 'o2');
  });
  const checks = checkCurriculum(course([moduleItem('hr-foundations', { snapshot: broken })], { days: 2 }));

  it('reports lessons without objectives or without assessment', () => {
    expect(only(checks, 'lesson-no-objectives').map((c) => c.where.lessonCode)).toEqual(['1.1']);
    expect(only(checks, 'lesson-no-evaluation').map((c) => c.where.lessonCode)).toEqual(['1.1', '1.2']);
  });

  it('reports objectives without an activity or an evaluation item', () => {
    expect(only(checks, 'objective-not-taught').map((c) => `${c.where.lessonCode ?? ''} ${c.params.objective}`)).toEqual(['1.3 o1']);
    expect(only(checks, 'objective-not-assessed').map((c) => `${c.where.lessonCode ?? ''} ${c.params.objective}`)).toEqual(['1.3 o2']);
  });

  it('does not check lessons left out of the course', () => {
    const omitted = checkCurriculum(course([moduleItem('hr-foundations', { snapshot: broken, lessons: [{ lessonCode: '1.1', omit: true }] })], { days: 2 }));
    expect(only(omitted, 'lesson-no-objectives')).toEqual([]);
  });
});

describe('sensitive material', () => {
  it('warns when a module with sensitive material comes before the opening session', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing'), moduleItem('sgbv-response'), session('opening', 60)], { days: 4 }));
    expect(only(checks, 'sensitive-before-opening')).toEqual([
      partly({ severity: 'warning', where: { itemId: 'hr-foundations', moduleId: 'hr-foundations' }, params: partly({ lessons: '1.3', count: 1 }) }),
      partly({ severity: 'warning', where: { itemId: 'gender-responsive-policing', moduleId: 'gender-responsive-policing' }, params: partly({ lessons: '11.3', count: 1 }) }),
      partly({ severity: 'warning', where: { itemId: 'sgbv-response', moduleId: 'sgbv-response' }, params: partly({ lessons: '12.1, 12.2, 12.3', count: 3 }) }),
    ]);
  });

  it('warns when there is no opening session at all', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('torture-prevention')], { days: 3 }));
    expect(only(checks, 'sensitive-without-opening').map((c) => c.params.lessons)).toEqual(['1.3', '6.1, 6.2']);
  });

  it('is quiet when the sensitive lessons are left out', () => {
    const checks = checkCurriculum(
      course(
        [
          moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.3', omit: true }] }),
          moduleItem('torture-prevention', { lessons: [{ lessonCode: '6.1', omit: true }, { lessonCode: '6.2', omit: true }] }),
        ],
        { days: 3 },
      ),
    );
    expect(codes(checks)).not.toContain('sensitive-without-opening');
  });
});

describe('placeholders', () => {
  it('reports each unfilled placeholder once, naming the modules that use it', () => {
    const items = [moduleItem('hr-foundations'), moduleItem('use-of-force-firearms')];
    const names = new Set([...modulePlaceholders(sampleModule('hr-foundations')), ...modulePlaceholders(sampleModule('use-of-force-firearms'))]);
    const checks = checkCurriculum(curriculum(items, { days: 3, placeholders: { country: 'Ruritania', national_police_law: '   ' } }));
    const unfilled = only(checks, 'placeholder-unfilled');
    expect(unfilled.map((c) => c.params.name)).toEqual([...names].filter((n) => n !== 'country').sort());
    const policeLaw = unfilled.find((c) => c.params.name === 'national_police_law');
    expect(policeLaw?.message).toContain('{national_police_law} has no value');
  });

  it('finds placeholders in extra trainer notes and sessions, and not in left-out lessons', () => {
    const snapshot = revised(sampleModule('hr-foundations'), (m) => {
      const third = m.lessons[2];
      if (third) third.trainerNotes = `${third.trainerNotes} Ask {only_in_lesson_three}.`;
    });
    const items: CurriculumItem[] = [
      session('opening', 60, { notes: 'Welcome by {academy_director}' }),
      moduleItem('hr-foundations', { snapshot, lessons: [{ lessonCode: '1.1', trainerNotes: 'Invite {guest_speaker}.' }, { lessonCode: '1.3', omit: true }] }),
    ];
    const names = only(checkCurriculum(course(items, { days: 2 })), 'placeholder-unfilled').map((c) => c.params.name);
    expect(names).toEqual(['academy_director', 'guest_speaker']);
  });
});

describe('library changes', () => {
  it('notes an update available and a module gone from the library', () => {
    const newer = revised(sampleModule('hr-foundations'), () => undefined);
    const lookup: LibraryLookup = (id) => (id === 'hr-foundations' ? newer : id === 'gender-responsive-policing' ? undefined : modules.get(id));
    const checks = checkCurriculum(course([moduleItem('hr-foundations'), moduleItem('gender-responsive-policing')], { days: 2 }), { library: lookup });
    expect(only(checks, 'update-available')).toEqual([partly({ severity: 'info', where: partly({ itemId: 'hr-foundations' }), params: partly({ from: 1, to: 2 }) })]);
    expect(only(checks, 'module-not-in-library').map((c) => c.where.itemId)).toEqual(['gender-responsive-policing']);
  });

  it('reports a translation made from an older revision of its source', () => {
    const newer: Module = revised(sampleModule('hr-foundations'), () => undefined);
    const lookup: LibraryLookup = (id) => (id === 'hr-foundations' ? newer : modules.get(id));
    const checks = checkCurriculum(course([moduleItem('hr-foundations-fr')], { language: 'fr', days: 2 }), { library: lookup });
    expect(only(checks, 'translation-outdated')).toEqual([
      partly({ severity: 'warning', params: partly({ source: 'hr-foundations', translated: 1, current: 2 }) }),
    ]);
    expect(only(checkCurriculum(course([moduleItem('hr-foundations-fr')], { language: 'fr', days: 2 }), { library }), 'translation-outdated')).toEqual([]);
  });

  it('skips library checks without a library', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations-fr')], { language: 'fr', days: 2 }));
    expect(codes(checks).filter((c) => ['update-available', 'module-not-in-library', 'translation-outdated'].includes(c))).toEqual([]);
  });

  it('notes overrides that no longer apply', () => {
    const checks = checkCurriculum(course([moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.9', omit: true }] })], { days: 2 }));
    expect(only(checks, 'stale-override')).toEqual([partly({ severity: 'info', params: partly({ lessonCode: '1.9' }) })]);
  });
});

describe('schedule findings', () => {
  it('are passed on: lessons longer than a day, unmet pins, moved lessons', () => {
    const checks = checkCurriculum(
      course([session('field-visit', 420, { title: 'Station visit' }), moduleItem('hr-foundations', { lessons: [{ lessonCode: '1.1', day: 1 }] })], { days: 4 }),
    );
    expect(only(checks, 'longer-than-day')).toEqual([partly({ severity: 'error', where: partly({ itemId: 'field-visit', day: 1 }) })]);
    expect(only(checks, 'pin-unmet')).toEqual([partly({ severity: 'warning', where: partly({ itemId: 'hr-foundations', lessonCode: '1.1', day: 2 }) })]);
    expect(codes(checks)).not.toContain('course-exceeds-days');
  });

  it('say when the course is empty', () => {
    expect(codes(checkCurriculum(curriculum([])))).toContain('curriculum-empty');
  });
});

/**
 * Checks of the course as a package a trainer can run as printed: its description (aim, outcomes served by
 * lesson objectives, audience, entry requirements, class size, trainer profile, assessment strategy,
 * evaluation), its tests (each in a session that gives it enough time, written items only), and its texts
 * (no hand-typed part numbers, no reference to a part the course does not teach).
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import { courseNumbering } from '../references/numbering';
import { danglingRefs, moduleHardCodedNumbers } from '../references/text-checks';
import { plannedTest, type TestKind } from './assessment';
import type { Add } from './checks';
import type { CourseNumbers } from './course-numbers';
import { effectiveLessons, effectiveModule } from './effective-lessons';

const nothing = (text: string): boolean => text.trim() === '';

export function checkDescription(curriculum: Curriculum, numbers: CourseNumbers, add: Add): void {
  if (curriculum.items.length === 0) return;
  if (nothing(curriculum.aim)) add('course-aim-missing', 'warning', 'The course has no aim', {}, {});
  if (curriculum.outcomes.length === 0) add('course-outcomes-missing', 'warning', 'The course has no learning outcomes', {}, {});
  const items = new Map(curriculum.items.filter((i): i is ModuleItem => i.kind === 'module').map((i) => [i.id, i]));
  for (const outcome of curriculum.outcomes) {
    if (outcome.serves.length === 0)
      add('outcome-not-served', 'warning', `Course outcome "${outcome.text}" is served by no lesson objective`, { outcome: outcome.text }, {}, outcome.id);
    for (const ref of outcome.serves) {
      const item = items.get(ref.itemId);
      const lesson = item ? effectiveLessons(item).find((e) => e.lessonCode === ref.lessonCode) : undefined;
      if (lesson?.lesson.objectives.some((o) => o.id === ref.objectiveId)) continue;
      const lessonNumber = numbers.lesson(ref.itemId, ref.lessonCode) ?? ref.lessonCode;
      add(
        'outcome-objective-gone',
        'warning',
        `Course outcome "${outcome.text}" relies on objective ${ref.objectiveId} of lesson ${lessonNumber}, which the course no longer teaches`,
        { outcome: outcome.text, objective: ref.objectiveId, lessonNumber },
        { itemId: ref.itemId, lessonCode: ref.lessonCode },
        `${outcome.id}/${ref.itemId}/${ref.lessonCode}/${ref.objectiveId}`,
      );
    }
  }
  if (nothing(curriculum.targetAudience)) add('target-audience-missing', 'info', 'The course does not describe its target audience', {}, {});
  if (nothing(curriculum.entryRequirements)) add('entry-requirements-missing', 'info', 'The course states no entry requirements', {}, {});
  if (!curriculum.classSize) add('class-size-missing', 'info', 'The course states no class size', {}, {});
  if (nothing(curriculum.trainerProfile)) add('trainer-profile-missing', 'info', 'The course does not describe the trainers it needs', {}, {});
  const { instruments, passMark } = curriculum.assessmentStrategy;
  if (instruments.length === 0) add('assessment-strategy-missing', 'warning', 'The course has no assessment strategy (instruments and their weights)', {}, {});
  else {
    const total = instruments.reduce((sum, i) => sum + i.weight, 0);
    if (total !== 100) add('assessment-weights', 'warning', `The weights of the assessment instruments add up to ${total}%, not 100%`, { total }, {});
    if (passMark === undefined) add('pass-mark-missing', 'warning', 'The assessment strategy has no pass mark', {}, {});
  }
  if (nothing(curriculum.courseEvaluation)) add('course-evaluation-missing', 'info', 'The course does not say how it is evaluated at its end', {}, {});
}

const TEST_NAMES: Record<TestKind, string> = { 'pre-test': 'pre-test', 'post-test': 'post-test' };

/** Each planned test needs a session long enough for its items, and holds written items only. */
export function checkTests(curriculum: Curriculum, add: Add): void {
  if (!curriculum.items.some((i) => i.kind === 'module')) return;
  for (const test of ['pre-test', 'post-test'] as const) {
    const planned = plannedTest(curriculum, test);
    const name = TEST_NAMES[test];
    if (!planned) {
      // A course can do without a pre-test; without a post-test nobody knows what participants learnt.
      add('test-not-planned', test === 'post-test' ? 'warning' : 'info', `The course has no ${name} plan`, { test }, {}, test);
      continue;
    }
    const { plan, items, missing, minutes } = planned;
    if (plan.items.length === 0) add('test-empty', 'warning', `The ${name} has no items`, { test }, {}, test);
    if (missing.length > 0)
      add('test-items-missing', 'warning', `${missing.length} item(s) of the ${name} are no longer taught in the course`, { test, count: missing.length }, {}, test);
    const practical = items.filter((c) => c.item.kind === 'practical');
    if (practical.length > 0)
      add('test-practical-item', 'error', `The ${name} holds ${practical.length} practical item(s); practical items are observed, not written`, { test, count: practical.length }, {}, test);
    const session = plan.sessionId === undefined ? undefined : curriculum.items.find((i) => i.id === plan.sessionId);
    if (plan.sessionId === undefined) add('test-no-session', 'error', `The ${name} has no session in the timetable`, { test, minutes }, {}, test);
    else if (session?.kind !== 'session') add('test-session-missing', 'error', `The session of the ${name} is no longer in the course`, { test }, {}, test);
    else if (minutes > session.minutes)
      add('test-too-long', 'error', `The ${name} needs ${minutes} min but its session "${session.title}" lasts ${session.minutes} min`, { test, minutes, sessionMinutes: session.minutes, session: session.title }, { itemId: session.id }, test);
  }
}

/** Hand-typed part numbers in the modules' texts, and references to parts the course does not teach. */
export function checkTexts(curriculum: Curriculum, numbers: CourseNumbers, add: Add): void {
  const numbering = courseNumbering(curriculum);
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    const at = { itemId: item.id, moduleId: item.moduleId };
    const module = effectiveModule(item);
    const typed = moduleHardCodedNumbers(module);
    if (typed.length > 0) {
      const examples = [...new Set(typed.map((f) => f.found))].slice(0, 3).join(', ');
      add('hard-coded-number', 'warning', `Module "${module.title}" gives ${typed.length} part number(s) by hand (${examples}); they will not match this course's numbering`, { module: module.title, count: typed.length, examples }, at);
    }
    for (const dangling of danglingRefs(module, numbering)) {
      const lessonNumber = dangling.lessonCode === undefined ? '' : (numbers.lesson(item.id, dangling.lessonCode) ?? dangling.lessonCode);
      // With a fallback the document reads well ("the lesson on ethical dilemmas"): worth knowing, not a fault.
      add(
        'dangling-reference',
        dangling.ref.fallback === undefined ? 'warning' : 'info',
        `Module "${module.title}" refers to ${dangling.found}, which this course does not teach`,
        { module: module.title, reference: dangling.found, fallback: dangling.ref.fallback ?? '', lessonNumber },
        { ...at, ...(dangling.lessonCode === undefined ? {} : { lessonCode: dangling.lessonCode }) },
        `${dangling.lessonCode ?? ''}/${dangling.where}/${dangling.found}`,
      );
    }
  }
}

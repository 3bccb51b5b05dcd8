/**
 * Changes to a course's tests, as pure functions of the course (the composer applies them with undo):
 * plan a test, draw its items again, add or remove an item by hand, give it a session of its own.
 */
import type { Curriculum, SessionItem, TestItemRef, TestPlan } from '../../schemas/curriculum';
import { uniqueId } from '../ids';
import { plannedTest, selectTestItems, testMinutes, type TestKind } from './assessment';

const PLAN_KEY: Record<TestKind, 'preTest' | 'postTest'> = { 'pre-test': 'preTest', 'post-test': 'postTest' };

function withPlan(curriculum: Curriculum, test: TestKind, plan: TestPlan | undefined): Curriculum {
  const { [PLAN_KEY[test]]: _old, ...rest } = curriculum.assessment;
  return { ...curriculum, assessment: plan ? { ...rest, [PLAN_KEY[test]]: plan } : rest };
}

export const DEFAULT_TEST_PLAN: Pick<TestPlan, 'basis' | 'perUnit' | 'seed'> = { basis: 'module', perUnit: 3, seed: 1 };

/** Plans a test with the default draw; a course that already has the test keeps it. */
export function planTest(curriculum: Curriculum, test: TestKind): Curriculum {
  if (plannedTest(curriculum, test)) return curriculum;
  const items = selectTestItems(curriculum, test, DEFAULT_TEST_PLAN);
  return withPlan(curriculum, test, { ...DEFAULT_TEST_PLAN, items, edited: false });
}

export function removeTestPlan(curriculum: Curriculum, test: TestKind): Curriculum {
  return withPlan(curriculum, test, undefined);
}

/** Draws the items again with these settings; `seed` changes to draw other items with the same settings. */
export function redrawTest(curriculum: Curriculum, test: TestKind, settings: Partial<Pick<TestPlan, 'basis' | 'perUnit' | 'seed'>>): Curriculum {
  const plan = plannedTest(curriculum, test)?.plan;
  if (!plan) return curriculum;
  const next = { ...plan, ...settings };
  return withPlan(curriculum, test, { ...next, items: selectTestItems(curriculum, test, next), edited: false });
}

const sameRef = (a: TestItemRef, b: TestItemRef) => a.itemId === b.itemId && a.questionId === b.questionId;

export function addTestItem(curriculum: Curriculum, test: TestKind, ref: TestItemRef): Curriculum {
  const plan = plannedTest(curriculum, test)?.plan;
  if (!plan || plan.items.some((i) => sameRef(i, ref))) return curriculum;
  return withPlan(curriculum, test, { ...plan, items: [...plan.items, ref], edited: true });
}

export function removeTestItem(curriculum: Curriculum, test: TestKind, ref: TestItemRef): Curriculum {
  const plan = plannedTest(curriculum, test)?.plan;
  if (!plan) return curriculum;
  return withPlan(curriculum, test, { ...plan, items: plan.items.filter((i) => !sameRef(i, ref)), edited: true });
}

export function setTestSession(curriculum: Curriculum, test: TestKind, sessionId: string | undefined): Curriculum {
  const plan = plannedTest(curriculum, test)?.plan;
  if (!plan) return curriculum;
  const { sessionId: _old, ...rest } = plan;
  return withPlan(curriculum, test, sessionId === undefined ? rest : { ...rest, sessionId });
}

/** Minutes of a session that holds the test: its time rounded up to five minutes, at least ten. */
export function sessionMinutesFor(minutes: number): number {
  return Math.max(10, Math.ceil(minutes / 5) * 5);
}

/**
 * Adds an assessment session long enough for the test and makes it the test's session: a pre-test after the
 * opening sessions at the start of the course, a post-test before the closing sessions at its end.
 */
export function addTestSession(curriculum: Curriculum, test: TestKind, title: string): Curriculum {
  const planned = plannedTest(curriculum, test);
  if (!planned) return curriculum;
  const id = uniqueId(title, new Set(curriculum.items.map((i) => i.id)), test);
  const session: SessionItem = { kind: 'session', id, sessionKind: 'assessment', title, minutes: sessionMinutesFor(testMinutes(planned.items)) };
  const items = [...curriculum.items];
  const isSession = (index: number, kind: SessionItem['sessionKind']) => {
    const item = items[index];
    return item?.kind === 'session' && item.sessionKind === kind;
  };
  let at = test === 'pre-test' ? 0 : items.length;
  if (test === 'pre-test') while (isSession(at, 'opening')) at += 1;
  else while (at > 0 && isSession(at - 1, 'closing')) at -= 1;
  items.splice(at, 0, session);
  return setTestSession({ ...curriculum, items }, test, id);
}

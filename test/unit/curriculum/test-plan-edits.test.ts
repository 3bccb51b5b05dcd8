import { describe, expect, it } from 'vitest';
import { plannedTest, testMinutes } from '../../../shared/domain/curriculum/assessment';
import { addTestItem, addTestSession, planTest, redrawTest, removeTestItem, removeTestPlan, setTestSession } from '../../../shared/domain/curriculum/test-plan-edits';
import { curriculum, moduleItem, session } from './sample';

const course = curriculum([session('opening', 60), moduleItem('hr-foundations'), moduleItem('use-of-force-firearms'), session('closing', 30)]);

describe('editing a course’s tests', () => {
  it('plans a test with a balanced draw, and draws again on request', () => {
    const planned = planTest(course, 'post-test');
    const plan = plannedTest(planned, 'post-test')?.plan;
    expect(plan).toMatchObject({ basis: 'module', perUnit: 3, seed: 1, edited: false });
    expect(plan?.items).toHaveLength(6);
    expect(planTest(planned, 'post-test')).toBe(planned);
    const again = redrawTest(planned, 'post-test', { seed: 2 });
    expect(plannedTest(again, 'post-test')?.plan.items).not.toEqual(plan?.items);
    expect(plannedTest(redrawTest(planned, 'post-test', { perUnit: 1 }), 'post-test')?.items).toHaveLength(2);
    expect(removeTestPlan(planned, 'post-test').assessment).toEqual({});
  });

  it('adds and removes items by hand, marking the plan as edited', () => {
    const planned = planTest(course, 'pre-test');
    const [first] = plannedTest(planned, 'pre-test')?.plan.items ?? [];
    if (!first) throw new Error('no item drawn');
    const without = removeTestItem(planned, 'pre-test', first);
    expect(plannedTest(without, 'pre-test')?.plan).toMatchObject({ edited: true });
    expect(plannedTest(without, 'pre-test')?.plan.items).not.toContainEqual(first);
    expect(plannedTest(addTestItem(without, 'pre-test', first), 'pre-test')?.plan.items.at(-1)).toEqual(first);
  });

  it('adds a session long enough for the test, after the opening or before the closing', () => {
    const pre = addTestSession(planTest(course, 'pre-test'), 'pre-test', 'Pre-test');
    const post = addTestSession(planTest(pre, 'post-test'), 'post-test', 'Post-test');
    expect(post.items.map((i) => i.id)).toEqual(['opening', 'pre-test', 'hr-foundations', 'use-of-force-firearms', 'post-test', 'closing']);
    const preTest = plannedTest(post, 'pre-test');
    const sessionItem = post.items.find((i) => i.id === preTest?.plan.sessionId);
    expect(sessionItem?.kind === 'session' ? sessionItem.minutes : 0).toBeGreaterThanOrEqual(testMinutes(preTest?.items ?? []));
    expect(plannedTest(setTestSession(post, 'pre-test', undefined), 'pre-test')?.plan.sessionId).toBeUndefined();
  });
});

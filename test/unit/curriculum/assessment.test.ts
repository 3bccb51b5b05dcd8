import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedTest, practicalItems, selectTestItems, testMinutes, writtenCandidates } from '../../../shared/domain/curriculum/assessment';
import type { TestPlan } from '../../../shared/schemas/curriculum';
import { curriculum, MODULE_IDS, moduleItem } from './sample';

const course = curriculum(['hr-foundations', 'use-of-force-firearms', 'sgbv-response', 'arrest-and-detention'].map((id) => moduleItem(id)));

describe('selecting a test', () => {
  it('draws N written items per module, never a practical one, the same items for the same seed', () => {
    const picked = selectTestItems(course, 'post-test', { basis: 'module', perUnit: 4, seed: 42 });
    const byItem = new Map<string, number>();
    for (const ref of picked) byItem.set(ref.itemId, (byItem.get(ref.itemId) ?? 0) + 1);
    expect([...byItem.values()]).toEqual([4, 4, 4, 4]);
    const candidates = new Map(writtenCandidates(course, 'post-test').map((c) => [`${c.itemId}/${c.item.id}`, c]));
    for (const ref of picked) expect(candidates.get(`${ref.itemId}/${ref.questionId}`)?.item.kind).toBe('written');
    expect(selectTestItems(course, 'post-test', { basis: 'module', perUnit: 4, seed: 42 })).toEqual(picked);
    expect(selectTestItems(course, 'post-test', { basis: 'module', perUnit: 4, seed: 43 })).not.toEqual(picked);
  });

  it('tests every objective of a module before testing any twice', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MODULE_IDS), fc.integer({ min: 1, max: 12 }), fc.nat(), (id, perUnit, seed) => {
        const one = curriculum([moduleItem(id)]);
        const pool = writtenCandidates(one, 'post-test');
        const picked = selectTestItems(one, 'post-test', { basis: 'module', perUnit, seed });
        expect(picked.length).toBe(Math.min(perUnit, pool.length));
        const objectiveOf = new Map(pool.map((c) => [c.item.id, `${c.lessonCode}/${c.item.objective}`]));
        const counts = new Map<string, number>();
        for (const ref of picked) counts.set(objectiveOf.get(ref.questionId) ?? '', (counts.get(objectiveOf.get(ref.questionId) ?? '') ?? 0) + 1);
        const objectives = new Map<string, number>();
        for (const c of pool) objectives.set(`${c.lessonCode}/${c.item.objective}`, (objectives.get(`${c.lessonCode}/${c.item.objective}`) ?? 0) + 1);
        // No objective with items left is skipped while another has been drawn more often.
        const most = Math.max(0, ...counts.values());
        for (const [objective, available] of objectives) expect(counts.get(objective) ?? 0).toBeGreaterThanOrEqual(Math.min(available, most - 1));
      }),
      { numRuns: 60 },
    );
  });

  it('draws per objective when asked', () => {
    const one = curriculum([moduleItem('use-of-force-firearms')]);
    const picked = selectTestItems(one, 'post-test', { basis: 'objective', perUnit: 1, seed: 3 });
    const objectives = new Set(writtenCandidates(one, 'post-test').map((c) => `${c.lessonCode}/${c.item.objective}`));
    expect(picked).toHaveLength(objectives.size);
  });
});

describe('a planned test', () => {
  it('reads the stored selection, reports items the course no longer teaches, and times it', () => {
    const items = selectTestItems(course, 'pre-test', { basis: 'module', perUnit: 2, seed: 1 });
    const plan: TestPlan = { basis: 'module', perUnit: 2, seed: 1, edited: false, items: [...items, { itemId: 'use-of-force-firearms', questionId: 'q999' }] };
    const planned = plannedTest({ ...course, assessment: { preTest: plan } }, 'pre-test');
    expect(planned?.items).toHaveLength(items.length);
    expect(planned?.missing).toEqual([{ itemId: 'use-of-force-firearms', questionId: 'q999' }]);
    expect(planned?.minutes).toBe(testMinutes(planned?.items ?? []));
    expect(planned?.minutes).toBe((planned?.items ?? []).reduce((t, c) => t + c.item.minutes, 0) + 5);
    expect(plannedTest(course, 'post-test')).toBeUndefined();
  });

  it('lists practical items for the observation checklist', () => {
    const practical = practicalItems(course);
    expect(practical.length).toBeGreaterThan(0);
    expect(practical.every((c) => c.item.kind === 'practical')).toBe(true);
  });
});

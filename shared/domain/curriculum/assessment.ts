/**
 * A course's tests. A module carries more evaluation items than any course can use (18 to 26 post-test
 * items a module), so a course selects: N written items per module or per objective, balanced across the
 * objectives and Bloom levels, drawn reproducibly from a seed, then editable by hand. The selection is
 * stored in the course (TestPlan), and the printed test, its answer key and the checks all read it.
 * Practical items are never drawn into a written test: they are observed, on the trainers' checklist.
 */
import type { Curriculum, TestItemRef, TestPlan } from '../../schemas/curriculum';
import type { BloomLevel, EvaluationItem, Lesson } from '../../schemas/module';
import { effectiveLessons } from './effective-lessons';

export type TestKind = 'pre-test' | 'post-test';

/** An evaluation item as the course teaches it: where it is, and what it tests. */
export type CourseItem = {
  itemId: string;
  moduleId: string;
  lessonCode: string;
  lesson: Lesson;
  item: EvaluationItem;
  bloom: BloomLevel | undefined;
};

/** Minutes a printed test adds to its items: handing out, instructions, collecting. */
export const TEST_OVERHEAD_MINUTES = 5;

/** Every evaluation item of the lessons the course teaches, in course order. */
export function courseItems(curriculum: Pick<Curriculum, 'items'>): CourseItem[] {
  const items: CourseItem[] = [];
  for (const moduleItem of curriculum.items) {
    if (moduleItem.kind !== 'module') continue;
    for (const effective of effectiveLessons(moduleItem)) {
      const blooms = new Map(effective.lesson.objectives.map((o) => [o.id, o.bloom]));
      for (const item of effective.lesson.evaluation)
        items.push({ itemId: moduleItem.id, moduleId: moduleItem.moduleId, lessonCode: effective.lessonCode, lesson: effective.lesson, item, bloom: blooms.get(item.objective) });
    }
  }
  return items;
}

/** Items a written test of this kind may hold: written, and meant for it. */
export function writtenCandidates(curriculum: Pick<Curriculum, 'items'>, test: TestKind): CourseItem[] {
  return courseItems(curriculum).filter((c) => c.item.kind === 'written' && c.item.use.includes(test));
}

/** Practical items of the taught lessons: what trainers observe, on the observation checklist. */
export function practicalItems(curriculum: Pick<Curriculum, 'items'>): CourseItem[] {
  return courseItems(curriculum).filter((c) => c.item.kind === 'practical');
}

const refKey = (ref: { itemId: string; questionId: string }): string => `${ref.itemId}/${ref.questionId}`;

/** mulberry32: a small, well-mixed generator; the same seed always draws the same items. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(values: readonly T[], next: () => number): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(next() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

/**
 * Up to `count` of `pool`, one objective at a time in turn so that every objective is tested before any is
 * tested twice, and within an objective preferring a Bloom level not drawn yet, so that a test does not
 * ask only for recall.
 */
function balancedDraw(pool: readonly CourseItem[], count: number, next: () => number): CourseItem[] {
  const byObjective = new Map<string, CourseItem[]>();
  for (const candidate of shuffled(pool, next)) {
    const key = `${candidate.itemId}/${candidate.lessonCode}/${candidate.item.objective}`;
    byObjective.set(key, [...(byObjective.get(key) ?? []), candidate]);
  }
  const queues = [...byObjective.values()];
  const drawn: CourseItem[] = [];
  const levels = new Set<BloomLevel | undefined>();
  while (drawn.length < count && queues.some((q) => q.length > 0)) {
    for (const queue of queues) {
      if (drawn.length >= count || queue.length === 0) continue;
      const fresh = queue.findIndex((c) => !levels.has(c.bloom));
      const [chosen] = queue.splice(fresh >= 0 ? fresh : 0, 1);
      if (!chosen) continue;
      drawn.push(chosen);
      levels.add(chosen.bloom);
    }
  }
  return drawn;
}

/** Draws a test's items as `plan` asks (basis, items per unit, seed), in course order. */
export function selectTestItems(curriculum: Pick<Curriculum, 'items'>, test: TestKind, plan: Pick<TestPlan, 'basis' | 'perUnit' | 'seed'>): TestItemRef[] {
  const candidates = writtenCandidates(curriculum, test);
  const next = random(plan.seed);
  const groups = new Map<string, CourseItem[]>();
  for (const candidate of candidates) {
    const key = plan.basis === 'module' ? candidate.itemId : `${candidate.itemId}/${candidate.lessonCode}/${candidate.item.objective}`;
    groups.set(key, [...(groups.get(key) ?? []), candidate]);
  }
  const chosen = new Set([...groups.values()].flatMap((group) => balancedDraw(group, plan.perUnit, next)).map((c) => refKey({ itemId: c.itemId, questionId: c.item.id })));
  return candidates.filter((c) => chosen.has(refKey({ itemId: c.itemId, questionId: c.item.id }))).map((c) => ({ itemId: c.itemId, questionId: c.item.id }));
}

/** The plan of one test, if the course has one. */
export function testPlanOf(curriculum: Pick<Curriculum, 'assessment'>, test: TestKind): TestPlan | undefined {
  return test === 'pre-test' ? curriculum.assessment.preTest : curriculum.assessment.postTest;
}

export type PlannedTest = {
  plan: TestPlan;
  /** The selected items the course still teaches, in the order of the plan. */
  items: CourseItem[];
  /** Selected items the course no longer teaches (a lesson left out, a module removed or updated). */
  missing: TestItemRef[];
  minutes: number;
};

/** The selected items of a test as the course teaches them; undefined when the course plans no such test. */
export function plannedTest(curriculum: Pick<Curriculum, 'items' | 'assessment'>, test: TestKind): PlannedTest | undefined {
  const plan = testPlanOf(curriculum, test);
  if (!plan) return undefined;
  const taught = new Map(courseItems(curriculum).map((c) => [refKey({ itemId: c.itemId, questionId: c.item.id }), c]));
  const items: CourseItem[] = [];
  const missing: TestItemRef[] = [];
  for (const ref of plan.items) {
    const found = taught.get(refKey(ref));
    if (found) items.push(found);
    else missing.push(ref);
  }
  return { plan, items, missing, minutes: testMinutes(items) };
}

/** Minutes participants need for a test of these items, instructions included. */
export function testMinutes(items: readonly Pick<CourseItem, 'item'>[]): number {
  return items.length === 0 ? 0 : items.reduce((total, c) => total + c.item.minutes, 0) + TEST_OVERHEAD_MINUTES;
}

/** The module items whose lessons hold the items, for a readable summary ("3 items from Module 2"). */
export function itemsByModuleItem(items: readonly CourseItem[]): Map<string, CourseItem[]> {
  const groups = new Map<string, CourseItem[]>();
  for (const c of items) groups.set(c.itemId, [...(groups.get(c.itemId) ?? []), c]);
  return groups;
}


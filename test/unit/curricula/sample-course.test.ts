/**
 * The seeded sample course as a package trainers can run as printed: it fits its ten days without cutting a
 * lesson into a short piece, tests sit in their own sessions and fit them, every reference resolves to the
 * course's numbering, and the course-level description is complete and consistent with what is taught.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { curriculumFromTemplate } from '../../../electron/services/curricula/sample-curriculum';
import { plannedTest, selectTestItems } from '../../../shared/domain/curriculum/assessment';
import { effectiveLessons, effectiveModule } from '../../../shared/domain/curriculum/effective-lessons';
import { scheduleCurriculum, scheduleFits } from '../../../shared/domain/curriculum/schedule';
import { courseNumbering } from '../../../shared/domain/references/numbering';
import { danglingRefs, hardCodedNumbers } from '../../../shared/domain/references/text-checks';
import type { ModuleItem, SessionItem } from '../../../shared/schemas/curriculum';
import { modules } from '../curriculum/sample';

const file = join(import.meta.dirname, '../../../resources/curricula/foundation-course.json');
const course = curriculumFromTemplate(JSON.parse(readFileSync(file, 'utf8')), [...modules.values()], new Date('2026-01-05T09:00:00.000Z'), 'foundation-course.json');
const schedule = scheduleCurriculum(course);
const moduleItems = course.items.filter((i): i is ModuleItem => i.kind === 'module');
const sessions = course.items.filter((i): i is SessionItem => i.kind === 'session');
const dayOf = (itemId: string): number | undefined => schedule.placements.find((p) => p.itemId === itemId)?.day;

describe('the sample course’s timetable', () => {
  it('fits its ten days on the default day template, with time to spare', () => {
    expect(scheduleFits(schedule)).toBe(true);
    expect(schedule.daysUsed).toBe(10);
    expect(schedule.teachingMinutes).toBeLessThanOrEqual(10 * schedule.capacityPerDay - 120);
  });

  it('never cuts a lesson or a session by a break into a part under 20 minutes', () => {
    const parts = new Map<string, number[]>();
    for (const day of schedule.days)
      for (const slot of day.slots) if (slot.unitKey) parts.set(`${day.day} ${slot.unitKey}`, [...(parts.get(`${day.day} ${slot.unitKey}`) ?? []), slot.endMinute - slot.startMinute]);
    const short = [...parts].filter(([, minutes]) => minutes.length > 1 && minutes.some((m) => m < course.scheduling.minPartMinutes));
    expect(short).toEqual([]);
    // Tests are never interrupted by a break at all.
    for (const id of ['pre-test', 'post-test']) expect(parts.get(`${dayOf(id) ?? 0} ${id}`)).toHaveLength(1);
  });

  it('opens with the opening session and the pre-test on day 1 and ends with the post-test and the closing session on day 10', () => {
    expect(course.items[0]).toMatchObject({ kind: 'session', sessionKind: 'opening' });
    expect(course.items.at(-1)).toMatchObject({ kind: 'session', sessionKind: 'closing' });
    expect(sessions.find((s) => s.id === 'pre-test')).toMatchObject({ sessionKind: 'assessment' });
    expect(sessions.find((s) => s.id === 'post-test')).toMatchObject({ sessionKind: 'assessment' });
    expect([dayOf('opening'), dayOf('pre-test'), dayOf('post-test'), dayOf('closing')]).toEqual([1, 1, 10, 10]);
  });

  it('shortens steps only within their recommended ranges', () => {
    for (const item of moduleItems)
      for (const override of item.lessons)
        for (const { step, minutes } of override.stepMinutes ?? []) {
          const source = item.snapshot.lessons.find((l) => l.code === override.lessonCode)?.steps[step];
          expect(source?.range, `${override.lessonCode} step ${step}`).toBeDefined();
          expect(minutes).toBeGreaterThanOrEqual(source?.range?.min ?? Infinity);
          expect(minutes).toBeLessThanOrEqual(source?.range?.max ?? -Infinity);
        }
  });

  it('teaches every lesson of the use-of-force module, after-force duties included, and leaves out only optional lessons', () => {
    const force = moduleItems.find((i) => i.moduleId === 'use-of-force-firearms');
    expect(force && effectiveLessons(force).map((l) => l.lessonCode)).toEqual(['4.1', '4.2', '4.3', '4.4']);
    const omitted = moduleItems.flatMap((item) => item.lessons.filter((o) => o.omit).map((o) => item.snapshot.lessons.find((l) => l.code === o.lessonCode)));
    expect(omitted.length).toBeGreaterThan(0);
    for (const lesson of omitted) expect(lesson?.optional, lesson?.title).toBe(true);
  });
});

describe('the sample course’s assessment plan', () => {
  it.each(['pre-test', 'post-test'] as const)('%s: sits in its own assessment session and its items fit its minutes', (test) => {
    const planned = plannedTest(course, test);
    if (!planned) throw new Error(`no ${test} plan`);
    const session = sessions.find((s) => s.id === planned.plan.sessionId);
    expect(session?.sessionKind).toBe('assessment');
    expect(planned.missing).toEqual([]);
    expect(planned.items.length).toBeGreaterThanOrEqual(18);
    expect(planned.minutes).toBeLessThanOrEqual(session?.minutes ?? 0);
    for (const { item } of planned.items) expect(item.kind).toBe('written');
    for (const { item } of planned.items) expect(item.use).toContain(test);
    // Every module of the course is tested.
    expect(new Set(planned.items.map((i) => i.itemId))).toEqual(new Set(moduleItems.map((i) => i.id)));
  });

  it.each(['pre-test', 'post-test'] as const)('%s: holds the items its settings draw, so a new draw with the same seed gives the same test', (test) => {
    const plan = test === 'pre-test' ? course.assessment.preTest : course.assessment.postTest;
    if (!plan) throw new Error(`no ${test} plan`);
    expect(plan.edited).toBe(false);
    expect(plan.items).toEqual(selectTestItems(course, test, plan));
  });

  it('weighs its instruments to 100 per cent and sets a pass mark', () => {
    const { instruments, passMark } = course.assessmentStrategy;
    expect(instruments.reduce((total, i) => total + i.weight, 0)).toBe(100);
    expect(passMark).toBeGreaterThan(0);
  });
});

describe('the sample course as a package', () => {
  it('resolves every reference of its modules to the course’s numbering', () => {
    const numbering = courseNumbering(course);
    expect(moduleItems.flatMap((item) => danglingRefs(effectiveModule(item), numbering).map((d) => `${item.moduleId} ${d.lessonCode ?? ''} ${d.found}`))).toEqual([]);
  });

  it('has its course-level description, with outcomes served by taught objectives only, and every taught objective serving one', () => {
    for (const field of ['aim', 'targetAudience', 'entryRequirements', 'trainerProfile', 'courseEvaluation'] as const) expect(course[field].length, field).toBeGreaterThan(100);
    expect(course.classSize).toBeDefined();
    const taught = new Set(moduleItems.flatMap((item) => effectiveLessons(item).flatMap((l) => l.lesson.objectives.map((o) => `${item.id}/${l.lessonCode}/${o.id}`))));
    const served = new Set(course.outcomes.flatMap((o) => o.serves.map((r) => `${r.itemId}/${r.lessonCode}/${r.objectiveId}`)));
    expect([...served].filter((ref) => !taught.has(ref))).toEqual([]);
    expect([...taught].filter((ref) => !served.has(ref))).toEqual([]);
  });

  it('writes no lesson or handout number by hand in its own texts', () => {
    const texts = [course.description, course.aim, course.targetAudience, course.assessmentStrategy.notes, course.courseEvaluation, ...sessions.map((s) => s.notes ?? '')];
    expect(texts.flatMap(hardCodedNumbers)).toEqual([]);
  });
});

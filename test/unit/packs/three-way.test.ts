import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { merge, sameModuleContent, threeWay } from '../../../shared/domain/packs/three-way';
import { ModuleSchema, type Lesson, type Module } from '../../../shared/schemas/module';

const base = ModuleSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/library/modules/ethics-integrity.json'), 'utf8')));
const lesson = (m: Module, i: number): Lesson => {
  const l = m.lessons[i];
  if (!l) throw new Error('missing lesson');
  return l;
};
const withLesson = (m: Module, i: number, change: Partial<Lesson>): Module => ({ ...m, lessons: m.lessons.map((l, j) => (j === i ? { ...l, ...change } : l)) });

describe('three-way comparison of a module', () => {
  it('sees no change between copies that differ only in revision, date and provenance', () => {
    const copy = { ...base, revision: 7, updatedAt: '2027-01-01T00:00:00.000Z', provenance: { author: 'Someone else' } };
    expect(sameModuleContent(base, copy)).toBe(true);
    expect(threeWay(base, copy, base).fields.every((f) => f.source === 'unchanged')).toBe(true);
  });

  it('takes one-sided changes from the side that made them, with no conflict', () => {
    const theirs = { ...base, summary: 'A new upstream summary.' };
    const mine = withLesson(base, 1, { trainerNotes: 'Our academy uses the case of Station 4.' });
    const plan = threeWay(base, theirs, mine);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fields.find((f) => f.key === 'summary')?.source).toBe('theirs');
    expect(plan.fields.find((f) => f.key === `lesson:${lesson(base, 1).code}:trainerNotes`)?.source).toBe('mine');
    const merged = merge(base, theirs, mine, {});
    expect(merged.summary).toBe('A new upstream summary.');
    expect(lesson(merged, 1).trainerNotes).toBe('Our academy uses the case of Station 4.');
  });

  it('flags a field changed differently on both sides and keeps mine unless the user takes theirs', () => {
    const theirs = { ...base, title: 'Integrity (2027 edition)' };
    const mine = { ...base, title: 'Integrity for our academy' };
    const plan = threeWay(base, theirs, mine);
    expect(plan.conflicts).toEqual(['title']);
    expect(merge(base, theirs, mine, {}).title).toBe('Integrity for our academy');
    expect(merge(base, theirs, mine, { title: 'theirs' }).title).toBe('Integrity (2027 edition)');
  });

  it('does not call the same change on both sides a conflict', () => {
    const both = { ...base, level: 'advanced' as const };
    const plan = threeWay(base, both, both);
    expect(plan.conflicts).toEqual([]);
    expect(plan.fields.find((f) => f.key === 'level')?.source).toBe('both-same');
  });

  it('appends a lesson added upstream and keeps a lesson removed locally removed', () => {
    const added: Lesson = { ...lesson(base, 0), code: '3.9', title: 'A new upstream lesson' };
    const theirs = { ...base, lessons: [...base.lessons, added] };
    const mine = { ...base, lessons: base.lessons.slice(1) };
    const merged = merge(base, theirs, mine, {});
    expect(merged.lessons.map((l) => l.code)).toEqual([...base.lessons.slice(1).map((l) => l.code), '3.9']);
    expect(ModuleSchema.safeParse(merged).success).toBe(true);
  });

  it('merges different fields of one lesson edited on both sides, and asks only for a field both changed', () => {
    const code = lesson(base, 0).code;
    const theirs = withLesson(base, 0, { aim: 'Upstream aim', trainerNotes: 'Upstream notes' });
    const mine = withLesson(base, 0, { trainerNotes: 'Local notes', materials: ['Flip chart'] });
    const plan = threeWay(base, theirs, mine);
    expect(plan.conflicts).toEqual([`lesson:${code}:trainerNotes`]);
    const merged = lesson(merge(base, theirs, mine, {}), 0);
    expect(merged).toMatchObject({ aim: 'Upstream aim', trainerNotes: 'Local notes', materials: ['Flip chart'] });
    expect(lesson(merge(base, theirs, mine, { [`lesson:${code}:trainerNotes`]: 'theirs' }), 0).trainerNotes).toBe('Upstream notes');
  });

  it('asks when one side removed a lesson the other changed; by default it stays removed, as mine', () => {
    const code = lesson(base, 1).code;
    const theirs = withLesson(base, 1, { aim: 'Upstream aim' });
    const mine = { ...base, lessons: base.lessons.filter((l) => l.code !== code) };
    expect(threeWay(base, theirs, mine).conflicts).toEqual([`lesson:${code}`]);
    expect(merge(base, theirs, mine, {}).lessons.map((l) => l.code)).not.toContain(code);
    // Taken back, it returns to its place.
    expect(lesson(merge(base, theirs, mine, { [`lesson:${code}`]: 'theirs' }), 1)).toMatchObject({ code, aim: 'Upstream aim' });
  });

  it('takes a reordering of the lessons made on one side only', () => {
    const theirs = { ...base, lessons: [...base.lessons].reverse() };
    const mine = withLesson(base, 0, { aim: 'Local aim' });
    const merged = merge(base, theirs, mine, {});
    expect(merged.lessons.map((l) => l.code)).toEqual(theirs.lessons.map((l) => l.code));
    expect(merged.lessons.find((l) => l.code === lesson(base, 0).code)?.aim).toBe('Local aim');
  });

  it('ignores choices keyed by Object.prototype names', () => {
    const theirs = { ...base, title: 'Theirs' };
    const mine = { ...base, title: 'Mine' };
    const choices = JSON.parse('{"__proto__":{"title":"theirs"},"constructor":"theirs","toString":"theirs"}') as Record<string, 'mine' | 'theirs'>;
    expect(merge(base, theirs, mine, choices).title).toBe('Mine');
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { merge, sameModuleContent, threeWay, type FieldChoice } from '../../../shared/domain/packs/three-way';
import { ModuleSchema, type Lesson, type Module } from '../../../shared/schemas/module';

const base = ModuleSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/library/modules/ethics-integrity.json'), 'utf8')));

/** Edits a partner or an academy makes; values come from a tiny pool so that both sides often make the same one. */
type Edit =
  | { kind: 'title' | 'summary' | 'outcome'; value: string }
  | { kind: 'level'; value: 'basic' | 'advanced' }
  | { kind: 'lessonText'; lesson: number; field: 'title' | 'aim' | 'relevance' | 'trainerNotes' | 'roomSetup'; value: string }
  | { kind: 'material' | 'stepTitle'; lesson: number; step: number; value: string }
  | { kind: 'removeLesson'; lesson: number }
  | { kind: 'addLesson'; code: '9.1' | '9.2'; value: string }
  | { kind: 'moveLesson'; lesson: number; to: number };

const value = fc.constantFrom('A', 'B');
const index = fc.nat(20);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constantFrom('title' as const, 'summary' as const, 'outcome' as const), value }),
  fc.record({ kind: fc.constant('level' as const), value: fc.constantFrom('basic' as const, 'advanced' as const) }),
  fc.record({ kind: fc.constant('lessonText' as const), lesson: index, field: fc.constantFrom('title' as const, 'aim' as const, 'relevance' as const, 'trainerNotes' as const, 'roomSetup' as const), value }),
  fc.record({ kind: fc.constantFrom('material' as const, 'stepTitle' as const), lesson: index, step: index, value }),
  fc.record({ kind: fc.constant('removeLesson' as const), lesson: index }),
  fc.record({ kind: fc.constant('addLesson' as const), code: fc.constantFrom('9.1' as const, '9.2' as const), value }),
  fc.record({ kind: fc.constant('moveLesson' as const), lesson: index, to: index }),
);

function withLesson(module: Module, at: number, change: (lesson: Lesson) => Lesson): Module {
  const i = at % module.lessons.length;
  return { ...module, lessons: module.lessons.map((l, j) => (j === i ? change(l) : l)) };
}

function apply(module: Module, e: Edit): Module {
  switch (e.kind) {
    case 'title':
      return { ...module, title: `${module.title} ${e.value}` };
    case 'summary':
      return { ...module, summary: e.value };
    case 'outcome':
      return { ...module, learningOutcomes: [...module.learningOutcomes, e.value] };
    case 'level':
      return { ...module, level: e.value };
    case 'lessonText':
      return withLesson(module, e.lesson, (l) => ({ ...l, [e.field]: `${l[e.field]} ${e.value}` }));
    case 'material':
      return withLesson(module, e.lesson, (l) => ({ ...l, materials: [...l.materials, e.value] }));
    case 'stepTitle':
      return withLesson(module, e.lesson, (l) => ({ ...l, steps: l.steps.map((s, j) => (j === e.step % l.steps.length ? { ...s, title: `${s.title} ${e.value}` } : s)) }));
    case 'removeLesson':
      return module.lessons.length > 1 ? { ...module, lessons: module.lessons.filter((_, j) => j !== e.lesson % module.lessons.length) } : module;
    case 'addLesson': {
      const template = module.lessons[0];
      if (!template || module.lessons.some((l) => l.code === e.code)) return module;
      // A new lesson brings steps, handouts and items with ids of its own (ids are unique within the module).
      const fresh = <T extends { id: string }>(entries: T[]): T[] => entries.map((entry) => ({ ...entry, id: `${entry.id}-${e.code.replace('.', '-')}` }));
      const lesson = { ...template, code: e.code, title: `New ${e.value}`, steps: fresh(template.steps), handouts: fresh(template.handouts), evaluation: fresh(template.evaluation) };
      return { ...module, lessons: [...module.lessons, lesson] };
    }
    case 'moveLesson': {
      const lessons = [...module.lessons];
      const [moved] = lessons.splice(e.lesson % lessons.length, 1);
      if (moved) lessons.splice(e.to % (lessons.length + 1), 0, moved);
      return { ...module, lessons };
    }
  }
}

const edited = fc.array(edit, { maxLength: 6 }).map((edits) => edits.reduce(apply, base));

// An oracle written independently of the implementation: canonical JSON and its own reading of the keys.
const canonical = (v: unknown): string =>
  v === undefined ? 'undefined' : JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));
const same = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

function at(module: Module, key: string, common: readonly string[]): unknown {
  if (key === 'lessonOrder') return module.lessons.map((l) => l.code).filter((c) => common.includes(c));
  const match = /^lesson:([^:]+)(?::(.+))?$/.exec(key);
  if (!match) return (module as Record<string, unknown>)[key];
  const lesson = module.lessons.find((l) => l.code === match[1]);
  return match[2] === undefined ? lesson : (lesson as Record<string, unknown> | undefined)?.[match[2]];
}

function expectedSource(b: unknown, m: unknown, t: unknown): string {
  if (same(b, m) && same(b, t)) return 'unchanged';
  if (same(b, t)) return 'mine';
  if (same(b, m)) return 'theirs';
  return same(m, t) ? 'both-same' : 'conflict';
}

describe('three-way merge, for any edits on both sides', () => {
  it('classifies every field as the oracle does and never loses a one-sided change; conflicts keep mine unless theirs is chosen', () => {
    fc.assert(
      fc.property(edited, edited, fc.array(fc.boolean(), { maxLength: 40 }), (mine, theirs, takeTheirs) => {
        const plan = threeWay(base, theirs, mine);
        const common = mine.lessons.map((l) => l.code).filter((c) => [base, theirs].every((m) => m.lessons.some((l) => l.code === c)));
        const choices: Record<string, FieldChoice> = {};
        plan.conflicts.forEach((key, i) => {
          if (takeTheirs[i]) choices[key] = 'theirs';
        });
        const merged = merge(base, theirs, mine, choices);
        for (const { key, source } of plan.fields) {
          const [b, m, t] = [at(base, key, common), at(mine, key, common), at(theirs, key, common)];
          expect(source, key).toBe(expectedSource(b, m, t));
          const wanted = source === 'theirs' || (source === 'conflict' && choices[key] === 'theirs') ? t : m;
          expect(canonical(at(merged, key, common)), key).toBe(canonical(wanted));
        }
        // Every field of the module and of each lesson on both sides is compared; other lessons as wholes.
        const keys = new Set(plan.fields.map((f) => f.key));
        for (const k of Object.keys(mine).filter((k) => !['id', 'revision', 'updatedAt', 'provenance', 'lessons'].includes(k))) expect(keys.has(k), k).toBe(true);
        for (const code of new Set([...mine.lessons, ...theirs.lessons].map((l) => l.code))) {
          const both = mine.lessons.some((l) => l.code === code) && theirs.lessons.some((l) => l.code === code);
          if (both) for (const field of ['title', 'aim', 'steps', 'trainerNotes', 'materials']) expect(keys.has(`lesson:${code}:${field}`), `${code} ${field}`).toBe(true);
          else expect(keys.has(`lesson:${code}`), code).toBe(true);
        }
        if (merged.lessons.length > 0) expect(ModuleSchema.safeParse(merged).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('is the other side whenever one side did not change anything', () => {
    fc.assert(
      fc.property(edited, (changed) => {
        expect(sameModuleContent(merge(base, changed, base, {}), changed)).toBe(true);
        expect(sameModuleContent(merge(base, base, changed, {}), changed)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

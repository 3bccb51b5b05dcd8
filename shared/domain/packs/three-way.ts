import type { Lesson, Module } from '../../schemas/module';

/**
 * Field-level three-way comparison of a module: the upstream version the local copy came from (base), the
 * new upstream version (theirs) and the local adaptation (mine). A field changed on one side only is
 * taken from that side; a field changed on both sides (differently) needs the user's decision.
 *
 * The fields are the module's top-level fields and each lesson as a whole, matched by its code: a lesson
 * is what trainers adapt, and merging inside a lesson's steps would produce plans nobody wrote.
 */
export type MergeField = { key: string; label: string; source: 'unchanged' | 'mine' | 'theirs' | 'both-same' | 'conflict' };
export type ThreeWay = { fields: MergeField[]; conflicts: string[] };
export type FieldChoice = 'mine' | 'theirs';

/** Fields that describe a module's history, not its content: never merged, never compared. */
const BOOKKEEPING = new Set(['id', 'revision', 'updatedAt', 'provenance', 'lessons']);

type FieldMap = Map<string, unknown>;

function fieldsOf(module: Module | undefined): FieldMap {
  const map: FieldMap = new Map();
  if (!module) return map;
  for (const [key, value] of Object.entries(module)) if (!BOOKKEEPING.has(key)) map.set(key, value);
  for (const lesson of module.lessons) map.set(`lesson:${lesson.code}`, lesson);
  return map;
}

/** Deep equality for JSON data, independent of key order. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameContent(item, b[i]));
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Two modules say the same thing (ignoring revision, dates and provenance). */
export function sameModuleContent(a: Module, b: Module): boolean {
  const fa = fieldsOf(a);
  const fb = fieldsOf(b);
  return fa.size === fb.size && [...fa].every(([k, v]) => fb.has(k) && sameContent(v, fb.get(k))) && sameLessonOrder(a, b);
}

function sameLessonOrder(a: Module, b: Module): boolean {
  return sameContent(
    a.lessons.map((l) => l.code),
    b.lessons.map((l) => l.code),
  );
}

function labelOf(key: string): string {
  return key.startsWith('lesson:') ? `Lesson ${key.slice('lesson:'.length)}` : key;
}

export function threeWay(base: Module, theirs: Module, mine: Module): ThreeWay {
  const b = fieldsOf(base);
  const t = fieldsOf(theirs);
  const m = fieldsOf(mine);
  const keys = [...new Set([...b.keys(), ...t.keys(), ...m.keys()])];
  const fields = keys.map((key): MergeField => {
    const inBase = b.get(key);
    const mineChanged = !sameContent(inBase, m.get(key));
    const theirsChanged = !sameContent(inBase, t.get(key));
    const source = !mineChanged && !theirsChanged ? 'unchanged' : mineChanged && !theirsChanged ? 'mine' : !mineChanged ? 'theirs' : sameContent(m.get(key), t.get(key)) ? 'both-same' : 'conflict';
    return { key, label: labelOf(key), source };
  });
  return { fields, conflicts: fields.filter((f) => f.source === 'conflict').map((f) => f.key) };
}

/**
 * The merged module: one-sided changes applied, conflicts resolved by `choices` (default: mine, so that
 * nothing local is lost silently). Lessons keep my order, with lessons new upstream appended in theirs.
 */
export function merge(base: Module, theirs: Module, mine: Module, choices: Readonly<Record<string, FieldChoice>>): Module {
  const plan = threeWay(base, theirs, mine);
  const t = fieldsOf(theirs);
  const m = fieldsOf(mine);
  const pick = (key: string): unknown => {
    const field = plan.fields.find((f) => f.key === key);
    const side = field?.source === 'theirs' ? 'theirs' : field?.source === 'conflict' ? (choices[key] ?? 'mine') : 'mine';
    return side === 'theirs' ? t.get(key) : m.get(key);
  };
  // Rebuilt from the chosen values (not edited in place), so a field one side removed is simply left out.
  const kept = Object.entries(mine).filter(([key]) => BOOKKEEPING.has(key));
  const chosen = plan.fields.filter((f) => !f.key.startsWith('lesson:')).map((f) => [f.key, pick(f.key)] as const);
  const merged: Record<string, unknown> = Object.fromEntries([...kept, ...chosen].filter(([, value]) => value !== undefined));
  const codes = [...mine.lessons.map((l) => l.code), ...theirs.lessons.map((l) => l.code).filter((c) => !mine.lessons.some((l) => l.code === c))];
  merged['lessons'] = codes.map((code) => pick(`lesson:${code}`)).filter((l): l is Lesson => l !== undefined);
  return merged as Module;
}

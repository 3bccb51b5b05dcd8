import type { Lesson, Module } from '../../schemas/module';
import type { FieldComparison } from '../../schemas/pack-import';
import { fieldValue } from './field-values';
import { BOOKKEEPING, LESSON_ORDER_KEY, lessonFieldKey, lessonFields, lessonOf, lessonPresenceKey, moduleFields, parseFieldKey, valueAt } from './field-keys';

/**
 * Field-level three-way comparison of a module: the upstream version the local copy came from (base), the
 * new upstream version (theirs) and the local adaptation (mine). A field changed on one side only is
 * taken from that side; a field changed on both sides (differently) needs the user's decision, and until
 * then keeps mine. Fields are the module's own fields and each field of each lesson (see field-keys.ts).
 */
export type MergeSource = 'unchanged' | 'mine' | 'theirs' | 'both-same' | 'conflict';
export type MergeField = { key: string; source: MergeSource };
export type ThreeWay = { fields: MergeField[]; conflicts: string[] };
export type FieldChoice = 'mine' | 'theirs';

/** Deep equality for JSON data, independent of key order; an absent key equals an undefined one. */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => sameContent(item, b[i]));
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && sameContent((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Two modules say the same thing (ignoring revision, dates and provenance), lessons in the same order. */
export function sameModuleContent(a: Module, b: Module): boolean {
  const fa = moduleFields(a);
  const fb = moduleFields(b);
  return fa.size === fb.size && [...fa].every(([k, v]) => fb.has(k) && sameContent(v, fb.get(k))) && sameContent(a.lessons, b.lessons);
}

function sourceOf(base: unknown, mine: unknown, theirs: unknown): MergeSource {
  const mineChanged = !sameContent(base, mine);
  const theirsChanged = !sameContent(base, theirs);
  if (!mineChanged && !theirsChanged) return 'unchanged';
  if (!theirsChanged) return 'mine';
  if (!mineChanged) return 'theirs';
  return sameContent(mine, theirs) ? 'both-same' : 'conflict';
}

/** Lesson codes of all three versions, in mine's order, then theirs', then the base's. */
function lessonCodes(base: Module, theirs: Module, mine: Module): string[] {
  return [...new Set([...mine.lessons, ...theirs.lessons, ...base.lessons].map((l) => l.code))];
}

/** Codes every version has: their relative order is the one field "lessonOrder" compares. */
function commonCodes(base: Module, theirs: Module, mine: Module): Set<string> {
  const inAll = (code: string) => [base, theirs].every((m) => m.lessons.some((l) => l.code === code));
  return new Set(mine.lessons.map((l) => l.code).filter(inAll));
}

/** The keys a comparison of these versions is made of (see field-keys.ts). */
export function fieldKeys(base: Module | undefined, theirs: Module, mine: Module): string[] {
  const modules = [base, theirs, mine];
  const keys = new Set<string>();
  for (const module of modules) for (const key of moduleFields(module).keys()) keys.add(key);
  for (const code of lessonCodes(base ?? mine, theirs, mine)) {
    const mineLesson = lessonOf(mine, code);
    const theirLesson = lessonOf(theirs, code);
    if (!mineLesson || !theirLesson) {
      keys.add(lessonPresenceKey(code));
      continue;
    }
    for (const lesson of [lessonOf(base, code), theirLesson, mineLesson]) for (const field of lessonFields(lesson).keys()) keys.add(lessonFieldKey(code, field));
  }
  keys.add(LESSON_ORDER_KEY);
  return [...keys];
}

export function threeWay(base: Module, theirs: Module, mine: Module): ThreeWay {
  const common = commonCodes(base, theirs, mine);
  const fields = fieldKeys(base, theirs, mine).map((key): MergeField => ({ key, source: sourceOf(valueAt(base, key, common), valueAt(mine, key, common), valueAt(theirs, key, common)) }));
  return { fields, conflicts: fields.filter((f) => f.source === 'conflict').map((f) => f.key) };
}

/**
 * The merged module: one-sided changes applied, conflicts resolved by `choices` (default: mine, so that
 * nothing local is lost silently). Lessons follow the order of the side whose order is taken (mine unless
 * only theirs reordered, or the user took theirs); a lesson only the other side has follows the lesson it
 * follows there.
 */
export function merge(base: Module, theirs: Module, mine: Module, choices: Readonly<Record<string, FieldChoice>>): Module {
  const plan = threeWay(base, theirs, mine);
  const common = commonCodes(base, theirs, mine);
  const sources = new Map(plan.fields.map((f) => [f.key, f.source]));
  const sideOf = (key: string): FieldChoice => {
    const source = sources.get(key);
    // Choices are keyed by text from the caller: only its own keys count, never Object.prototype's.
    if (source === 'conflict') return Object.hasOwn(choices, key) && choices[key] === 'theirs' ? 'theirs' : 'mine';
    return source === 'theirs' ? 'theirs' : 'mine';
  };
  const pick = (key: string): unknown => valueAt(sideOf(key) === 'theirs' ? theirs : mine, key, common);

  // Rebuilt from the chosen values (not edited in place), so a field one side removed is simply left out.
  const merged: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(mine)) if (BOOKKEEPING.has(key)) merged[key] = value;
  for (const { key } of plan.fields) {
    const parsed = parseFieldKey(key);
    const value = parsed.kind === 'module' ? pick(key) : undefined;
    if (parsed.kind === 'module' && value !== undefined) merged[parsed.field] = value;
  }

  const lessons = new Map<string, Lesson>();
  for (const code of lessonCodes(base, theirs, mine)) {
    if (sources.has(lessonPresenceKey(code))) {
      const whole = pick(lessonPresenceKey(code)) as Lesson | undefined;
      if (whole) lessons.set(code, whole);
      continue;
    }
    if (!lessonOf(mine, code) || !lessonOf(theirs, code)) continue;
    const lesson: Record<string, unknown> = { code };
    for (const { key } of plan.fields) {
      const parsed = parseFieldKey(key);
      if (parsed.kind !== 'lesson' || parsed.code !== code) continue;
      const value = pick(key);
      if (value !== undefined) lesson[parsed.field] = value;
    }
    lessons.set(code, lesson as Lesson);
  }
  const [lead, other] = sideOf(LESSON_ORDER_KEY) === 'theirs' ? [theirs, mine] : [mine, theirs];
  const order = lead.lessons.map((l) => l.code);
  // A lesson only the other side has goes after the lesson it follows there.
  let previous: string | null = null;
  for (const { code } of other.lessons) {
    if (!order.includes(code)) order.splice(previous === null ? 0 : order.indexOf(previous) + 1, 0, code);
    previous = code;
  }
  merged['lessons'] = order.filter((code) => lessons.has(code)).map((code) => lessons.get(code));
  return merged as Module;
}

/**
 * What a preview shows of a module the pack changes: every field that differs, with its content on each
 * side. With a base (a three-way merge) each field says which side changed it; without one, mine is shown
 * before and theirs after.
 */
export function compareFields(base: Module | undefined, theirs: Module, mine: Module): FieldComparison[] {
  if (base) {
    const common = commonCodes(base, theirs, mine);
    return threeWay(base, theirs, mine)
      .fields.filter((f) => f.source !== 'unchanged')
      .map(({ key, source }) => ({ key, source, base: fieldValue(base, key, common), mine: fieldValue(mine, key, common), theirs: fieldValue(theirs, key, common) }));
  }
  const common = commonCodes(mine, theirs, mine);
  return fieldKeys(undefined, theirs, mine)
    .filter((key) => !sameContent(valueAt(mine, key, common), valueAt(theirs, key, common)))
    .map((key) => ({ key, source: 'differs' as const, mine: fieldValue(mine, key, common), theirs: fieldValue(theirs, key, common) }));
}

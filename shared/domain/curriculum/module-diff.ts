/**
 * What changed between two revisions of a module, for the "update available" view: a readable list of
 * field-level changes, each with a stable code and params for translation.
 *
 * Lessons are matched by code (a renumbered lesson shows as removed and added). Steps are matched by
 * title in order; between two matched steps, unmatched ones are paired in order as "changed" (a renamed
 * step), and what is left over is added or removed.
 */
import { lessonMinutes } from '../durations';
import type { Lesson, Module, Step } from '../../schemas/module';

export type ModuleChangeCode =
  | 'field-changed'
  | 'list-item-added'
  | 'list-item-removed'
  | 'lesson-added'
  | 'lesson-removed'
  | 'lesson-changed'
  | 'lesson-minutes-changed'
  | 'lessons-reordered'
  | 'step-added'
  | 'step-removed'
  | 'step-changed'
  | 'step-minutes-changed';

export type ModuleChange = {
  code: ModuleChangeCode;
  /** Where in the module: "title", "lessons.1.2.steps.3.minutes" (lesson code, then step number from 1). */
  path: string;
  message: string;
  params: Record<string, string | number>;
  lessonCode?: string;
  /** Step number from 1 in the newer revision (the older one for a removed step). */
  step?: number;
  /** The fields that differ, for lesson-changed and step-changed. */
  fields?: string[];
  /** Old and new values of a changed single field, for side-by-side display. */
  before?: string | number;
  after?: string | number;
};

const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  summary: 'summary',
  language: 'language',
  level: 'level',
  license: 'licence',
  translationOf: 'translation source',
  provenance: 'provenance',
  themes: 'theme',
  audiences: 'audience',
  prerequisites: 'prerequisite',
  references: 'reference',
  learningOutcomes: 'learning outcome',
  code: 'code',
  aim: 'aim',
  relevance: 'relevance',
  objectives: 'objectives',
  methods: 'methods',
  materials: 'materials',
  roomSetup: 'room set-up',
  steps: 'steps',
  trainerNotes: 'trainer notes',
  handouts: 'handouts',
  evaluation: 'evaluation',
  minutes: 'minutes',
  range: 'range',
  method: 'method',
  trainerActivity: 'trainer activity',
  participantActivity: 'participant activity',
  sensitivity: 'sensitivity',
};

const label = (field: string): string => FIELD_LABELS[field] ?? field;
const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

const SHORT_FIELDS = ['title', 'language', 'level', 'license'] as const;
const LIST_FIELDS = ['themes', 'audiences', 'prerequisites', 'references', 'learningOutcomes'] as const;
const LESSON_FIELDS = ['title', 'aim', 'relevance', 'objectives', 'methods', 'materials', 'roomSetup', 'trainerNotes', 'handouts', 'evaluation', 'references'] as const;
const STEP_FIELDS = ['title', 'range', 'method', 'trainerActivity', 'participantActivity', 'objectives', 'sensitivity'] as const;

export function diffModules(before: Module, after: Module): ModuleChange[] {
  const changes: ModuleChange[] = [];
  for (const field of SHORT_FIELDS)
    if (before[field] !== after[field])
      changes.push({
        code: 'field-changed',
        path: field,
        message: `${capital(label(field))} changed: "${before[field]}" → "${after[field]}"`,
        params: { field, before: before[field], after: after[field] },
        before: before[field],
        after: after[field],
      });
  if (before.summary !== after.summary)
    changes.push({ code: 'field-changed', path: 'summary', message: 'Summary changed', params: { field: 'summary' }, before: before.summary, after: after.summary });
  const source = (m: Module) => (m.translationOf ? `${m.translationOf.moduleId} revision ${m.translationOf.revision}` : '');
  if (source(before) !== source(after))
    changes.push({
      code: 'field-changed',
      path: 'translationOf',
      message: `Translation source changed: "${source(before) || 'none'}" → "${source(after) || 'none'}"`,
      params: { field: 'translationOf', before: source(before), after: source(after) },
      before: source(before),
      after: source(after),
    });
  if (!same(before.provenance, after.provenance))
    changes.push({ code: 'field-changed', path: 'provenance', message: 'Provenance changed', params: { field: 'provenance' } });
  for (const field of LIST_FIELDS) changes.push(...listChanges(field, before[field], after[field]));
  changes.push(...lessonChanges(before.lessons, after.lessons));
  return changes;
}

function listChanges(field: string, before: readonly string[], after: readonly string[]): ModuleChange[] {
  const quote = field === 'learningOutcomes' ? (v: string) => `"${v}"` : (v: string) => v;
  return [
    ...after
      .filter((v) => !before.includes(v))
      .map((value): ModuleChange => ({ code: 'list-item-added', path: field, message: `${capital(label(field))} added: ${quote(value)}`, params: { field, value } })),
    ...before
      .filter((v) => !after.includes(v))
      .map((value): ModuleChange => ({ code: 'list-item-removed', path: field, message: `${capital(label(field))} removed: ${quote(value)}`, params: { field, value } })),
  ];
}

function lessonChanges(before: readonly Lesson[], after: readonly Lesson[]): ModuleChange[] {
  const changes: ModuleChange[] = [];
  const oldByCode = new Map<string, Lesson>();
  for (const lesson of before) if (!oldByCode.has(lesson.code)) oldByCode.set(lesson.code, lesson);
  const newCodes = new Set(after.map((l) => l.code));
  const seen = new Set<string>();

  for (const lesson of after) {
    const name = `Lesson ${lesson.code} "${lesson.title}"`;
    const path = `lessons.${lesson.code}`;
    const old = seen.has(lesson.code) ? undefined : oldByCode.get(lesson.code);
    seen.add(lesson.code);
    if (!old) {
      const minutes = lessonMinutes(lesson);
      changes.push({ code: 'lesson-added', path, message: `${name} added (${minutes} min)`, params: { lessonCode: lesson.code, lesson: lesson.title, minutes }, lessonCode: lesson.code });
      continue;
    }
    const stepDiff = stepChanges(lesson.code, old.steps, lesson.steps);
    const fields: string[] = LESSON_FIELDS.filter((f) => !same(old[f], lesson[f]));
    if (stepDiff.length > 0) fields.push('steps');
    if (fields.length > 0)
      changes.push({
        code: 'lesson-changed',
        path,
        message: `${name} changed: ${fields.map(label).join(', ')}`,
        params: { lessonCode: lesson.code, lesson: lesson.title, fields: fields.join(',') },
        lessonCode: lesson.code,
        fields,
        ...(old.title === lesson.title ? {} : { before: old.title, after: lesson.title }),
      });
    const [was, now] = [lessonMinutes(old), lessonMinutes(lesson)];
    if (was !== now)
      changes.push({
        code: 'lesson-minutes-changed',
        path: `${path}.minutes`,
        message: `${name}: ${was} → ${now} min`,
        params: { lessonCode: lesson.code, lesson: lesson.title, before: was, after: now },
        lessonCode: lesson.code,
        before: was,
        after: now,
      });
    changes.push(...stepDiff);
  }
  for (const lesson of before)
    if (!newCodes.has(lesson.code))
      changes.push({
        code: 'lesson-removed',
        path: `lessons.${lesson.code}`,
        message: `Lesson ${lesson.code} "${lesson.title}" removed`,
        params: { lessonCode: lesson.code, lesson: lesson.title },
        lessonCode: lesson.code,
      });

  const kept = (lessons: readonly Lesson[], other: ReadonlySet<string>) => lessons.map((l) => l.code).filter((c) => other.has(c));
  const oldOrder = kept(before, newCodes);
  const newOrder = kept(after, new Set(before.map((l) => l.code)));
  if (oldOrder.join(' ') !== newOrder.join(' '))
    changes.push({
      code: 'lessons-reordered',
      path: 'lessons',
      message: `Lessons reordered: ${newOrder.join(', ')} (was ${oldOrder.join(', ')})`,
      params: { before: oldOrder.join(', '), after: newOrder.join(', ') },
      before: oldOrder.join(', '),
      after: newOrder.join(', '),
    });
  return changes;
}

function stepChanges(lessonCode: string, before: readonly Step[], after: readonly Step[]): ModuleChange[] {
  const changes: ModuleChange[] = [];
  for (const [old, now, newIndex, oldIndex] of alignSteps(before, after)) {
    if (old && now) {
      const number = newIndex + 1;
      const name = `Lesson ${lessonCode}, step ${number} "${now.title}"`;
      const path = `lessons.${lessonCode}.steps.${number}`;
      const fields: string[] = STEP_FIELDS.filter((f) => !same(old[f], now[f]));
      if (fields.length > 0)
        changes.push({
          code: 'step-changed',
          path,
          message: `${name} changed: ${fields.map(label).join(', ')}`,
          params: { lessonCode, step: number, title: now.title, fields: fields.join(',') },
          lessonCode,
          step: number,
          fields,
          ...(old.title === now.title ? {} : { before: old.title, after: now.title }),
        });
      if (old.minutes !== now.minutes)
        changes.push({
          code: 'step-minutes-changed',
          path: `${path}.minutes`,
          message: `${name}: ${old.minutes} → ${now.minutes} min`,
          params: { lessonCode, step: number, title: now.title, before: old.minutes, after: now.minutes },
          lessonCode,
          step: number,
          before: old.minutes,
          after: now.minutes,
        });
    } else if (now) {
      const number = newIndex + 1;
      changes.push({
        code: 'step-added',
        path: `lessons.${lessonCode}.steps.${number}`,
        message: `Lesson ${lessonCode}, step ${number} "${now.title}" added (${now.minutes} min)`,
        params: { lessonCode, step: number, title: now.title, minutes: now.minutes },
        lessonCode,
        step: number,
      });
    } else if (old) {
      const number = oldIndex + 1;
      changes.push({
        code: 'step-removed',
        path: `lessons.${lessonCode}.steps.${number}`,
        message: `Lesson ${lessonCode}, step "${old.title}" removed (${old.minutes} min)`,
        params: { lessonCode, step: number, title: old.title, minutes: old.minutes },
        lessonCode,
        step: number,
      });
    }
  }
  return changes;
}

/** Pairs [old, new, new index, old index]: matched by title (longest common subsequence), then gap by gap. */
function alignSteps(before: readonly Step[], after: readonly Step[]): [Step | undefined, Step | undefined, number, number][] {
  const n = before.length;
  const m = after.length;
  // lcs[i][j]: length of the longest common title subsequence of before[i..] and after[j..].
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const cell = (i: number, j: number) => lcs[i]?.[j] ?? 0;
  for (let i = n - 1; i >= 0; i -= 1)
    for (let j = m - 1; j >= 0; j -= 1) {
      const row = lcs[i];
      if (row) row[j] = before[i]?.title === after[j]?.title ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
    }
  const pairs: [Step | undefined, Step | undefined, number, number][] = [];
  let [i, j] = [0, 0];
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const flush = () => {
    const common = Math.min(gapOld.length, gapNew.length);
    for (let k = 0; k < Math.max(gapOld.length, gapNew.length); k += 1) {
      const oi = gapOld[k];
      const ni = gapNew[k];
      if (k < common && oi !== undefined && ni !== undefined) pairs.push([before[oi], after[ni], ni, oi]);
      else if (ni !== undefined) pairs.push([undefined, after[ni], ni, -1]);
      else if (oi !== undefined) pairs.push([before[oi], undefined, -1, oi]);
    }
    [gapOld, gapNew] = [[], []];
  };
  while (i < n || j < m) {
    if (i < n && j < m && before[i]?.title === after[j]?.title) {
      flush();
      pairs.push([before[i], after[j], j, i]);
      [i, j] = [i + 1, j + 1];
    } else if (j < m && (i >= n || cell(i, j + 1) >= cell(i + 1, j))) {
      gapNew.push(j);
      j += 1;
    } else {
      gapOld.push(i);
      i += 1;
    }
  }
  flush();
  return pairs;
}

/** Structural equality of JSON-like values; key order does not matter, an undefined key equals a missing one. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => same(x, b[i]));
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
    for (const key of keys) if (!same(ra[key], rb[key])) return false;
    return true;
  }
  return false;
}

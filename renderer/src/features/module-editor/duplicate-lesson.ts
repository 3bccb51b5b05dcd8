import { formatRef, replaceRefs } from '../../../../shared/domain/references/syntax';
import type { Lesson, Module } from '../../../../shared/schemas/module';
import { nextLessonCode, type Translate } from './draft-ops';
import { insertAt } from './draft-paths';

/** A module holds at most this many lessons (ModuleSchema). */
export const MAX_LESSONS = 12;

type PartKind = 'steps' | 'handouts' | 'evaluation';
const PREFIX: Record<PartKind, string> = { steps: 's', handouts: 'h', evaluation: 'q' };
const REF_KIND: Record<PartKind, 'step' | 'handout' | 'question'> = { steps: 'step', handouts: 'handout', evaluation: 'question' };

/** Every string of a lesson rewritten (texts are strings; ids and numbers are left alone by `rewrite`). */
function mapTexts<T>(value: T, rewrite: (text: string) => string): T {
  if (typeof value === 'string') return rewrite(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapTexts(v, rewrite)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]: [string, unknown]) => [k, mapTexts(v, rewrite)])) as T;
  return value;
}

/**
 * The draft with a copy of lesson `index` right after it: the same content (its own objective ids, which
 * are local to a lesson), a code no other lesson has, and a title that says it is a copy. Its steps,
 * handouts and evaluation items get new ids, since those are unique in the module, and the copy's references
 * to them follow. The original is untouched; the copy is a new object all the way down.
 */
export function duplicateLesson(draft: Module, index: number, t: Translate): Module {
  const original = draft.lessons[index];
  if (!original || draft.lessons.length >= MAX_LESSONS) return draft;
  const renamed = new Map<string, string>();
  const parts = {} as { [K in PartKind]: Lesson[K] };
  for (const kind of ['steps', 'handouts', 'evaluation'] as const) {
    const taken = new Set(draft.lessons.flatMap((l) => l[kind].map((p) => p.id)));
    let n = 0;
    const fresh = (): string => {
      do n += 1;
      while (taken.has(`${PREFIX[kind]}${n}`));
      return `${PREFIX[kind]}${n}`;
    };
    parts[kind] = original[kind].map((part) => {
      const id = fresh();
      renamed.set(`${REF_KIND[kind]}:${part.id}`, id);
      return { ...part, id };
    }) as never;
  }
  const retarget = (text: string) =>
    replaceRefs(text, (ref) => {
      const id = ref.moduleId === undefined ? renamed.get(`${ref.kind}:${ref.id}`) : undefined;
      return formatRef(id === undefined ? ref : { ...ref, id });
    });
  const copy: Lesson = mapTexts({ ...structuredClone(original), ...parts, code: nextLessonCode(draft.lessons), title: t('editor.copyTitle', { title: original.title }) }, retarget);
  return insertAt(draft, ['lessons'], copy, index + 1);
}

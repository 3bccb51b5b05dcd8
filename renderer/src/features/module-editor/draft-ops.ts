import type { Language } from '../../../../shared/domain/languages';
import type { EVALUATION_TYPES, EvaluationItem, Handout, Lesson, Module, Step } from '../../../../shared/schemas/module';
import { getAt, insertAt, removeAt, setAt, type Path } from './draft-paths';

/**
 * Edits that touch more than one path (deleting an objective, adding a lesson) and the starting contents of
 * new parts. Starting texts come from the caller's translator so that a new module reads in the author's
 * language; they are instructions the author overwrites, and they satisfy the schema so a fresh draft is valid.
 */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type EvaluationType = (typeof EVALUATION_TYPES)[number];

/** The first "oN" that no objective, step or evaluation item of the lesson mentions. */
export function nextObjectiveId(lesson: Lesson): string {
  // Ids still cited by a step or an evaluation item (after their objective was deleted) stay reserved:
  // reusing one would silently re-point those items to an unrelated new objective.
  const used = new Set<string>([
    ...lesson.objectives.map((o) => o.id),
    ...lesson.steps.flatMap((s) => s.objectives),
    ...lesson.evaluation.map((e) => e.objective),
  ]);
  for (let n = 1; ; n += 1) if (!used.has(`o${n}`)) return `o${n}`;
}

/** "2.4" after "2.3"; the module number is taken from the lessons already there ("1" for the first). */
export function nextLessonCode(lessons: readonly Lesson[]): string {
  let major = 1;
  let minor = 0;
  for (const lesson of lessons) {
    const match = /^(\d{1,2})\.(\d{1,2})$/.exec(lesson.code);
    if (!match) continue;
    major = Number(match[1]);
    minor = Math.max(minor, Number(match[2]));
  }
  return `${major}.${Math.min(minor + 1, 99)}`;
}

const ID_PREFIX = { steps: 's', handouts: 'h', evaluation: 'q' } as const;

/**
 * The first "sN", "hN" or "qN" that no step, handout or evaluation item of the module uses: these ids are
 * unique within a module, because texts refer to them from any of its lessons.
 */
export function freeLocalId(module: Pick<Module, 'lessons'>, kind: keyof typeof ID_PREFIX): string {
  const used = new Set(module.lessons.flatMap((lesson) => lesson[kind].map((entry) => entry.id)));
  for (let n = 1; ; n += 1) if (!used.has(`${ID_PREFIX[kind]}${n}`)) return `${ID_PREFIX[kind]}${n}`;
}

export function newStep(t: Translate, id: string, objectives: string[] = []): Step {
  return {
    id,
    title: t('editor.template.stepTitle'),
    minutes: 30,
    method: 'interactive-presentation',
    trainerActivity: t('editor.template.trainerActivity'),
    participantActivity: t('editor.template.participantActivity'),
    objectives,
  };
}

export function newEvaluationItem(t: Translate, id: string, objective: string): EvaluationItem {
  return { id, question: t('editor.template.question'), type: 'open', kind: 'written', minutes: 4, answer: t('editor.template.answer'), objective, use: ['post-test'] };
}

export function newHandout(t: Translate, id: string): Handout {
  return { id, title: t('editor.template.handoutTitle'), body: t('editor.template.handoutBody') };
}

/** A lesson with one objective that its one step teaches and its one evaluation item tests; ids free in `module`. */
export function newLesson(t: Translate, code: string, module: Pick<Module, 'lessons'> = { lessons: [] }): Lesson {
  return {
    code,
    title: t('editor.template.lessonTitle'),
    optional: false,
    aim: t('editor.template.aim'),
    relevance: t('editor.template.relevance'),
    objectives: [{ id: 'o1', text: t('editor.template.objective'), bloom: 'understand' }],
    methods: ['interactive-presentation'],
    materials: [],
    roomSetup: '',
    steps: [newStep(t, freeLocalId(module, 'steps'), ['o1'])],
    trainerNotes: '',
    handouts: [],
    evaluation: [newEvaluationItem(t, freeLocalId(module, 'evaluation'), 'o1')],
    references: [],
  };
}

/** A new module that passes validation, so autosave can start as soon as the author changes anything. */
export function newModuleDraft(t: Translate, options: { id: string; language: Language; author: string; now: string }): Module {
  return {
    id: options.id,
    revision: 1,
    updatedAt: options.now,
    title: t('editor.template.title'),
    summary: t('editor.template.summary'),
    language: options.language,
    themes: ['human-rights-foundations'],
    audiences: ['recruits'],
    level: 'basic',
    prerequisites: [],
    learningOutcomes: [t('editor.template.outcome')],
    lessons: [newLesson(t, '1.1')],
    references: [],
    glossary: [],
    license: 'CC BY 4.0',
    provenance: { author: options.author },
  };
}

export function addLesson(draft: Module, t: Translate): Module {
  return insertAt(draft, ['lessons'], newLesson(t, nextLessonCode(draft.lessons), draft));
}

export function addObjective(draft: Module, lessonIndex: number): Module {
  const lesson = draft.lessons[lessonIndex];
  if (!lesson) return draft;
  return insertAt(draft, ['lessons', lessonIndex, 'objectives'], { id: nextObjectiveId(lesson), text: '', bloom: 'understand' });
}

/**
 * Removes an objective and the steps' claims to teach it. Evaluation items that tested it keep the id on
 * purpose: an item must test something, and only the author can say what, so the item is flagged instead.
 */
export function deleteObjective(draft: Module, lessonIndex: number, objectiveIndex: number): Module {
  const lesson = draft.lessons[lessonIndex];
  const objective = lesson?.objectives[objectiveIndex];
  if (!lesson || !objective) return draft;
  const steps = lesson.steps.map((step) =>
    step.objectives.includes(objective.id) ? { ...step, objectives: step.objectives.filter((id) => id !== objective.id) } : step,
  );
  const withoutObjective = removeAt(draft, ['lessons', lessonIndex, 'objectives'], objectiveIndex);
  return setAt(withoutObjective, ['lessons', lessonIndex, 'steps'], steps);
}

/** Choices only belong to multiple-choice items; switching to one starts with two empty choices. */
export function setEvaluationType(draft: Module, itemPath: Path, type: EvaluationType): Module {
  const withType = setAt(draft, [...itemPath, 'type'], type);
  if (type !== 'multiple-choice') return setAt(withType, [...itemPath, 'options'], undefined);
  const options = getAt(draft, [...itemPath, 'options']);
  return Array.isArray(options) ? withType : setAt(withType, [...itemPath, 'options'], ['', '']);
}

/** A flexible duration starts as exactly the planned minutes, which the author then widens. */
export function setStepRange(draft: Module, stepPath: Path, on: boolean): Module {
  if (!on) return setAt(draft, [...stepPath, 'range'], undefined);
  const minutes = getAt(draft, [...stepPath, 'minutes']);
  const base = typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 1 ? minutes : 1;
  return setAt(draft, [...stepPath, 'range'], { min: base, max: base });
}

/** Adds an (empty, hence flagged) warning to a step or handout, or removes it. */
export function setSensitivity(draft: Module, ownerPath: Path, on: boolean): Module {
  return setAt(draft, [...ownerPath, 'sensitivity'], on ? { warning: '', participantVisible: false } : undefined);
}

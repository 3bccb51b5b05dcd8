/**
 * One numbering per place a module is shown. In a course, modules are numbered by their position in the
 * course, lessons by their teaching order in their module ("2.3"), handouts by letter within their lesson
 * ("2.3A"): the numbers the Word documents print, and the only ones the composer, timetable, checks and
 * coverage show. In the library, a module keeps its library codes ("4.2", "4.2A"). References in texts
 * (see syntax.ts) are printed with the numbering of where they are shown.
 */
import type { Curriculum, ModuleItem } from '../../schemas/curriculum';
import type { Lesson } from '../../schemas/module';
import type { Language } from '../languages';
import { effectiveLessons } from '../curriculum/effective-lessons';

export type NumberedPart = {
  /** "2.3": the lesson's number where it is shown. */
  lesson: string;
  /** The lesson's library code, its stable key. */
  lessonCode: string;
  /** Position of the step or question in its lesson, from 1; the handout's position for handouts. */
  position: number;
};

export type Numbering = {
  scheme: 'course' | 'library';
  /** "2" */
  module(moduleId: string): string | undefined;
  /** "2.3" */
  lesson(moduleId: string, lessonCode: string): string | undefined;
  handout(moduleId: string, handoutId: string): NumberedPart | undefined;
  step(moduleId: string, stepId: string): NumberedPart | undefined;
  question(moduleId: string, questionId: string): NumberedPart | undefined;
};

/** Handouts of a lesson are lettered A, B, C… in Latin documents and أ، ب، ج… in Arabic ones. */
const LATIN_LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ARABIC_LETTERS = ['أ', 'ب', 'ج', 'د', 'هـ', 'و', 'ز', 'ح', 'ط', 'ي', 'ك', 'ل', 'م', 'ن', 'س', 'ع', 'ف', 'ص', 'ق', 'ر', 'ش', 'ت', 'ث', 'خ', 'ذ', 'ض'];

export function handoutLetter(position: number, language: Language): string {
  const index = position - 1;
  return language === 'ar' ? (ARABIC_LETTERS[index] ?? String(position)) : (LATIN_LETTERS.charAt(index) || String(position));
}

/** "2.3A", or "2.3 أ" in Arabic, where a letter glued to digits would be read in the wrong order. */
export function handoutNumber(lessonNumber: string, position: number, language: Language): string {
  return language === 'ar' ? `${lessonNumber} ${handoutLetter(position, language)}` : `${lessonNumber}${handoutLetter(position, language)}`;
}

/** What numbering needs of a module: its lessons' codes and the ids of their parts (a module, or its outline). */
export type ModuleOutline = {
  id: string;
  lessons: readonly { code: string; handouts: readonly { id: string }[]; steps: readonly { id: string }[]; evaluation: readonly { id: string }[] }[];
};

/** A module reduced to its outline, small enough to send with another module's page. */
export function outlineOf(module: ModuleOutline): { id: string; lessons: { code: string; handouts: { id: string }[]; steps: { id: string }[]; evaluation: { id: string }[] }[] } {
  return {
    id: module.id,
    lessons: module.lessons.map((l) => ({ code: l.code, handouts: l.handouts.map((h) => ({ id: h.id })), steps: l.steps.map((s) => ({ id: s.id })), evaluation: l.evaluation.map((e) => ({ id: e.id })) })),
  };
}

type ModuleEntry = {
  number: string;
  lessons: Map<string, string>;
  handouts: Map<string, NumberedPart>;
  steps: Map<string, NumberedPart>;
  questions: Map<string, NumberedPart>;
};

function entryFor(number: string, lessons: readonly { lesson: ModuleOutline['lessons'][number]; number: string }[]): ModuleEntry {
  const entry: ModuleEntry = { number, lessons: new Map(), handouts: new Map(), steps: new Map(), questions: new Map() };
  for (const { lesson, number: lessonNumber } of lessons) {
    entry.lessons.set(lesson.code, lessonNumber);
    const part = (index: number): NumberedPart => ({ lesson: lessonNumber, lessonCode: lesson.code, position: index + 1 });
    lesson.handouts.forEach((h, i) => entry.handouts.set(h.id, part(i)));
    lesson.steps.forEach((s, i) => entry.steps.set(s.id, part(i)));
    lesson.evaluation.forEach((q, i) => entry.questions.set(q.id, part(i)));
  }
  return entry;
}

function numberingOf(scheme: Numbering['scheme'], entries: ReadonlyMap<string, ModuleEntry>): Numbering {
  return {
    scheme,
    module: (moduleId) => entries.get(moduleId)?.number,
    lesson: (moduleId, code) => entries.get(moduleId)?.lessons.get(code),
    handout: (moduleId, id) => entries.get(moduleId)?.handouts.get(id),
    step: (moduleId, id) => entries.get(moduleId)?.steps.get(id),
    question: (moduleId, id) => entries.get(moduleId)?.questions.get(id),
  };
}

/** A module item's number in its course: its position among the course's modules, from 1. */
export function moduleItemNumbers(curriculum: Pick<Curriculum, 'items'>): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const item of curriculum.items) if (item.kind === 'module') numbers.set(item.id, numbers.size + 1);
  return numbers;
}

/**
 * The course's numbering. Only what the course teaches is numbered: a lesson left out has no number, so a
 * reference to it shows as missing. A module taught twice is referred to at its first place.
 */
export function courseNumbering(curriculum: Pick<Curriculum, 'items'>): Numbering {
  const entries = new Map<string, ModuleEntry>();
  let number = 0;
  for (const item of curriculum.items) {
    if (item.kind !== 'module') continue;
    number += 1;
    if (entries.has(item.moduleId)) continue;
    entries.set(item.moduleId, entryFor(String(number), courseLessons(item, number)));
  }
  return numberingOf('course', entries);
}

/** The lessons of a module item with their course numbers ("2.1", "2.2"…), in teaching order. */
export function courseLessons(item: ModuleItem, moduleNumber: number): { lesson: Lesson; number: string; lessonCode: string }[] {
  return effectiveLessons(item).map((effective, index) => ({ lesson: effective.lesson, number: `${moduleNumber}.${index + 1}`, lessonCode: effective.lessonCode }));
}

/** The library's module number: the first number of its lesson codes ("4" for lessons 4.1 to 4.4). */
export function libraryModuleNumber(module: Pick<ModuleOutline, 'lessons'>): string {
  return /^(\d{1,2})\./.exec(module.lessons[0]?.code ?? '')?.[1] ?? '';
}

/** The library's numbering of these modules: their own lesson codes. */
export function libraryNumbering(modules: Iterable<ModuleOutline>): Numbering {
  const entries = new Map<string, ModuleEntry>();
  for (const module of modules)
    if (!entries.has(module.id)) entries.set(module.id, entryFor(libraryModuleNumber(module), module.lessons.map((lesson) => ({ lesson, number: lesson.code }))));
  return numberingOf('library', entries);
}

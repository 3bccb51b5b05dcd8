/**
 * Printing references (syntax.ts) with a numbering (numbering.ts), in the language of the text they stand
 * in: "Handout 2.1A", « Document 2.1A », "المطبوعة 2.1 أ". A reference whose target is not where it is shown
 * (a lesson left out of the course, a module not in it) prints its fallback text, or says it is missing.
 */
import type { Lesson, Module } from '../../schemas/module';
import type { Language } from '../languages';
import { handoutNumber, type Numbering } from './numbering';
import { replaceRefs, type TextRef } from './syntax';

type Words = {
  module: string;
  lesson: string;
  handout: string;
  step: string;
  question: string;
  /** Joins "Lesson 2.1" and "step 3". */
  comma: string;
  missing: string;
};

/** Part names as printed in running text, in the language of the text. Capitalised as UN training packages do. */
export const REFERENCE_WORDS: Readonly<Record<Language, Words>> = {
  en: { module: 'Module', lesson: 'Lesson', handout: 'Handout', step: 'step', question: 'question', comma: ', ', missing: '(not in this course)' },
  fr: { module: 'Module', lesson: 'Leçon', handout: 'Document', step: 'étape', question: 'question', comma: ', ', missing: '(hors de ce cours)' },
  ar: { module: 'الوحدة', lesson: 'الدرس', handout: 'المطبوعة', step: 'الخطوة', question: 'السؤال', comma: '، ', missing: '(ليس في هذه الدورة)' },
};

/** Where the text holding a reference stands: its module, and its lesson for lesson texts. */
export type RefOrigin = { moduleId: string; lessonCode?: string | undefined };

export type PrintedRef = { text: string; found: boolean };

function found(text: string): PrintedRef {
  return { text, found: true };
}

/** The printed form of one reference, and whether its target was found. */
export function printRef(ref: TextRef, origin: RefOrigin, numbering: Numbering, language: Language): PrintedRef {
  const words = REFERENCE_WORDS[language];
  const moduleId = ref.moduleId ?? origin.moduleId;
  switch (ref.kind) {
    case 'module': {
      const number = numbering.module(moduleId);
      if (number) return found(`${words.module} ${number}`);
      break;
    }
    case 'lesson': {
      const number = numbering.lesson(moduleId, ref.id);
      if (number) return found(`${words.lesson} ${number}`);
      break;
    }
    case 'handout': {
      const part = numbering.handout(moduleId, ref.id);
      if (part) return found(`${words.handout} ${handoutNumber(part.lesson, part.position, language)}`);
      break;
    }
    case 'step': {
      const part = numbering.step(moduleId, ref.id);
      // A step of the lesson the text is in is named by its number alone.
      const sameLesson = part !== undefined && moduleId === origin.moduleId && part.lessonCode === origin.lessonCode;
      if (part) return found(sameLesson ? `${words.step} ${part.position}` : `${words.lesson} ${part.lesson}${words.comma}${words.step} ${part.position}`);
      break;
    }
    case 'question': {
      const part = numbering.question(moduleId, ref.id);
      if (part) return found(`${words.lesson} ${part.lesson}${words.comma}${words.question} ${part.position}`);
      break;
    }
  }
  return { text: ref.fallback ?? words.missing, found: false };
}

/** A text with its references printed. */
export function printRefs(text: string, origin: RefOrigin, numbering: Numbering, language: Language): string {
  return replaceRefs(text, (ref) => printRef(ref, origin, numbering, language).text);
}

/** Every string under `value`, rewritten; objects and arrays without references are kept as they are. */
function mapStrings(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return value.includes('[[') ? rewrite(value) : value;
  if (Array.isArray(value)) {
    const list: readonly unknown[] = value;
    const mapped = list.map((v) => mapStrings(v, rewrite));
    return mapped.some((v, i) => v !== list[i]) ? mapped : value;
  }
  if (typeof value !== 'object' || value === null) return value;
  const entries: [string, unknown][] = Object.entries(value);
  const mapped = entries.map(([key, v]) => [key, mapStrings(v, rewrite)] as const);
  return mapped.some(([, v], i) => v !== entries[i]?.[1]) ? Object.fromEntries(mapped) : value;
}

/**
 * The module with every reference in its texts printed, for documents: their plan is made from plain text.
 * Lessons and modules without references are returned as the same objects, so caches keyed by them hold.
 */
export function printModuleRefs(module: Module, numbering: Numbering, language: Language): Module {
  const { lessons, ...rest } = module;
  // The rewrite only replaces strings inside strings, so the shapes stay those of a module.
  const top = mapStrings(rest, (text) => printRefs(text, { moduleId: module.id }, numbering, language)) as typeof rest;
  const printed = lessons.map((lesson) => mapStrings(lesson, (text) => printRefs(text, { moduleId: module.id, lessonCode: lesson.code }, numbering, language)) as Lesson);
  const lessonsChanged = printed.some((lesson, i) => lesson !== lessons[i]);
  if (top === rest && !lessonsChanged) return module;
  return { ...top, lessons: lessonsChanged ? printed : lessons };
}

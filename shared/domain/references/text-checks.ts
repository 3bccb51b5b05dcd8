/**
 * What the checks look for in module texts: numbers typed by hand where a reference belongs ("Distribute
 * Handout 3.1B", « voir la leçon 3.2 », "الدرس 8.2"), which point at the wrong part as soon as the module
 * sits elsewhere in a course; and references whose target the course does not teach.
 */
import type { Lesson, Module } from '../../schemas/module';
import type { Numbering } from './numbering';
import { printRef, type RefOrigin } from './resolve';
import { findRefs, type TextRef } from './syntax';

/**
 * A part's name followed by a number: "lesson 3.2", "Lessons 5.1", "Handout 13.1-A", "module 9", "step 3",
 * in English, French and Arabic. Instruments' articles and principles ("Principle 9", "article 2(3)") are not
 * parts of modules and are never matched.
 */
const HARD_CODED = [
  /\b(?:[Ll]essons?|[Hh]andouts?|[Mm]odules?|[Ss]teps?|LESSONS?|HANDOUTS?|MODULES?|STEPS?)\s+\d{1,2}(?:\.\d{1,2})?(?:-?[A-H](?![\p{L}]))?(?![\d.]*\d)/gu,
  /(?<![\p{L}])(?:[Ll]eçons?|[Dd]ocuments?|[Ff]iches?|[Mm]odules?|[ÉéE]tapes?)\s+\d{1,2}(?:\.\d{1,2})?(?:-?[A-H](?![\p{L}]))?(?![\d.]*\d)/gu,
  /(?:الدرس|الدروس|المطبوعة|النشرة|الوحدة|الخطوة)\s*\d{1,2}(?:\.\d{1,2})?(?:\s?[أبجد])?/gu,
];

/** Hand-typed part numbers in a text, as written, in order. Text inside references is not looked at. */
export function hardCodedNumbers(text: string): string[] {
  const withoutRefs = text.includes('[[') ? text.replace(/\[\[[^\]]*\]\]/g, ' ') : text;
  const found: { index: number; text: string }[] = [];
  for (const pattern of HARD_CODED) for (const match of withoutRefs.matchAll(pattern)) found.push({ index: match.index, text: match[0].trim() });
  return found.sort((a, b) => a.index - b.index).map((f) => f.text);
}

/** Every text of a lesson, with a name for where it is, for checks that read texts. */
export function lessonTexts(lesson: Lesson): { where: string; text: string }[] {
  const texts: { where: string; text: string }[] = [
    { where: 'aim', text: lesson.aim },
    { where: 'relevance', text: lesson.relevance },
    { where: 'roomSetup', text: lesson.roomSetup },
    { where: 'trainerNotes', text: lesson.trainerNotes },
    ...lesson.materials.map((text, i) => ({ where: `materials.${i}`, text })),
  ];
  lesson.steps.forEach((step, i) => {
    texts.push({ where: `steps.${i}.title`, text: step.title }, { where: `steps.${i}.trainerActivity`, text: step.trainerActivity }, { where: `steps.${i}.participantActivity`, text: step.participantActivity });
  });
  lesson.handouts.forEach((handout, i) => {
    texts.push({ where: `handouts.${i}.title`, text: handout.title }, { where: `handouts.${i}.body`, text: handout.body });
  });
  lesson.evaluation.forEach((item, i) => {
    texts.push({ where: `evaluation.${i}.question`, text: item.question }, { where: `evaluation.${i}.answer`, text: item.answer }, ...(item.options ?? []).map((text, o) => ({ where: `evaluation.${i}.options.${o}`, text })));
  });
  return texts;
}

/** Module-level texts (not in a lesson). */
export function moduleTexts(module: Pick<Module, 'summary' | 'learningOutcomes' | 'glossary'>): { where: string; text: string }[] {
  return [
    { where: 'summary', text: module.summary },
    ...module.learningOutcomes.map((text, i) => ({ where: `learningOutcomes.${i}`, text })),
    ...module.glossary.map((entry, i) => ({ where: `glossary.${i}.definition`, text: entry.definition })),
  ];
}

export type TextFinding = { lessonCode?: string; where: string; found: string };

/** What the checks find in one group of texts: typed numbers, and every reference with where it is. */
type Findings = { typed: TextFinding[]; refs: (TextFinding & { ref: TextRef })[] };

/** What one text holds, by text: a course's overridden lessons are new objects after each save, their texts mostly not. */
type TextFindings = { typed: string[]; refs: { ref: TextRef; source: string }[] };
const TEXT_FINDINGS = new Map<string, TextFindings>();
/** Texts remembered at most; then the memo starts again (a library holds a few tens of thousands). */
const TEXT_MEMO_LIMIT = 50_000;
const NOTHING: TextFindings = { typed: [], refs: [] };

function textFindings(text: string): TextFindings {
  if (text === '') return NOTHING;
  let found = TEXT_FINDINGS.get(text);
  if (!found) {
    found = { typed: hardCodedNumbers(text), refs: findRefs(text).map(({ ref, source }) => ({ ref, source })) };
    if (TEXT_FINDINGS.size >= TEXT_MEMO_LIMIT) TEXT_FINDINGS.clear();
    TEXT_FINDINGS.set(text, found);
  }
  return found;
}

function findingsOf(texts: readonly { where: string; text: string }[], lessonCode: string | undefined): Findings {
  const at = lessonCode === undefined ? {} : { lessonCode };
  const findings: Findings = { typed: [], refs: [] };
  for (const { where, text } of texts) {
    const found = textFindings(text);
    for (const typed of found.typed) findings.typed.push({ ...at, where, found: typed });
    for (const { ref, source } of found.refs) findings.refs.push({ ...at, where, found: source, ref });
  }
  return findings;
}

/**
 * Findings per lesson object. Lessons are immutable (frozen in the store; edits make new objects), and a
 * course's modules share the snapshots' lesson objects, so a course's checks, recomputed after each save,
 * read only the lessons that changed: the regular expressions over every text were most of a busy
 * harness's work.
 */
const LESSON_FINDINGS = new WeakMap<Lesson, Findings>();

function lessonFindings(lesson: Lesson): Findings {
  let findings = LESSON_FINDINGS.get(lesson);
  if (!findings) {
    findings = findingsOf(lessonTexts(lesson), lesson.code);
    LESSON_FINDINGS.set(lesson, findings);
  }
  return findings;
}

/** The module-level texts' findings, per learning-outcomes array (it and the summary change together in practice). */
const MODULE_FINDINGS = new WeakMap<object, { summary: string; glossary: Module['glossary']; findings: Findings }>();

function moduleLevelFindings(module: Pick<Module, 'summary' | 'learningOutcomes' | 'glossary'>): Findings {
  const cached = MODULE_FINDINGS.get(module.learningOutcomes);
  if (cached && cached.summary === module.summary && cached.glossary === module.glossary) return cached.findings;
  const findings = findingsOf(moduleTexts(module), undefined);
  MODULE_FINDINGS.set(module.learningOutcomes, { summary: module.summary, glossary: module.glossary, findings });
  return findings;
}

function allFindings(module: Module): Findings[] {
  return [moduleLevelFindings(module), ...module.lessons.map(lessonFindings)];
}

/** Hand-typed part numbers anywhere in a module's texts. */
export function moduleHardCodedNumbers(module: Module): TextFinding[] {
  return allFindings(module).flatMap((f) => f.typed);
}

export type DanglingRef = TextFinding & { ref: TextRef };

/** References in a module's texts (as taught: `module.lessons` are the lessons taught) whose target `numbering` does not have. */
export function danglingRefs(module: Module, numbering: Numbering): DanglingRef[] {
  const dangling: DanglingRef[] = [];
  for (const findings of allFindings(module))
    for (const found of findings.refs) {
      const origin: RefOrigin = found.lessonCode === undefined ? { moduleId: module.id } : { moduleId: module.id, lessonCode: found.lessonCode };
      if (!printRef(found.ref, origin, numbering, module.language).found) dangling.push(found);
    }
  return dangling;
}

/** Ids of the other modules a module's texts refer to. */
export function referencedModules(module: Module): Set<string> {
  const ids = new Set<string>();
  const texts = [...moduleTexts(module), ...module.lessons.flatMap((lesson) => lessonTexts(lesson))];
  for (const { text } of texts) for (const { ref } of findRefs(text)) if (ref.moduleId !== undefined && ref.moduleId !== module.id) ids.add(ref.moduleId);
  return ids;
}

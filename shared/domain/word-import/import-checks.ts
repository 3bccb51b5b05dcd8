/**
 * What a module imported from Word still needs, as the module checks list it: recomputed from the module
 * as it is now (so an entry goes away once the author has completed it), plus the import's own doubts
 * (a guessed Bloom level, method or minutes) for as long as the module is a draft.
 */
import type { ImportCheck, ImportCheckCode, Module } from '../../schemas/module';
import { IMPORT_TEXTS } from './texts';

/** Doubts the module's content cannot show by itself; kept while the module is a draft. */
const DRAFT_ONLY = new Set<ImportCheckCode>(['bloom', 'step-minutes', 'step-method', 'evaluation-objective', 'image', 'references', 'not-placed', 'shortened', 'too-many', 'no-steps', 'module-title', 'lesson-title', 'themes', 'audiences', 'level', 'license']);

export function importChecks(module: Module): ImportCheck[] {
  const source = module.provenance.sourceDocument;
  if (!source) return [];
  const toComplete = new Set(Object.values(IMPORT_TEXTS).map((t) => t.toComplete));
  const open = (text: string): boolean => toComplete.has(text.trim());
  const found: ImportCheck[] = [];
  if (open(module.summary)) found.push({ path: 'summary', code: 'module-summary' });
  module.lessons.forEach((lesson, li) => {
    const at = `lessons.${li}`;
    if (open(lesson.aim)) found.push({ path: `${at}.aim`, code: 'aim' });
    if (open(lesson.relevance)) found.push({ path: `${at}.relevance`, code: 'relevance' });
    if (lesson.objectives.length === 0) found.push({ path: `${at}.objectives`, code: 'no-objectives' });
    lesson.steps.forEach((step, si) => {
      if (open(step.trainerActivity)) found.push({ path: `${at}.steps.${si}.trainerActivity`, code: 'trainer-activity', detail: step.title });
      if (open(step.participantActivity)) found.push({ path: `${at}.steps.${si}.participantActivity`, code: 'participant-activity', detail: step.title });
    });
    lesson.evaluation.forEach((item, ei) => {
      if (open(item.answer)) found.push({ path: `${at}.evaluation.${ei}.answer`, code: 'answer', detail: item.question.slice(0, 300) });
    });
  });
  const doubts = source.draft ? source.toCheck.filter((check) => DRAFT_ONLY.has(check.code)) : [];
  return [...found, ...doubts];
}

import type { Module } from '../schemas/module';
import type { Reference } from '../schemas/reference';
import { modulePlaceholders, placeholderDefinitions } from './placeholders';

export type ModuleProblem = { path: string; message: string };

/**
 * Links inside a module that must hold for it to be saved: cited references exist, objective ids are
 * unique, and steps and evaluation items point at objectives of their lesson.
 */
export function structuralProblems(module: Module, references: readonly Reference[]): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  const refIds = new Set(references.map((r) => r.id));
  module.references.forEach((id, i) => {
    if (!refIds.has(id)) problems.push({ path: `references.${i}`, message: `Unknown reference "${id}"` });
  });
  // Texts and assessment plans refer to steps, handouts and items by id: a merge of lessons from two sides
  // could bring the same id twice, which the module schema refuses.
  for (const kind of ['steps', 'handouts', 'evaluation'] as const) {
    const seen = new Set<string>();
    module.lessons.forEach((lesson, li) => {
      lesson[kind].forEach((entry, i) => {
        if (seen.has(entry.id)) problems.push({ path: `lessons.${li}.${kind}.${i}.id`, message: `The id "${entry.id}" is used twice in this module` });
        seen.add(entry.id);
      });
    });
  }
  module.lessons.forEach((lesson, li) => {
    const at = `lessons.${li}`;
    const objectiveIds = new Set(lesson.objectives.map((o) => o.id));
    if (objectiveIds.size !== lesson.objectives.length) problems.push({ path: `${at}.objectives`, message: 'Objective ids repeat' });
    lesson.references.forEach((id, i) => {
      if (!refIds.has(id)) problems.push({ path: `${at}.references.${i}`, message: `Unknown reference "${id}"` });
    });
    lesson.steps.forEach((step, si) => {
      for (const id of step.objectives)
        if (!objectiveIds.has(id)) problems.push({ path: `${at}.steps.${si}.objectives`, message: `Unknown objective "${id}"` });
    });
    lesson.evaluation.forEach((item, ei) => {
      if (!objectiveIds.has(item.objective))
        problems.push({ path: `${at}.evaluation.${ei}.objective`, message: `Unknown objective "${item.objective}"` });
    });
  });
  return problems;
}

/**
 * Lesson codes repeated within a module. Packs compare and merge lessons by code, so a pack refuses a module
 * with two lessons of one code (the editor leaves codes to the author, who may renumber them).
 */
export function lessonCodeProblems(module: Module): ModuleProblem[] {
  const seen = new Set<string>();
  const problems: ModuleProblem[] = [];
  module.lessons.forEach((lesson, li) => {
    if (seen.has(lesson.code)) problems.push({ path: `lessons.${li}.code`, message: `Lesson code ${lesson.code} repeats` });
    seen.add(lesson.code);
  });
  return problems;
}

/** Teaching quality: every objective is taught by a step and tested by an evaluation item. */
export function coverageProblems(module: Module): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  module.lessons.forEach((lesson, li) => {
    for (const objective of lesson.objectives) {
      if (!lesson.steps.some((s) => s.objectives.includes(objective.id)))
        problems.push({ path: `lessons.${li}.objectives`, message: `Objective ${objective.id} has no step that teaches it` });
      if (!lesson.evaluation.some((e) => e.objective === objective.id))
        problems.push({ path: `lessons.${li}.objectives`, message: `Objective ${objective.id} has no evaluation item` });
    }
  });
  return problems;
}

/**
 * Placeholders a designer could not fill in knowingly: a `{name}` the texts use without a definition
 * (label, description, example), and a definition of a name no text uses any more. Warnings: the module
 * can still be saved.
 */
export function placeholderProblems(module: Module): ModuleProblem[] {
  const used = modulePlaceholders(module);
  const defined = placeholderDefinitions(module);
  const usedSet = new Set(used);
  return [
    ...used.filter((name) => !defined.has(name)).map((name) => ({ path: 'placeholders', message: `{${name}} is used but not defined` })),
    ...[...defined.keys()].filter((name) => !usedSet.has(name)).map((name) => ({ path: 'placeholders', message: `{${name}} is defined but not used` })),
  ];
}

/** Every kind of check, as the sample library must pass them. */
export function checkModuleContent(module: Module, references: readonly Reference[]): ModuleProblem[] {
  return [...structuralProblems(module, references), ...coverageProblems(module), ...placeholderProblems(module)];
}

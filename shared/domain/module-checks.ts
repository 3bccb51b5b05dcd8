import type { Module } from '../schemas/module';
import type { Reference } from '../schemas/reference';

export type ModuleProblem = { path: string; message: string };

/**
 * Content checks the schema cannot express: references resolve, and every objective is taught by a step
 * and tested by an evaluation item (the backbone of a UN-style lesson plan).
 */
export function checkModuleContent(module: Module, references: readonly Reference[]): ModuleProblem[] {
  const problems: ModuleProblem[] = [];
  const refIds = new Set(references.map((r) => r.id));
  module.references.forEach((id, i) => {
    if (!refIds.has(id)) problems.push({ path: `references.${i}`, message: `Unknown reference "${id}"` });
  });
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
    for (const objective of lesson.objectives) {
      if (!lesson.steps.some((s) => s.objectives.includes(objective.id)))
        problems.push({ path: `${at}.objectives`, message: `Objective ${objective.id} has no step that teaches it` });
      if (!lesson.evaluation.some((e) => e.objective === objective.id))
        problems.push({ path: `${at}.objectives`, message: `Objective ${objective.id} has no evaluation item` });
    }
  });
  return problems;
}

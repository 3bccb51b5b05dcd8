import type { z } from 'zod';
import { structuralProblems } from '../../../../shared/domain/module-checks';
import { ModuleSchema, type Module } from '../../../../shared/schemas/module';
import type { Reference } from '../../../../shared/schemas/reference';
import { pathKey } from './draft-paths';

/**
 * A problem at a field, as a translation key rather than text: zod's and the shared checks' messages are
 * English, and the editor must speak the author's interface language.
 */
export type EditorProblem = { path: string; key: string; values?: Record<string, string | number> };

/** The last named segment of a path ("code" in lessons.0.code): which regex a format issue came from. */
function lastName(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i -= 1) {
    const segment = path[i];
    if (typeof segment === 'string') return segment;
  }
  return '';
}

function fromIssue(issue: z.core.$ZodIssue): EditorProblem {
  const path = pathKey(issue.path);
  const name = lastName(issue.path);
  switch (issue.code) {
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? { path, key: 'editor.problem.required' } : { path, key: 'editor.problem.tooShort', values: { minimum } };
      if (issue.origin === 'array') return { path, key: 'editor.problem.listMin', values: { count: minimum } };
      return { path, key: 'editor.problem.numberMin', values: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { path, key: 'editor.problem.tooLong', values: { maximum } };
      if (issue.origin === 'array') return { path, key: 'editor.problem.listMax', values: { count: maximum } };
      return { path, key: 'editor.problem.numberMax', values: { maximum } };
    }
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? { path, key: 'editor.problem.number' }
        : { path, key: 'editor.problem.invalid' };
    case 'invalid_format':
      if (name === 'code') return { path, key: 'editor.problem.lessonCode' };
      if (name === 'id' && issue.path.length === 1) return { path, key: 'editor.problem.moduleId' };
      if (name === 'objective') return { path, key: 'editor.problem.pickObjective' };
      return { path, key: 'editor.problem.format' };
    case 'custom':
      // The schema's refinements: a step's minutes outside its range, or control characters in a text.
      return name === 'range' ? { path, key: 'editor.problem.range' } : { path, key: 'editor.problem.controlCharacters' };
    case 'invalid_value':
      return { path, key: 'editor.problem.choose' };
    case 'not_multiple_of':
      return { path, key: 'editor.problem.wholeNumber' };
    case 'unrecognized_keys':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return { path, key: 'editor.problem.invalid' };
  }
}

/**
 * Links the schema cannot express: what structuralProblems reports, mapped to keys by where it reports it.
 * Its objective ids are the draft's own, so the message can name them.
 */
function fromStructural(draft: Module, references: readonly Reference[]): EditorProblem[] {
  return structuralProblems(draft, references).map(({ path }) => {
    const parts = path.split('.');
    const field = parts.at(-1) ?? '';
    if (field === 'objectives' && parts.length === 3) return { path, key: 'editor.problem.duplicateObjectives' };
    if (field === 'objectives') return { path, key: 'editor.problem.unknownObjective' };
    if (field === 'objective') return { path, key: 'editor.problem.objectiveDeleted' };
    return { path, key: 'editor.problem.unknownReference' };
  });
}

/** Every problem of the draft; empty means it can be saved. Schema problems first, in document order. */
export function validateDraft(draft: Module, references: readonly Reference[]): EditorProblem[] {
  const result = ModuleSchema.safeParse(draft);
  const schema = result.success ? [] : result.error.issues.map(fromIssue);
  const seen = new Set(schema.map((p) => p.path));
  // A field already flagged by the schema gets no second message about the same value.
  return [...schema, ...fromStructural(draft, references).filter((p) => !seen.has(p.path))];
}

/** Problems grouped by path, for fields to look up their own. */
export function problemsByPath(problems: readonly EditorProblem[]): ReadonlyMap<string, EditorProblem[]> {
  const map = new Map<string, EditorProblem[]>();
  for (const problem of problems) map.set(problem.path, [...(map.get(problem.path) ?? []), problem]);
  return map;
}

import { createContext, useContext } from 'react';
import type { Module } from '../../../../shared/schemas/module';
import type { Path } from './draft-paths';
import type { RefTarget } from './reference-targets';
import type { EditorProblem } from './validation';

/** What every field of the editor needs; provided once by ModuleEditor so fields stay small. */
export type EditorApi = {
  /** Sets one value. `typing` marks text entry, whose consecutive changes form one undo step. */
  edit: (path: Path, value: unknown, typing?: boolean) => void;
  /** Any other change (list operations, edits of several paths) as one undo step. */
  apply: (change: (draft: Module) => Module) => void;
  problems: ReadonlyMap<string, EditorProblem[]>;
  /** Moves focus to the element with this id after the next render (the element may not exist yet). */
  focusLater: (id: string) => void;
  /** Language of the module's content, for `lang` on its text fields (spell-check, fonts, screen readers). */
  contentLanguage: string;
  /** What texts can refer to (parts of this module, other modules), for the reference picker. */
  refTargets: readonly RefTarget[];
};

export const EditorContext = createContext<EditorApi | null>(null);

export function useEditor(): EditorApi {
  const api = useContext(EditorContext);
  if (!api) throw new Error('Editor fields must be rendered inside ModuleEditor');
  return api;
}

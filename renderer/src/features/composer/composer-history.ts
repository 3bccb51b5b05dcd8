import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { historyReducer, type History, type HistoryAction } from '../module-editor/history';

/**
 * One state of the composer's undo history: the curriculum and the name of the change that produced it,
 * so the Undo button can say what it will undo ("Undo: Move Use of force to position 2").
 */
export type ComposerEntry = { curriculum: Curriculum; label: string };

export type ComposerHistory = History<ComposerEntry>;

/** The module editor's reducer (coalescing, cap, redo) over labelled curricula. */
export function composerHistory(state: ComposerHistory, action: HistoryAction<ComposerEntry>): ComposerHistory {
  return historyReducer(state, action);
}

/** Wraps a curriculum update as a history change; an update that changes nothing records nothing. */
export function labelledChange(label: string, update: (current: Curriculum) => Curriculum): (entry: ComposerEntry) => ComposerEntry {
  return (entry) => {
    const next = update(entry.curriculum);
    return next === entry.curriculum ? entry : { curriculum: next, label };
  };
}

/** What Undo would undo and Redo would redo, for the buttons' labels. */
export function undoLabel(history: ComposerHistory): string | null {
  return history.past.length > 0 ? history.present.label : null;
}

export function redoLabel(history: ComposerHistory): string | null {
  return history.future[0]?.label ?? null;
}

import { useCallback, useReducer, type RefObject } from 'react';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { useUndoKeys } from '../../lib/edit-commands';
import { canRedo, canUndo, initHistory } from '../module-editor/history';
import { composerHistory, labelledChange, redoLabel, undoLabel } from './composer-history';

/** Applies a labelled change; `key` makes consecutive typing in one field a single undo step. */
export type ApplyChange = (label: string, update: (current: Curriculum) => Curriculum, key?: string) => void;

/**
 * The draft curriculum with undo/redo. Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y work anywhere in the
 * composer except in text fields (where they undo typing, as users expect); the native menu's Undo and
 * Redo arrive as the same keys (lib/edit-commands.ts).
 */
export function useComposerHistory(initial: Curriculum, root: RefObject<HTMLElement | null>) {
  const [history, dispatch] = useReducer(composerHistory, { curriculum: initial, label: '' }, initHistory);

  const apply = useCallback<ApplyChange>((label, update, key) => {
    dispatch({ type: 'apply', change: labelledChange(label, update), key, at: Date.now() });
  }, []);
  const undo = useCallback(() => {
    dispatch({ type: 'undo' });
  }, []);
  const redo = useCallback(() => {
    dispatch({ type: 'redo' });
  }, []);

  useUndoKeys(root, undo, redo);

  return {
    draft: history.present.curriculum,
    apply,
    undo,
    redo,
    canUndo: canUndo(history),
    canRedo: canRedo(history),
    undoLabel: undoLabel(history),
    redoLabel: redoLabel(history),
  };
}

import { useCallback, useEffect, useReducer, type RefObject } from 'react';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { isTextEntry } from '../../lib/edit-commands';
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

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.defaultPrevented || isTextEntry(event.target)) return;
      // Keys pressed in a dialog over the composer, or elsewhere in the app, are not edits of this course.
      if (event.target !== document.body && !(event.target instanceof Node && root.current?.contains(event.target))) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) dispatch({ type: 'undo' });
      else if ((key === 'z' && event.shiftKey) || (key === 'y' && !event.shiftKey)) dispatch({ type: 'redo' });
      else return;
      event.preventDefault();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [root]);

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

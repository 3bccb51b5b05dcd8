import { useEffect, useState, useSyncExternalStore } from 'react';

/** Where an editor's work stands, as the status bar sums it up. */
export type EditorSaveState = 'saved' | 'saving' | 'unsaved';

/**
 * The save state of every open editor (the composer, the module editor), reported by the autosave that
 * saves them. The status bar reads it from here, so it can never say "All data saved" while an editor
 * says "Saving…": both show the same state.
 */
const editors = new Map<symbol, EditorSaveState>();
const listeners = new Set<() => void>();
let summary: EditorSaveState = 'saved';

function publish(): void {
  const states = [...editors.values()];
  summary = states.includes('unsaved') ? 'unsaved' : states.includes('saving') ? 'saving' : 'saved';
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The state of all open editors together: unsaved work first, then saving, else saved. */
export function useEditorsSaveState(): EditorSaveState {
  return useSyncExternalStore(subscribe, () => summary);
}

/**
 * Reports one editor's state while it is open. `settle` is what the editor still has to do when it
 * closes (a last save); its entry stays until that is done.
 */
export function useReportSaveState(state: EditorSaveState, settle: () => Promise<unknown>): void {
  const [key] = useState(() => Symbol('editor'));
  useEffect(() => {
    if (editors.get(key) === state) return;
    editors.set(key, state);
    publish();
  }, [key, state]);
  useEffect(
    () => () => {
      void settle().finally(() => {
        editors.delete(key);
        publish();
      });
    },
    [key, settle],
  );
}

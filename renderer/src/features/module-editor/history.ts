/**
 * Undo/redo as a pure reducer over immutable snapshots. Snapshots share unchanged branches (see
 * draft-paths.ts), so keeping 200 of them costs little.
 */

/** Enough for a long session; the oldest steps fall off so memory stays bounded. */
export const HISTORY_CAP = 200;
/** Typing in one field within this long of the last keystroke extends the same undo step. */
export const COALESCE_MS = 1000;

export type History<T> = {
  past: T[];
  present: T;
  future: T[];
  /** The coalescing key of the last change and when it happened; null after undo/redo or a reset. */
  lastKey: string | null;
  lastAt: number;
};

export type HistoryAction<T> =
  /**
   * A change. `key` names what was edited (a field path); consecutive changes with the same key less than
   * COALESCE_MS apart become one undo step. Changes without a key (a click, a deletion) are always their own step.
   * `at` is passed in rather than read from the clock so that the reducer stays pure and testable.
   */
  | { type: 'apply'; change: (present: T) => T; key?: string | undefined; at: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Replaces everything (a reload): old steps would restore a version that no longer matches the store. */
  | { type: 'reset'; value: T };

export function initHistory<T>(value: T): History<T> {
  return { past: [], present: value, future: [], lastKey: null, lastAt: 0 };
}

export function canUndo(history: History<unknown>): boolean {
  return history.past.length > 0;
}

export function canRedo(history: History<unknown>): boolean {
  return history.future.length > 0;
}

export function historyReducer<T>(state: History<T>, action: HistoryAction<T>): History<T> {
  switch (action.type) {
    case 'apply': {
      const next = action.change(state.present);
      if (Object.is(next, state.present)) return state;
      const key = action.key ?? null;
      const coalesce = key !== null && key === state.lastKey && action.at - state.lastAt < COALESCE_MS && action.at >= state.lastAt;
      if (coalesce) return { ...state, present: next, future: [], lastAt: action.at };
      const past = [...state.past, state.present];
      if (past.length > HISTORY_CAP) past.splice(0, past.length - HISTORY_CAP);
      return { past, present: next, future: [], lastKey: key, lastAt: action.at };
    }
    case 'undo': {
      const previous = state.past.at(-1);
      if (state.past.length === 0) return state;
      return {
        past: state.past.slice(0, -1),
        present: previous as T,
        future: [state.present, ...state.future],
        lastKey: null,
        lastAt: 0,
      };
    }
    case 'redo': {
      const [next, ...rest] = state.future;
      if (state.future.length === 0) return state;
      return { past: [...state.past, state.present], present: next as T, future: rest, lastKey: null, lastAt: 0 };
    }
    case 'reset':
      return initHistory(action.value);
  }
}

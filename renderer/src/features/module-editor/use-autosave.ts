import { useCallback, useEffect, useRef, useState } from 'react';
import type { Module } from '../../../../shared/schemas/module';
import { call } from '../../lib/api';
import { useQueuedAutosave, type AutosaveStatus } from '../../lib/use-queued-autosave';

/** Long enough that a typing author is not interrupted by saves, short enough that little is at risk. */
export const AUTOSAVE_DELAY_MS = 800;

/** The autosave's status, and "new" for a module not saved yet. */
export type SaveStatus = { kind: 'new' } | AutosaveStatus;

export type AutosaveOptions = {
  draft: Module;
  problemCount: number;
  /** What the session starts from: the loaded module, or the untouched template of a new one. */
  initial: Module;
  /** Revision the edit is based on; null for a module that does not exist yet. */
  baseRevision: number | null;
  /** The id to create a new module under; asked at the first save so it follows the title typed by then. */
  newId: (draft: Module) => string;
};

/** Content equality: an undo back to the saved text needs no save even though it is a different object. */
function sameDraft(a: Module, b: Module): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Saves the draft after AUTOSAVE_DELAY_MS of quiet whenever it is valid and differs from the last saved one
 * (`useQueuedAutosave`). Each save builds on the revision and stamp the previous one returned; the first
 * save of the session makes a new revision, later ones update it.
 */
export function useAutosave({ draft, problemCount, initial, baseRevision, newId }: AutosaveOptions) {
  /** The id the module is stored under; null until a new module's first save. */
  const [savedId, setSavedId] = useState(baseRevision === null ? null : initial.id);
  // What the save chain reads and updates between saves.
  // `baseUpdatedAt`: the stamp of the version the next save builds on, so that another window's autosave of
  // the same revision is a conflict rather than silently overwritten.
  const revision = useRef({
    baseRevision,
    baseUpdatedAt: baseRevision === null ? undefined : initial.updatedAt,
    bumped: false,
    savedId: baseRevision === null ? null : initial.id,
    newId,
  });
  useEffect(() => {
    revision.current.newId = newId;
  });

  const save = useCallback(async (snapshot: Module): Promise<void> => {
    const r = revision.current;
    const module: Module = {
      ...snapshot,
      id: r.savedId ?? r.newId(snapshot),
      revision: r.baseRevision ?? 1,
      updatedAt: new Date().toISOString(),
    };
    const saved = await call('library:save', { module, baseRevision: r.baseRevision, bump: !r.bumped, ...(r.baseUpdatedAt ? { baseUpdatedAt: r.baseUpdatedAt } : {}) });
    r.bumped = true;
    r.baseRevision = saved.revision;
    r.baseUpdatedAt = saved.updatedAt;
    r.savedId = saved.id;
    setSavedId(saved.id);
  }, []);
  const { status: queued, dirty, flush, retry, unblock } = useQueuedAutosave({ draft, initial, problemCount, delayMs: AUTOSAVE_DELAY_MS, same: sameDraft, save });

  /** The stored id as of now, for use right after an await (the state above is a render old). */
  const currentSavedId = useCallback(() => revision.current.savedId, []);

  const status: SaveStatus = queued.kind === 'saved' && savedId === null ? { kind: 'new' } : queued;

  return { status, dirty, flush, retry, unblock, savedId, currentSavedId };
}

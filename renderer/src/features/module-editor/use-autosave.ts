import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { Module } from '../../../../shared/schemas/module';
import { call } from '../../lib/api';

/** Long enough that a typing author is not interrupted by saves, short enough that little is at risk. */
export const AUTOSAVE_DELAY_MS = 800;

export type SaveStatus =
  | { kind: 'new' }
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; count: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; error: AppErrorShape };

type Failure = { kind: 'conflict' } | { kind: 'failed'; error: AppErrorShape };

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
 * Saves the draft after AUTOSAVE_DELAY_MS of quiet whenever it is valid and differs from the last saved one.
 * Saves run one after another (each needs the revision the previous one returned). The draft itself is never
 * touched here, so a failed save loses nothing: the next change, a retry or Done tries again.
 */
export function useAutosave({ draft, problemCount, initial, baseRevision, newId }: AutosaveOptions) {
  const [lastSaved, setLastSaved] = useState(initial);
  const [saving, setSaving] = useState(false);
  /** The id the module is stored under; null until a new module's first save. */
  const [savedId, setSavedId] = useState(baseRevision === null ? null : initial.id);
  const [failure, setFailure] = useState<Failure | null>(null);
  // Mutable session facts that the asynchronous save chain reads; state would be stale inside it.
  const session = useRef({
    baseRevision,
    bumped: false,
    savedId: baseRevision === null ? null : initial.id,
    lastSaved: initial,
    latest: draft,
    valid: problemCount === 0,
    blocked: false,
    queue: Promise.resolve(true),
    newId,
  });

  useEffect(() => {
    session.current.latest = draft;
    session.current.valid = problemCount === 0;
    session.current.newId = newId;
  });

  const dirty = useMemo(() => !sameDraft(draft, lastSaved), [draft, lastSaved]);

  const enqueue = useCallback((snapshot: Module): Promise<boolean> => {
    const s = session.current;
    const run = async (): Promise<boolean> => {
      if (s.blocked) return false;
      if (sameDraft(snapshot, s.lastSaved)) return true;
      setSaving(true);
      try {
        const module: Module = {
          ...snapshot,
          id: s.savedId ?? s.newId(snapshot),
          revision: s.baseRevision ?? 1,
          updatedAt: new Date().toISOString(),
        };
        const saved = await call('library:save', { module, baseRevision: s.baseRevision, bump: !s.bumped });
        s.bumped = true;
        s.baseRevision = saved.revision;
        s.savedId = saved.id;
        s.lastSaved = snapshot;
        setLastSaved(snapshot);
        setSavedId(saved.id);
        setFailure(null);
        return true;
      } catch (error) {
        const shape = toAppErrorShape(error);
        // Saving again would only repeat the conflict: stop until the author reloads.
        if (shape.code === 'conflict') s.blocked = true;
        setFailure(shape.code === 'conflict' ? { kind: 'conflict' } : { kind: 'failed', error: shape });
        return false;
      } finally {
        setSaving(false);
      }
    };
    const next = s.queue.then(run);
    s.queue = next;
    return next;
  }, []);

  const conflict = failure?.kind === 'conflict';
  useEffect(() => {
    if (!dirty || problemCount > 0 || conflict) return;
    const timer = setTimeout(() => {
      void enqueue(draft);
    }, AUTOSAVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, dirty, problemCount, conflict, enqueue]);

  // Leaving the editor another way than Done (the sidebar, a menu command) still saves valid work.
  useEffect(() => {
    const s = session.current;
    return () => {
      if (s.valid && !s.blocked && !sameDraft(s.latest, s.lastSaved)) void enqueue(s.latest);
    };
  }, [enqueue]);

  /** Saves now whatever is waiting and resolves once every save is done: true when nothing failed. */
  const flush = useCallback(async (): Promise<boolean> => {
    const s = session.current;
    if (s.valid && !sameDraft(s.latest, s.lastSaved)) return enqueue(s.latest);
    return s.queue;
  }, [enqueue]);

  const retry = useCallback(() => {
    setFailure(null);
    void enqueue(session.current.latest);
  }, [enqueue]);

  /** After the cause of a conflict is dealt with (e.g. a fresh list of taken ids), saving may resume. */
  const unblock = useCallback(() => {
    session.current.blocked = false;
    retry();
  }, [retry]);

  /** The stored id as of now, for use right after an await (the state above is a render old). */
  const currentSavedId = useCallback(() => session.current.savedId, []);

  let status: SaveStatus;
  if (failure?.kind === 'conflict') status = failure;
  else if (problemCount > 0) status = { kind: 'invalid', count: problemCount };
  else if (failure) status = failure;
  else if (saving || dirty) status = { kind: 'saving' };
  else status = savedId === null ? { kind: 'new' } : { kind: 'saved' };

  return { status, dirty, flush, retry, unblock, savedId, currentSavedId };
}

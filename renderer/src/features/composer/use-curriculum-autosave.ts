import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { SavedCurriculum } from '../../../../shared/schemas/curricula';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { call } from '../../lib/api';
import { sameValue } from './same-value';

/** Short enough that little is at risk, long enough that a burst of clicks or keys becomes one save. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveStatus =
  | { kind: 'saved' }
  | { kind: 'saving' }
  | { kind: 'invalid'; count: number }
  | { kind: 'conflict' }
  | { kind: 'failed'; error: AppErrorShape };

type Failure = { kind: 'conflict' } | { kind: 'failed'; error: AppErrorShape };

/**
 * The draft as it is sent: a module snapshot the back end already holds (the very object of the last saved
 * version, since snapshots are never edited) is left out, and the back end puts it back. Sending every
 * snapshot would make each autosave of a 40-module course megabytes of JSON to serialise.
 */
export function withoutStoredSnapshots(draft: Curriculum, saved: Curriculum): SavedCurriculum {
  const stored = new Set(saved.items.flatMap((item) => (item.kind === 'module' ? [item.snapshot] : [])));
  return {
    ...draft,
    items: draft.items.map((item) => {
      if (item.kind !== 'module' || !stored.has(item.snapshot)) return item;
      const { snapshot: _stored, ...rest } = item;
      return rest;
    }),
  };
}

/**
 * Saves the draft after AUTOSAVE_DELAY_MS of quiet whenever it is valid and differs from the last saved
 * version. Each save names the `updatedAt` it builds on (`baseUpdatedAt`) and takes the new one from the
 * answer, so saves run one after another; a save refused because the course changed elsewhere stops
 * saving until the designer reloads. Leaving the composer (or the page) saves what is waiting.
 */
export function useCurriculumAutosave({ draft, initial, problemCount }: { draft: Curriculum; initial: Curriculum; problemCount: number }) {
  const [lastSaved, setLastSaved] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // The asynchronous save chain reads these; state would be a render old inside it.
  const session = useRef({ base: initial.updatedAt, lastSaved: initial, latest: draft, valid: problemCount === 0, blocked: false, queue: Promise.resolve(true) });

  useEffect(() => {
    session.current.latest = draft;
    session.current.valid = problemCount === 0;
  });

  const dirty = useMemo(() => !sameValue(draft, lastSaved), [draft, lastSaved]);

  const enqueue = useCallback((snapshot: Curriculum): Promise<boolean> => {
    const s = session.current;
    const run = async (): Promise<boolean> => {
      if (s.blocked) return false;
      if (sameValue(snapshot, s.lastSaved)) return true;
      setSaving(true);
      try {
        const saved = await call('curriculum:save', { curriculum: { ...withoutStoredSnapshots(snapshot, s.lastSaved), updatedAt: s.base }, baseUpdatedAt: s.base });
        s.base = saved.updatedAt;
        s.lastSaved = snapshot;
        setLastSaved(snapshot);
        setFailure(null);
        return true;
      } catch (error) {
        const shape = toAppErrorShape(error);
        // Saving again would only repeat the conflict: stop until the designer reloads.
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

  /** Saves now whatever is waiting; resolves true when everything is stored. */
  const flush = useCallback((): Promise<boolean> => {
    const s = session.current;
    if (s.valid && !s.blocked && !sameValue(s.latest, s.lastSaved)) return enqueue(s.latest);
    return s.queue;
  }, [enqueue]);

  // Leaving the composer (another section, another course) or the page still saves valid work.
  useEffect(() => {
    const onPageHide = () => {
      void flush();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  const retry = useCallback(() => {
    setFailure(null);
    void enqueue(session.current.latest);
  }, [enqueue]);

  let status: SaveStatus;
  if (failure?.kind === 'conflict') status = failure;
  else if (problemCount > 0) status = { kind: 'invalid', count: problemCount };
  else if (failure) status = failure;
  else if (saving || dirty) status = { kind: 'saving' };
  else status = { kind: 'saved' };

  return { status, dirty, flush, retry };
}

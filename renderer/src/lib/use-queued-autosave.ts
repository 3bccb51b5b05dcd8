import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../shared/errors';
import { useReportSaveState, type EditorSaveState } from './save-state';

export type AutosaveFailure = { kind: 'conflict' } | { kind: 'failed'; error: AppErrorShape };

/** What an editor says about saving; the status bar shows the same, through `save-state`. */
export type AutosaveStatus = { kind: 'saved' } | { kind: 'saving' } | { kind: 'invalid'; count: number } | AutosaveFailure;

export type QueuedAutosaveOptions<T> = {
  draft: T;
  /** What the session starts from: the loaded version, already stored. */
  initial: T;
  problemCount: number;
  /** Quiet time after the last change before a save. */
  delayMs: number;
  /** Whether two versions need no save between them (an undo back to the saved text is not a change). */
  same: (a: T, b: T) => boolean;
  /**
   * Stores one version; `lastSaved` is the version stored before it. Throwing an AppError with code
   * `conflict` stops saving until `unblock` (someone else changed the stored version).
   */
  save: (snapshot: T, lastSaved: T) => Promise<void>;
};

/**
 * The autosave mechanism of the editors (module editor, curriculum composer): saves the draft after
 * `delayMs` of quiet whenever it is valid and differs from the last saved version. Saves run one after
 * another, since each builds on what the previous one stored; a conflict stops them until `unblock`.
 * The draft itself is never touched, so a failed save loses nothing. Leaving (unmounting) saves what is
 * waiting.
 */
export function useQueuedAutosave<T>({ draft, initial, problemCount, delayMs, same, save }: QueuedAutosaveOptions<T>) {
  const [lastSaved, setLastSaved] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<AutosaveFailure | null>(null);
  // What the asynchronous save chain reads: state would be a render old inside it.
  const session = useRef({ lastSaved: initial, latest: draft, valid: problemCount === 0, blocked: false, queue: Promise.resolve(true), save, same });

  useEffect(() => {
    Object.assign(session.current, { latest: draft, valid: problemCount === 0, save, same });
  });

  const dirty = useMemo(() => !same(draft, lastSaved), [same, draft, lastSaved]);

  const enqueue = useCallback((snapshot: T): Promise<boolean> => {
    const s = session.current;
    const run = async (): Promise<boolean> => {
      if (s.blocked) return false;
      if (s.same(snapshot, s.lastSaved)) return true;
      setSaving(true);
      try {
        await s.save(snapshot, s.lastSaved);
        s.lastSaved = snapshot;
        setLastSaved(snapshot);
        setFailure(null);
        return true;
      } catch (error) {
        const shape = toAppErrorShape(error);
        // Saving again would only repeat the conflict: stop until the user reloads or the cause is dealt with.
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
    }, delayMs);
    return () => {
      clearTimeout(timer);
    };
  }, [draft, dirty, problemCount, conflict, delayMs, enqueue]);

  /** Saves now whatever is waiting and resolves once every save is done: true when nothing failed. */
  const flush = useCallback((): Promise<boolean> => {
    const s = session.current;
    if (s.valid && !s.same(s.latest, s.lastSaved)) return enqueue(s.latest);
    return s.queue;
  }, [enqueue]);

  // Leaving the editor another way than its own buttons (the sidebar, a menu command) still saves valid work.
  useEffect(
    () => () => {
      void flush();
    },
    [flush],
  );

  const retry = useCallback(() => {
    setFailure(null);
    void enqueue(session.current.latest);
  }, [enqueue]);

  /** After the cause of a conflict is dealt with, saving may resume. */
  const unblock = useCallback(() => {
    session.current.blocked = false;
    retry();
  }, [retry]);

  let status: AutosaveStatus;
  if (failure?.kind === 'conflict') status = failure;
  else if (problemCount > 0) status = { kind: 'invalid', count: problemCount };
  else if (failure) status = failure;
  else if (saving || dirty) status = { kind: 'saving' };
  else status = { kind: 'saved' };
  // Reported until the last save queued on leaving (by the effect above, whose clean-up runs first) is done.
  const settled = useCallback(() => session.current.queue, []);
  useReportSaveState(overall(status, dirty), settled);

  return { status, dirty, saving, failure, flush, retry, unblock };
}

/** An editor's status as the status bar counts it: problems only leave work unsaved when there is some. */
function overall(status: AutosaveStatus, dirty: boolean): EditorSaveState {
  switch (status.kind) {
    case 'saved':
      return 'saved';
    case 'saving':
      return 'saving';
    case 'invalid':
      return dirty ? 'unsaved' : 'saved';
    case 'conflict':
    case 'failed':
      return 'unsaved';
  }
}

import { useCallback, useEffect, useRef } from 'react';
import type { SavedCurriculum } from '../../../../shared/schemas/curricula';
import type { Curriculum } from '../../../../shared/schemas/curriculum';
import { call } from '../../lib/api';
import { useQueuedAutosave, type AutosaveStatus } from '../../lib/use-queued-autosave';
import { sameValue } from './same-value';

/** Short enough that little is at risk, long enough that a burst of clicks or keys becomes one save. */
export const AUTOSAVE_DELAY_MS = 700;

export type SaveStatus = AutosaveStatus;

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
 * version (`useQueuedAutosave`). Each save names the `updatedAt` it builds on (`baseUpdatedAt`) and takes
 * the new one from the answer; a save refused because the course changed elsewhere stops saving until the
 * designer reloads. Leaving the composer (or the page) saves what is waiting.
 */
export function useCurriculumAutosave({ draft, initial, problemCount }: { draft: Curriculum; initial: Curriculum; problemCount: number }) {
  const base = useRef(initial.updatedAt);
  const save = useCallback(async (snapshot: Curriculum, lastSaved: Curriculum): Promise<void> => {
    const saved = await call('curriculum:save', { curriculum: { ...withoutStoredSnapshots(snapshot, lastSaved), updatedAt: base.current }, baseUpdatedAt: base.current });
    base.current = saved.updatedAt;
  }, []);
  const { status, dirty, flush, retry } = useQueuedAutosave({ draft, initial, problemCount, delayMs: AUTOSAVE_DELAY_MS, same: sameValue, save });

  // Closing or reloading the page does not unmount the composer: save what is waiting then too.
  useEffect(() => {
    const onPageHide = () => {
      void flush();
    };
    window.addEventListener('pagehide', onPageHide);
    return () => {
      window.removeEventListener('pagehide', onPageHide);
    };
  }, [flush]);

  return { status, dirty, flush, retry };
}

import { useEffect, useRef, useState } from 'react';
import type { PaperSize } from '../../../../shared/domain/export/plan';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { KitResult } from '../../../../shared/schemas/export';
import { call } from '../../lib/api';
import { getBridge } from '../../lib/bridge';
import { downloadBytes } from '../../lib/download';

type Omitted = Extract<KitResult, { kind: 'folder' }>['omitted'];

/** Where a trainer kit export stands, from the click to the folder (desktop) or the downloaded .zip (browser). */
export type KitJobState =
  | { kind: 'idle' }
  /** `label` is the back end's `kit:<variant>` of the document being built. */
  | { kind: 'running'; taskId: string; done: number; total: number; label?: string }
  | { kind: 'folder'; path: string; files: string[]; paths: string[]; omitted: Omitted }
  | { kind: 'downloaded'; fileName: string; files: string[]; omitted: Omitted }
  | { kind: 'not-saved' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppErrorShape };

/**
 * Runs `export:kit` with a fresh task id and follows its `task:progress` events. The desktop app writes
 * the kit into a folder it asks for; in a browser the answer is one .zip, downloaded here. As in
 * `useExportJob`, only the latest run may change the state, and closing the dialog cancels a running kit.
 */
export function useKitJob(): { state: KitJobState; start: (curriculumId: string, paper: PaperSize) => Promise<void>; cancel: () => void } {
  const [state, setState] = useState<KitJobState>({ kind: 'idle' });
  const runRef = useRef(0);
  const taskRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      const taskId = taskRef.current;
      runRef.current += 1;
      if (taskId) void call('task:cancel', { taskId }).catch(() => undefined);
    },
    [],
  );

  async function start(curriculumId: string, paper: PaperSize): Promise<void> {
    const run = ++runRef.current;
    const current = () => run === runRef.current;
    const taskId = crypto.randomUUID();
    taskRef.current = taskId;
    setState({ kind: 'running', taskId, done: 0, total: 0 });
    const stop = getBridge().on('task:progress', (p) => {
      if (p.taskId !== taskId || !current()) return;
      setState({ kind: 'running', taskId, done: p.done, total: p.total, ...(p.label ? { label: p.label } : {}) });
    });
    try {
      const result = await call('export:kit', { curriculumId, paper, taskId });
      stop();
      taskRef.current = null;
      if (!current()) return;
      if (result.kind === 'zip') {
        await downloadBytes(result.fileName, result.bytesBase64, 'application/zip');
        if (current()) setState({ kind: 'downloaded', fileName: result.fileName, files: result.files, omitted: result.omitted });
      } else setState(result.kind === 'folder' ? { kind: 'folder', path: result.path, files: result.files, paths: result.paths, omitted: result.omitted } : { kind: 'not-saved' });
    } catch (error) {
      const shape = toAppErrorShape(error);
      if (current()) setState(shape.code === 'cancelled' ? { kind: 'cancelled' } : { kind: 'failed', error: shape });
    } finally {
      stop();
      if (taskRef.current === taskId) taskRef.current = null;
    }
  }

  function cancel(): void {
    if (state.kind !== 'running') return;
    call('task:cancel', { taskId: state.taskId }).catch((error: unknown) => {
      setState({ kind: 'failed', error: toAppErrorShape(error) });
    });
  }

  return { state, start, cancel };
}

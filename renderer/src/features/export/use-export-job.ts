import { useEffect, useRef, useState } from 'react';
import { toAppErrorShape, type AppErrorShape } from '../../../../shared/errors';
import type { ExportRequest } from '../../../../shared/schemas/export';
import { call } from '../../lib/api';
import { getBridge } from '../../lib/bridge';
import { downloadBytes } from '../../lib/download';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Where one export stands, from the click on "Export" to the file on disk (or in the downloads). */
export type ExportJobState =
  | { kind: 'idle' }
  | { kind: 'running'; taskId: string; done: number; total: number; label?: string }
  | { kind: 'saving' }
  /** Saved through the desktop save dialog: a path can be opened or shown in its folder. */
  | { kind: 'saved'; fileName: string; path?: string }
  /** Handed to the browser as a download (the web harness has no save dialog). */
  | { kind: 'downloaded'; fileName: string }
  /** The user closed the desktop save dialog without choosing a place. */
  | { kind: 'not-saved' }
  | { kind: 'cancelled' }
  | { kind: 'failed'; error: AppErrorShape };

/**
 * Runs `export:docx` with a fresh task id, follows its `task:progress` events, then saves the bytes through
 * the host or downloads them. Only the latest run may change the state, so a late answer from a cancelled
 * run cannot overwrite a newer one, and nothing is set after the dialog has closed.
 */
export function useExportJob(): { state: ExportJobState; start: (request: ExportRequest) => Promise<void>; cancel: () => void } {
  const [state, setState] = useState<ExportJobState>({ kind: 'idle' });
  const runRef = useRef(0);
  const taskRef = useRef<string | null>(null);

  useEffect(
    () => () => {
      // Closing the dialog mid-export stops the work instead of leaving a worker running for nothing.
      const taskId = taskRef.current;
      runRef.current += 1;
      if (taskId) void call('task:cancel', { taskId }).catch(() => undefined);
    },
    [],
  );

  async function start(request: ExportRequest): Promise<void> {
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
      const file = await call('export:docx', { ...request, taskId });
      stop();
      taskRef.current = null;
      if (!current()) return;
      setState({ kind: 'saving' });
      const next = await save(file.fileName, file.bytesBase64);
      if (current()) setState(next);
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
    // The pending `export:docx` call then rejects with `cancelled`, which sets the state.
    call('task:cancel', { taskId: state.taskId }).catch((error: unknown) => {
      setState({ kind: 'failed', error: toAppErrorShape(error) });
    });
  }

  return { state, start, cancel };
}

/**
 * The desktop app asks where to save; `saved: false` there means the user closed the dialog. The web
 * harness cannot show a save dialog, so the browser downloads the file instead (without sending the bytes
 * back to the server first).
 */
async function save(fileName: string, bytesBase64: string): Promise<ExportJobState> {
  const info = await call('app:info');
  if (info.host !== 'electron') {
    await downloadBytes(fileName, bytesBase64, DOCX_TYPE);
    return { kind: 'downloaded', fileName };
  }
  const result = await call('app:save-file', { fileName, bytesBase64 });
  return result.saved ? { kind: 'saved', fileName, ...(result.path ? { path: result.path } : {}) } : { kind: 'not-saved' };
}

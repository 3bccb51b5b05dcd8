import type { ExportRequest } from '../../../../shared/schemas/export';
import { call } from '../../lib/api';
import { downloadBytes } from '../../lib/download';
import { useTaskJob, type TaskJobState } from './use-task-job';

const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** How one export ends, after its document is built. */
type ExportEnd =
  | { kind: 'saving' }
  /** Saved through the desktop save dialog: a path can be opened or shown in its folder. */
  | { kind: 'saved'; fileName: string; path?: string }
  /** Handed to the browser as a download (the web harness has no save dialog). */
  | { kind: 'downloaded'; fileName: string }
  /** The user closed the desktop save dialog without choosing a place. */
  | { kind: 'not-saved' };

/** Where one export stands, from the click on "Export" to the file on disk (or in the downloads). */
export type ExportJobState = TaskJobState<ExportEnd>;

/**
 * Runs `export:docx` as a background task (see `useTaskJob`), then saves the bytes through the host or
 * downloads them.
 */
export function useExportJob(): { state: ExportJobState; start: (request: ExportRequest) => Promise<void>; cancel: () => void } {
  const { state, run, cancel } = useTaskJob<ExportEnd>();
  const start = (request: ExportRequest) =>
    run(
      (taskId) => call('export:docx', { ...request, taskId }),
      async (file, set) => {
        set({ kind: 'saving' });
        set(await save(file.fileName, file.bytesBase64));
      },
    );
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

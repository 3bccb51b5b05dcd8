import type { PaperSize } from '../../../../shared/domain/export/plan';
import type { KitResult } from '../../../../shared/schemas/export';
import { call } from '../../lib/api';
import { downloadBytes } from '../../lib/download';
import { useTaskJob, type TaskJobState } from './use-task-job';

type Omitted = Extract<KitResult, { kind: 'folder' }>['omitted'];

/** How a trainer kit export ends: in a folder (desktop), as a downloaded .zip (browser), or with no folder chosen. */
type KitEnd =
  | { kind: 'folder'; path: string; files: string[]; paths: string[]; omitted: Omitted }
  | { kind: 'downloaded'; fileName: string; files: string[]; omitted: Omitted }
  | { kind: 'not-saved' };

/** Where a trainer kit export stands, from the click to its end. */
export type KitJobState = TaskJobState<KitEnd>;

/**
 * Runs `export:kit` as a background task (see `useTaskJob`). The desktop app writes the kit into a folder
 * it asks for; in a browser the answer is one .zip, downloaded here.
 */
export function useKitJob(): { state: KitJobState; start: (curriculumId: string, paper: PaperSize) => Promise<void>; cancel: () => void } {
  const { state, run, cancel } = useTaskJob<KitEnd>();
  const start = (curriculumId: string, paper: PaperSize) =>
    run(
      (taskId) => call('export:kit', { curriculumId, paper, taskId }),
      async (result, set) => {
        if (result.kind === 'zip') {
          await downloadBytes(result.fileName, result.bytesBase64, 'application/zip');
          set({ kind: 'downloaded', fileName: result.fileName, files: result.files, omitted: result.omitted });
        } else set(result.kind === 'folder' ? { kind: 'folder', path: result.path, files: result.files, paths: result.paths, omitted: result.omitted } : { kind: 'not-saved' });
      },
    );
  return { state, start, cancel };
}

/**
 * The `export:kit` channel over the export service: on a host with a folder dialog (the desktop app), ask
 * for a folder first, build the kit, write it there; elsewhere (the web harness), build it and answer with
 * one .zip for the browser to download. The kit is built completely before anything is written.
 */
import type { ParsedReq, Res } from '../../../shared/ipc/contract';
import { kitArchiveName, kitFolderName } from '../../../shared/domain/export/kit';
import type { ExportProgress } from './export-job';
import type { ExportService } from './export-service';
import { assertKitFolder, kitFolderIn, kitZipBytes, writeKitFolder } from './kit-output';

/** What the host offers a kit export: a folder dialog and a record of saved files, where there is a desktop. */
export type KitHost = {
  /** Asks for a folder; null when the user cancels. Absent where the renderer downloads instead. */
  chooseFolder?: (suggestedName: string) => Promise<string | null>;
  /** Files written for the user, which the app may then open or show in their folder. */
  savedFiles?: (paths: readonly string[]) => void;
  onProgress?: (progress: ExportProgress) => void;
};

export async function exportKit(exports: ExportService, host: KitHost, { curriculumId, paper, taskId }: ParsedReq<'export:kit'>): Promise<Res<'export:kit'>> {
  const run = { ...(taskId ? { taskId } : {}), ...(host.onProgress ? { onProgress: host.onProgress } : {}) };
  if (!host.chooseFolder) {
    const kit = await exports.kit(curriculumId, paper, run);
    const bytes = await kitZipBytes(kit, kitFolderName(kit));
    return { kind: 'zip', fileName: kitArchiveName(kit), bytesBase64: bytes.toString('base64'), files: kit.files.map((f) => f.fileName), omitted: kit.omitted };
  }
  const name = kitFolderName(exports.kitContents(curriculumId));
  const chosen = await host.chooseFolder(name);
  if (chosen === null) return { kind: 'not-saved' };
  // A kit takes a while to build: a folder it cannot go into is refused before, not after.
  const folder = await kitFolderIn(chosen, name);
  await assertKitFolder(folder);
  const kit = await exports.kit(curriculumId, paper, run);
  const paths = await writeKitFolder(folder, kit);
  host.savedFiles?.(paths);
  return { kind: 'folder', path: folder, files: kit.files.map((f) => f.fileName), paths, omitted: kit.omitted };
}

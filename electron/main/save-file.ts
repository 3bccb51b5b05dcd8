import { app, dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { extname } from 'node:path';
import { AppError } from '../../shared/errors';
import { writeFileAtomic } from '../services/store/atomic-file';

/**
 * Files the user saved through this app's save dialog in this session. Opening a file or its folder is
 * only allowed for these, so a compromised renderer cannot use "open file" to launch arbitrary programs.
 */
const savedThisSession = new Set<string>();

/** Asks where to save and writes atomically (temp file, then rename); null when the user cancels. */
export async function saveWithDialog(parent: BrowserWindow | null, fileName: string, bytes: Buffer): Promise<string | null> {
  const extension = extname(fileName).replace('.', '');
  const options = {
    defaultPath: fileName,
    filters: extension ? [{ name: extension.toUpperCase(), extensions: [extension] }] : [],
  };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  if (result.canceled || !result.filePath) return null;
  await writeFileAtomic(result.filePath, bytes);
  savedThisSession.add(result.filePath);
  return result.filePath;
}

/**
 * Asks for the folder a trainer kit goes into (the dialog can create one). The kit service writes into it
 * when it is empty, or into a new folder `suggestedName` inside it, so nothing there is replaced.
 */
export async function chooseFolder(parent: BrowserWindow | null, suggestedName: string): Promise<string | null> {
  const options: OpenDialogOptions = {
    title: suggestedName,
    defaultPath: app.getPath('documents'),
    properties: ['openDirectory', 'createDirectory', 'promptToCreate'],
  };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/** Files the app wrote for the user without a save dialog (a trainer kit): they may be opened like saved files. */
export function rememberSavedFiles(paths: readonly string[]): void {
  for (const path of paths) savedThisSession.add(path);
}

/** Opens a file saved in this session with its default program, or shows it in the file manager. */
export async function revealSavedFile(path: string, action: 'open' | 'folder'): Promise<boolean> {
  if (!savedThisSession.has(path)) throw new AppError('forbidden', 'Only files saved from this window in this session can be opened from here.');
  if (action === 'folder') {
    shell.showItemInFolder(path);
    return true;
  }
  const failure = await shell.openPath(path);
  if (failure) throw new AppError('io-error', `The file could not be opened: ${failure}`);
  return true;
}

import { dialog, type BrowserWindow } from 'electron';
import { extname } from 'node:path';
import { writeFileAtomic } from '../services/store/atomic-file';

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
  return result.filePath;
}

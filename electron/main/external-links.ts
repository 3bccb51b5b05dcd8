import { dialog, shell, type BrowserWindow } from 'electron';
import { isExternalWebUrl } from './security';

/** Opens an http(s) link in the user's browser after they confirm; any other scheme is refused outright. */
export async function confirmAndOpenExternal(url: string, parent: BrowserWindow | null): Promise<boolean> {
  if (!isExternalWebUrl(url)) return false;
  const options = {
    type: 'question' as const,
    buttons: ['Open in browser', 'Cancel'],
    defaultId: 1,
    cancelId: 1,
    message: 'Open this link in your web browser?',
    detail: url,
  };
  const { response } = parent ? await dialog.showMessageBox(parent, options) : await dialog.showMessageBox(options);
  if (response !== 0) return false;
  await shell.openExternal(url);
  return true;
}

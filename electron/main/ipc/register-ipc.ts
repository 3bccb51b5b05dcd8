import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName } from '../../../shared/ipc/channels';
import type { EventPayload, Handlers, IpcResult } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { originOf } from '../origin';

/**
 * Calls are accepted only from the main frame of one of our own windows showing our own origin
 * (Electron security checklist #17): an injected iframe or a navigated-away page gets `forbidden`.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!BrowserWindow.fromWebContents(event.sender)) return false;
  return originOf(frame.url) === appOrigin;
}

/** One `ipcMain.handle` per channel of the contract; arguments are validated by `dispatch`. */
export function registerIpc(handlers: Handlers, appOrigin: string): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, raw: unknown): Promise<IpcResult<unknown>> => {
      if (!isTrustedSender(event, appOrigin)) return { ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } };
      return dispatch(handlers, channel, raw);
    });
  }
}

/** Push an event to every window of the app. */
export function broadcast<E extends EventName>(event: E, payload: EventPayload<E>): void {
  for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
}

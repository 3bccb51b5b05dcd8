import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { isChannel, isEventName } from '../../shared/ipc/channels';
import type { ComposerBridge } from '../../shared/ipc/contract';

/**
 * The renderer's only door to the back end: `invoke` for the contract's channels and `on` for its events.
 * No ipcRenderer, no Node, no raw event objects (they would leak `sender`). Arguments are validated again
 * in the main process; this check only keeps unknown names from ever reaching IPC.
 */
const bridge: ComposerBridge = {
  invoke(channel, payload) {
    if (!isChannel(channel)) return Promise.resolve({ ok: false, error: { code: 'invalid-argument', message: `Unknown channel "${String(channel)}"` } });
    return ipcRenderer.invoke(channel, payload) as never;
  },
  on(event, listener) {
    if (!isEventName(event)) return () => undefined;
    const wrapped = (_event: IpcRendererEvent, payload: unknown): void => { listener(payload as Parameters<typeof listener>[0]); };
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('composer', bridge);

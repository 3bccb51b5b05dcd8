import type { ComposerBridge, IpcResult, UploadResult } from '../../../shared/ipc/contract';
import { createHttpBridge } from './http-bridge';

/** The host's bridge; the web harness can also take files as streamed uploads (see UPLOAD_PATH). */
export type RendererBridge = ComposerBridge & { upload?: (file: Blob) => Promise<IpcResult<UploadResult>> };

declare global {
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions -- only an interface can extend a global
  interface Window {
    /** Set by Electron's preload; absent in the web harness. */
    composer?: ComposerBridge;
  }
}

let bridge: RendererBridge | null = null;

/**
 * The one place that knows which host the renderer runs in: Electron's preload bridge when present,
 * the web harness's HTTP API otherwise. Tests install a fake with `setBridge`.
 */
export function getBridge(): RendererBridge {
  bridge ??= window.composer ?? createHttpBridge(window.location.origin);
  return bridge;
}

export function setBridge(next: RendererBridge | null): void {
  bridge = next;
}

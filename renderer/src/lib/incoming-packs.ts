import { UPLOAD_MAX_BYTES, type EventPayload } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { unwrap } from '../../../shared/ipc/result';
import { getBridge } from './bridge';
import { downloadBytes } from './download';

/** How `pack:preview` receives a pack's bytes. */
export type PackSource = { fileName: string; bytesBase64: string } | { fileName: string; uploadId: string };

/** A pack read by the main process (double-click in the file manager), or a file chosen or dropped in the page. */
export type IncomingPack = EventPayload<'pack:open-file'> | { fileName: string; file: Blob };

/**
 * Packs handed to the app from outside (a double-clicked .ccpack, a file dropped on the window). Events can
 * arrive before the Packs page exists, so they wait here until a handler takes them.
 */
let waiting: IncomingPack[] = [];
let handler: ((pack: IncomingPack) => void) | null = null;

export function offerPack(pack: IncomingPack): void {
  if (handler) handler(pack);
  else waiting.push(pack);
}

/** The import panel takes packs while it is shown; packs that came earlier are handed over at once. */
export function onIncomingPack(next: (pack: IncomingPack) => void): () => void {
  handler = next;
  const pending = waiting;
  waiting = [];
  // Delivered after the subscribing effect has returned, like any later event.
  void Promise.resolve().then(() => {
    for (const pack of pending) next(pack);
  });
  return () => {
    if (handler === next) handler = null;
  };
}

/** Subscribes once, at start-up, before any page has rendered. */
export function listenForIncomingPacks(): () => void {
  return getBridge().on('pack:open-file', offerPack);
}

/**
 * What `pack:preview` needs for a pack: where the host takes uploads (the web harness), the file is
 * streamed to it; otherwise its bytes travel as base64.
 */
export async function packSource(pack: IncomingPack): Promise<PackSource> {
  if (!('file' in pack)) return pack;
  const { upload } = getBridge();
  if (!upload) return { fileName: pack.fileName, bytesBase64: await fileToBase64(pack.file) };
  // Said at once rather than after streaming 100 MB to a server that will refuse it.
  if (pack.file.size > UPLOAD_MAX_BYTES) throw new AppError('invalid-argument', `The pack file is larger than ${String(UPLOAD_MAX_BYTES / 1024 / 1024)} MB.`);
  const { uploadId } = unwrap(await upload(pack.file));
  return { fileName: pack.fileName, uploadId };
}

/** File content for the API, which carries bytes as base64. */
export async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  return btoa(binary);
}

/** Saves through the host (a save dialog in the desktop app) or, where it cannot, as a browser download. */
export async function saveOrDownload(fileName: string, bytesBase64: string, save: () => Promise<{ saved: boolean; path?: string }>): Promise<string | null> {
  const result = await save();
  if (result.saved) return result.path ?? fileName;
  await downloadBytes(fileName, bytesBase64, 'application/zip');
  return fileName;
}

import type { Session, WebContents } from 'electron';
import { originOf } from './origin';

/** Only web links may leave the app, and only to the user's browser. */
export function isExternalWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * Locks a window's contents down: no new windows, no navigation away from the app, no webviews.
 * Links to http(s) go through `openExternal`, which asks the user first.
 */
export function hardenWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => Promise<boolean>): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) void openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (sameOrigin(url, appOrigin)) return;
    event.preventDefault();
    if (isExternalWebUrl(url)) void openExternal(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!sameOrigin(url, appOrigin)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => { event.preventDefault(); });
}

/** The app needs no camera, microphone, location, notifications or anything else a site may ask for. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => { callback(false); });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

function sameOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}

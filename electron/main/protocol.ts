import { protocol } from 'electron';
import { readRendererFile, RENDERER_CSP } from '../services/static/renderer-files';

export const APP_SCHEME = 'app';
/** The renderer's origin in a built app; IPC accepts calls only from frames of this origin. */
export const APP_ORIGIN = `${APP_SCHEME}://composer`;

/** Must run before `app.whenReady()`: makes `app://` a standard, secure scheme with a real origin. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false } },
  ]);
}

/**
 * Serves the built renderer from `app://composer/` instead of `file://`, which would grant the page access
 * to every local file. Paths outside the renderer folder are refused, and every page carries the CSP.
 */
export function handleAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== 'composer') return new Response('Not found', { status: 404 });
    const file = await readRendererFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(new Uint8Array(file.body), {
      status: 200,
      headers: { 'Content-Type': file.contentType, 'Content-Security-Policy': RENDERER_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}

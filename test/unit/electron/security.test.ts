import { EventEmitter } from 'node:events';
import type { HandlerDetails, Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from '../../../electron/main/protocol';
import { denyAllPermissions, hardenWebContents, isExternalWebUrl } from '../../../electron/main/security';

// protocol.ts (for APP_ORIGIN) imports electron at runtime; the real package would try to download a binary.
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

/** The dev server's origin: the renderer origin used when ELECTRON_RENDERER_URL is set. */
const DEV_ORIGIN = 'http://localhost:5173';

type WindowOpenHandler = (details: HandlerDetails) => WindowOpenHandlerResponse;

/** Just enough of WebContents: events, plus the window-open handler that hardenWebContents installs. */
class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  /** What Chromium does for `window.open(url)` / `<a target="_blank">`. */
  open(url: string): WindowOpenHandlerResponse {
    if (!this.windowOpenHandler) throw new Error('no window open handler installed');
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'default' } });
  }

  /** Emits an event the way Electron does and reports whether a listener prevented it. */
  fire(name: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url = ''): boolean {
    const event = { preventDefault: vi.fn() };
    this.emit(name, event, url);
    return event.preventDefault.mock.calls.length > 0;
  }
}

function harden(origin: string) {
  const contents = new FakeWebContents();
  const openExternal = vi.fn((_url: string) => Promise.resolve(true));
  hardenWebContents(contents as unknown as WebContents, origin, openExternal);
  return { contents, openExternal };
}

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  let openExternal: ReturnType<typeof harden>['openExternal'];

  beforeEach(() => {
    ({ contents, openExternal } = harden(DEV_ORIGIN));
  });

  describe('window.open', () => {
    it.each([
      'https://example.org/page',
      "https://example.org/",
      `${DEV_ORIGIN}/other.html`,
      `${APP_ORIGIN}/index.html`,
      'javascript:alert(1)',
      'file:///etc/passwd',
      'about:blank',
    ])('never opens a new app window, for %s', (url) => {
      expect(contents.open(url)).toEqual({ action: 'deny' });
    });

    it('hands an https link to openExternal', () => {
      contents.open('https://example.org/guide?x=1');
      expect(openExternal).toHaveBeenCalledTimes(1);
      expect(openExternal).toHaveBeenCalledWith('https://example.org/guide?x=1');
    });

    it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://fileserver/share', 'data:text/html,<b>x</b>', 'not a url'])(
      'does not hand %s to openExternal',
      (url) => {
        contents.open(url);
        expect(openExternal).not.toHaveBeenCalled();
      },
    );
  });

  describe('will-navigate', () => {
    it('prevents navigation to another origin and sends http(s) to openExternal', () => {
      expect(contents.fire('will-navigate', 'https://evil.example/phish')).toBe(true);
      expect(openExternal).toHaveBeenCalledWith('https://evil.example/phish');
    });

    it('prevents navigation to a plain http site and offers it to the browser', () => {
      expect(contents.fire('will-navigate', "https://example.org/")).toBe(true);
      expect(openExternal).toHaveBeenCalledWith("https://example.org/");
    });

    it.each(['file:///etc/passwd', 'javascript:alert(1)', 'smb://fileserver/share'])('prevents navigation to %s without opening it', (url) => {
      expect(contents.fire('will-navigate', url)).toBe(true);
      expect(openExternal).not.toHaveBeenCalled();
    });

    it('prevents navigation to the same host on another port', () => {
      expect(contents.fire('will-navigate', 'http://localhost:5174/')).toBe(true);
    });

    it('allows navigation within the app origin', () => {
      expect(contents.fire('will-navigate', `${DEV_ORIGIN}/index.html?view=library`)).toBe(false);
      expect(openExternal).not.toHaveBeenCalled();
    });

    it('prevents navigation to another host of the app scheme', () => {
      const built = harden(APP_ORIGIN);
      expect(built.contents.fire('will-navigate', 'app://evil/index.html')).toBe(true);
      expect(built.openExternal).not.toHaveBeenCalled();
    });

    // Regression: Node's URL gives `app://composer/...` the opaque origin "null"; in-app navigation must still pass.
    it('allows navigation within the built app origin app://composer', () => {
      const built = harden(APP_ORIGIN);
      expect(built.contents.fire('will-navigate', `${APP_ORIGIN}/index.html`)).toBe(false);
    });
  });

  describe('will-redirect', () => {
    it('prevents a redirect to another origin', () => {
      expect(contents.fire('will-redirect', 'https://evil.example/')).toBe(true);
    });

    it('does not offer a redirect target to the browser', () => {
      contents.fire('will-redirect', 'https://evil.example/');
      expect(openExternal).not.toHaveBeenCalled();
    });

    it('allows a redirect within the app origin', () => {
      expect(contents.fire('will-redirect', `${DEV_ORIGIN}/login`)).toBe(false);
    });
  });

  it('prevents attaching a webview', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
  type CheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
  type DeviceHandler = (details: unknown) => boolean;

  function install() {
    const session = {
      setPermissionRequestHandler: vi.fn<(handler: RequestHandler) => void>(),
      setPermissionCheckHandler: vi.fn<(handler: CheckHandler) => void>(),
      setDevicePermissionHandler: vi.fn<(handler: DeviceHandler) => void>(),
    };
    denyAllPermissions(session as unknown as Session);
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0];
    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0];
    const device = session.setDevicePermissionHandler.mock.calls[0]?.[0];
    if (!request || !check || !device) throw new Error('denyAllPermissions did not install all three handlers');
    return { request, check, device };
  }

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen', 'openExternal', 'hid', 'serial'])(
    'denies every permission request, e.g. %s',
    (permission) => {
      const { request } = install();
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl: `${APP_ORIGIN}/index.html` });
      expect(callback).toHaveBeenCalledTimes(1);
      expect(callback).toHaveBeenCalledWith(false);
    },
  );

  it.each(['media', 'geolocation', 'notifications'])('answers every permission check with false, e.g. %s', (permission) => {
    const { check } = install();
    expect(check({}, permission, APP_ORIGIN, {})).toBe(false);
  });

  it('denies access to every device', () => {
    const { device } = install();
    expect(device({ deviceType: 'usb', origin: APP_ORIGIN, device: {} })).toBe(false);
    expect(device({ deviceType: 'hid', origin: APP_ORIGIN, device: {} })).toBe(false);
  });
});

describe('isExternalWebUrl', () => {
  it.each([
    ['https://example.org/', true],
    ["https://example.org/path?q=1", true],
    ['HTTPS://EXAMPLE.ORG/', true],
    ['javascript:alert(1)', false],
    ['file:///etc/passwd', false],
    ['smb://fileserver/share', false],
    ['data:text/html,hi', false],
    ['mailto:someone@example.org', false],
    // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an insecure scheme that must be refused
    ['ftp://example.org/', false],
    ['app://composer/index.html', false],
    ['//example.org/', false],
    ['example.org', false],
    ['', false],
  ] as const)('%s → %s', (url, expected) => {
    expect(isExternalWebUrl(url)).toBe(expected);
  });
});

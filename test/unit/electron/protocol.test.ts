import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CustomScheme } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from '../../../electron/main/protocol';

type ProtocolHandler = (request: Request) => Promise<Response>;

const electron = vi.hoisted(() => ({
  protocol: {
    registerSchemesAsPrivileged: vi.fn<(schemes: CustomScheme[]) => void>(),
    handle: vi.fn<(scheme: string, handler: ProtocolHandler) => void>(),
  },
}));

vi.mock('electron', () => electron);

const INDEX_HTML = '<!doctype html><title>Curriculum Composer</title><script type="module" src="/assets/a.js"></script>';
const SCRIPT = 'console.log("renderer");';
const SECRET = 'the user data must never be served';

describe('registerAppScheme', () => {
  beforeEach(() => electron.protocol.registerSchemesAsPrivileged.mockReset());

  it('registers the app scheme once, as standard and secure', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0];
    expect(schemes).toHaveLength(1);
    expect(schemes?.[0]).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true } });
  });

  it('does not let the scheme bypass the Content Security Policy', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges?.bypassCSP).not.toBe(true);
  });

  it('matches APP_ORIGIN', () => {
    registerAppScheme();
    const scheme = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.scheme;
    expect(APP_ORIGIN).toBe(`${scheme}://composer`);
  });
});

describe('handleAppProtocol', () => {
  let base: string;
  let rendererDir: string;
  let serve: ProtocolHandler;

  beforeAll(async () => {
    // base/renderer/{index.html, assets/a.js}, base/secret.txt beside it, base/renderer-private/x.txt sharing its prefix.
    base = await mkdtemp(join(tmpdir(), 'composer-protocol-'));
    rendererDir = join(base, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
    await writeFile(join(rendererDir, 'assets', 'a.js'), SCRIPT);
    await writeFile(join(base, 'secret.txt'), SECRET);
    await mkdir(join(base, 'renderer-private'));
    await writeFile(join(base, 'renderer-private', 'x.txt'), SECRET);
    // On POSIX a backslash is an ordinary file-name character: this bait would be served if backslashes were let through.
    if (process.platform !== 'win32') await writeFile(join(rendererDir, 'assets\\a.js'), SECRET);

    electron.protocol.handle.mockReset();
    handleAppProtocol(rendererDir);
    const call = electron.protocol.handle.mock.calls[0];
    if (!call) throw new Error('handleAppProtocol did not register a handler');
    expect(call[0]).toBe('app');
    serve = call[1];
  });

  afterAll(async () => {
    await rm(base, { recursive: true, force: true });
  });

  const get = (url: string) => serve(new Request(url));

  async function expectNotServed(url: string): Promise<void> {
    const response = await get(url);
    expect(response.status).toBe(404);
    const body = await response.text();
    expect(body).not.toContain(SECRET);
  }

  it.each([`${APP_ORIGIN}/`, `${APP_ORIGIN}/index.html`])('serves index.html for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe(INDEX_HTML);
  });

  it('serves files below the renderer folder with their content type', async () => {
    const response = await get(`${APP_ORIGIN}/assets/a.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe(SCRIPT);
  });

  it('sends a Content-Security-Policy that allows only its own scripts and no eval', async () => {
    const csp = (await get(`${APP_ORIGIN}/index.html`)).headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
  });

  it('sends the CSP and nosniff with every file, not only the page', async () => {
    const response = await get(`${APP_ORIGIN}/assets/a.js`);
    expect(response.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('answers 404 for a file that does not exist', async () => {
    await expectNotServed(`${APP_ORIGIN}/missing.js`);
  });

  it('answers 404 for a folder', async () => {
    await expectNotServed(`${APP_ORIGIN}/assets`);
  });

  it.each([
    ['a dot-dot path', `${APP_ORIGIN}/../secret.txt`],
    ['an encoded dot-dot path', `${APP_ORIGIN}/%2e%2e/secret.txt`],
    ['an encoded dot-dot-slash path', `${APP_ORIGIN}/%2e%2e%2fsecret.txt`],
    ['an encoded traversal from a subfolder', `${APP_ORIGIN}/assets/%2e%2e%2f%2e%2e%2fsecret.txt`],
    ['a traversal into a sibling folder sharing the prefix', `${APP_ORIGIN}/%2e%2e%2frenderer-private%2fx.txt`],
    ['a backslash path', `${APP_ORIGIN}/..\\secret.txt`],
    ['an encoded backslash path', `${APP_ORIGIN}/..%5csecret.txt`],
    ['a backslash inside the folder', `${APP_ORIGIN}/assets%5ca.js`],
    ['a NUL byte', `${APP_ORIGIN}/index.html%00.js`],
    ['malformed percent-encoding', `${APP_ORIGIN}/%E0%A4%A`],
  ])('refuses %s with 404', async (_name, url) => {
    await expectNotServed(url);
  });

  it('refuses an absolute file path smuggled into the URL', async () => {
    await expectNotServed(`${APP_ORIGIN}/${encodeURIComponent(join(base, 'secret.txt'))}`);
  });

  it.each(['app://evil/index.html', 'app://composer.evil/index.html', 'app://evil/'])('refuses another host: %s', async (url) => {
    await expectNotServed(url);
  });
});

import { writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebHarness } from '../../../electron/web/server';
import { startTestWebHarness } from '../../helpers/test-web-harness';
import { tempDir } from '../../helpers/temp-dir';

async function start(): Promise<WebHarness> {
  await writeFile(join(await tempDir(), 'secret.txt'), 'secret');
  return startTestWebHarness();
}

describe('web harness', () => {
  it('listens on 127.0.0.1 with a token in its URL', async () => {
    const h = await start();
    expect(h.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers 403 to requests without the token', async () => {
    const h = await start();
    const origin = `http://127.0.0.1:${h.port}`;
    expect((await fetch(`${origin}/`)).status).toBe(403);
    expect((await fetch(`${origin}/?token=wrong`)).status).toBe(403);
    expect((await fetch(`${origin}/api/invoke/store:status`, { method: 'POST' })).status).toBe(403);
  });

  it('serves the page with the token, sets a session cookie and a strict CSP', async () => {
    const h = await start();
    const response = await fetch(h.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(/cc_token=.*HttpOnly; SameSite=Strict/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    expect((await fetch(`http://127.0.0.1:${h.port}/assets/app.js`, { headers: { cookie } })).status).toBe(200);
  });

  it('refuses paths outside the renderer folder', async () => {
    const h = await start();
    const headers = { 'x-composer-token': h.token };
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%5c..%5csecret.txt']) {
      expect((await fetch(`http://127.0.0.1:${h.port}${path}`, { headers })).status, path).toBe(404);
    }
  });

  it('serves the API contract and returns typed errors for bad input', async () => {
    const h = await start();
    const post = (channel: string, body: unknown) =>
      fetch(`http://127.0.0.1:${h.port}/api/invoke/${channel}`, {
        method: 'POST',
        headers: { 'x-composer-token': h.token, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }).then((r) => r.json() as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>);
    expect(await post('store:status', {})).toMatchObject({ ok: true, value: { healthy: true } });
    expect(await post('library:get', { id: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await post('library:get', { id: 'no-such-module' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('refuses API calls from another origin and another Host', async () => {
    const h = await start();
    const url = `http://127.0.0.1:${h.port}/api/invoke/store:status`;
    const foreign = await fetch(url, { method: 'POST', headers: { 'x-composer-token': h.token, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    // fetch() may not set Host; a raw request can, as a DNS-rebinding page would.
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'x-composer-token': h.token, host: `evil.example:${h.port}` } }, (res) => {
        res.resume();
        resolve(res.statusCode);
      });
      req.once('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('streams events to open pages', async () => {
    const h = await start();
    const response = await fetch(`http://127.0.0.1:${h.port}/api/events`, { headers: { 'x-composer-token': h.token } });
    const reader = response.body?.getReader();
    if (!reader) throw new Error('no body');
    await reader.read(); // the ": connected" comment
    h.emit('task:progress', { taskId: 't1', done: 1, total: 2 });
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain('event: task:progress\ndata: {"taskId":"t1","done":1,"total":2}');
    await reader.cancel();
  });
});

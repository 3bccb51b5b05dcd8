import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isEventName, type EventName } from '../../shared/ipc/channels';
import { UPLOAD_PATH, type EventPayload, type Handlers, type IpcResult, type UploadResult } from '../../shared/ipc/contract';
import { dispatch } from '../../shared/ipc/dispatch';
import { readRendererFile, RENDERER_CSP } from '../services/static/renderer-files';
import { parseJsonText } from '../../shared/domain/json-text';
import { jsonParts } from './json-body';
import { PROMPT_CHANNELS, RequestTurns } from './request-turns';
import type { UploadStore } from './uploads';

const MAX_BODY_BYTES = 20 * 1024 * 1024;
const TOKEN_COOKIE = 'cc_token';

export type WebHarness = {
  url: string;
  port: number;
  token: string;
  server: Server;
  /** Pushes an event to every open page (progress of long jobs). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  close(): Promise<void>;
};

/**
 * Serves the built renderer and the API contract over HTTP on 127.0.0.1 only. Every request must carry the
 * session token (in the URL once, then in an HttpOnly SameSite cookie or a header): other local users and
 * web pages open in a browser cannot reach the data. The Host header is checked against DNS rebinding.
 */
export async function startWebHarness(options: { rendererDir: string; handlers: Handlers; port?: number; uploads?: UploadStore }): Promise<WebHarness> {
  const token = randomBytes(24).toString('base64url');
  const streams = new Set<ServerResponse>();
  // Searches first when many designers' requests arrive at once (see request-turns.ts).
  const turns = new RequestTurns();
  let origin = '';

  const server = createServer((req, res) => {
    void route(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', `Internal error: ${(error as Error).message}`);
      else res.end();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', origin);
    if (req.headers.host !== new URL(origin).host) { send(res, 421, 'text/plain; charset=utf-8', 'Wrong host'); return; }
    const queryToken = url.searchParams.get('token');
    if (!isAuthorised(req, queryToken, token)) { send(res, 403, 'text/plain; charset=utf-8', 'Forbidden: open the URL printed by `npm run web`, with its token.'); return; }
    if (queryToken) res.setHeader('Set-Cookie', `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`);

    if (url.pathname.startsWith('/api/')) {
      // A cross-site form or fetch carries a foreign Origin; only the harness's own pages may call the API.
      const requestOrigin = req.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin) { send(res, 403, 'text/plain; charset=utf-8', 'Forbidden origin'); return; }
      if (url.pathname === '/api/events' && req.method === 'GET') { openEventStream(res); return; }
      if (url.pathname === UPLOAD_PATH && req.method === 'POST' && options.uploads) { await receiveUpload(req, res, options.uploads); return; }
      const channel = /^\/api\/invoke\/([a-z]+:[a-z-]+)$/.exec(url.pathname)?.[1];
      if (!channel || req.method !== 'POST') { send(res, 404, 'text/plain; charset=utf-8', 'No such API route'); return; }
      const payload = await readJsonBody(req);
      if (!PROMPT_CHANNELS.has(channel)) await turns.take();
      const result = payload.ok
        ? await dispatch(options.handlers, channel, payload.value)
        : { ok: false as const, error: { code: 'invalid-argument' as const, message: payload.message } };
      send(res, 200, 'application/json; charset=utf-8', jsonParts(result)); return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') { send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed'); return; }
    const file = await readRendererFile(options.rendererDir, url.pathname);
    if (!file) { send(res, 404, 'text/plain; charset=utf-8', 'Not found'); return; }
    res.setHeader('Content-Security-Policy', RENDERER_CSP);
    res.setHeader('Cache-Control', 'no-store');
    send(res, 200, file.contentType, file.body);
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': connected\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => { resolve(); });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    server,
    emit(event, payload) {
      if (!isEventName(event)) return;
      const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
      for (const stream of streams) stream.write(frame);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.closeAllConnections();
        server.close(() => { resolve(); });
      }),
  };
}

/** A file's raw bytes, streamed in (not JSON): see UPLOAD_PATH in the contract. */
async function receiveUpload(req: IncomingMessage, res: ServerResponse, uploads: UploadStore): Promise<void> {
  if (req.headers['content-type'] !== 'application/octet-stream') {
    req.resume();
    send(res, 415, 'text/plain; charset=utf-8', 'Send the file as application/octet-stream');
    return;
  }
  const received = await uploads.receive(req);
  const result: IpcResult<UploadResult> = received.ok
    ? { ok: true, value: { uploadId: received.uploadId } }
    : { ok: false, error: { code: 'invalid-argument', message: received.message } };
  if (!received.ok) req.resume(); // Drain what the client still sends, so that it reads the answer.
  send(res, received.ok ? 200 : received.status, 'application/json; charset=utf-8', JSON.stringify(result));
}

function isAuthorised(req: IncomingMessage, queryToken: string | null, token: string): boolean {
  const candidates = [queryToken, headerValue(req.headers['x-composer-token']), readCookie(req.headers.cookie, TOKEN_COOKIE)];
  return candidates.some((candidate) => candidate !== null && sameSecret(candidate, token));
}

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function headerValue(value: string | string[] | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function readCookie(header: string | undefined, name: string): string | null {
  for (const part of header?.split(';') ?? []) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

async function readJsonBody(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return { ok: false, message: 'Request body is too large' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: parseJsonText(text) };
  } catch {
    return { ok: false, message: 'Request body is not valid JSON' };
  }
}

/** Sends a body, or a body's pieces in order (see json-body.ts): the pieces are written as they are, not copied into one. */
function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer | readonly Buffer[]): void {
  const pieces = typeof body === 'string' || Buffer.isBuffer(body) ? null : body;
  res.writeHead(status, {
    'Content-Type': contentType,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    ...(pieces ? { 'Content-Length': pieces.reduce((total, piece) => total + piece.length, 0) } : {}),
  });
  if (!pieces) {
    res.end(body);
    return;
  }
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
  res.uncork();
}

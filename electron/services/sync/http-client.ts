/**
 * The HTTP client isomorphic-git talks to a smart-HTTP remote through. Our own rather than the package's
 * (which follows redirects and reads any amount): a redirect is refused (it could send the token to another
 * host), a response larger than the limit is cut off as hostile, a silent server times out as offline, and
 * a cancelled sync aborts the request at once.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { GitHttpRequest, GitHttpResponse, HttpClient } from 'isomorphic-git';
import { AppError } from '../../../shared/errors';

export type HttpLimits = {
  /** The most bytes one response may carry (a fetch's packfile). */
  maxResponseBytes: number;
  /** No byte for this long: the remote is taken as unreachable. */
  idleTimeoutMs: number;
};

export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxResponseBytes: 512 * 1024 * 1024, idleTimeoutMs: 30_000 };

async function collect(body: GitHttpRequest['body']): Promise<Buffer | undefined> {
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export function syncHttpClient(limits: HttpLimits = DEFAULT_HTTP_LIMITS, signal?: AbortSignal): HttpClient {
  return {
    async request({ url, method = 'GET', headers = {}, body }: GitHttpRequest): Promise<GitHttpResponse> {
      const payload = await collect(body);
      const target = new URL(url);
      const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const req = send(target, { method, headers: { ...headers, ...(payload ? { 'content-length': String(payload.length) } : {}) }, ...(signal ? { signal } : {}) }, resolve);
        req.setTimeout(limits.idleTimeoutMs, () => {
          req.destroy(Object.assign(new Error(`no answer from ${target.host} for ${String(limits.idleTimeoutMs / 1000)} s`), { code: 'ETIMEDOUT' }));
        });
        req.on('error', reject);
        req.end(payload);
      });
      const status = response.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        response.resume();
        throw new AppError('sync-remote-invalid', `The remote ${target.host} redirects to ${response.headers.location ?? 'another address'}; give that address instead.`);
      }
      const responseHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(response.headers)) if (value !== undefined) responseHeaders[name] = Array.isArray(value) ? value.join(', ') : value;
      return {
        url,
        method,
        statusCode: status,
        statusMessage: response.statusMessage ?? '',
        headers: responseHeaders,
        body: limited(response, limits.maxResponseBytes),
      };
    },
  };
}

async function* limited(response: IncomingMessage, maxBytes: number): AsyncIterableIterator<Uint8Array> {
  let total = 0;
  for await (const chunk of response as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > maxBytes) {
      response.destroy();
      throw new AppError('sync-hostile', `The remote sent more than ${String(Math.round(maxBytes / 1024 / 1024))} MB in one answer; nothing was taken from it.`);
    }
    yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  }
}

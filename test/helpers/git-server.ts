/**
 * A real git server on loopback for the sync tests: a tiny HTTP bridge to Debian's `git http-backend` (the
 * CGI program behind every smart-HTTP git host), with a bearer of one token allowed to read and write. It
 * serves the bare repositories of one folder, `http://127.0.0.1:PORT/<name>.git`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

export type GitServer = {
  url: (repo: string) => string;
  /** Requests served, by path and query (for tests that count round trips). */
  requests: string[];
  /** While true, every request fails as if the network were down (the connection is destroyed). */
  offline: boolean;
  close(): Promise<void>;
};

const BACKEND = '/usr/lib/git-core/git-http-backend';

/** Runs git (the test's own tool for making remotes; the app never needs it). */
export function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd } });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** A new bare repository `<root>/<name>.git` that accepts pushes over HTTP. */
export function bareRepo(root: string, name: string): string {
  const path = join(root, `${name}.git`);
  git(root, 'init', '--bare', '--quiet', '--initial-branch=main', path);
  git(path, 'config', 'http.receivepack', 'true');
  return path;
}

export async function startGitServer(root: string, token: string): Promise<GitServer> {
  const state: GitServer = {
    url: () => '',
    requests: [],
    offline: false,
    close: () => Promise.resolve(),
  };
  const server: Server = createServer((req, res) => {
    handle(root, token, state, req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  state.url = (repo) => `http://127.0.0.1:${String(port)}/${repo}.git`;
  state.close = async () => {
    server.closeAllConnections();
    server.close();
    await once(server, 'close');
  };
  return state;
}

function handle(root: string, token: string, state: GitServer, req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  state.requests.push(`${url.pathname}${url.search}`);
  if (state.offline) {
    req.socket.destroy();
    return;
  }
  const auth = req.headers.authorization ?? '';
  const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const user = colon >= 0 ? decoded.slice(0, colon) : decoded;
  const pass = colon >= 0 ? decoded.slice(colon + 1) : '';
  if (pass !== token && user !== token) {
    res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="test"', 'Content-Type': 'text/plain' });
    res.end('Unauthorized');
    return;
  }
  const child = spawn(BACKEND, [], {
    env: {
      PATH: process.env['PATH'] ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: root,
      REMOTE_USER: user || 'token',
      REMOTE_ADDR: '127.0.0.1',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
      ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: req.headers['content-encoding'] } : {}),
      ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  req.pipe(child.stdin);
  let head = Buffer.alloc(0);
  let headersDone = false;
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      res.write(chunk);
      return;
    }
    head = Buffer.concat([head, chunk]);
    const end = head.indexOf('\r\n\r\n');
    if (end < 0) return;
    headersDone = true;
    let status = 200;
    const headers: Record<string, string> = {};
    for (const line of head.subarray(0, end).toString('latin1').split('\r\n')) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim();
      const value = line.slice(colon + 1).trim();
      if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
      else headers[name] = value;
    }
    res.writeHead(status, headers);
    res.write(head.subarray(end + 4));
  });
  child.stdout.on('end', () => {
    if (!headersDone) res.writeHead(500);
    res.end();
  });
  child.on('error', () => {
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
}

/**
 * The loopback git server of git-server.ts in a process of its own, for benchmarks: spawning
 * `git http-backend` for each request from the process that syncs would block that process's event loop
 * (a fork of a large Node process is slow) and count the server's work as the client's.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export type GitServerProcess = { url: (repo: string) => string; close(): Promise<void> };

export async function startGitServerProcess(root: string, token: string): Promise<GitServerProcess> {
  const main = fileURLToPath(new URL('./git-server-main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main, root, token], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const [line] = (await once(lines, 'line')) as [string];
  const base = /^listening (http:\/\/127\.0\.0\.1:\d+)$/.exec(line)?.[1];
  if (!base) throw new Error(`the git server did not start: ${line}`);
  return {
    url: (repo) => `${base}/${repo}.git`,
    close: async () => {
      child.kill();
      if (child.exitCode === null) await once(child, 'exit');
    },
  };
}

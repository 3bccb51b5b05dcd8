/**
 * Start-up of the command-line programs on a built checkout (the build is brought up to date first, so
 * that no run includes a build): the CLI's help straight from Node and through npm, the pretest's check
 * when everything is installed, and `npm run web` / `npm start` until their "ready" line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/open-test-store';
import { summarise } from './stats';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
/** Reports the process's peak memory on stderr as it exits: Node's own figure, the same on every platform. */
const PEAK_MEMORY = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss='+process.resourceUsage().maxRSS+'\\n'))`;

function timed(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): { ms: number; stderr: string } {
  const started = performance.now();
  const result = spawnSync(command, args, { cwd: REPO_ROOT, encoding: 'utf8', env });
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  return { ms, stderr: result.stderr };
}

/** Runs a command `rounds` times, the first one included (no warm-up): the first is the cold start. */
function repeat(rounds: number, run: () => number): Record<string, unknown> {
  const times = Array.from({ length: rounds }, run);
  return { firstMs: Math.round(times[0] ?? Number.NaN), ...summarise(times) };
}

/** Milliseconds from spawning `npm run SCRIPT` until it prints "ready <url>"; the whole process group is stopped after. */
async function untilReady(script: string, dataDir: string): Promise<number> {
  const started = performance.now();
  const child = spawn(NPM, ['run', script, '--', '--data', dataDir], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    return await new Promise<number>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (/^ready http/m.test(output)) resolve(performance.now() - started);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => {
        reject(new Error(`npm run ${script} exited (${String(code)}) before it was ready:\n${output}`));
      });
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  }
}

export async function benchStartup(rounds = 10): Promise<Record<string, unknown>> {
  timed(process.execPath, ['scripts/run-built.mjs']);
  const cli = join(REPO_ROOT, 'out', 'main', 'cli.js');
  const memory = timed(process.execPath, ['--import', PEAK_MEMORY, cli, '--help']).stderr;
  const web: number[] = [];
  const start: number[] = [];
  for (let i = 0; i < Math.min(rounds, 5); i += 1) {
    const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-start-'));
    try {
      web.push(await untilReady('web', join(dataDir, 'web')));
      start.push(await untilReady('start', join(dataDir, 'start')));
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }
  return {
    target: 'a no-op CLI command (--help) <= 300 ms; the pretest adds < 2 s when everything is installed',
    // The floor: Node starting and doing nothing, on this machine at this moment.
    nodeDoingNothing: repeat(rounds, () => timed(process.execPath, ['-e', '0']).ms),
    cliHelpNode: repeat(rounds, () => timed(process.execPath, [cli, '--help']).ms),
    cliHelpPeakMemoryKb: Number(/maxrss=(\d+)/.exec(memory)?.[1] ?? Number.NaN),
    cliHelpNpm: repeat(rounds, () => timed(NPM, ['run', '-s', 'cli', '--', '--help']).ms),
    pretestAllPresent: repeat(rounds, () => timed(process.execPath, ['scripts/pretest.mjs']).ms),
    npmRunWebToReady: summarise(web),
    npmStartToReady: summarise(start),
  };
}

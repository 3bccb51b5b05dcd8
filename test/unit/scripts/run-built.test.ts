/** `npm run cli`, `npm run web` and `npm start` go through scripts/run-built.mjs; `npm test` builds first. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { freshness } from '../../../scripts/build-stamp.mjs';
import { REPO_ROOT } from '../../helpers/open-test-store';

function runBuilt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, ['scripts/run-built.mjs', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

describe('run-built: the built entries, without a build when nothing changed', () => {
  it('runs the CLI in the same process with its arguments, saying nothing about the build', () => {
    // Never build inside a test run (other tests read out/ meanwhile): npm test brings the build up to date first.
    expect(freshness(REPO_ROOT), 'the build is stale: run "node scripts/run-built.mjs" (npm test does)').toEqual({ current: true });
    const help = runBuilt('cli', 'library', '--help');
    expect(help).toMatchObject({ status: 0, stderr: '' });
    expect(help.stdout).toMatch(/^Usage: npm run cli -- library <command> \[options\]\n/);
    expect(runBuilt('cli', 'data', 'nonsense')).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/^error: unknown command "data nonsense"/) as string });
  });

  it('refuses an entry that is not one of the built programs', () => {
    expect(runBuilt('index')).toMatchObject({ status: 2, stderr: 'error: run-built.mjs runs one of cli, web, start, not "index"\n' });
  });
});

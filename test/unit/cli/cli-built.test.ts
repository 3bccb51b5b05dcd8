/**
 * The CLI as users run it: the built JavaScript (`npm run cli` runs out/main/cli.js; `npm test` builds
 * first), started as its own process.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const BUILT_CLI = join(REPO_ROOT, 'out', 'main', 'cli.js');

function builtCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  if (!existsSync(BUILT_CLI)) throw new Error(`${BUILT_CLI} is missing: run "npm run build" (npm test builds first)`);
  return spawnSync(process.execPath, [BUILT_CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** The bare package names reached from a built file through static imports only (what loads at start-up). */
function staticPackages(entry: string): Set<string> {
  const packages = new Set<string>();
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/^(?:import|export)\s+(?:[^'"]*?\s+from\s+)?["']([^"']+)["'];?$/gm)) {
      const specifier = match[1] ?? '';
      if (specifier.startsWith('.')) visit(resolve(dirname(file), specifier));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('cli: the built entry point', () => {
  it('prints help and exits 0', () => {
    const result = builtCli('--help');
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Usage: npm run cli -- <group> <command> \[options\]\n/);
    expect(result.stdout).toContain('library export-json ID [--out FILE [--force]]');
  });

  it('prints errors on stderr as "error: <message>" with a non-zero exit code', () => {
    const result = builtCli('data', 'nonsense');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: unknown command "data nonsense"; run "data --help" to list the data commands\n');
  });

  it('runs a command that opens the data folder', async () => {
    const result = builtCli('library', 'list', '--lang', 'ar', '--json', '--data', await tempDir());
    expect(result).toMatchObject({ status: 0, stderr: '' });
    expect((JSON.parse(result.stdout) as { id: string }[]).map((m) => m.id).sort()).toEqual(['community-policing-ar', 'hr-foundations-ar']);
  });

  it('loads no package but Node\'s own at start-up: zod, docx, lowdb and the rest load when a command needs them', () => {
    const packages = [...staticPackages(BUILT_CLI)];
    expect(packages.length).toBeGreaterThan(0);
    expect(packages.filter((p) => !p.startsWith('node:'))).toEqual([]);
  });
});

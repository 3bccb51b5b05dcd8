import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureBuilt, freshness, OUTPUTS, STAMP_FILE } from '../../../scripts/build-stamp.mjs';
import { tempDir } from '../../helpers/temp-dir';

async function put(root: string, path: string, text: string): Promise<void> {
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeFile(join(root, path), text);
}

/** Synchronous, like the real build (spawnSync). */
function writeOutput(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A checkout with a few sources and a `build` that writes every output, counting its runs. */
async function checkout(): Promise<{ root: string; builds: () => number; build: () => void; lines: string[] }> {
  const root = await tempDir('cc-stamp-');
  await put(root, 'electron/cli/main.ts', 'main');
  await put(root, 'shared/errors.ts', 'errors');
  await put(root, 'renderer/src/App.tsx', 'app');
  await put(root, 'package-lock.json', '{}');
  await put(root, 'electron.vite.config.ts', 'config');
  let count = 0;
  const lines: string[] = [];
  const build = (): void => {
    count += 1;
    for (const output of OUTPUTS) writeOutput(root, output, `build ${count}`);
  };
  return { root, builds: () => count, build, lines };
}

describe('build stamp: build only when the sources changed', () => {
  it('builds when there is no build, then not again while nothing changes', async () => {
    const { root, builds, build, lines } = await checkout();
    expect(freshness(root)).toEqual({ current: false, reason: 'there is no build yet' });
    expect(ensureBuilt(root, { build, log: (l) => lines.push(l) })).toBe(true);
    expect(lines[0]).toBe('Building the app (there is no build yet)…');
    expect(lines[1]).toMatch(/^Built in \d+\.\d s\.$/);
    expect(ensureBuilt(root, { build, log: (l) => lines.push(l) })).toBe(false);
    expect(builds()).toBe(1);
    expect(lines).toHaveLength(2);
  });

  it.each([
    ['an edited source', (root: string) => put(root, 'shared/errors.ts', 'errors, edited'), 'shared/errors.ts changed'],
    ['a source saved with the same size', (root: string) => utimes(join(root, 'electron/cli/main.ts'), new Date(), new Date(Date.now() + 5_000)), 'electron/cli/main.ts changed'],
    ['a source whose time went backwards', (root: string) => utimes(join(root, 'renderer/src/App.tsx'), new Date(0), new Date(0)), 'renderer/src/App.tsx changed'],
    ['an added source', (root: string) => put(root, 'electron/cli/help.ts', 'help'), 'electron/cli/help.ts was added'],
    ['a removed source', (root: string) => rm(join(root, 'shared/errors.ts')), 'shared/errors.ts was removed'],
    ['a new package-lock.json', (root: string) => put(root, 'package-lock.json', '{"lockfileVersion":3}'), 'package-lock.json changed'],
    ['a new npm install', (root: string) => put(root, 'node_modules/.package-lock.json', '{}'), 'node_modules/.package-lock.json was added'],
    ['a changed build configuration', (root: string) => put(root, 'electron.vite.config.ts', 'config 2'), 'electron.vite.config.ts changed'],
    ['a deleted output', (root: string) => rm(join(root, 'out/main/cli.js')), 'out/main/cli.js is missing'],
    ['a build made by another command', (root: string) => put(root, 'out/renderer/index.html', 'npm run build'), 'out/ was rebuilt by another command'],
    ['a deleted stamp', (root: string) => rm(join(root, STAMP_FILE)), 'there is no build yet'],
  ])('rebuilds after %s', async (_what, change, reason) => {
    const { root, builds, build } = await checkout();
    ensureBuilt(root, { build, log: () => undefined });
    await change(root);
    expect(freshness(root)).toEqual({ current: false, reason });
    expect(ensureBuilt(root, { build, log: () => undefined })).toBe(true);
    expect(builds()).toBe(2);
    expect(freshness(root)).toEqual({ current: true });
  });

  it('ignores files outside the build: tests, docs, dotfiles', async () => {
    const { root, build } = await checkout();
    ensureBuilt(root, { build, log: () => undefined });
    await put(root, 'test/unit/new.test.ts', 'test');
    await put(root, 'README.md', 'docs');
    await put(root, 'electron/.main.ts.swp', 'editor');
    expect(freshness(root)).toEqual({ current: true });
  });

  it('stamps the sources as they were when the build started: a file saved during the build is built next time', async () => {
    const { root, build } = await checkout();
    const saveDuringBuild = (): void => {
      build();
      writeOutput(root, 'shared/errors.ts', 'saved while building');
    };
    ensureBuilt(root, { build: saveDuringBuild, log: () => undefined });
    expect(freshness(root)).toEqual({ current: false, reason: 'shared/errors.ts changed' });
  });

  it('writes no stamp when the build fails, so the next start builds again', async () => {
    const { root } = await checkout();
    const failing = (): void => {
      throw new Error('The build failed');
    };
    expect(() => ensureBuilt(root, { build: failing, log: () => undefined })).toThrow('The build failed');
    expect(freshness(root)).toEqual({ current: false, reason: 'there is no build yet' });
  });
});

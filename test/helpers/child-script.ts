import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from './open-test-store';

/**
 * Kill tests start a child process per trial (30 and more in a test). Started with `--import tsx`, each child
 * compiles the app's TypeScript again, a second or more on a busy machine: most of those tests' time. The
 * child script is bundled once per test file instead, and each trial starts plain Node on the bundle.
 *
 * The bundle lives in `test/.bundled/`, two folders below the repository like `test/helpers/`, so that
 * `import.meta.dirname`-based paths in the test helpers (REPO_ROOT) still point at the repository, and bare
 * imports resolve from its node_modules.
 */
export async function bundledChildScript(script: string): Promise<string> {
  const source = join(REPO_ROOT, script);
  const dir = join(REPO_ROOT, 'test/.bundled');
  await mkdir(dir, { recursive: true });
  const result = await build({
    entryPoints: [source],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error(`esbuild wrote nothing for ${script}`);
  // Named by content: test files running at the same time never see each other's half-written bundle.
  const out = join(dir, `${basename(script, '.ts')}-${createHash('sha256').update(code).digest('hex').slice(0, 12)}.mjs`);
  const existing = await readFile(out).catch(() => null);
  if (existing === null) {
    const temp = `${out}.${String(process.pid)}.tmp`;
    await writeFile(temp, code);
    await rename(temp, out);
  }
  return out;
}

// @ts-check
/**
 * `node scripts/run-built.mjs [ENTRY [ARGS...]]`: builds the app if its sources changed since the last
 * build (scripts/build-stamp.mjs), then runs `out/main/ENTRY.js` with ARGS in this same process (one Node
 * start-up, not two). Without ENTRY it only brings the build up to date (`npm test` uses that).
 * Messages go to stderr, so that the CLI's stdout stays clean for scripts.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ensureBuilt } from './build-stamp.mjs';

const ENTRIES = ['cli', 'web', 'start'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [entry, ...args] = process.argv.slice(2);

if (entry !== undefined && !ENTRIES.includes(entry)) {
  process.stderr.write(`error: run-built.mjs runs one of ${ENTRIES.join(', ')}, not "${entry}"\n`);
  process.exit(2);
}

/** Runs electron-vite's build with plain Node; its output is shown only if it fails. */
function build() {
  const bin = join(dirname(createRequire(import.meta.url).resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [bin, 'build'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}${result.stderr}`);
    throw new Error(`The build failed (electron-vite build exited with ${String(result.status ?? result.signal)}).`);
  }
}

try {
  ensureBuilt(root, { build, log: (line) => process.stderr.write(`${line}\n`) });
} catch (error) {
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

if (entry !== undefined) {
  const file = join(root, 'out', 'main', `${entry}.js`);
  // The entry reads its arguments from process.argv, as if Node had started it directly.
  process.argv = [process.argv[0] ?? process.execPath, file, ...args];
  await import(pathToFileURL(file).href);
}

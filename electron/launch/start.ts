/**
 * `npm start`: launch the desktop app (scripts/run-built.mjs builds it first when the sources changed).
 * Electron 45 fetches its binary on first launch; where that is impossible (offline machines, locked-down
 * networks) the same interface starts in the web harness instead, so that `npm install && npm start`
 * always gives a working app.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRootFrom } from '../services/paths';

const root = appRootFrom(import.meta.url, 2);
const passThrough = process.argv.slice(2);

/** The Electron binary's path if it is installed, after one quiet download attempt if it is not. */
function electronBinary(): string | null {
  const packageDir = join(root, 'node_modules', 'electron');
  const installed = (): string | null => {
    const pathFile = join(packageDir, 'path.txt');
    if (process.env['ELECTRON_OVERRIDE_DIST_PATH']) return join(process.env['ELECTRON_OVERRIDE_DIST_PATH'], 'electron');
    if (!existsSync(pathFile)) return null;
    const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : null;
  };
  if (installed()) return installed();
  if (!existsSync(join(packageDir, 'install.js'))) return null;
  const attempt = spawnSync(process.execPath, [join(packageDir, 'install.js')], { cwd: root, stdio: 'ignore', timeout: 120_000 });
  return attempt.status === 0 ? installed() : null;
}

const binary = electronBinary();
if (binary) {
  const child = spawn(binary, ['.', ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log('The Electron binary is not installed and could not be downloaded here; starting the web harness instead (open the URL below in a browser).');
  const child = spawn(process.execPath, [join(root, 'out/main/web.js'), ...passThrough], { cwd: root, stdio: 'inherit' });
  const stop = (): void => {
    child.kill('SIGTERM');
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  child.on('exit', (code) => process.exit(code ?? 0));
}

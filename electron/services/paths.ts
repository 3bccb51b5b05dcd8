import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PRODUCT_NAME = 'Curriculum Composer';

/** The repository (or unpacked app) root, found from this file's location in source or in `out/`. */
export function appRootFrom(moduleUrl: string, levelsUp: number): string {
  return resolve(dirname(fileURLToPath(moduleUrl)), ...Array<string>(levelsUp).fill('..'));
}

/**
 * Where Electron keeps userData for this app, so that the CLI and the desktop app share one data folder
 * unless `--data` says otherwise.
 */
export function defaultDataDir(): string {
  const home = homedir();
  switch (process.platform) {
    case 'win32':
      return join(process.env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return join(home, 'Library', 'Application Support', PRODUCT_NAME);
    case 'aix':
    case 'android':
    case 'cygwin':
    case 'freebsd':
    case 'haiku':
    case 'linux':
    case 'netbsd':
    case 'openbsd':
    case 'sunos':
      return join(process.env['XDG_CONFIG_HOME'] ?? join(home, '.config'), PRODUCT_NAME);
  }
}

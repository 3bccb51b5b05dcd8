import { join } from 'node:path';
import { app } from 'electron';

/** Where the built renderer, preload and resources are, in development and in a packaged app. */
export function appPaths(mainDir: string): { rendererDir: string; preload: string; resourcesDir: string; appRoot: string } {
  const appRoot = app.getAppPath();
  return {
    rendererDir: join(mainDir, '../renderer'),
    preload: join(mainDir, '../preload/index.cjs'),
    // electron-builder copies resources/ beside app.asar (extraResources) so that files stay readable.
    resourcesDir: app.isPackaged ? join(process.resourcesPath, 'resources') : join(appRoot, 'resources'),
    appRoot,
  };
}

/** `--data DIR` is honoured only in development and tests; a packaged app always uses userData. */
export function dataDirOverride(argv: readonly string[]): string | null {
  if (app.isPackaged) return null;
  const index = argv.indexOf('--data');
  return index >= 0 ? (argv[index + 1] ?? null) : null;
}

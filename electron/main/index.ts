import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, safeStorage, screen, session } from 'electron';
import { toAppErrorShape } from '../../shared/errors';
import { closeServices, createHandlers, openServices, type Services } from '../services/handlers';
import { appPaths, dataDirOverride } from './app-paths';
import { confirmAndOpenExternal } from './external-links';
import { broadcast, registerIpc } from './ipc/register-ipc';
import { buildMenuTemplate } from './menu';
import { packPathsIn, readPackForRenderer } from './open-files';
import { chooseFolder, rememberSavedFiles, revealSavedFile, saveWithDialog } from './save-file';
import { workerExportRunners } from '../services/export/export-worker';
import { workerPackReader } from '../services/packs/pack-read-worker';
import createExportWorker from '../workers/export.worker?nodeWorker';
import createPackReadWorker from '../workers/pack-read.worker?nodeWorker';
import createSyncWorker from '../workers/sync.worker?nodeWorker';
import createFileWriterWorker from '../workers/file-writer.worker?nodeWorker';
import { workerSyncRunner } from '../services/sync/sync-worker';
import { threadFileWriter } from '../services/store/file-writer-thread';
import { safeStorageTokenKeeper } from './sync-tokens';
import { originOf } from './origin';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol';
import { denyAllPermissions, hardenWebContents } from './security';
import { mainWindowOptions } from './window-options';
import { captureWindowState, fitsOnDisplays } from './window-state';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const rendererOrigin = (devServerUrl && originOf(devServerUrl)) || APP_ORIGIN;
let services: Services | null = null;
let mainWindow: BrowserWindow | null = null;
/** Packs the OS asked us to open before the window could show them. */
const pendingPacks: string[] = packPathsIn(process.argv.slice(1));

registerAppScheme();

// One desktop instance per user: a second launch focuses the first window (and later hands it files to open).
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // macOS hands double-clicked files over by event, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    pendingPacks.push(path);
    void deliverPacks();
  });
  app.on('second-instance', (_event, argv) => {
    pendingPacks.push(...packPathsIn(argv));
    void deliverPacks();
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, rendererOrigin, (url) => confirmAndOpenExternal(url, mainWindow));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    if (services) closeServices(services);
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  const paths = appPaths(import.meta.dirname);
  denyAllPermissions(session.defaultSession);
  handleAppProtocol(paths.rendererDir);
  try {
    services = await openServices(dataDirOverride(process.argv) ?? app.getPath('userData'), {
      kind: 'electron',
      appRoot: paths.appRoot,
      resourcesDir: paths.resourcesDir,
      openExternal: (url) => confirmAndOpenExternal(url, mainWindow),
      saveFile: (fileName, bytes) => saveWithDialog(mainWindow, fileName, bytes),
      chooseFolder: (suggestedName) => chooseFolder(mainWindow, suggestedName),
      savedFiles: rememberSavedFiles,
      readPack: workerPackReader(createPackReadWorker),
      runExport: workerExportRunners(createExportWorker),
      revealFile: revealSavedFile,
      emit: broadcast,
      log: (line) => {
        console.error(line);
      },
      syncTokens: safeStorageTokenKeeper(join(app.getPath('userData'), 'sync-tokens.json'), safeStorage),
      runSync: workerSyncRunner(createSyncWorker),
      replaceFiles: threadFileWriter(createFileWriterWorker).replaceFiles,
      autoSync: true,
    });
  } catch (error) {
    // Typically another instance (or the CLI) holds the data folder: say so and stop, writing nothing.
    dialog.showErrorBox('Curriculum Composer cannot start', toAppErrorShape(error).message);
    app.quit();
    return;
  }
  registerIpc(createHandlers(services), rendererOrigin);
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(process.platform, (command) => { broadcast('menu:command', { command }); }, !app.isPackaged)));
  createWindow(paths.preload);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow(paths.preload);
  });
}

function createWindow(preload: string): void {
  const saved = services?.store.status().healthy ? services.store.read('settings').window : undefined;
  const state = saved && fitsOnDisplays(saved, screen.getAllDisplays().map((d) => d.workArea)) ? saved : undefined;
  const window = new BrowserWindow(mainWindowOptions(preload, state));
  mainWindow = window;
  if (state?.maximized) window.maximize();
  window.once('ready-to-show', () => {
    window.show();
  });
  // The renderer subscribes to events once it has loaded; packs opened at launch wait until then.
  window.webContents.once('did-finish-load', () => {
    void deliverPacks();
  });
  // Hold the close until the placement is saved: after the last window closes the app quits at once.
  let placementSaved = false;
  window.on('close', (event) => {
    if (placementSaved || !services?.store.status().healthy || services.store.status().readOnly) return;
    event.preventDefault();
    const state = captureWindowState(window);
    void services.store
      .update('settings', (s) => ({ ...s, window: state }))
      .catch((error: unknown) => {
        console.error('could not save the window placement', error);
      })
      .finally(() => {
        placementSaved = true;
        window.close();
      });
  });
  window.on('closed', () => {
    mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
}

async function deliverPacks(): Promise<void> {
  if (!mainWindow || mainWindow.webContents.isLoading()) return;
  for (const path of pendingPacks.splice(0)) {
    const payload = await readPackForRenderer(path);
    if (payload) broadcast('pack:open-file', payload);
  }
}

import type { BrowserWindowConstructorOptions } from 'electron';
import type { WindowState } from '../../shared/schemas/settings';

export const DEFAULT_WINDOW: WindowState = { width: 1280, height: 820, maximized: false };

/**
 * The main window's options. Every security switch is spelled out, even where it is Electron's default,
 * so that a test can see it and nobody loosens it by accident.
 */
export function mainWindowOptions(preloadPath: string, state: WindowState = DEFAULT_WINDOW): BrowserWindowConstructorOptions {
  return {
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Curriculum Composer',
    backgroundColor: '#f4f6f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW, mainWindowOptions } from '../../../electron/main/window-options';

const PRELOAD = '/opt/curriculum-composer/out/preload/index.cjs';

describe('mainWindowOptions', () => {
  it('isolates the page from the preload and from Node', () => {
    const prefs = mainWindowOptions(PRELOAD).webPreferences;
    expect(prefs?.contextIsolation).toBe(true);
    expect(prefs?.sandbox).toBe(true);
    expect(prefs?.nodeIntegration).toBe(false);
  });

  it('keeps Node out of workers and sub-frames too', () => {
    const prefs = mainWindowOptions(PRELOAD).webPreferences;
    expect(prefs?.nodeIntegrationInWorker).toBe(false);
    expect(prefs?.nodeIntegrationInSubFrames).toBe(false);
  });

  it('keeps web security on and refuses insecure content and webviews', () => {
    const prefs = mainWindowOptions(PRELOAD).webPreferences;
    expect(prefs?.webSecurity).toBe(true);
    expect(prefs?.allowRunningInsecureContent).toBe(false);
    expect(prefs?.webviewTag).toBe(false);
    expect(prefs?.experimentalFeatures).toBe(false);
    expect(prefs?.navigateOnDragDrop).toBe(false);
  });

  it('loads exactly the preload path it is given', () => {
    expect(mainWindowOptions(PRELOAD).webPreferences?.preload).toBe(PRELOAD);
    expect(mainWindowOptions('/elsewhere/preload.cjs').webPreferences?.preload).toBe('/elsewhere/preload.cjs');
  });

  it('stays hidden until the page is ready to show', () => {
    expect(mainWindowOptions(PRELOAD).show).toBe(false);
  });

  it('restores a saved position and size', () => {
    const options = mainWindowOptions(PRELOAD, { x: 140, y: 60, width: 1500, height: 950, maximized: false });
    expect(options).toMatchObject({ x: 140, y: 60, width: 1500, height: 950 });
  });

  it('restores a position at the origin of the screen (0, 0)', () => {
    const options = mainWindowOptions(PRELOAD, { x: 0, y: 0, width: 900, height: 700, maximized: false });
    expect(options.x).toBe(0);
    expect(options.y).toBe(0);
  });

  it('omits x and y when no position was saved, so the system centres the window', () => {
    const options = mainWindowOptions(PRELOAD, { width: 1000, height: 700, maximized: true });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
    expect(options).toMatchObject({ width: 1000, height: 700 });
  });

  it('omits the position when only one coordinate was saved', () => {
    const options = mainWindowOptions(PRELOAD, { x: 300, width: 1000, height: 700, maximized: false });
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });

  it('uses the default size and no position without saved state', () => {
    const options = mainWindowOptions(PRELOAD);
    expect(options.width).toBe(DEFAULT_WINDOW.width);
    expect(options.height).toBe(DEFAULT_WINDOW.height);
    expect(options).not.toHaveProperty('x');
    expect(options).not.toHaveProperty('y');
  });
});

import type { BrowserWindow } from 'electron';
import type { WindowState } from '../../shared/schemas/settings';

/** Reads the window's current placement, to be saved in settings and restored on next start. */
export function captureWindowState(window: BrowserWindow): WindowState {
  const bounds = window.getNormalBounds();
  return { x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() };
}

/** A saved position is used only if it is still on a connected display (monitors get unplugged). */
export function fitsOnDisplays(state: WindowState, displays: readonly { x: number; y: number; width: number; height: number }[]): boolean {
  if (state.x === undefined || state.y === undefined) return true;
  const { x, y } = state;
  return displays.some((d) => x >= d.x - 50 && y >= d.y - 50 && x + 200 <= d.x + d.width && y + 100 <= d.y + d.height);
}

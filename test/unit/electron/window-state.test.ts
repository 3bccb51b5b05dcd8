import type { BrowserWindow } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { captureWindowState, fitsOnDisplays } from '../../../electron/main/window-state';
import { WindowStateSchema } from '../../../shared/schemas/settings';

const PRIMARY = { x: 0, y: 0, width: 1920, height: 1040 };
/** A second monitor to the right of the primary one. */
const RIGHT = { x: 1920, y: 0, width: 2560, height: 1400 };

const at = (x: number, y: number) => ({ x, y, width: 1200, height: 800, maximized: false });

describe('fitsOnDisplays', () => {
  it('accepts a position on the only display', () => {
    expect(fitsOnDisplays(at(100, 80), [PRIMARY])).toBe(true);
  });

  it('accepts a position on a second display while it is connected', () => {
    expect(fitsOnDisplays(at(2400, 200), [PRIMARY, RIGHT])).toBe(true);
  });

  it('rejects a position on a display that has been unplugged', () => {
    expect(fitsOnDisplays(at(2400, 200), [PRIMARY])).toBe(false);
  });

  it('rejects a position far above or left of every display', () => {
    expect(fitsOnDisplays(at(-3000, 100), [PRIMARY, RIGHT])).toBe(false);
    expect(fitsOnDisplays(at(100, -3000), [PRIMARY, RIGHT])).toBe(false);
  });

  it('rejects a position so close to the bottom-right corner that the title bar would be unreachable', () => {
    expect(fitsOnDisplays(at(PRIMARY.width - 10, PRIMARY.height - 10), [PRIMARY])).toBe(false);
  });

  it('rejects any saved position when no display is known', () => {
    expect(fitsOnDisplays(at(100, 80), [])).toBe(false);
  });

  it('accepts a state without a saved position whatever the displays', () => {
    expect(fitsOnDisplays({ width: 1200, height: 800, maximized: true }, [])).toBe(true);
  });
});

describe('captureWindowState', () => {
  function fakeWindow(maximized: boolean) {
    return {
      getNormalBounds: vi.fn(() => ({ x: 210, y: 95, width: 1300, height: 870 })),
      // What a maximized window reports; it must not be saved as the normal size.
      getBounds: vi.fn(() => ({ x: 0, y: 0, width: 1920, height: 1040 })),
      isMaximized: vi.fn(() => maximized),
    };
  }

  it('saves the normal (restored) bounds, not the maximized ones, and that it was maximized', () => {
    const state = captureWindowState(fakeWindow(true) as unknown as BrowserWindow);
    expect(state).toEqual({ x: 210, y: 95, width: 1300, height: 870, maximized: true });
  });

  it('records a window that is not maximized', () => {
    expect(captureWindowState(fakeWindow(false) as unknown as BrowserWindow).maximized).toBe(false);
  });

  it('produces a state that settings accept and that fits back on the display it came from', () => {
    const state = captureWindowState(fakeWindow(false) as unknown as BrowserWindow);
    expect(WindowStateSchema.safeParse(state).success).toBe(true);
    expect(fitsOnDisplays(state, [PRIMARY])).toBe(true);
  });
});

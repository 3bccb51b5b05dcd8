import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { confirmAndOpenExternal } from '../../../electron/main/external-links';

const electron = vi.hoisted(() => ({
  dialog: { showMessageBox: vi.fn<(...args: unknown[]) => Promise<{ response: number; checkboxChecked: boolean }>>() },
  shell: { openExternal: vi.fn<(url: string) => Promise<void>>() },
}));

vi.mock('electron', () => electron);

const { showMessageBox } = electron.dialog;
const { openExternal } = electron.shell;

function answer(response: number): void {
  showMessageBox.mockResolvedValue({ response, checkboxChecked: false });
}

/** The options object of the last dialog, whether or not it had a parent window. */
function lastDialogOptions(): MessageBoxOptions {
  const args = showMessageBox.mock.lastCall ?? [];
  return args[args.length - 1] as MessageBoxOptions;
}

describe('confirmAndOpenExternal', () => {
  beforeEach(() => {
    showMessageBox.mockReset();
    openExternal.mockReset();
    openExternal.mockResolvedValue(undefined);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'smb://fileserver/share', 'data:text/html,x', 'mailto:a@example.org', 'not a url'])(
    'refuses %s without asking or opening',
    async (url) => {
      answer(0);
      await expect(confirmAndOpenExternal(url, null)).resolves.toBe(false);
      expect(showMessageBox).not.toHaveBeenCalled();
      expect(openExternal).not.toHaveBeenCalled();
    },
  );

  it('does not open the link when the user cancels', async () => {
    answer(1);
    await expect(confirmAndOpenExternal('https://example.org/', null)).resolves.toBe(false);
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('opens exactly that URL once when the user accepts', async () => {
    answer(0);
    const url = 'https://example.org/guide?lang=fr#part-2';
    await expect(confirmAndOpenExternal(url, null)).resolves.toBe(true);
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith(url);
  });

  it('shows the full URL in the dialog', async () => {
    answer(1);
    await confirmAndOpenExternal("https://example.org/a?b=c", null);
    expect(lastDialogOptions().detail).toBe("https://example.org/a?b=c");
  });

  it('makes Cancel the default and the escape answer', async () => {
    answer(1);
    await confirmAndOpenExternal('https://example.org/', null);
    const options = lastDialogOptions();
    const cancel = options.buttons?.indexOf('Cancel');
    expect(cancel).toBeGreaterThanOrEqual(0);
    expect(options.defaultId).toBe(cancel);
    expect(options.cancelId).toBe(cancel);
    expect(options.buttons?.[0]).not.toBe('Cancel');
  });

  it('attaches the dialog to the parent window when there is one', async () => {
    answer(1);
    const parent = { id: 7 } as unknown as BrowserWindow;
    await confirmAndOpenExternal('https://example.org/', parent);
    expect(showMessageBox.mock.lastCall?.[0]).toBe(parent);
  });

  it('does not open the link when the user closes the dialog some other way', async () => {
    answer(2);
    await expect(confirmAndOpenExternal('https://example.org/', null)).resolves.toBe(false);
    expect(openExternal).not.toHaveBeenCalled();
  });
});

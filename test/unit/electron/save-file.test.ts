import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../helpers/temp-dir';

const electron = vi.hoisted(() => ({
  dialog: { showSaveDialog: vi.fn() },
  shell: { openPath: vi.fn(), showItemInFolder: vi.fn() },
}));
vi.mock('electron', () => electron);

const { revealSavedFile, saveWithDialog } = await import('../../../electron/main/save-file');

describe('saving a file and opening it afterwards', () => {
  beforeEach(() => {
    vi.clearAllMocks();
  });

  it('writes where the user chose, offering the suggested name and its extension', async () => {
    const path = join(await tempDir(), 'Course.docx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    expect(await saveWithDialog(null, 'course.docx', Buffer.from('PK'))).toBe(path);
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith({ defaultPath: 'course.docx', filters: [{ name: 'DOCX', extensions: ['docx'] }] });
    expect(await readFile(path, 'utf8')).toBe('PK');
  });

  it('writes nothing when the dialog is cancelled', async () => {
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    expect(await saveWithDialog(null, 'course.docx', Buffer.from('PK'))).toBeNull();
  });

  it('opens or shows only files saved in this session', async () => {
    const path = join(await tempDir(), 'Plans.docx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    await saveWithDialog(null, 'plans.docx', Buffer.from('PK'));
    electron.shell.openPath.mockResolvedValue('');
    expect(await revealSavedFile(path, 'open')).toBe(true);
    expect(electron.shell.openPath).toHaveBeenCalledWith(path);
    expect(await revealSavedFile(path, 'folder')).toBe(true);
    expect(electron.shell.showItemInFolder).toHaveBeenCalledWith(path);
    await expect(revealSavedFile('/usr/bin/xterm', 'open')).rejects.toMatchObject({ code: 'forbidden' });
    expect(electron.shell.openPath).toHaveBeenCalledTimes(1);
  });

  it('says why a saved file could not be opened', async () => {
    const path = join(await tempDir(), 'Tests.docx');
    electron.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: path });
    await saveWithDialog(null, 'tests.docx', Buffer.from('PK'));
    electron.shell.openPath.mockResolvedValue('No application is registered for .docx files');
    await expect(revealSavedFile(path, 'open')).rejects.toMatchObject({ code: 'io-error', message: 'The file could not be opened: No application is registered for .docx files' });
  });
});

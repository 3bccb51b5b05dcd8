import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import type { Res } from '../../shared/ipc/contract';
import type { ExportTarget } from '../../shared/schemas/export';
import { ExportDialog } from '../../renderer/src/features/export/ExportDialog';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

const MODULE: ExportTarget = { kind: 'module', id: 'community-policing' };
const FILE: Res<'export:docx'> = { fileName: 'community-policing-participant.docx', bytesBase64: btoa('PK-docx-bytes') };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type SaveAnswer = Res<'app:save-file'>;

/**
 * A bridge whose `export:docx` stays pending until the test settles it, as a long export would, and whose
 * `task:cancel` rejects the pending export with `cancelled`, as the back end does.
 */
function exportBridge(options: { save?: SaveAnswer; host?: 'web' | 'electron'; fail?: AppError } = {}) {
  let settle: { resolve: (file: Res<'export:docx'>) => void; reject: (error: unknown) => void } | null = null;
  const fake = fakeBridge({
    'export:docx': () => {
      if (options.fail) throw options.fail;
      return new Promise<Res<'export:docx'>>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
    'task:cancel': () => {
      settle?.reject(new AppError('cancelled', 'Export cancelled'));
      return { cancelled: true };
    },
    'app:save-file': () => options.save ?? { saved: true, path: '/home/trainer/Documents/community-policing-participant.docx' },
    'app:reveal-file': () => ({ done: true }),
    'app:info': () => ({ name: 'Curriculum Composer', version: '1.2.3', host: options.host ?? 'electron', dataDir: '/data/cc', licenses: [] }),
  });
  setBridge(fake.bridge);
  const calls = (channel: string) => fake.invoke.mock.calls.filter(([c]) => c === channel).map(([, payload]) => payload as Record<string, unknown>);
  const taskId = () => String(calls('export:docx')[0]?.['taskId']);
  return {
    ...fake,
    calls,
    taskId,
    finish: () => settle?.resolve(FILE),
  };
}

/** jsdom's Blob has no `text()`; FileReader reads it. */
function readBlob(blob: Blob | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!blob) { reject(new Error('no blob')); return; }
    const reader = new FileReader();
    reader.onload = () => { resolve(typeof reader.result === 'string' ? reader.result : ''); };
    reader.onerror = () => { reject(reader.error ?? new Error('read failed')); };
    reader.readAsText(blob);
  });
}

function renderDialog(props: Partial<Parameters<typeof ExportDialog>[0]> = {}) {
  const onClose = vi.fn();
  const { unmount } = render(<ExportDialog target={MODULE} onClose={onClose} {...props} />);
  return { onClose, unmount };
}

describe('the export dialog', () => {
  it('sends the chosen document, paper and annexes with a fresh task id, then saves the file', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    renderDialog();
    expect(screen.getByRole('dialog', { name: 'Export to Word' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Participant handouts/ }));
    await user.click(screen.getByRole('radio', { name: 'US Letter' }));
    await user.click(screen.getByRole('checkbox', { name: /annexes/ }));
    await user.click(screen.getByRole('button', { name: 'Export' }));

    await waitFor(() => {
      expect(fake.calls('export:docx')).toHaveLength(1);
    });
    expect(fake.calls('export:docx')[0]).toEqual({ target: MODULE, variant: 'participant', paper: 'letter', annexes: false, taskId: expect.stringMatching(UUID) as string });
    fake.finish();
    expect(await screen.findByText('/home/trainer/Documents/community-policing-participant.docx')).toBeInTheDocument();
    expect(fake.calls('app:save-file')).toEqual([{ fileName: FILE.fileName, bytesBase64: FILE.bytesBase64 }]);
  });

  it('keeps the focus on Export while the document is made and after it is saved', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    renderDialog();
    const button = screen.getByRole('button', { name: 'Export' });
    await user.click(button);
    await screen.findByRole('progressbar', { name: 'Export progress' });
    // Not `disabled`: a disabled button loses the focus to the page.
    expect(button).not.toBeDisabled();
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    await user.click(button);
    expect(fake.calls('export:docx')).toHaveLength(1);
    fake.finish();
    expect(await screen.findByText('/home/trainer/Documents/community-policing-participant.docx')).toBeInTheDocument();
    expect(button).not.toHaveAttribute('aria-disabled');
    expect(button).toHaveFocus();
  });

  it('shows the progress of its own task only', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const bar = await screen.findByRole('progressbar', { name: 'Export progress' });
    expect(screen.getByText('Preparing the document…')).toBeInTheDocument();

    fake.emit('task:progress', { taskId: fake.taskId(), done: 2, total: 4, label: 'Module 2 of 4' });
    expect(await screen.findByText('Module 2 of 4')).toBeInTheDocument();
    expect(bar).toHaveAttribute('value', '50');
    expect(screen.getByText('50 %')).toBeInTheDocument();

    fake.emit('task:progress', { taskId: 'another-task', done: 9, total: 10, label: 'Someone else' });
    expect(screen.queryByText('Someone else')).not.toBeInTheDocument();
    expect(bar).toHaveAttribute('value', '50');
  });

  it('cancels the task and says so, without an error', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(await screen.findByRole('button', { name: 'Cancel export' }));

    expect(await screen.findByText('Export cancelled.')).toBeInTheDocument();
    expect(fake.calls('task:cancel')).toEqual([{ taskId: fake.taskId() }]);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(fake.calls('app:save-file')).toEqual([]);
    expect(screen.getByRole('button', { name: 'Export' })).toBeEnabled();
  });

  it('downloads the file in a browser, where the host has no save dialog', async () => {
    const user = userEvent.setup();
    const fake = exportBridge({ save: { saved: false }, host: 'web' });
    const blobs: Blob[] = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => (blobs.push(blob), 'blob:export') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    onTestFinished(() => {
      // jsdom has neither function: remove the stand-ins rather than leave them for other tests.
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const clicked: { download: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ download: this.download, href: this.href });
    });
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => {
      expect(fake.calls('export:docx')).toHaveLength(1);
    });
    fake.finish();

    await waitFor(() => {
      expect(screen.getByRole('status')).toHaveTextContent('Downloaded: community-policing-participant.docx');
    });
    expect(clicked).toEqual([{ download: FILE.fileName, href: 'blob:export' }]);
    expect(blobs[0]?.type).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(await readBlob(blobs[0])).toBe('PK-docx-bytes');
    // The bytes are not sent back to a server that cannot show a save dialog anyway.
    expect(fake.calls('app:save-file')).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Open the file' })).not.toBeInTheDocument();
  });

  it('does not download when the desktop save dialog was closed', async () => {
    const user = userEvent.setup();
    const fake = exportBridge({ save: { saved: false }, host: 'electron' });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click');
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => {
      expect(fake.calls('export:docx')).toHaveLength(1);
    });
    fake.finish();
    expect(await screen.findByText('The document was not saved.')).toBeInTheDocument();
    expect(click).not.toHaveBeenCalled();
  });

  it('opens the saved file or its folder', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => {
      expect(fake.calls('export:docx')).toHaveLength(1);
    });
    fake.finish();
    await user.click(await screen.findByRole('button', { name: 'Open the file' }));
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    const path = '/home/trainer/Documents/community-policing-participant.docx';
    expect(fake.calls('app:reveal-file')).toEqual([
      { path, action: 'open' },
      { path, action: 'folder' },
    ]);
  });

  it('says plainly when a participant document would leak trainer text', async () => {
    const user = userEvent.setup();
    exportBridge({ fail: new AppError('forbidden', 'Lesson 2.3 has trainer notes that would be in the participant handout.') });
    renderDialog({ defaultVariant: 'participant' });
    expect(screen.getByRole('radio', { name: /Participant handouts/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('it would give participants text meant only for trainers');
    expect(alert).toHaveTextContent('Lesson 2.3 has trainer notes that would be in the participant handout.');
  });

  it('shows other errors with the back end message', async () => {
    const user = userEvent.setup();
    exportBridge({ fail: new AppError('not-found', 'No module "community-policing".') });
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('It could not be found.');
    expect(alert).toHaveTextContent('No module "community-policing".');
  });

  it('describes a lesson target by its number and offers the print preview of the chosen request', async () => {
    const user = userEvent.setup();
    exportBridge();
    const onPreview = vi.fn();
    renderDialog({ target: { kind: 'lesson', id: 'community-policing', lessonIndex: 2 }, onPreview });
    expect(screen.getByText('Lesson 3 of this module.')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Trainer lesson plans/ }));
    await user.click(screen.getByRole('button', { name: 'Print preview' }));
    expect(onPreview).toHaveBeenCalledWith({ target: { kind: 'lesson', id: 'community-policing', lessonIndex: 2 }, variant: 'trainer', paper: 'a4', annexes: true });
  });

  it('keeps focus inside, closes on Escape, and stops a running export when closed', async () => {
    const user = userEvent.setup();
    const fake = exportBridge();
    const opener = document.createElement('button');
    document.body.append(opener);
    opener.focus();
    const { onClose, unmount } = renderDialog();
    const dialog = screen.getByRole('dialog');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    const exportButton = screen.getByRole('button', { name: 'Export' });
    exportButton.focus();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.tab({ shift: true });
    expect(exportButton).toHaveFocus();

    await user.click(exportButton);
    await screen.findByRole('progressbar');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    // The parent unmounts the dialog on close: the running task is cancelled and focus goes back.
    unmount();
    expect(fake.calls('task:cancel')).toEqual([{ taskId: fake.taskId() }]);
    expect(opener).toHaveFocus();
    opener.remove();
  });
});

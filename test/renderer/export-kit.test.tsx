import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { AppError } from '../../shared/errors';
import type { Res } from '../../shared/ipc/contract';
import { ExportDialog } from '../../renderer/src/features/export/ExportDialog';
import { setBridge } from '../../renderer/src/lib/bridge';
import { setLanguage } from '../../renderer/src/i18n';
import { fakeBridge } from './fakes/fake-bridge';

const COURSE = { kind: 'curriculum', id: 'foundation-course' } as const;
const FILES = ['fc-01-curriculum.docx', 'fc-02-trainer-plans.docx', 'fc-08-evaluation-form.docx'];
const FOLDER: Res<'export:kit'> = {
  kind: 'folder',
  path: '/home/trainer/Documents/fc-kit',
  files: FILES,
  paths: FILES.map((f) => `/home/trainer/Documents/fc-kit/${f}`),
  omitted: [{ variant: 'pre-test', reason: 'no-test-items' }],
};
const ZIP: Res<'export:kit'> = { kind: 'zip', fileName: 'fc-kit.zip', bytesBase64: btoa('PK-zip-bytes'), files: FILES, omitted: [] };

/** A bridge whose `export:kit` stays pending until the test settles it; `task:cancel` rejects it as the back end does. */
function kitBridge(answer: Res<'export:kit'> | AppError = FOLDER) {
  let settle: { resolve: (value: Res<'export:kit'>) => void; reject: (error: unknown) => void } | null = null;
  const fake = fakeBridge({
    'export:kit': () =>
      new Promise<Res<'export:kit'>>((resolve, reject) => {
        settle = { resolve, reject };
      }),
    'task:cancel': () => {
      settle?.reject(new AppError('cancelled', 'The trainer kit was cancelled.'));
      return { cancelled: true };
    },
    'app:reveal-file': () => ({ done: true }),
  });
  setBridge(fake.bridge);
  const calls = (channel: string) => fake.invoke.mock.calls.filter(([c]) => c === channel).map(([, payload]) => payload as Record<string, unknown>);
  return {
    ...fake,
    calls,
    taskId: () => String(calls('export:kit')[0]?.['taskId']),
    finish: () => {
      if (answer instanceof AppError) settle?.reject(answer);
      else settle?.resolve(answer);
    },
  };
}

function renderDialog(target: Parameters<typeof ExportDialog>[0]['target'] = COURSE) {
  render(<ExportDialog target={target} onClose={vi.fn()} />);
}

describe('exporting the trainer kit from the export dialog', () => {
  it('offers the kit for a curriculum only', () => {
    kitBridge();
    renderDialog({ kind: 'module', id: 'community-policing' });
    expect(screen.queryByRole('button', { name: 'Export trainer kit' })).not.toBeInTheDocument();
  });

  it('sends the course and the chosen paper, shows one bar over all documents, then where the kit went', async () => {
    const user = userEvent.setup();
    const fake = kitBridge();
    renderDialog();
    await user.click(screen.getByRole('radio', { name: 'US Letter' }));
    const trigger = screen.getByRole('button', { name: 'Export trainer kit' });
    await user.click(trigger);
    await waitFor(() => {
      expect(fake.calls('export:kit')).toHaveLength(1);
    });
    expect(fake.calls('export:kit')[0]).toEqual({ curriculumId: 'foundation-course', paper: 'letter', taskId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string });
    const bar = await screen.findByRole('progressbar', { name: 'Trainer kit progress' });
    fake.emit('task:progress', { taskId: fake.taskId(), done: 450, total: 800, label: 'kit:post-test' });
    expect(await screen.findByText('Post-test: document 5 of 8')).toBeInTheDocument();
    expect(bar).toHaveAttribute('value', '56');
    // Another task's progress is not this kit's.
    fake.emit('task:progress', { taskId: 'other', done: 790, total: 800, label: 'kit:evaluation-form' });
    expect(bar).toHaveAttribute('value', '56');
    // While it runs, the trigger keeps the focus but starts nothing, and no other export can start.
    expect(trigger).toHaveAttribute('aria-disabled', 'true');
    await user.click(trigger);
    expect(fake.calls('export:kit')).toHaveLength(1);
    // Export is aria-disabled rather than disabled (it keeps the focus, see export-dialog.test.tsx): a click starts nothing.
    const exportButton = screen.getByRole('button', { name: 'Export' });
    expect(exportButton).toHaveAttribute('aria-disabled', 'true');
    await user.click(exportButton);
    expect(fake.calls('export:docx')).toHaveLength(0);
    expect(fake.calls('export:kit')).toHaveLength(1);

    fake.finish();
    expect(await screen.findByText('/home/trainer/Documents/fc-kit')).toBeInTheDocument();
    for (const file of FILES) expect(screen.getByText(file)).toBeInTheDocument();
    expect(screen.getByText('Left out: Pre-test (no test items).')).toBeInTheDocument();
    // The focus goes back to the trigger once the finished kit is rendered (an effect after that render).
    await waitFor(() => {
      expect(trigger).toHaveFocus();
    });
    expect(trigger).toHaveAttribute('aria-disabled', 'false');
    await user.click(screen.getByRole('button', { name: 'Show in folder' }));
    expect(fake.calls('app:reveal-file')).toEqual([{ path: '/home/trainer/Documents/fc-kit/fc-01-curriculum.docx', action: 'folder' }]);
  });

  it('cancels the kit and puts the focus back on its trigger', async () => {
    const user = userEvent.setup();
    const fake = kitBridge();
    renderDialog();
    const trigger = screen.getByRole('button', { name: 'Export trainer kit' });
    await user.click(trigger);
    await user.click(await screen.findByRole('button', { name: 'Cancel trainer kit' }));
    expect(await screen.findByText('Trainer kit cancelled: nothing was saved.')).toBeInTheDocument();
    expect(fake.calls('task:cancel')).toEqual([{ taskId: fake.taskId() }]);
    expect(trigger).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('downloads one .zip in a browser', async () => {
    const user = userEvent.setup();
    const fake = kitBridge(ZIP);
    const blobs: Blob[] = [];
    Object.defineProperty(URL, 'createObjectURL', { configurable: true, value: (blob: Blob) => (blobs.push(blob), 'blob:kit') });
    Object.defineProperty(URL, 'revokeObjectURL', { configurable: true, value: () => undefined });
    onTestFinished(() => {
      Reflect.deleteProperty(URL, 'createObjectURL');
      Reflect.deleteProperty(URL, 'revokeObjectURL');
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export trainer kit' }));
    await waitFor(() => {
      expect(fake.calls('export:kit')).toHaveLength(1);
    });
    fake.finish();
    expect(await screen.findByText('fc-kit.zip')).toBeInTheDocument();
    expect(screen.getByText('Trainer kit downloaded:', { exact: false })).toBeInTheDocument();
    expect(clicked).toEqual(['fc-kit.zip']);
    expect(blobs[0]?.type).toBe('application/zip');
    expect(screen.queryByRole('button', { name: 'Show in folder' })).not.toBeInTheDocument();
  });

  it('says when no folder was chosen, and shows a refusal as an export failure', async () => {
    const user = userEvent.setup();
    const fake = kitBridge({ kind: 'not-saved' });
    renderDialog();
    await user.click(screen.getByRole('button', { name: 'Export trainer kit' }));
    await waitFor(() => {
      expect(fake.calls('export:kit')).toHaveLength(1);
    });
    fake.finish();
    expect(await screen.findByText('No folder was chosen: the trainer kit was not saved.')).toBeInTheDocument();

    const refused = kitBridge(new AppError('forbidden', 'This participant document would contain trainer-only text.'));
    await user.click(screen.getByRole('button', { name: 'Export trainer kit' }));
    await waitFor(() => {
      expect(refused.calls('export:kit')).toHaveLength(1);
    });
    refused.finish();
    expect(await screen.findByRole('alert')).toHaveTextContent('it would give participants text meant only for trainers');
  });

  it('speaks French and Arabic', async () => {
    kitBridge();
    await setLanguage('fr');
    renderDialog();
    expect(screen.getByRole('button', { name: 'Exporter le kit du formateur' })).toBeInTheDocument();
    await setLanguage('ar');
    expect(await screen.findByRole('button', { name: 'تصدير حقيبة المدرب' })).toBeInTheDocument();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ModuleSchema } from '../../shared/schemas/module';
import { ModulePage } from '../../renderer/src/features/module/ModulePage';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge, plainDetail } from './fakes/fake-bridge';

const MODULE = ModuleSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/library/modules/community-policing-fr.json'), 'utf8')));
const DETAIL = plainDetail(MODULE);

function moduleBridge() {
  const fake = fakeBridge({
    'library:get': () => DETAIL,
    'export:docx': () => ({ fileName: 'lesson.docx', bytesBase64: btoa('docx') }),
    'app:save-file': () => ({ saved: true, path: '/tmp/lesson.docx' }),
    'app:info': () => ({ name: 'Curriculum Composer', version: '1.2.3', host: 'electron', dataDir: '/data/cc', licenses: [] }),
  });
  setBridge(fake.bridge);
  return fake;
}

describe('exporting from a module page', () => {
  it('exports the whole module from the page actions', async () => {
    const user = userEvent.setup();
    moduleBridge();
    render(<ModulePage moduleId={MODULE.id} onOpen={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Export…' }));
    const dialog = screen.getByRole('dialog', { name: 'Export to Word' });
    expect(dialog).toHaveAccessibleDescription('This module.');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('exports one lesson by its index', async () => {
    const user = userEvent.setup();
    const fake = moduleBridge();
    expect(MODULE.lessons.length).toBeGreaterThan(1);
    render(<ModulePage moduleId={MODULE.id} onOpen={vi.fn()} />);
    const buttons = await screen.findAllByRole('button', { name: 'Export lesson' });
    expect(buttons).toHaveLength(MODULE.lessons.length);
    await user.click(buttons[1] as HTMLElement);
    const dialog = screen.getByRole('dialog', { name: 'Export to Word' });
    expect(dialog).toHaveAccessibleDescription('Lesson 2 of this module.');
    await user.click(within(dialog).getByRole('button', { name: 'Export' }));
    await waitFor(() => {
      expect(fake.invoke).toHaveBeenCalledWith('export:docx', expect.objectContaining({ target: { kind: 'lesson', id: MODULE.id, lessonIndex: 1 }, variant: 'full' }));
    });
    expect(await within(dialog).findByText('/tmp/lesson.docx')).toBeInTheDocument();
  });
});

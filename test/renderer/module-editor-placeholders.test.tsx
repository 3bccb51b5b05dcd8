import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModuleEditor } from '../../renderer/src/features/module-editor/ModuleEditor';
import { revised, sampleModule } from '../unit/curriculum/sample';
import { library, type SaveRequest } from './module-editor-fixture';

async function lastSave(saves: SaveRequest[]): Promise<SaveRequest> {
  await waitFor(
    () => {
      expect(saves.length).toBeGreaterThan(0);
    },
    { timeout: 5000 },
  );
  const save = saves.at(-1);
  if (!save) throw new Error('no save');
  return save;
}

describe('placeholder definitions in the module editor', { timeout: 30_000 }, () => {
  it('edits the label, description and example of each placeholder the texts use', async () => {
    const user = userEvent.setup();
    const { module, saves } = library();
    render(<ModuleEditor moduleId={module.id} onClose={() => undefined} />);
    const label = await screen.findByRole('textbox', { name: 'Label of {oversight_body}' });
    expect(label).toHaveValue('Police oversight body');
    expect(screen.getByRole('textbox', { name: 'Example for {oversight_body}' })).toHaveValue('Independent Police Complaints Authority');
    await user.clear(label);
    await user.type(label, 'Oversight body');
    const saved = await lastSave(saves);
    expect(saved.module.placeholders?.find((p) => p.name === 'oversight_body')).toMatchObject({ label: 'Oversight body', example: 'Independent Police Complaints Authority' });
  });

  it('warns about a placeholder used without a definition and defines it with a first label, even one named constructor', async () => {
    const user = userEvent.setup();
    const module = revised(sampleModule('hr-foundations'), (m) => {
      m.summary = `${m.summary} Built by {constructor}.`;
    });
    const { saves } = library(module);
    render(<ModuleEditor moduleId={module.id} onClose={() => undefined} />);
    expect(await screen.findByText('{constructor} is used but not defined: designers will only see the name.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Define {constructor}' }));
    const label = await screen.findByRole('textbox', { name: 'Label of {constructor}' });
    expect(label).toHaveValue('Constructor');
    await waitFor(() => {
      expect(label).toHaveFocus();
    });
    expect(screen.queryByText(/\{constructor\} is used but not defined/)).not.toBeInTheDocument();
    const saved = await lastSave(saves);
    expect(saved.module.placeholders?.at(-1)).toEqual({ name: 'constructor', label: 'Constructor' });
  });

  it('points out a definition no text uses any more and removes it', async () => {
    const user = userEvent.setup();
    const base = sampleModule('hr-foundations');
    const module = { ...base, placeholders: [...(base.placeholders ?? []), { name: 'old_ministry', label: 'Ministry' }] };
    const { saves } = library(module);
    render(<ModuleEditor moduleId={module.id} onClose={() => undefined} />);
    expect(await screen.findByText('{old_ministry} is defined but no text uses it any more.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Remove the definition of {old_ministry}' }));
    const saved = await lastSave(saves);
    expect(saved.module.placeholders?.map((p) => p.name)).not.toContain('old_ministry');
  });
});

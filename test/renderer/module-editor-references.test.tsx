import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModuleEditor } from '../../renderer/src/features/module-editor/ModuleEditor';
import { library } from './module-editor-fixture';

describe('inserting a reference in the module editor', { timeout: 30_000 }, () => {
  it('picks a handout from a list and writes a reference where the cursor is, never a number', async () => {
    const user = userEvent.setup();
    const { module, saves } = library();
    render(<ModuleEditor moduleId={module.id} onClose={() => undefined} />);
    await screen.findByRole('heading', { level: 1 });
    await user.click(screen.getByRole('button', { name: /^1\.1 / }));
    const notes = await screen.findByRole('textbox', { name: 'Trainer notes' });
    await user.clear(notes);
    await user.paste('Distribute  now.');
    (notes as HTMLTextAreaElement).setSelectionRange(11, 11);
    await user.click(screen.getByRole('button', { name: 'Insert a reference into Trainer notes' }));
    const [lesson] = module.lessons;
    const handout = lesson?.handouts[1];
    if (!handout) throw new Error('sample lesson has no second handout');
    const select = screen.getByRole('combobox', { name: 'What to refer to' });
    expect(select).toHaveFocus();
    await user.selectOptions(select, screen.getByRole('option', { name: `Handout 1.1B: ${handout.title}` }));
    await user.click(screen.getByRole('button', { name: 'Insert' }));
    expect(notes).toHaveValue(`Distribute [[handout:${handout.id}]] now.`);
    await waitFor(() => {
      expect(saves.at(-1)?.module.lessons[0]?.trainerNotes).toBe(`Distribute [[handout:${handout.id}]] now.`);
    }, { timeout: 5000 });
  });
});

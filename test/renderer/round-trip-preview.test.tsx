import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { FieldChange, RoundTripPreview } from '../../shared/schemas/round-trip';
import { RoundTripPreviewView } from '../../renderer/src/features/round-trip/RoundTripPreviewView';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

const common = { moduleId: 'use-of-force', moduleTitle: 'Use of force', lessonCode: '4.1', lessonTitle: 'The legal framework', libraryEditable: true, printedText: false };
const minutes: FieldChange = { ...common, name: 'cc_1_0_sm1', itemId: 'uof', field: 'stepMinutes', index: 1, label: 'Sources', before: '25', after: '40', overridable: true };
const text: FieldChange = { ...common, name: 'cc_1_0_st1', itemId: 'uof', field: 'stepTrainer', index: 1, label: 'Sources', before: 'Present the sources.', after: 'Present the sources on **one** slide.', overridable: false };
const notes: FieldChange = { ...common, name: 'cc_1_0_tn', itemId: 'uof', field: 'trainerNotes', label: '', before: 'Key points.', after: 'Key points.\n\nBring the case files.', overridable: true };

function preview(kind: 'course' | 'module'): RoundTripPreview {
  return {
    previewId: '00000000-0000-4000-8000-000000000000',
    fileName: 'plan.docx',
    source: { kind, id: 'refresher', title: 'Use of force refresher', variant: 'trainer', changedSinceExport: false },
    changes: [minutes, text, notes],
    unchanged: 70,
    problems: [{ kind: 'missing-end', name: 'cc_1_0_st4' }],
  };
}

function setup(p: RoundTripPreview) {
  const fake = fakeBridge({ 'roundtrip:apply': () => ({ target: 'overrides', applied: [], skipped: [], dryRun: false }) });
  setBridge(fake.bridge);
  const onApplied = vi.fn();
  render(<RoundTripPreviewView preview={p} onClose={vi.fn()} onApplied={onApplied} />);
  return { fake, onApplied };
}

describe('the Word round-trip preview', () => {
  it('shows each changed field before and after, with the problems, and applies the ticked ones as course overrides', async () => {
    const user = userEvent.setup();
    const { fake, onApplied } = setup(preview('course'));
    expect(screen.getByRole('heading', { name: 'Trainer lesson plans of the course “Use of force refresher”' })).toBeInTheDocument();
    expect(screen.getByText('3 changed fields · 70 fields unchanged')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'This course only (course overrides)' })).toBeChecked();
    // A course holds minutes and notes, not step texts: that change cannot be ticked here.
    const textBox = screen.getByRole('checkbox', { name: /Step 2 “Sources”: trainer activity/ });
    expect(textBox).toBeDisabled();
    expect(screen.getByText('A course cannot hold this change: apply it to the library.')).toBeInTheDocument();
    const item = textBox.closest('li');
    if (!item) throw new Error('no list item');
    expect(within(item).getByText('Present the sources on **one** slide.')).toBeInTheDocument();
    expect(screen.getByText('A field marker has no end (\u2068cc_1_0_st4\u2069): its text cannot be told apart from what follows.')).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Trainer notes/ }));
    await user.click(screen.getByRole('button', { name: 'Apply 1 change' }));
    expect(fake.invoke).toHaveBeenCalledWith('roundtrip:apply', { previewId: '00000000-0000-4000-8000-000000000000', as: 'overrides', names: ['cc_1_0_sm1'] });
    expect(onApplied).toHaveBeenCalled();
  });

  it('sends every change to the library when the user chooses it', async () => {
    const user = userEvent.setup();
    const { fake } = setup(preview('course'));
    await user.click(screen.getByRole('radio', { name: 'The library modules (a new revision of each)' }));
    expect(screen.getByRole('checkbox', { name: /trainer activity/ })).toBeEnabled();
    await user.click(screen.getByRole('button', { name: 'Apply 3 changes' }));
    expect(fake.invoke).toHaveBeenCalledWith('roundtrip:apply', expect.objectContaining({ as: 'library', names: ['cc_1_0_sm1', 'cc_1_0_st1', 'cc_1_0_tn'] }));
  });

  it('offers only the library for a module document', () => {
    setup(preview('module'));
    expect(screen.getByRole('radio', { name: 'This course only (course overrides)' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: 'The library modules (a new revision of each)' })).toBeChecked();
  });
});

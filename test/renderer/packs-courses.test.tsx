import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PackPreview } from '../../shared/schemas/pack-import';
import { PackPreviewView } from '../../renderer/src/features/packs/PackPreviewView';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

const PREVIEW: PackPreview = {
  previewId: '00000000-0000-4000-8000-000000000000',
  packId: 'partner-course',
  title: 'Foundation course',
  description: '',
  publisher: 'Partner Academy',
  license: 'CC BY 4.0',
  createdAt: '2026-11-01T00:00:00.000Z',
  items: [
    { moduleId: 'hr-foundations', title: 'Human rights foundations', language: 'en', revision: 1, localRevision: 1, status: 'identical', defaultAction: 'keep-mine', fields: [], warnings: [] },
  ],
  curricula: [
    { curriculumId: 'foundation-course', title: 'Partner foundation course', language: 'en', modules: 9, importAs: 'foundation-course-partner-academy' },
    { curriculumId: 'half-a-course', title: 'Half a course', modules: 0, importAs: 'half-a-course', problem: 'It is not a valid curriculum: days: Required' },
  ],
  newReferences: 0,
};

function setup() {
  const fake = fakeBridge({ 'pack:import': () => ({ written: [], kept: ['hr-foundations'], curricula: [{ from: 'foundation-course', curriculumId: 'foundation-course-partner-academy' }], basesRecorded: [], dryRun: false, saved: true }) });
  setBridge(fake.bridge);
  const onImported = vi.fn();
  render(<PackPreviewView preview={PREVIEW} onCancel={vi.fn()} onImported={onImported} />);
  return { fake, onImported };
}

describe('the courses a pack carries, in its preview', () => {
  it('offers the valid ones, ticked, and imports them even when no module changes, once the invalid one is left out', async () => {
    const user = userEvent.setup();
    const { fake, onImported } = setup();
    expect(screen.getByRole('checkbox', { name: 'Partner foundation course' })).toBeChecked();
    expect(screen.getByText('Modules: 9 · added as foundation-course-partner-academy')).toBeInTheDocument();
    expect(screen.getByText('Cannot be imported: It is not a valid curriculum: days: Required')).toBeInTheDocument();
    // The invalid course blocks the import until the user leaves it out explicitly.
    expect(screen.getByRole('button', { name: 'Import the chosen courses' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('This pack carries a course that cannot be imported. Leave it out to import the rest, or cancel.');
    await user.click(screen.getByRole('checkbox', { name: 'Leave “Half a course” out and import the rest of the pack' }));
    await user.click(screen.getByRole('button', { name: 'Import the chosen courses' }));
    expect(fake.invoke).toHaveBeenCalledWith('pack:import', {
      previewId: PREVIEW.previewId,
      decisions: { 'hr-foundations': { action: 'keep-mine' } },
      curricula: ['foundation-course'],
      leaveOut: ['half-a-course'],
    });
    expect(onImported).toHaveBeenCalledWith(expect.objectContaining({ curricula: [{ from: 'foundation-course', curriculumId: 'foundation-course-partner-academy' }] }));
  });

  it('says there is nothing to import when the course is unticked, the other left out and no module changes', async () => {
    const user = userEvent.setup();
    setup();
    await user.click(screen.getByRole('checkbox', { name: 'Partner foundation course' }));
    await user.click(screen.getByRole('checkbox', { name: 'Leave “Half a course” out and import the rest of the pack' }));
    expect(screen.getByRole('button', { name: 'Done: nothing to import' })).toBeEnabled();
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { compareFields } from '../../shared/domain/packs/three-way';
import { ModuleSchema, type Lesson, type Module } from '../../shared/schemas/module';
import type { PackPreview, PreviewItem } from '../../shared/schemas/pack-import';
import { PackPreviewView } from '../../renderer/src/features/packs/PackPreviewView';
import { setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

const base = ModuleSchema.parse(JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/library/modules/ethics-integrity.json'), 'utf8')));
const first = base.lessons[0]!;
const code = first.code;
const withLesson = (m: Module, change: Partial<Lesson>): Module => ({ ...m, lessons: m.lessons.map((l, i) => (i === 0 ? { ...l, ...change } : l)) });

function item(status: PreviewItem['status'], theirs: Module, mine: Module, merge: Module | undefined): PreviewItem {
  return {
    moduleId: base.id,
    title: base.title,
    language: 'en',
    revision: 3,
    localRevision: 2,
    status,
    defaultAction: status === 'merge' ? 'merge' : 'keep-mine',
    fields: compareFields(merge, theirs, mine),
    warnings: [],
  };
}

function preview(items: PreviewItem[]): PackPreview {
  return { previewId: '00000000-0000-4000-8000-000000000000', packId: 'p', title: 'Partner pack', description: '', publisher: 'Partner', license: 'CC BY 4.0', createdAt: '2026-11-01T00:00:00.000Z', items, curricula: [], newReferences: 0 };
}

function setup(p: PackPreview) {
  const fake = fakeBridge({ 'pack:import': () => ({ written: [], kept: [], curricula: [], basesRecorded: [], dryRun: false, saved: false }) });
  setBridge(fake.bridge);
  render(<PackPreviewView preview={p} onCancel={vi.fn()} onImported={vi.fn()} />);
  return fake;
}

describe('the pack preview shows content, not field names', () => {
  it('explains the revisions and shows each changed field before and after, lists as lists and steps as a table', async () => {
    const user = userEvent.setup();
    const theirs = withLesson({ ...base, summary: 'The **partner** summary.', learningOutcomes: [...base.learningOutcomes, 'Report misconduct'] }, { steps: first.steps.map((s, i) => (i === 0 ? { ...s, minutes: s.minutes + 5, range: undefined } : s)) });
    setup(preview([item('changed', theirs, base, undefined)]));
    expect(screen.getByText('The pack has revision 3 of this module; your library has revision 2.')).toBeInTheDocument();
    await user.click(screen.getByText('Show what differs: 3 fields'));

    const summary = screen.getByRole('region', { name: 'Summary' });
    expect(within(summary).getByText('Yours (in your library)')).toBeInTheDocument();
    expect(within(summary).getByText('Theirs (in the pack)')).toBeInTheDocument();
    // Markdown shown as text: the emphasis is a <strong>, not asterisks.
    expect(within(summary).getByText('partner').tagName).toBe('STRONG');
    expect(within(summary).getByText(/^A three-lesson module on police ethics/)).toBeInTheDocument();

    const outcomes = screen.getByRole('region', { name: 'Learning outcomes' });
    expect(within(outcomes).getAllByRole('list')).toHaveLength(2);
    expect(within(outcomes).getByText('Report misconduct').closest('li')).toHaveClass('pack-value__changed');

    const steps = screen.getByRole('region', { name: `Lesson ${code} · Steps` });
    const tables = within(steps).getAllByRole('table');
    expect(tables).toHaveLength(2);
    expect(within(tables[1]!).getAllByRole('row')).toHaveLength(first.steps.length + 1);
    expect(within(tables[1]!).getByText(String(first.steps[0]!.minutes + 5))).toBeInTheDocument();
  });

  it('shows base, yours and theirs per field in a merge, and sends the side chosen for a conflict', async () => {
    const user = userEvent.setup();
    const theirs = withLesson({ ...base, title: 'Integrity (2027 edition)' }, { aim: 'The partner’s new aim.' });
    const mine = withLesson({ ...base, title: 'Integrity at our academy' }, { trainerNotes: 'Use the Station 4 case.' });
    const fake = setup(preview([item('merge', theirs, mine, base)]));
    // A merge with a conflict opens on its fields.
    const title = screen.getByRole('region', { name: 'Title' });
    expect(within(title).getByText('changed on both sides: choose below (yours is kept unless you choose theirs)')).toBeInTheDocument();
    for (const text of ['Before (last imported)', 'Yours', 'Theirs', base.title, 'Integrity at our academy', 'Integrity (2027 edition)']) expect(within(title).getByText(text)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: `Lesson ${code} · Aim` })).toHaveTextContent('changed by the partner: theirs is taken');
    expect(screen.getByRole('region', { name: `Lesson ${code} · Trainer notes` })).toHaveTextContent('changed by you: yours is kept');
    expect(within(title).getByRole('radio', { name: 'Keep mine' })).toBeChecked();
    await user.click(within(title).getByRole('radio', { name: 'Take theirs' }));
    await user.click(screen.getByRole('button', { name: 'Import 1 module' }));
    expect(fake.invoke).toHaveBeenCalledWith('pack:import', expect.objectContaining({ decisions: { [base.id]: { action: 'merge', fields: { title: 'theirs' } } } }));
  });
});

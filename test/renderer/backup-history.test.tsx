import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { BackupHistory } from '../../renderer/src/components/BackupHistory';
import { setBridge } from '../../renderer/src/lib/bridge';
import type { BackupInfo } from '../../shared/schemas/store';
import { fakeBridge, HEALTHY } from './fakes/fake-bridge';

const backup = (stamp: string, title: string, revision: number, loadable = true): BackupInfo => ({
  id: `library/modules/arrest.${stamp}.json`,
  document: 'library',
  file: 'library/modules/arrest.json',
  subject: { kind: 'module', id: 'arrest' },
  title,
  revision,
  createdAt: '2026-12-01T09:00:00.000Z',
  bytes: 1000,
  schemaVersion: 4,
  loadable,
  ...(loadable ? {} : { problem: 'not valid JSON' }),
});

describe("a module's history of backups", () => {
  it('lists the kept versions newest first, and restores one after asking, then reloads', async () => {
    const user = userEvent.setup();
    const older = backup('20261201T090000000Z', 'Arrest (first wording)', 1);
    const newer = backup('20261202T090000000Z', 'Arrest (second wording)', 2);
    const damaged = backup('20261203T090000000Z', 'Arrest', 3, false);
    const fake = fakeBridge({ 'store:backups': () => [older, newer, damaged], 'store:restore': () => HEALTHY });
    setBridge(fake.bridge);
    const onRestored = vi.fn();
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    render(<BackupHistory which={{ module: 'arrest' }} headingId="h" onRestored={onRestored} />);
    const items = await screen.findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringContaining('revision 3') as string,
      expect.stringContaining('Arrest (second wording)') as string,
      expect.stringContaining('Arrest (first wording)') as string,
    ]);
    expect(within(items[0] as HTMLElement).getByRole('button', { name: 'Restore' })).toBeDisabled();
    expect(fake.invoke).toHaveBeenCalledWith('store:backups', { module: 'arrest' });
    await user.click(within(items[2] as HTMLElement).getByRole('button', { name: 'Restore' }));
    await waitFor(() => {
      expect(onRestored).toHaveBeenCalled();
    });
    expect(fake.invoke).toHaveBeenCalledWith('store:restore', { backupId: older.id });
  });

  it('restores nothing when the question is declined, and shows a refusal plainly', async () => {
    const user = userEvent.setup();
    const only = backup('20261201T090000000Z', 'Arrest', 1);
    const fake = fakeBridge({
      'store:backups': () => [only],
      'store:restore': () => {
        throw new Error('disk full');
      },
    });
    setBridge(fake.bridge);
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    render(<BackupHistory which={{ course: 'c1' }} headingId="h" onRestored={vi.fn()} />);
    await user.click(await screen.findByRole('button', { name: 'Restore' }));
    expect(fake.invoke).not.toHaveBeenCalledWith('store:restore', expect.anything());
    confirm.mockReturnValue(true);
    await user.click(screen.getByRole('button', { name: 'Restore' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/disk full/);
  });
});

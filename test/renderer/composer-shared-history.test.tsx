import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../renderer/src/features/composer/Composer';
import { composerBackend, curriculum, moduleItem } from './composer-fixture';
import { entry } from './fixtures/sync';

describe("a course's shared history in the composer", () => {
  it('sits beside the history of backups on the Details tab, saves the waiting edit first, and reloads the restored course', async () => {
    const user = userEvent.setup();
    const version = entry('7', { revision: null, title: 'Test course', message: 'Changed Test course', author: { name: 'Designer B', email: 'b@academy.example' } });
    // What had been saved when the restore arrived.
    let savedAtRestore: string | undefined;
    const backend = composerBackend(curriculum([moduleItem('hr-foundations')]), {
      'history:list': () => ({ available: true, entries: [version] }),
      'history:restore': () => {
        savedAtRestore = backend.stored().aim;
        return { subject: { course: 'test-course' }, from: version.commit, revision: null };
      },
    });
    const onOpen = vi.fn();
    const { rerender } = render(<Composer curriculumId="test-course" onOpen={onOpen} />);
    await screen.findByRole('heading', { level: 1, name: 'Test course' });
    await user.click(screen.getByRole('tab', { name: 'Details' }));
    expect(screen.getByRole('heading', { name: 'History of backups' })).toBeVisible();
    const shared = screen.getByRole('region', { name: 'Shared history' });
    const item = await within(shared).findByRole('listitem');
    expect(item).toHaveTextContent('Designer B');

    await user.click(screen.getByRole('textbox', { name: 'Course aim' }));
    await user.paste('An aim typed just before the restore.');
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    const reads = () => backend.fake.invoke.mock.calls.filter(([channel]) => channel === 'curriculum:get').length;
    const readsBefore = reads();
    await user.click(within(item).getByRole('button', { name: 'Restore' }));
    // The course is read again into a fresh editing session, which stays on the Details tab and keeps the
    // notice with its undo.
    await waitFor(() => {
      expect(reads()).toBeGreaterThan(readsBefore);
    });
    expect(await screen.findByText(/The version from .* is back\. It will be shared at the next sync\./)).toBeVisible();
    expect(screen.getByRole('tab', { name: 'Details' })).toHaveAttribute('aria-selected', 'true');
    const sharedAfter = screen.getByRole('region', { name: 'Shared history' });
    expect(within(sharedAfter).getByRole('button', { name: 'Undo' })).toBeEnabled();
    // The edit was saved before the restore replaced the course, so it is the version the restore keeps.
    expect(savedAtRestore).toBe('An aim typed just before the restore.');
    expect(backend.fake.invoke).toHaveBeenCalledWith('history:restore', { course: 'test-course', commit: version.commit });

    // Another course opened in the same view starts on its outline, without this course's notice.
    rerender(<Composer curriculumId="another-course" onOpen={onOpen} />);
    await waitFor(() => {
      expect(screen.getByRole('tab', { name: 'Outline' })).toHaveAttribute('aria-selected', 'true');
    });
    expect(screen.queryByText(/The version from .* is back/)).not.toBeInTheDocument();
  }, 30_000);
});

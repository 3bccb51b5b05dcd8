import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from '../../renderer/src/features/composer/Composer';
import { composerBackend, curriculum, moduleItem, session } from './composer-fixture';

const SAVED = { timeout: 3000 };

async function openComposer() {
  const backend = composerBackend(curriculum([session('opening', 60), moduleItem('hr-foundations'), moduleItem('use-of-force-firearms'), session('closing', 30)]));
  render(<Composer curriculumId="test-course" onOpen={vi.fn()} />);
  await screen.findByRole('heading', { level: 1, name: 'Test course' });
  return backend;
}

describe('the course package in the composer', () => {
  it('writes the aim, an outcome served by a lesson objective, and an assessment strategy, and saves them', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    await user.click(screen.getByRole('tab', { name: 'Details' }));
    await user.click(screen.getByRole('textbox', { name: 'Course aim' }));
    await user.paste('Recruits police with respect for rights.');
    await user.click(screen.getByRole('button', { name: 'Add a learning outcome' }));
    const outcome = screen.getByRole('textbox', { name: 'Outcome 1' });
    await user.clear(outcome);
    await user.paste('Arrest lawfully');
    await user.click(screen.getByText('Served by 0 lesson objectives'));
    const lesson = screen.getByRole('group', { name: /^Lesson 2\.1 – / });
    await user.click(within(lesson).getAllByRole('checkbox')[0]!);
    await user.click(screen.getByRole('button', { name: 'Add an instrument' }));
    expect(screen.getByText('The weights add up to 100% (they should make 100%).')).toBeInTheDocument();
    await waitFor(() => {
      const stored = backend.stored();
      expect(stored.aim).toBe('Recruits police with respect for rights.');
      expect(stored.outcomes).toEqual([{ id: 'c1', text: 'Arrest lawfully', serves: [{ itemId: 'use-of-force-firearms', lessonCode: '4.1', objectiveId: expect.any(String) as string }] }]);
      expect(stored.assessmentStrategy.instruments).toEqual([{ name: 'New instrument', weight: 100 }]);
    }, SAVED);
  }, 30_000);

  it('plans a post-test, gives it a session that fits, and removes an item by hand', async () => {
    const user = userEvent.setup();
    const backend = await openComposer();
    await user.click(screen.getByRole('tab', { name: 'Assessment' }));
    await user.click(screen.getByRole('button', { name: 'Plan the post-test' }));
    const post = screen.getByRole('region', { name: 'Post-test' });
    expect(within(post).getByRole('status')).toHaveTextContent(/^6 items, /);
    await user.click(within(post).getByRole('button', { name: /^Add a session for it/ }));
    expect(within(post).getByText(/it fits its session “Post-test”/)).toBeInTheDocument();
    await user.click(within(post).getByRole('button', { name: 'Remove question 1' }));
    expect(within(post).getByRole('status')).toHaveTextContent(/^5 items, .*Changed by hand/);
    await waitFor(() => {
      const stored = backend.stored();
      expect(stored.assessment.postTest?.items).toHaveLength(5);
      expect(stored.items.map((i) => i.id)).toEqual(['opening', 'hr-foundations', 'use-of-force-firearms', 'post-test', 'closing']);
      expect(stored.assessment.postTest?.sessionId).toBe('post-test');
    }, SAVED);
    expect(screen.getByRole('heading', { name: /^Observed practical items \(\d+\)$/ })).toBeInTheDocument();
  }, 30_000);
});

import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ModuleEditor } from '../../renderer/src/features/module-editor/ModuleEditor';
import { ModuleSchema } from '../../shared/schemas/module';
import { library } from './module-editor-fixture';

function outlineLessons(): string[] {
  const outline = screen.getByRole('navigation', { name: 'Contents' });
  return within(within(outline).getByRole('list', { name: 'Lessons' }))
    .getAllByRole('listitem')
    .map((li) => within(li).getAllByRole('button')[0]?.textContent ?? '');
}

describe('duplicating a lesson in the module editor', { timeout: 30_000 }, () => {
  it('puts a copy with a new code right after it, opens it on its title, and undo takes it back', async () => {
    const user = userEvent.setup();
    const { module, saves } = library();
    render(<ModuleEditor moduleId={module.id} onClose={() => undefined} />);
    await screen.findByRole('heading', { level: 1 });
    const [first] = module.lessons;
    if (!first) throw new Error('no lesson');
    await user.click(screen.getByRole('button', { name: 'Duplicate lesson 1.1' }));

    expect(outlineLessons()).toEqual([`1.1 ${first.title}`, `1.4 ${first.title} (copy)`, expect.stringMatching(/^1\.2 /), expect.stringMatching(/^1\.3 /)]);
    expect(await screen.findByRole('heading', { level: 2, name: /^Lesson 1\.4:/ })).toBeInTheDocument();
    await waitFor(() => {
      expect(screen.getByRole('textbox', { name: 'Lesson title' })).toHaveFocus();
    });
    expect(screen.getByRole('textbox', { name: 'Lesson title' })).toHaveValue(`${first.title} (copy)`);

    await waitFor(
      () => {
        expect(saves.length).toBeGreaterThan(0);
      },
      { timeout: 5000 },
    );
    const saved = saves.at(-1)?.module;
    const copy = saved?.lessons[1];
    expect(saved?.lessons.map((l) => l.code)).toEqual(['1.1', '1.4', '1.2', '1.3']);
    // The same content, its own object, with its own step, handout and item ids: those are unique in a module.
    // References to the lesson's own parts follow the new ids ("[[handout:h1]]"): compared without their targets.
    const withoutIds = (lesson: typeof first) =>
      JSON.parse(
        JSON.stringify({ ...lesson, code: '', title: '', steps: lesson.steps.map((s) => ({ ...s, id: '' })), handouts: lesson.handouts.map((h) => ({ ...h, id: '' })), evaluation: lesson.evaluation.map((e) => ({ ...e, id: '' })) }).replace(
          /\[\[(step|handout|question):[a-z0-9-]+/g,
          '[[$1:',
        ),
      ) as unknown;
    // A reference to one of its own handouts now points at the copy's handout.
    const ownHandout = first.handouts[0]?.id ?? '';
    if (JSON.stringify(first).includes(`[[handout:${ownHandout}]]`)) expect(JSON.stringify(copy)).not.toContain(`[[handout:${ownHandout}]]`);
    expect(copy && withoutIds(ModuleSchema.shape.lessons.element.parse(copy))).toEqual(withoutIds(first));
    expect(ModuleSchema.safeParse(saved).success).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(outlineLessons().map((l) => l.slice(0, 3))).toEqual(['1.1', '1.2', '1.3']);
  });
});

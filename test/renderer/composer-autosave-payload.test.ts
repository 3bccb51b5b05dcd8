import { describe, expect, it } from 'vitest';
import { withoutStoredSnapshots } from '../../renderer/src/features/composer/use-curriculum-autosave';
import { curriculum, moduleItem } from '../unit/curriculum/sample';

describe('what an autosave sends', () => {
  it('leaves out the snapshots of the last saved version and keeps new ones', () => {
    const saved = curriculum([moduleItem('hr-foundations'), moduleItem('ethics-integrity')]);
    const added = moduleItem('use-of-force-firearms');
    const [first, second] = saved.items;
    if (!first || !second) throw new Error('sample items missing');
    const draft = { ...saved, items: [second, first, added] };
    const sent = withoutStoredSnapshots(draft, saved);
    expect(sent.items.map((item) => item.kind === 'module' && 'snapshot' in item)).toEqual([false, false, true]);
    expect(sent.items.map((item) => item.id)).toEqual(['ethics-integrity', 'hr-foundations', 'use-of-force-firearms']);
    // A snapshot replaced by an update (another object) is sent, even for the same item.
    if (first.kind !== 'module') throw new Error('sample item is not a module');
    const updated = { ...first, snapshot: { ...first.snapshot } };
    expect(withoutStoredSnapshots({ ...saved, items: [updated] }, saved).items[0]).toHaveProperty('snapshot');
  });
});

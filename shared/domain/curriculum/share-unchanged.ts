import type { Curriculum } from '../../schemas/curriculum';
import { sameContent } from '../packs/three-way';

/**
 * The saved course with every part that did not change replaced by the stored object it equals.
 *
 * The composer sends the whole course on each autosave, so every item and field arrives as a new object
 * even when one step's minutes changed. Stored data is frozen and what is computed from it (checks,
 * placeholder scans, overridden lessons, the web harness's encoded answers) is kept by object identity:
 * sharing the unchanged parts keeps all of that valid, and the store skips re-validating them.
 */
export function shareUnchanged(next: Curriculum, stored: Curriculum): Curriculum {
  const storedItems = new Map(stored.items.map((item) => [item.id, item]));
  const items = next.items.map((item) => {
    const old = storedItems.get(item.id);
    return old && sameContent(item, old) ? old : item;
  });
  const sameItems = items.length === stored.items.length && items.every((item, i) => item === stored.items[i]);
  const shared: Record<string, unknown> = { ...next, items: sameItems ? stored.items : items };
  for (const [key, value] of Object.entries(shared)) {
    if (key === 'items' || value === null || typeof value !== 'object' || !Object.hasOwn(stored, key)) continue;
    const old = (stored as Record<string, unknown>)[key];
    if (sameContent(value, old)) shared[key] = old;
  }
  return shared as Curriculum;
}

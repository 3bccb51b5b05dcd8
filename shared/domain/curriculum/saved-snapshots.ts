import { AppError } from '../../errors';
import type { SavedCurriculum } from '../../schemas/curricula';
import type { Curriculum, CurriculumItem, ModuleItem } from '../../schemas/curriculum';

/**
 * Items as saved, with the snapshots the editor left out taken from the stored course: the same item, or
 * another item of the same module at the same revision. A missing snapshot that the course does not have
 * is refused: the back end never takes one from the library behind the designer's back.
 */
export function withStoredSnapshots(items: SavedCurriculum['items'], stored: Curriculum): CurriculumItem[] {
  const storedModules = stored.items.filter((item): item is ModuleItem => item.kind === 'module');
  return items.map((item) => {
    if (item.kind === 'session' || item.snapshot) return item as CurriculumItem;
    const same = (s: ModuleItem) => s.moduleId === item.moduleId && s.revision === item.revision;
    const source = storedModules.find((s) => s.id === item.id && same(s)) ?? storedModules.find(same);
    if (!source) throw new AppError('invalid-argument', `Item "${item.id}" has no snapshot, and the stored course has none of module "${item.moduleId}" at revision ${String(item.revision)}`);
    return { ...item, snapshot: source.snapshot };
  });
}

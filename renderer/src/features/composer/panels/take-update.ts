import type { ModuleChange } from '../../../../../shared/domain/curriculum/module-diff';
import { staleOverrides } from '../../../../../shared/domain/curriculum/effective-lessons';
import type { LessonOverride, ModuleItem } from '../../../../../shared/schemas/curriculum';
import type { ModuleSummary } from '../../../../../shared/schemas/library';
import type { Module } from '../../../../../shared/schemas/module';

/**
 * The revisions when the library holds a newer version of the item's module than the course took, and
 * whether the designers already chose to keep the course's version over that very revision.
 */
export function updateAvailable(item: ModuleItem, library: ReadonlyMap<string, ModuleSummary>): { from: number; to: number; kept: boolean } | undefined {
  const current = library.get(item.moduleId);
  if (!current || current.revision <= item.revision) return undefined;
  return { from: item.revision, to: current.revision, kept: item.keptRevision !== undefined && item.keptRevision >= current.revision };
}

/** The item with the decision to keep its version over the library's `revision`, remembered with the course. */
export function keepVersion(item: ModuleItem, revision: number): ModuleItem {
  return revision > item.revision ? { ...item, keptRevision: revision } : item;
}

export type StaleOverride = { lessonCode: string; step?: number };

/**
 * The item on the library's newer revision. Local changes are kept where their lesson (and step) still
 * exist; the others no longer apply and are dropped, and returned so the designer is told which.
 */
export function takeUpdate(item: ModuleItem, module: Module): { item: ModuleItem; dropped: StaleOverride[] } {
  // A decision to keep an older version no longer applies once the update is taken.
  const { lessonOrder, keptRevision: _kept, ...rest } = item;
  const candidate: ModuleItem = { ...rest, moduleId: module.id, revision: module.revision, snapshot: module, ...(lessonOrder ? { lessonOrder } : {}) };
  const dropped = staleOverrides(candidate);
  const steps = new Map(module.lessons.map((l) => [l.code, l.steps.length]));
  const lessons = item.lessons.flatMap((override): LessonOverride[] => {
    const count = steps.get(override.lessonCode);
    if (count === undefined) return [];
    const { stepMinutes, ...others } = override;
    const kept = stepMinutes?.filter((s) => s.step < count) ?? [];
    const next: LessonOverride = kept.length > 0 ? { ...others, stepMinutes: kept } : others;
    return Object.keys(next).length > 1 ? [next] : [];
  });
  const order = lessonOrder?.filter((code) => steps.has(code)) ?? [];
  return { item: { ...rest, moduleId: module.id, revision: module.revision, snapshot: module, lessons, ...(order.length > 0 ? { lessonOrder: order } : {}) }, dropped };
}

/**
 * Lessons whose changed step durations are kept but should be looked at: their steps were added or removed,
 * and durations are kept by step position.
 */
export function overridesToReview(item: ModuleItem, changes: readonly ModuleChange[]): string[] {
  const moved = new Set(changes.filter((c) => c.code === 'step-added' || c.code === 'step-removed').map((c) => c.lessonCode));
  return item.lessons.filter((o) => (o.stepMinutes?.length ?? 0) > 0 && moved.has(o.lessonCode)).map((o) => o.lessonCode);
}

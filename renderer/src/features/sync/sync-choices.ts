import type { FieldChoice } from '../../../../shared/domain/packs/three-way';
import type { SyncChoices, SyncConflict } from '../../../../shared/schemas/sync';

/** The user's choice for one conflict: the whole item from one side, or a side per conflicting field. */
export type ConflictChoice = { take: FieldChoice } | { fields: ReadonlyMap<string, FieldChoice> };

/** Conflicts are told apart by kind and id (a module and a course may share an id). */
export const conflictKey = (conflict: SyncConflict): string => `${conflict.kind}:${conflict.id}`;

/**
 * What is chosen before the user changes anything: mine everywhere, as in a pack merge, so that no local
 * edit goes unless the user takes the other side. Every conflicting field gets a choice: a field left
 * without one would keep its conflict open.
 */
export function initialChoices(conflicts: readonly SyncConflict[]): Map<string, ConflictChoice> {
  return new Map(
    conflicts.map((conflict): [string, ConflictChoice] => [
      conflictKey(conflict),
      conflict.choose === 'fields' ? { fields: new Map(conflict.conflicts.map((key) => [key, 'mine'])) } : { take: 'mine' },
    ]),
  );
}

const BUCKETS = { module: 'modules', course: 'courses', reference: 'references' } as const;

/** The choices as `sync:resolve` takes them, grouped by kind and keyed by id. */
export function toSyncChoices(conflicts: readonly SyncConflict[], choices: ReadonlyMap<string, ConflictChoice>): SyncChoices {
  const grouped: SyncChoices = { modules: {}, courses: {}, references: {} };
  for (const conflict of conflicts) {
    const choice = choices.get(conflictKey(conflict));
    if (!choice) continue;
    grouped[BUCKETS[conflict.kind]][conflict.id] = 'take' in choice ? { take: choice.take } : { fields: Object.fromEntries(choice.fields) };
  }
  return grouped;
}

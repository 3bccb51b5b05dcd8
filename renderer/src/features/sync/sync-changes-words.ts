import { isolate } from '../../lib/bidi';
import type { SyncChanges } from '../../../../shared/schemas/sync';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * What a finished sync did, in sentences: what was sent and received, what was merged field by field, and
 * which courses now offer an update (they never change by themselves).
 */
export function syncChangesWords(changes: SyncChanges, t: Translate): string[] {
  const { modules, courses } = changes.received;
  const received = [
    modules.added.length > 0 ? t('sync.done.modulesAdded', { count: modules.added.length }) : null,
    modules.changed.length > 0 ? t('sync.done.modulesChanged', { count: modules.changed.length }) : null,
    modules.removed.length > 0 ? t('sync.done.modulesRemoved', { count: modules.removed.length }) : null,
    courses.added.length + courses.changed.length + courses.removed.length > 0
      ? t('sync.done.courses', { count: courses.added.length + courses.changed.length + courses.removed.length })
      : null,
  ].filter((part): part is string => part !== null);
  const lines = [
    changes.pushed ? t('sync.done.sent') : null,
    received.length > 0 ? t('sync.done.received', { list: received.join(', ') }) : null,
    changes.merged.length > 0 ? t('sync.done.merged', { count: changes.merged.length }) : null,
    changes.coursesWithUpdates.length > 0
      ? t('sync.done.updates', { count: changes.coursesWithUpdates.length, titles: changes.coursesWithUpdates.map((c) => isolate(c.title)).join(', ') })
      : null,
  ].filter((line): line is string => line !== null);
  return lines.length > 0 ? lines : [t('sync.done.nothing')];
}

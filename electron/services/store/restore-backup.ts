/**
 * Restoring a backup into a document that loads: the backup's content becomes an ordinary change, validated
 * and saved like any other (so the version it replaces is itself backed up, and restoring is undoable).
 */
import { AppError } from '../../../shared/errors';
import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { LibraryData } from '../../../shared/schemas/library';
import type { Module } from '../../../shared/schemas/module';
import type { Settings } from '../../../shared/schemas/settings';
import type { BackupInfo } from '../../../shared/schemas/store';
import { decodeBackup } from './backups';
import { classifyFile, type CurriculaIndex, type LibraryIndex, type StoredCurriculum } from './file-definitions';
import type { Store } from './store';

const replaceOrAdd = <T extends { id: string }>(list: readonly T[], item: T): T[] =>
  list.some((x) => x.id === item.id) ? list.map((x) => (x.id === item.id ? item : x)) : [...list, item];

export async function restoreIntoStore(store: Store, backup: BackupInfo, text: string): Promise<void> {
  const what = classifyFile(backup.file);
  if (!what) throw new AppError('invalid-argument', `${backup.id} is not a backup of a data file`);
  const data = decodeBackup(text, what.kind, backup.file);
  switch (what.kind) {
    case 'settings':
      await store.update('settings', () => data as Settings);
      return;
    case 'legacyLibrary':
      await store.update('library', () => data as LibraryData);
      return;
    case 'legacyCurricula':
      await store.update('curricula', () => data as CurriculaData);
      return;
    case 'libraryIndex': {
      const index = data as LibraryIndex;
      await store.update('library', ({ lastImport: _last, ...library }) => ({ ...library, ...index }));
      return;
    }
    case 'curriculaIndex': {
      const index = data as CurriculaIndex;
      await store.update('curricula', (curricula) => ({ ...curricula, archived: index.archived.filter((id) => curricula.curricula.some((c) => c.id === id)) }));
      return;
    }
    case 'module':
      await store.update('library', (library) => ({ ...library, modules: replaceOrAdd(library.modules, asNewRevision(data as Module, library.modules)) }));
      return;
    case 'upstream':
      await store.update('library', (library) => ({ ...library, upstream: replaceOrAdd(library.upstream, data as Module) }));
      return;
    case 'curriculum': {
      const course = await store.courseWithSnapshots(data as StoredCurriculum);
      // A new updatedAt: an editor open on the course sees that it changed and does not save over it.
      const restored: Curriculum = { ...course, updatedAt: new Date().toISOString() };
      await store.update('curricula', (curricula) => ({ ...curricula, curricula: replaceOrAdd(curricula.curricula, restored) }));
      return;
    }
  }
}

/**
 * An older version put back is a new revision of the module when the module still exists: courses that hold
 * the current one are then offered the restored text as an update, and nothing downstream mistakes it for
 * the revision it replaced.
 */
function asNewRevision(module: Module, modules: readonly Module[]): Module {
  const current = modules.find((m) => m.id === module.id);
  return current ? { ...module, revision: Math.max(current.revision, module.revision) + 1 } : module;
}

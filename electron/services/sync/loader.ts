/**
 * Reads modules, courses and the reference list out of the repository, validated as the store validates its
 * own files (schema, migrations, the id the file name promises). Everything read here may come from the
 * remote, so a problem is reported as the remote's (sync-hostile), naming the file.
 */
import { AppError } from '../../../shared/errors';
import type { Curriculum, CurriculumItem } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import { sha256Of } from '../store/document-files';
import { decodeFile, FILE_DEFINITIONS } from '../store/file-definitions';
import { idOfFileName, snapshotFile } from '../store/layout';
import { REFERENCES_DEFINITION } from './files';
import { readRemoteText } from './remote-tree';
import type { FlatTree, LocalRepo } from './repo';

export type Loader = {
  module(oid: string, path: string): Promise<Module>;
  /** A course with its snapshots, read from the tree the course file is in. */
  course(oid: string, path: string, tree: FlatTree): Promise<Curriculum>;
  references(oid: string): Promise<Reference[]>;
};

const refused = (path: string, error: unknown): AppError =>
  error instanceof AppError && error.code === 'sync-hostile'
    ? error
    : new AppError('sync-hostile', `The shared library was refused: ${path} is not valid (${(error as Error).message}). Nothing was taken from it.`);

export function repoLoader(repo: LocalRepo): Loader {
  const modules = new Map<string, Module>();
  const decode = async <T>(oid: string, path: string, parse: (text: string) => T): Promise<T> => {
    try {
      return parse(await readRemoteText(repo, oid, path));
    } catch (error) {
      throw refused(path, error);
    }
  };
  /** A module file of the library, or (`snapshot`) a course's module snapshot, which the store writes as a curricula file. */
  const module = async (oid: string, path: string, kind: 'module' | 'snapshot' = 'module'): Promise<Module> => {
    const known = modules.get(oid);
    if (known) return known;
    const decoded = await decode(oid, path, (text) => decodeFile(text, FILE_DEFINITIONS[kind], path));
    const id = idOfFileName(path.slice(path.lastIndexOf('/') + 1));
    if (id !== null && path.startsWith('library/') && decoded.id !== id) throw refused(path, new Error(`it holds the module "${decoded.id}", not "${id}"`));
    modules.set(oid, decoded);
    return decoded;
  };
  return {
    module,
    async course(oid, path, tree) {
      const stored = await decode(oid, path, (text) => decodeFile(text, FILE_DEFINITIONS.curriculum, path));
      const id = idOfFileName(path.slice(path.lastIndexOf('/') + 1));
      if (stored.id !== id) throw refused(path, new Error(`it holds the course "${stored.id}", not "${String(id)}"`));
      const items: CurriculumItem[] = [];
      for (const item of stored.items) {
        if (item.kind !== 'module') {
          items.push(item);
          continue;
        }
        const snapshotPath = snapshotFile(item.snapshot.id, item.snapshot.revision, item.snapshot.sha256);
        const entry = tree.get(snapshotPath);
        if (!entry) throw refused(path, new Error(`it names the module snapshot ${snapshotPath}, which is not in the shared library`));
        const text = await decode(entry.oid, snapshotPath, (t) => t);
        if (sha256Of(text) !== item.snapshot.sha256) throw refused(snapshotPath, new Error('its content does not match the hash in its name'));
        const snapshot = await module(entry.oid, snapshotPath, 'snapshot');
        if (snapshot.id !== item.snapshot.id || snapshot.revision !== item.snapshot.revision) throw refused(snapshotPath, new Error(`it holds ${snapshot.id} r${String(snapshot.revision)}`));
        items.push({ ...item, snapshot });
      }
      return { ...stored, items };
    },
    async references(oid) {
      return (await decode(oid, 'library/references.json', (text) => decodeFile(text, REFERENCES_DEFINITION, 'library/references.json'))).references;
    },
  };
}

import { randomUUID } from 'node:crypto';
import { slugify } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/errors';
import { PACK_EXTENSION } from '../../../shared/schemas/pack';
import type { Store } from '../store/store';
import { packBytes, type PackMeta } from './pack-writer';

export type ExportRequest = Omit<PackMeta, 'packId' | 'appVersion' | 'createdAt'> & {
  moduleIds: readonly string[];
  /** A whole curriculum: its JSON goes into the pack with the modules as the curriculum uses them (snapshots). */
  curriculumId?: string;
  /** A publisher's own id for the pack; without one each export gets a new random id. */
  packId?: string;
  /** ISO date-time; defaults to the content's newest date when `packId` is given, else to now. */
  createdAt?: string;
};

/**
 * Builds a pack of library modules (with the references they cite) and names its file after its title.
 * With a `packId` the pack is reproducible: the same content gives the same bytes, since its date then
 * comes from the content (the newest updatedAt of its modules and curriculum) unless `createdAt` is given.
 */
export async function exportPack(store: Store, request: ExportRequest, appVersion: string): Promise<{ fileName: string; bytes: Buffer; modules: number }> {
  const library = store.read('library');
  const curriculum = request.curriculumId === undefined ? undefined : store.read('curricula').curricula.find((c) => c.id === request.curriculumId);
  if (request.curriculumId !== undefined && !curriculum) throw new AppError('not-found', `No curriculum with id "${request.curriculumId}"`);
  const fromCurriculum = curriculum ? curriculum.items.flatMap((item) => (item.kind === 'module' ? [item.snapshot] : [])) : [];
  const modules = [
    ...fromCurriculum,
    ...request.moduleIds
      .filter((id) => !fromCurriculum.some((m) => m.id === id))
      .map((id) => {
        const module = library.modules.find((m) => m.id === id);
        if (!module) throw new AppError('not-found', `No module with id "${id}" in the library`);
        return module;
      }),
  ];
  if (modules.length === 0) throw new AppError('invalid-argument', 'Choose at least one module or a curriculum with modules');
  const { moduleIds: _ids, curriculumId: _curriculum, packId, createdAt: chosenDate, ...meta } = request;
  const newest = [...modules.map((m) => m.updatedAt), ...(curriculum ? [curriculum.updatedAt] : [])].reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b));
  const createdAt = chosenDate ?? (packId === undefined ? undefined : newest);
  const { bytes } = await packBytes({
    modules,
    references: library.references,
    ...(curriculum ? { curricula: [curriculum] } : {}),
    meta: { ...meta, packId: packId ?? randomUUID(), appVersion, ...(createdAt === undefined ? {} : { createdAt }) },
  });
  return { fileName: `${slugify(request.title) || 'module-pack'}${PACK_EXTENSION}`, bytes, modules: modules.length };
}

import { randomUUID } from 'node:crypto';
import { slugify } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/errors';
import { PACK_EXTENSION } from '../../../shared/schemas/pack';
import type { Store } from '../store/store';
import { packBytes, type PackMeta } from './pack-writer';

export type ExportRequest = Omit<PackMeta, 'packId' | 'appVersion' | 'createdAt'> & { moduleIds: readonly string[]; packId?: string };

/** Builds a pack of library modules (with the references they cite) and names its file after its title. */
export async function exportPack(store: Store, request: ExportRequest, appVersion: string): Promise<{ fileName: string; bytes: Buffer; modules: number }> {
  const library = store.read('library');
  const modules = request.moduleIds.map((id) => {
    const module = library.modules.find((m) => m.id === id);
    if (!module) throw new AppError('not-found', `No module with id "${id}" in the library`);
    return module;
  });
  const { moduleIds: _ids, packId, ...meta } = request;
  const { bytes } = await packBytes({
    modules,
    references: library.references,
    meta: { ...meta, packId: packId ?? randomUUID(), appVersion },
  });
  return { fileName: `${slugify(request.title) || 'module-pack'}${PACK_EXTENSION}`, bytes, modules: modules.length };
}

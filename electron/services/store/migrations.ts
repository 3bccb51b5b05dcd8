import { upgradeCurriculumSnapshots, upgradeModule } from '../../../shared/domain/module-upgrade';
import { AppError } from '../../../shared/errors';

export type RawDocument = Record<string, unknown>;
/** One step of a data file's history: turns data of version `to - 1` into version `to`. */
export type Migration = { to: number; up: (data: RawDocument) => RawDocument };

/**
 * Brings raw data up to `currentVersion`. Migrations are append-only: a shipped step is never edited,
 * and each one has its own test fed by a frozen fixture of the version before it.
 */
export function migrate(raw: RawDocument, currentVersion: number, migrations: readonly Migration[], label: string): RawDocument {
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new AppError('store-corrupt', `${label} has no valid schemaVersion`);
  }
  if (version > currentVersion) {
    throw new AppError(
      'store-too-new',
      `${label} was written by a newer version of Curriculum Composer (data version ${version}; this app reads up to ${currentVersion}). Update the app to open it; the file has not been changed.`,
    );
  }
  let data = raw;
  let at = version;
  for (const step of migrations) {
    if (step.to <= at) continue;
    if (step.to !== at + 1) throw new AppError('internal', `${label}: no migration from version ${at} to ${at + 1}`);
    data = { ...step.up(data), schemaVersion: step.to };
    at = step.to;
  }
  if (at !== currentVersion) throw new AppError('internal', `${label}: migrations stop at version ${at}, expected ${currentVersion}`);
  return data;
}

/** Settings history. Version 1 is the first shipped format. */
export const SETTINGS_MIGRATIONS: readonly Migration[] = [];
export const SETTINGS_VERSION = 1;

/** Library history. Version 1 is the first shipped format. */
export const LIBRARY_MIGRATIONS: readonly Migration[] = [
  // 2: module packs. Modules imported from a pack keep the upstream version they came from; none yet.
  { to: 2, up: (data) => ({ ...data, upstream: [] }) },
  // 3: course packages. Steps, handouts and evaluation items get ids, items a kind and minutes; option
  // letters and handout numbers leave the texts (documents print them). See shared/domain/module-upgrade.ts.
  { to: 3, up: (data) => ({ ...data, modules: upgradeAll(data['modules']), upstream: upgradeAll(data['upstream']) }) },
];
export const LIBRARY_VERSION = 3;

/** Curricula history. Version 1 is the first shipped format. */
export const CURRICULA_MIGRATIONS: readonly Migration[] = [
  // 2: course packages. Module snapshots get the same upgrade as the library's modules (library 3).
  {
    to: 2,
    up: (data) => ({ ...data, curricula: Array.isArray(data['curricula']) ? data['curricula'].map(upgradeCurriculumSnapshots) : data['curricula'] }),
  },
];
export const CURRICULA_VERSION = 2;

function upgradeAll(modules: unknown): unknown {
  return Array.isArray(modules) ? modules.map(upgradeModule) : modules;
}

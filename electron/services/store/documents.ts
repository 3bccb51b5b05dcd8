import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { CurriculaDataSchema, type CurriculaData } from '../../../shared/schemas/curricula';
import { curriculumWithItems, moduleItemWithSnapshot, type Curriculum } from '../../../shared/schemas/curriculum';
import { IdSchema } from '../../../shared/schemas/common';
import { LastImportSchema, LibraryDataSchema, type LibraryData } from '../../../shared/schemas/library';
import { ModuleSchema, type Module } from '../../../shared/schemas/module';
import { ReferenceSchema } from '../../../shared/schemas/reference';
import { SettingsSchema } from '../../../shared/schemas/settings';
import type { DocumentName } from '../../../shared/schemas/store';
import {
  CURRICULA_MIGRATIONS,
  CURRICULA_VERSION,
  LIBRARY_MIGRATIONS,
  LIBRARY_VERSION,
  migrate,
  SETTINGS_MIGRATIONS,
  SETTINGS_VERSION,
  type Migration,
} from './migrations';
import { parseJsonText, withoutByteOrderMark } from '../../../shared/domain/json-text';

/** How one data file is named, validated and migrated. */
export type DocumentDefinition<T> = {
  name: DocumentName;
  fileName: string;
  schema: z.ZodType<T>;
  version: number;
  migrations: readonly Migration[];
  /**
   * Validates changed data, skipping parts already validated (`isKnown`). Without it the whole document is
   * parsed on every save, which costs tens of milliseconds for a library of megabytes.
   */
  parseChange?: (next: T, isKnown: (part: object) => boolean) => T;
};

const ReferencesSchema = z.array(ReferenceSchema);

/** A module or reference list that the store already validated is frozen and unchanged: reuse it. */
function parseLibraryChange(next: LibraryData, isKnown: (part: object) => boolean): LibraryData {
  const modules = (list: readonly Module[]) => list.map((module) => (isKnown(module) ? module : ModuleSchema.parse(module)));
  return {
    modules: modules(next.modules),
    references: isKnown(next.references) ? next.references : ReferencesSchema.parse(next.references),
    upstream: modules(next.upstream),
    ...(next.lastImport ? { lastImport: LastImportSchema.parse(next.lastImport) } : {}),
  };
}

const ArchivedSchema = z.array(IdSchema);

/**
 * Module snapshots validated once: frozen by the store, so they cannot have changed since. Courses share
 * them (a snapshot file is read once for all the courses that name it), and a course's autosave need not
 * re-validate its forty modules' snapshots: half a megabyte of text per save.
 */
const trustedSnapshots = new WeakSet<object>();

/** Marks a validated module (a snapshot read from its file, a library module) as needing no check again. */
export function trustSnapshot(module: Module): void {
  trustedSnapshots.add(module);
}

const TrustedSnapshotSchema = z.custom<Module>((value) => typeof value === 'object' && value !== null && trustedSnapshots.has(value), 'Not a validated module snapshot');
const CurriculumWithTrustedSnapshotsSchema = curriculumWithItems(moduleItemWithSnapshot(TrustedSnapshotSchema));

/**
 * A changed course: its new snapshots are checked as modules, then the course around them, reusing trusted
 * ones. The data comes from services and is typed, but it is checked here as if it were anything.
 */
function parseCurriculum(course: unknown, index: number, isKnown: (part: object) => boolean): Curriculum {
  const raw = course as { items?: unknown };
  const items: unknown = Array.isArray(raw.items) ? raw.items.map((item: unknown, at) => withCheckedSnapshot(item, ['curricula', index, 'items', at, 'snapshot'], isKnown)) : raw.items;
  const parsed = parseAt(CurriculumWithTrustedSnapshotsSchema, { ...(course as object), items }, ['curricula', index]);
  return keepKnownParts(parsed, course as Record<string, unknown>, items, isKnown);
}

/**
 * The parsed course with the parts that were already validated (unchanged items and fields of a saved
 * course, see share-unchanged.ts) put back in place of their parsed copies: equal in content, and keeping
 * their identity keeps what is computed from them by identity.
 */
function keepKnownParts(parsed: Curriculum, input: Record<string, unknown>, items: unknown, isKnown: (part: object) => boolean): Curriculum {
  const known = (value: unknown): value is object => typeof value === 'object' && value !== null && isKnown(value);
  const kept: Record<string, unknown> = { ...parsed };
  for (const key of Object.keys(kept)) if (key !== 'items' && known(input[key])) kept[key] = input[key];
  if (known(items)) kept['items'] = items;
  else if (Array.isArray(items)) kept['items'] = parsed.items.map((item, i) => (known(items[i]) ? (items[i] as typeof item) : item));
  return kept as Curriculum;
}

function withCheckedSnapshot(item: unknown, path: PropertyKey[], isKnown: (part: object) => boolean): unknown {
  const snapshot = (item as { kind?: unknown; snapshot?: unknown } | null)?.snapshot;
  if ((item as { kind?: unknown } | null)?.kind !== 'module' || typeof snapshot !== 'object' || snapshot === null) return item;
  if (trustedSnapshots.has(snapshot)) return item;
  if (isKnown(snapshot)) {
    // A library module the store validated and froze, taken into the course as it is.
    trustedSnapshots.add(snapshot);
    return item;
  }
  const parsed = parseAt(ModuleSchema, snapshot, path);
  trustedSnapshots.add(parsed);
  return { ...(item as object), snapshot: parsed };
}

/**
 * Only curricula that changed are parsed: each carries module snapshots, and re-validating every course on
 * every autosave would grow with the number of courses rather than with the edit.
 */
function parseCurriculaChange(next: CurriculaData, isKnown: (part: object) => boolean): CurriculaData {
  const curricula = next.curricula.map((c: Curriculum, index) => (isKnown(c) ? c : parseCurriculum(c, index, isKnown)));
  const ids = new Set<string>();
  for (const c of curricula) {
    if (ids.has(c.id)) throw new Error(`Two curricula have the id "${c.id}"`);
    ids.add(c.id);
  }
  return { curricula, archived: isKnown(next.archived) ? next.archived : parseAt(ArchivedSchema, next.archived, ['archived']) };
}

/** Parses one part of a document, reporting problems at their path in the whole document. */
function parseAt<T>(schema: z.ZodType<T>, value: unknown, path: PropertyKey[]): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new z.ZodError(result.error.issues.map((issue) => ({ ...issue, path: [...path, ...issue.path] })));
  return result.data;
}

export const DOCUMENTS = {
  settings: { name: 'settings', fileName: 'settings.json', schema: SettingsSchema, version: SETTINGS_VERSION, migrations: SETTINGS_MIGRATIONS },
  library: {
    name: 'library',
    fileName: 'library.json',
    schema: LibraryDataSchema,
    version: LIBRARY_VERSION,
    migrations: LIBRARY_MIGRATIONS,
    parseChange: parseLibraryChange,
  },
  curricula: {
    name: 'curricula',
    fileName: 'curricula.json',
    schema: CurriculaDataSchema,
    version: CURRICULA_VERSION,
    migrations: CURRICULA_MIGRATIONS,
    parseChange: parseCurriculaChange,
  },
} as const;

export type DocumentData = { [N in keyof typeof DOCUMENTS]: z.output<(typeof DOCUMENTS)[N]['schema']> };

/**
 * Turns file text into validated, migrated data, or throws an AppError whose code says what is wrong
 * (`store-corrupt` for unreadable JSON or schema failures, `store-too-new` for a newer format).
 */
export function decodeDocument<T>(text: string, definition: DocumentDefinition<T>, label = `The ${definition.name} file (${definition.fileName})`): T {
  if (withoutByteOrderMark(text).trim() === '') throw new AppError('store-corrupt', `${label} is empty`);
  let raw: unknown;
  try {
    raw = parseJsonText(text);
  } catch (error) {
    throw new AppError('store-corrupt', `${label} is not valid JSON (${(error as Error).message}); it may be truncated`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new AppError('store-corrupt', `${label} does not hold a data object`);
  const migrated = migrate(raw as Record<string, unknown>, definition.version, definition.migrations, label);
  const { schemaVersion: _version, ...body } = migrated;
  const parsed = definition.schema.safeParse(body);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new AppError('store-corrupt', `${label} does not match the expected format${where}: ${first?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/**
 * Compact JSON, for whole documents: the settings, and the library as one file where it is kept whole (the
 * snapshot before a pack import, the first layout). One-module and one-course files are pretty-printed
 * instead (file-definitions.ts): they are small, and people read and diff them.
 */
export function encodeDocument<T>(data: T, definition: DocumentDefinition<T>): string {
  return JSON.stringify({ schemaVersion: definition.version, ...(data as object) });
}

/** The definition of one document, typed by its name (TypeScript cannot narrow the union by itself). */
export function definitionOf<N extends DocumentName>(name: N): DocumentDefinition<DocumentData[N]> {
  return DOCUMENTS[name] as unknown as DocumentDefinition<DocumentData[N]>;
}

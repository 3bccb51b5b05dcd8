import { z } from 'zod';
import { IsoDateTimeSchema } from './common';

/** The data files of a data directory; each is a lowdb document with its own schemaVersion and backups. */
export const DOCUMENT_NAMES = ['settings', 'library', 'curricula'] as const;
export const DocumentNameSchema = z.enum(DOCUMENT_NAMES);
export type DocumentName = z.infer<typeof DocumentNameSchema>;

/**
 * A backup's id is its path inside the backups folder: the data file it keeps (without ".json"), a stamp and a
 * counter. "settings.20261126T175827123Z.json", "library/modules/arrest.20261126T175827123Z-1.json",
 * "curricula/_index.2026...Z.json"; "library.2026...Z.json" and "curricula.2026...Z.json" are whole-document
 * backups from the first (single-file) layout, still restorable.
 */
export const BACKUP_NAME = /^((?:library\/(?:modules\/|upstream\/)?|curricula\/)?[a-z0-9_][a-z0-9_-]{0,80})\.(\d{8}T\d{9}Z)(-\d+)?\.json$/;

/** What a backup keeps: a whole document (settings, or a first-layout file), an index file, or one module or course. */
export const BACKUP_SUBJECT_KINDS = ['document', 'index', 'module', 'upstream', 'curriculum'] as const;
export const BackupSubjectSchema = z.object({
  kind: z.enum(BACKUP_SUBJECT_KINDS),
  /** The module or course id; absent for documents and indexes. */
  id: z.string().optional(),
});
export type BackupSubject = z.infer<typeof BackupSubjectSchema>;

export const BackupInfoSchema = z.object({
  /** File name inside the backups folder; the only handle the API accepts for a restore. */
  id: z.string().regex(BACKUP_NAME),
  document: DocumentNameSchema,
  /** The data file it is a backup of, relative to the data folder ("library/modules/arrest.json"). */
  file: z.string(),
  subject: BackupSubjectSchema,
  /** Title and revision of the module or course it holds, to tell versions apart in a history list. */
  title: z.string().optional(),
  revision: z.number().int().optional(),
  createdAt: IsoDateTimeSchema,
  bytes: z.number().int().min(0),
  schemaVersion: z.number().int().nullable(),
  /** Whether this backup loads with this version of the app. */
  loadable: z.boolean(),
  problem: z.string().optional(),
});
export type BackupInfo = z.infer<typeof BackupInfoSchema>;

export const DocumentProblemSchema = z.object({
  document: DocumentNameSchema,
  file: z.string(),
  kind: z.enum(['corrupt', 'too-new', 'unreadable', 'missing']),
  message: z.string(),
  /** The newest backup that loads, offered for restore. */
  newestGoodBackup: BackupInfoSchema.nullable(),
});
export type DocumentProblem = z.infer<typeof DocumentProblemSchema>;

/** Why a data folder that loads cannot be written: the store then opens read-only (see store/read-only.ts). */
export const STORE_READ_ONLY_REASONS = ['disk-full', 'read-only-media', 'no-permission'] as const;
export const StoreReadOnlyReasonSchema = z.enum(STORE_READ_ONLY_REASONS);
export type StoreReadOnlyReason = z.infer<typeof StoreReadOnlyReasonSchema>;

export const StoreReadOnlySchema = z.object({
  reason: StoreReadOnlyReasonSchema,
  /** What happened and what to do, in English, for the CLI and logs; the UI translates `reason`. */
  message: z.string(),
});
export type StoreReadOnly = z.infer<typeof StoreReadOnlySchema>;

export const StoreStatusSchema = z.object({
  dataDir: z.string(),
  healthy: z.boolean(),
  problems: z.array(DocumentProblemSchema),
  seeded: z.boolean(),
  /** What opening did to data of an older layout (moved to the one-file-per-module layout, with the old files kept). */
  migrated: z.object({ from: z.string(), backupFolder: z.string() }).nullable().optional(),
  /** Set when the data could be read but nothing can be saved (a full disk, say); every write then fails. */
  readOnly: StoreReadOnlySchema.nullable(),
  /**
   * Documents still being read after opening (a large library is read while the app already answers from its
   * search index). Their problems, if any, appear once they are read: ask again with `settled`.
   */
  loading: z.array(DocumentNameSchema).optional(),
});
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

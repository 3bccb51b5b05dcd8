import { z } from 'zod';
import { IsoDateTimeSchema } from './common';

/** The data files of a data directory; each is a lowdb document with its own schemaVersion and backups. */
export const DOCUMENT_NAMES = ['settings', 'library', 'curricula'] as const;
export const DocumentNameSchema = z.enum(DOCUMENT_NAMES);
export type DocumentName = z.infer<typeof DocumentNameSchema>;

/** "library.20261126T175827123Z.json", "curricula.20261126T175827123Z-1.json": a document name, a stamp, a counter. */
export const BACKUP_NAME = new RegExp(`^(${DOCUMENT_NAMES.join('|')})\\.(\\d{8}T\\d{9}Z)(-\\d+)?\\.json$`);

export const BackupInfoSchema = z.object({
  /** File name inside the backups folder; the only handle the API accepts for a restore. */
  id: z.string().regex(BACKUP_NAME),
  document: DocumentNameSchema,
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
  /** Set when the data could be read but nothing can be saved (a full disk, say); every write then fails. */
  readOnly: StoreReadOnlySchema.nullable(),
});
export type StoreStatus = z.infer<typeof StoreStatusSchema>;

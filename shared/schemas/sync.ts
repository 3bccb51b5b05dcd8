/**
 * The shared library over git (issue 14): a data folder connected to a git remote, its sync status, the
 * conflicts a sync can meet, and the history of one module or course. Requests are validated here; the
 * engine (electron/services/sync/) treats the remote's content as hostile input and checks it on its own.
 */
import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema, ShortTextSchema } from './common';
import { CurriculumSchema } from './curriculum';
import { ModuleSchema } from './module';
import { FieldComparisonSchema, FieldValueSchema } from './pack-import';

/** share: commit, fetch, merge and push (designers of one library). follow: pull only (a partner's published library). */
export const SYNC_MODES = ['share', 'follow'] as const;
export const SyncModeSchema = z.enum(SYNC_MODES);
export type SyncMode = z.infer<typeof SyncModeSchema>;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** An HTTPS git remote (smart HTTP), or plain HTTP to this machine only: a token never crosses a network in clear. */
function isGitUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.username || url.password) return false; // the token is kept apart, never in the URL (which is stored in plain text)
  if (url.search || url.hash) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
}

/** An absolute folder path: POSIX ("/mnt/share/library.git"), Windows ("D:\\library.git") or a UNC share ("\\\\server\\share\\library.git"). */
function isFolderPath(value: string): boolean {
  if (value.includes('\0')) return false;
  return value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || /^\\\\[^\\]+\\[^\\]+/.test(value);
}

/** Where the shared library lives: an https:// URL of a git repository, or the absolute path of a bare repository folder. */
export const SyncRemoteSchema = z
  .string()
  .min(1)
  .max(2000)
  .refine(
    (value) => isGitUrl(value) || isFolderPath(value),
    'Give an https:// address of a git repository (without a user name or token in it), or the absolute path of a bare repository folder',
  );

export function remoteKind(remote: string): 'http' | 'folder' {
  return /^https?:\/\//i.test(remote) ? 'http' : 'folder';
}

/** Whose name and address the commits of this library carry ("asked once, in Settings"). */
export const SyncAuthorSchema = z.strictObject({
  name: ShortTextSchema.min(1).max(120),
  email: z.email().max(200),
});
export type SyncAuthor = z.infer<typeof SyncAuthorSchema>;

/** An access token for an HTTPS remote; kept by the host (OS keychain, memory, environment), never in the data folder in plain text. */
export const SyncTokenSchema = z
  .string()
  .min(1)
  .max(1000)
  .regex(/^[\x21-\x7E]+$/, 'A token is printable characters without spaces');

/** What `sync:setup` asks for. */
export const SyncSetupSchema = z.strictObject({
  remote: SyncRemoteSchema,
  mode: SyncModeSchema.default('share'),
  /** Sync the academy's courses too (curricula/ and the module snapshots they name); settings are never synced. */
  includeCourses: z.boolean().default(false),
  author: SyncAuthorSchema,
  /** Sync every N minutes while the app runs (0: only on demand). */
  autoSyncMinutes: z.number().int().min(0).max(1440).default(0),
  /**
   * HTTPS remotes: the personal access token. Left out, the host keeps the token it has (or, in the CLI, reads
   * CC_SYNC_TOKEN); null forgets it.
   */
  token: SyncTokenSchema.nullable().optional(),
  /** The user name sent with the token (Gitea, GitLab and GitHub accept any name with a personal access token). */
  username: z.string().min(1).max(100).regex(/^[^:\s]+$/, 'A user name without spaces or colons').default('oauth2'),
  /** Follow mode: the name the partner's modules carry as their publisher (default: taken from the remote's address). */
  publisher: ShortTextSchema.min(1).optional(),
});
export type SyncSetup = z.infer<typeof SyncSetupSchema>;

/** The connection as stored in the data folder (sync/config.json): no token, ever. */
export const SyncConfigSchema = z.strictObject({
  remote: SyncRemoteSchema,
  mode: SyncModeSchema,
  includeCourses: z.boolean(),
  author: SyncAuthorSchema,
  autoSyncMinutes: z.number().int().min(0).max(1440),
  username: z.string().min(1).max(100),
  publisher: ShortTextSchema.min(1),
  /** The branch synced; "main" unless the remote's default branch is another one. */
  branch: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/).default('main'),
});
export type SyncConfig = z.infer<typeof SyncConfigSchema>;

/**
 * Where the library stands against the remote, as of the last fetch. up-to-date: nothing to send or
 * receive. ahead: local changes (committed or not) to send. behind: the remote has changes to receive.
 * diverged: both. conflicts: the last sync stopped on conflicts waiting for a choice.
 */
export const SYNC_STATES = ['not-configured', 'never-synced', 'up-to-date', 'ahead', 'behind', 'diverged', 'conflicts', 'error'] as const;
export const SyncStateSchema = z.enum(SYNC_STATES);
export type SyncState = z.infer<typeof SyncStateSchema>;

/** Why a sync failed, as stable codes (see ERROR_CODES in shared/errors.ts). */
export const SyncErrorSchema = z.object({ code: z.string(), message: z.string() });

export const SyncStatusSchema = z.object({
  state: SyncStateSchema,
  /** The connection; null when this library is not connected to a remote. */
  config: SyncConfigSchema.nullable(),
  /** Whether the host holds a token for an HTTPS remote (the desktop app's keychain, the CLI's CC_SYNC_TOKEN). */
  tokenStored: z.boolean(),
  /** Commits to send and to receive, as of the last fetch. */
  ahead: z.number().int().min(0),
  behind: z.number().int().min(0),
  /** Modules (and courses, when synced) changed here since the last sync and not yet sent. */
  localChanges: z.number().int().min(0),
  /** When the last sync finished successfully. */
  lastSyncAt: IsoDateTimeSchema.nullable(),
  /** The last attempt's failure (offline, wrong token...), cleared by the next success. */
  lastError: SyncErrorSchema.nullable(),
  /** A sync is running now (on demand or automatic). */
  running: z.boolean(),
  /** When the next automatic sync is due; null when automatic sync is off. */
  nextAutoSyncAt: IsoDateTimeSchema.nullable(),
  /** The status in plain English words, for the CLI and logs; the interface words it from the fields above. */
  summary: z.string(),
});
export type SyncStatus = z.infer<typeof SyncStatusSchema>;

export const SYNC_CONFLICT_KINDS = ['module', 'course', 'reference'] as const;
/**
 * both-changed: the same field changed on both sides. both-added: both sides added it with different content
 * (no common version). deleted-here / deleted-there: one side deleted it, the other changed it.
 */
export const SYNC_CONFLICT_REASONS = ['both-changed', 'both-added', 'deleted-here', 'deleted-there'] as const;

/**
 * One item a sync cannot merge by itself, in the shape pack-import previews use (FieldComparison: each
 * differing field with its base, mine and theirs values), so the same screen shows both. `choose` says how
 * it is resolved: per conflicting field (modules changed on both sides), or the whole item (edit against
 * delete, courses, references).
 */
export const SyncConflictSchema = z.object({
  kind: z.enum(SYNC_CONFLICT_KINDS),
  id: IdSchema,
  title: z.string(),
  reason: z.enum(SYNC_CONFLICT_REASONS),
  choose: z.enum(['fields', 'whole']),
  /** Every field that differs (merged ones too, with their source), values shown as in a pack preview. */
  fields: z.array(FieldComparisonSchema),
  /** Keys of `fields` that need a choice (choose "fields"); empty for "whole". */
  conflicts: z.array(z.string()),
});
export type SyncConflict = z.infer<typeof SyncConflictSchema>;

/** A choice for one conflict: the whole item from one side, or per field (modules; unchosen fields keep mine). */
export const SyncChoiceSchema = z.union([
  z.strictObject({ take: z.enum(['mine', 'theirs']) }),
  z.strictObject({ fields: z.record(z.string().max(100), z.enum(['mine', 'theirs'])) }),
]);
export type SyncChoice = z.infer<typeof SyncChoiceSchema>;

/** Choices by conflict kind, then by id (keys are user data: services read them with Object.hasOwn or a Map). */
export const SyncChoicesSchema = z.strictObject({
  modules: z.record(IdSchema, SyncChoiceSchema).default({}),
  courses: z.record(IdSchema, SyncChoiceSchema).default({}),
  references: z.record(IdSchema, SyncChoiceSchema).default({}),
});
export type SyncChoices = z.infer<typeof SyncChoicesSchema>;

/** `sync now --on-conflict`: resolve every conflict the same way instead of stopping. */
export const SyncOnConflictSchema = z.enum(['keep-mine', 'take-theirs']);
export type SyncOnConflict = z.infer<typeof SyncOnConflictSchema>;

/** What a finished sync changed here; courses named in `coursesWithUpdates` now show "update available". */
export const SyncChangesSchema = z.object({
  /** Local changes committed and sent (share mode). */
  sent: z.number().int().min(0),
  /** Items received from the remote, added, changed or removed here. */
  received: z.object({
    modules: z.object({ added: z.array(IdSchema), changed: z.array(IdSchema), removed: z.array(IdSchema) }),
    courses: z.object({ added: z.array(IdSchema), changed: z.array(IdSchema), removed: z.array(IdSchema) }),
  }),
  /** Modules merged field by field without a conflict. */
  merged: z.array(IdSchema),
  /** Courses of this academy using a module that changed upstream: they now offer the update, nothing changed in them. */
  coursesWithUpdates: z.array(z.object({ curriculumId: IdSchema, title: z.string(), moduleIds: z.array(IdSchema) })),
  /** Whether the remote was updated (share mode; false in follow mode or when there was nothing to send). */
  pushed: z.boolean(),
  /** Pushes refused because someone else pushed first, each followed by a fetch and a new merge. */
  retries: z.number().int().min(0),
});
export type SyncChanges = z.infer<typeof SyncChangesSchema>;

/**
 * The outcome of `sync:now` or `sync:resolve`: done, or stopped on conflicts with nothing applied. To
 * resolve, send the choices with `resolveId`; if either side changed meanwhile, the answer is the conflicts
 * as they are now.
 */
export const SyncResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done'), changes: SyncChangesSchema, status: SyncStatusSchema }),
  z.object({
    outcome: z.literal('conflicts'),
    /** Names the exact local and remote versions the conflicts were computed from. */
    resolveId: z.string().regex(/^[0-9a-f]{40}\.[0-9a-f]{40}$/),
    conflicts: z.array(SyncConflictSchema),
    status: SyncStatusSchema,
  }),
]);
export type SyncResult = z.infer<typeof SyncResultSchema>;

/** A git commit id (SHA-1, 40 hex digits). */
export const CommitIdSchema = z.string().regex(/^[0-9a-f]{40}$/, 'A commit id of 40 hexadecimal digits');

/** Whose history: one module or one course (courses have a history when they are synced). */
export const HistorySubjectSchema = z.union([z.strictObject({ module: IdSchema }), z.strictObject({ course: IdSchema })]);
export type HistorySubject = z.infer<typeof HistorySubjectSchema>;

/** A history request: the subject (a module or a course) with the fields of one channel. */
export function historyRequest<S extends z.ZodRawShape>(shape: S) {
  return z.union([z.strictObject({ module: IdSchema, ...shape }), z.strictObject({ course: IdSchema, ...shape })]);
}

export const HistoryEntrySchema = z.object({
  commit: CommitIdSchema,
  author: z.object({ name: z.string(), email: z.string() }),
  date: IsoDateTimeSchema,
  /** The commit message ("Changed Use of force; added Arrest"). */
  message: z.string(),
  change: z.enum(['added', 'changed', 'deleted']),
  /** The module's revision (or the course's updatedAt) in that commit; null where it was deleted. */
  revision: z.number().int().nullable(),
  title: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryListSchema = z.object({
  /** False when the library is not synced: history comes from the sync repository. */
  available: z.boolean(),
  /** Newest first. */
  entries: z.array(HistoryEntrySchema),
});
export type HistoryList = z.infer<typeof HistoryListSchema>;

/** One revision in full: the module, or the course with its module snapshots, as that commit held it. */
export const HistoryRevisionSchema = z.object({
  entry: HistoryEntrySchema,
  module: ModuleSchema.optional(),
  course: CurriculumSchema.optional(),
});
export type HistoryRevision = z.infer<typeof HistoryRevisionSchema>;

/** A field that differs between two revisions: its value in the older (`from`) and the newer (`to`) one. */
export const HistoryFieldDiffSchema = z.object({ key: z.string(), before: FieldValueSchema, after: FieldValueSchema });
export const HistoryDiffSchema = z.object({
  from: HistoryEntrySchema,
  to: HistoryEntrySchema,
  fields: z.array(HistoryFieldDiffSchema),
});
export type HistoryDiff = z.infer<typeof HistoryDiffSchema>;

/** A restore: the old revision became a new change (new revision), undoable with `history:undo-restore`. */
export const HistoryRestoreSchema = z.object({
  subject: HistorySubjectSchema,
  /** The commit whose version was put back. */
  from: CommitIdSchema,
  /** The module's new revision (null for a course). */
  revision: z.number().int().nullable(),
});
export type HistoryRestore = z.infer<typeof HistoryRestoreSchema>;

import { z } from 'zod';
import type { AppErrorShape } from '../errors';
import { IdSchema, IsoDateTimeSchema, LongTextSchema, ShortTextSchema, WebUrlSchema } from '../schemas/common';
import {
  CreateCurriculumSchema,
  CurriculumCheckSchema,
  CurriculumDetailSchema,
  CurriculumSummarySchema,
  SaveCurriculumSchema,
} from '../schemas/curricula';
import { CurriculumSchema } from '../schemas/curriculum';
import { PAPER_SIZES } from '../domain/export/plan';
import { ExportPlanSchema, ExportRequestSchema, KitResultSchema } from '../schemas/export';
import { LastImportSchema, LibrarySearchResultSchema } from '../schemas/library';
import { ImportDecisionSchema, ImportResultSchema, PackPreviewSchema } from '../schemas/pack-import';
import { LibraryPlaceholderSchema, ModuleDetailSchema, ModuleUsageSchema } from '../schemas/library-detail';
import { LibraryListRequestSchema } from '../schemas/library-query';
import { ModuleSchema } from '../schemas/module';
import { ReferenceSchema } from '../schemas/reference';
import { ApplyTargetSchema, RoundTripPreviewSchema, RoundTripResultSchema } from '../schemas/round-trip';
import { SettingsSchema } from '../schemas/settings';
import { WordCorrectionSchema, WordImportResultSchema, WordPreviewSchema } from '../schemas/word-import';
import { BackupInfoSchema, StoreStatusSchema } from '../schemas/store';
import {
  CommitIdSchema,
  HistoryDiffSchema,
  HistoryListSchema,
  HistoryRestoreSchema,
  HistoryRevisionSchema,
  historyRequest,
  SyncChoicesSchema,
  SyncOnConflictSchema,
  SyncResultSchema,
  SyncSetupSchema,
  SyncStatusSchema,
} from '../schemas/sync';
import type { Channel, EventName } from './channels';

const NoArgs = z.strictObject({}).optional();
const TaskIdSchema = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
/** A file name without folders, as shown to the user and offered in a save dialog. */
const FileNameSchema = z.string().min(1).max(255).regex(/^[^/\\\0]+$/, 'A file name without folders');
/** File content crossing the boundary; 140 M characters is a little over the 100 MB pack limit. */
const Base64Schema = z.string().max(140_000_000).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Base64 data');

/**
 * Raw uploads, in the web harness only: the file's bytes are POSTed to UPLOAD_PATH as
 * application/octet-stream (same token and Origin checks as the API, at most UPLOAD_MAX_BYTES), and the
 * answer (an IpcResult of UploadResultSchema) names the upload for `pack:preview`. An upload is kept
 * briefly, in memory, and can be used once.
 */
export const UPLOAD_PATH = '/api/upload';
/** The largest pack accepted (see DEFAULT_PACK_LIMITS); a larger upload is refused while it streams in. */
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;
const UploadIdSchema = z.uuid();
export const UploadResultSchema = z.object({ uploadId: UploadIdSchema });
export type UploadResult = z.infer<typeof UploadResultSchema>;

/**
 * The single API contract: channel → request and response schemas. Electron's IPC handlers, the preload
 * bridge, the renderer client, the web harness and the CLI are all typed from this map, and every host
 * validates requests against it before a handler runs.
 */
export const contract = {
  'app:info': {
    req: NoArgs,
    res: z.object({
      name: z.string(),
      version: z.string(),
      host: z.enum(['electron', 'web', 'cli']),
      dataDir: z.string(),
      licenses: z.array(z.object({ name: z.string(), version: z.string(), license: z.string() })),
    }),
  },
  /** The license texts of the third-party packages the app ships (the About box), read from their own files. */
  'app:licenses': {
    req: NoArgs,
    res: z.array(z.object({ name: z.string(), version: z.string(), license: z.string(), text: z.string().nullable() })),
  },
  'app:open-external': {
    req: z.strictObject({ url: WebUrlSchema }),
    res: z.object({ opened: z.boolean() }),
  },
  /** `settled`: answer once no document is still loading (see StoreStatus.loading), with every problem found. */
  'store:status': { req: z.strictObject({ settled: z.boolean().optional() }).optional(), res: StoreStatusSchema },
  /** The settings' and indexes' backups; or one module's or course's history of backups (oldest first). */
  'store:backups': {
    req: z.union([z.strictObject({ module: IdSchema }), z.strictObject({ course: IdSchema })]).optional(),
    res: z.array(BackupInfoSchema),
  },
  'store:restore': {
    req: z.strictObject({ backupId: BackupInfoSchema.shape.id }),
    res: StoreStatusSchema,
  },
  'settings:get': { req: NoArgs, res: SettingsSchema },
  'settings:update': { req: SettingsSchema.partial().strict(), res: SettingsSchema },
  /** A page of the ranked matches (`offset`, `limit`), with facet counts and `matched` over all of them. */
  'library:list': { req: LibraryListRequestSchema.optional(), res: LibrarySearchResultSchema },
  'library:get': { req: z.strictObject({ id: IdSchema }), res: ModuleDetailSchema },
  'library:references': { req: NoArgs, res: z.array(ReferenceSchema) },
  /** Every placeholder the library's modules use, with their definitions: what Settings offers defaults for. */
  'library:placeholders': { req: NoArgs, res: z.array(LibraryPlaceholderSchema) },
  'library:save': {
    req: z.strictObject({
      module: ModuleSchema,
      /** The revision the edit started from; null creates a new module. */
      baseRevision: z.number().int().min(1).nullable(),
      /** true for the first save of an editing session (a new revision), false for autosaves after it. */
      bump: z.boolean(),
      /**
       * The `updatedAt` of the version the edit started from (as received: the opened module, then each
       * save's answer). With it, a save is refused when the module was saved since, even within one
       * revision, which autosaves amend; without it (imports, the CLI), only the revision is compared.
       */
      baseUpdatedAt: IsoDateTimeSchema.optional(),
    }),
    res: ModuleSchema,
  },
  'library:duplicate': { req: z.strictObject({ id: IdSchema, title: ShortTextSchema.min(1) }), res: ModuleSchema },
  'library:usage': { req: z.strictObject({ id: IdSchema }), res: ModuleUsageSchema },
  'library:delete': {
    req: z.strictObject({ id: IdSchema, confirmed: z.boolean() }),
    res: z.object({ usage: ModuleUsageSchema }),
  },
  'curriculum:list': {
    req: z.strictObject({ includeArchived: z.boolean().optional() }).optional(),
    res: z.array(CurriculumSummarySchema),
  },
  'curriculum:get': { req: z.strictObject({ id: IdSchema }), res: CurriculumDetailSchema },
  'curriculum:create': { req: CreateCurriculumSchema, res: CurriculumSchema },
  /**
   * Refused with `conflict` when the stored curriculum is no longer the one the edit started from. Answers
   * with the summary (its new `updatedAt` is the base of the next save), not the whole course: autosave
   * sends megabytes of module snapshots and need not receive them back.
   */
  'curriculum:save': { req: SaveCurriculumSchema, res: CurriculumSummarySchema },
  'curriculum:duplicate': { req: z.strictObject({ id: IdSchema, title: ShortTextSchema.min(1) }), res: CurriculumSchema },
  'curriculum:archive': { req: z.strictObject({ id: IdSchema, archived: z.boolean() }), res: CurriculumSummarySchema },
  /** Refused with `conflict` for a curriculum with content unless `confirmed`. */
  'curriculum:delete': {
    req: z.strictObject({ id: IdSchema, confirmed: z.boolean() }),
    res: z.object({ deleted: CurriculumSummarySchema }),
  },
  'curriculum:check': { req: z.strictObject({ id: IdSchema }), res: z.array(CurriculumCheckSchema) },
  'app:save-file': {
    req: z.strictObject({ fileName: FileNameSchema, bytesBase64: Base64Schema }),
    /** saved false: this host cannot show a save dialog (the web harness); the renderer downloads instead. */
    res: z.object({ saved: z.boolean(), path: z.string().optional() }),
  },
  'pack:export': {
    req: z.strictObject({
      moduleIds: z.array(IdSchema).max(2000),
      /** Export a whole curriculum with the modules it uses. */
      curriculumId: IdSchema.optional(),
      title: ShortTextSchema.min(1),
      description: LongTextSchema.default(''),
      publisher: ShortTextSchema.min(1),
      contact: ShortTextSchema.optional(),
      license: ShortTextSchema.min(1),
    }),
    res: z.object({ fileName: FileNameSchema, bytesBase64: Base64Schema, modules: z.number().int() }),
  },
  'pack:preview': {
    /**
     * The pack's bytes in base64, or the id of an upload (the web harness streams files to UPLOAD_PATH
     * instead, since base64 in JSON would grow a 100 MB pack by a third). taskId: chosen by the caller to
     * follow `task:progress` events and to cancel with `task:cancel`.
     */
    req: z.union([
      z.strictObject({ fileName: FileNameSchema, bytesBase64: Base64Schema, taskId: TaskIdSchema.optional() }),
      z.strictObject({ fileName: FileNameSchema, uploadId: UploadIdSchema, taskId: TaskIdSchema.optional() }),
    ]),
    res: PackPreviewSchema,
  },
  'pack:import': {
    req: z.strictObject({
      previewId: z.uuid(),
      decisions: z.record(IdSchema, ImportDecisionSchema),
      /** Which of the pack's curricula to add as new courses; all that are valid when left out. */
      curricula: z.array(IdSchema).max(200).optional(),
      /** Invalid curricula the user explicitly leaves out; any other invalid curriculum refuses the whole pack. */
      leaveOut: z.array(IdSchema).max(200).optional(),
      dryRun: z.boolean().default(false),
    }),
    res: ImportResultSchema,
  },
  'pack:last-import': { req: NoArgs, res: LastImportSchema.nullable() },
  'pack:undo-import': { req: NoArgs, res: LastImportSchema },
  /**
   * Word documents (.docx) read and proposed as draft modules; writes nothing. Each file is its bytes in
   * base64 or an upload (web harness); a refused file is reported in the preview and the others go on.
   */
  'word:preview': {
    req: z.strictObject({
      files: z
        .array(z.union([z.strictObject({ fileName: FileNameSchema, bytesBase64: Base64Schema }), z.strictObject({ fileName: FileNameSchema, uploadId: UploadIdSchema })]))
        .min(1)
        .max(50),
    }),
    res: WordPreviewSchema,
  },
  /** The same preview with the user's corrections (this heading is a lesson, this table the step table). */
  'word:repreview': {
    req: z.strictObject({ previewId: z.uuid(), corrections: z.array(WordCorrectionSchema).max(5000) }),
    res: WordPreviewSchema,
  },
  /** Adds the proposed drafts to the library in one transaction, after a backup; `pack:undo-import` undoes it. */
  'word:import': {
    req: z.strictObject({ previewId: z.uuid(), corrections: z.array(WordCorrectionSchema).max(5000).default([]), dryRun: z.boolean().default(false) }),
    res: WordImportResultSchema,
  },
  /**
   * An edited copy of one of our Word exports: recognised by its round-trip markers and compared, field by
   * field, with the course or module it came from. Writes nothing.
   */
  'roundtrip:preview': {
    req: z.union([
      z.strictObject({ fileName: FileNameSchema, bytesBase64: Base64Schema }),
      z.strictObject({ fileName: FileNameSchema, uploadId: UploadIdSchema }),
    ]),
    res: RoundTripPreviewSchema,
  },
  /** Applies the chosen changes of a preview (all when `names` is left out) as course overrides or library edits. */
  'roundtrip:apply': {
    req: z.strictObject({
      previewId: z.uuid(),
      as: ApplyTargetSchema,
      names: z.array(z.string().max(40)).max(5000).optional(),
      dryRun: z.boolean().default(false),
    }),
    res: RoundTripResultSchema,
  },
  /** Puts back what the last round trip changed, unless it was changed again since. */
  'roundtrip:undo': { req: NoArgs, res: z.object({ kind: z.enum(['course', 'library']), ids: z.array(IdSchema) }) },
  /** The plan of a document, for the print preview: the same content the .docx gets. */
  'export:plan': { req: ExportRequestSchema, res: ExportPlanSchema },
  /** Builds the .docx off the main thread; follow it with `task:progress`, stop it with `task:cancel`. */
  'export:docx': {
    req: ExportRequestSchema.extend({ taskId: TaskIdSchema.optional() }),
    res: z.object({ fileName: FileNameSchema, bytesBase64: Base64Schema }),
  },
  /**
   * A course's trainer kit, built off the main thread (follow it with `task:progress`, stop it with
   * `task:cancel`). The desktop app asks for a folder first and writes the documents there (a new or empty
   * folder); hosts without a folder dialog (the web harness) answer with one .zip for the browser to download.
   */
  'export:kit': {
    req: z.strictObject({ curriculumId: IdSchema, paper: z.enum(PAPER_SIZES).default('a4'), taskId: TaskIdSchema.optional() }),
    res: KitResultSchema,
  },
  /** After a save: open the file or show it in its folder. Only files this app saved in this session. */
  'app:reveal-file': {
    req: z.strictObject({ path: z.string().min(1).max(4096), action: z.enum(['open', 'folder']) }),
    res: z.object({ done: z.boolean() }),
  },
  'task:cancel': { req: z.strictObject({ taskId: TaskIdSchema }), res: z.object({ cancelled: z.boolean() }) },
  /** Whether this library is connected to a git remote, and how it stands against it (ahead, behind, last sync, errors). */
  'sync:status': { req: NoArgs, res: SyncStatusSchema },
  /**
   * Connects the library to a remote (or changes the connection). Writes sync/config.json (never the token:
   * the desktop app keeps it with the OS keychain, the web harness in memory, the CLI reads CC_SYNC_TOKEN).
   * Nothing is fetched or sent until `sync:now`.
   */
  'sync:setup': { req: SyncSetupSchema, res: SyncStatusSchema },
  /** Disconnects: forgets the remote and the token. The library and its history (sync/) stay unless `forgetHistory`. */
  'sync:disconnect': { req: z.strictObject({ forgetHistory: z.boolean().default(false) }).optional(), res: SyncStatusSchema },
  /**
   * Syncs now, off the main thread (follow it with `task:progress`, stop it with `task:cancel`): commits local
   * changes, fetches, merges field by field and (share mode) pushes, retrying when someone pushed meanwhile.
   * Stops with the conflicts and nothing applied, unless `onConflict` decides them all. Refused with
   * `sync-offline`, `sync-auth`, `sync-rejected`, `sync-hostile`, `sync-busy` or `sync-not-configured`.
   */
  'sync:now': {
    req: z.strictObject({ taskId: TaskIdSchema.optional(), onConflict: SyncOnConflictSchema.optional() }).optional(),
    res: SyncResultSchema,
  },
  /**
   * Syncs again with the user's choices for the conflicts of `resolveId`; a conflict without a choice keeps
   * it open. If either side changed since, answers with the conflicts as they now are and applies nothing.
   */
  'sync:resolve': {
    req: z.strictObject({ resolveId: z.string().regex(/^[0-9a-f]{40}\.[0-9a-f]{40}$/), choices: SyncChoicesSchema, taskId: TaskIdSchema.optional() }),
    res: SyncResultSchema,
  },
  /** Who changed a module or course, when and why: the commits that touched its file, newest first. */
  'history:list': { req: historyRequest({ limit: z.number().int().min(1).max(5000).optional() }), res: HistoryListSchema },
  /** One revision in full. */
  'history:show': { req: historyRequest({ commit: CommitIdSchema }), res: HistoryRevisionSchema },
  /** The fields that differ between two revisions: `from` the older, `to` the newer (left out: the current version here). */
  'history:diff': { req: historyRequest({ from: CommitIdSchema, to: CommitIdSchema.optional() }), res: HistoryDiffSchema },
  /** Puts an old revision back as a new change (a new revision, synced like any edit); `history:undo-restore` takes it back. */
  'history:restore': { req: historyRequest({ commit: CommitIdSchema }), res: HistoryRestoreSchema },
  /** Undoes the last restore, unless the module or course was changed again since. */
  'history:undo-restore': { req: NoArgs, res: HistoryRestoreSchema },
} as const satisfies Record<Channel, { req: z.ZodType; res: z.ZodType }>;

/** Payloads of push events. */
export const events = {
  'task:progress': z.object({ taskId: z.string(), done: z.number(), total: z.number(), label: z.string().optional() }),
  /** A .ccpack opened from the file manager (double-click) or dropped on the window, read by the main process. */
  'pack:open-file': z.object({ fileName: FileNameSchema, bytesBase64: Base64Schema }),
  'menu:command': z.object({
    command: z.enum(['new-curriculum', 'find', 'export', 'import-pack', 'about', 'settings', 'undo', 'redo']),
  }),
  /** The sync status changed: a sync (on demand or automatic) started or ended, or the connection changed. */
  'sync:status': SyncStatusSchema,
} as const satisfies Record<EventName, z.ZodType>;

type Contract = typeof contract;
/** What callers send (defaults not yet applied). */
export type Req<C extends Channel> = z.input<Contract[C]['req']>;
/** What handlers receive, after validation. */
export type ParsedReq<C extends Channel> = z.output<Contract[C]['req']>;
export type Res<C extends Channel> = z.output<Contract[C]['res']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

/** The transport every host offers the renderer: Electron's preload bridge or the web harness's HTTP client. */
export type ComposerBridge = {
  invoke<C extends Channel>(channel: C, payload: Req<C>): Promise<IpcResult<Res<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
};

/** Server-side implementation of every channel. */
export type Handlers = { [C in Channel]: (req: ParsedReq<C>) => Promise<Res<C>> };

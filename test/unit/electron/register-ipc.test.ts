import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { broadcast, registerIpc } from '../../../electron/main/ipc/register-ipc';
import { APP_ORIGIN } from '../../../electron/main/protocol';
import { AppError } from '../../../shared/errors';
import { CHANNELS, type Channel } from '../../../shared/ipc/channels';
import type { Handlers, IpcResult, Res } from '../../../shared/ipc/contract';
import { COURSE_PACKAGE_DEFAULTS } from '../../../shared/schemas/curriculum';

type IpcHandler = (event: IpcMainInvokeEvent, raw: unknown) => Promise<IpcResult<unknown>>;

const electron = vi.hoisted(() => ({
  ipcMain: { handle: vi.fn<(channel: string, handler: IpcHandler) => void>() },
  BrowserWindow: {
    fromWebContents: vi.fn<(contents: unknown) => unknown>(),
    getAllWindows: vi.fn<() => unknown[]>(() => []),
  },
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));

vi.mock('electron', () => electron);

/** The dev-server origin, which is what the main process trusts when ELECTRON_RENDERER_URL is set. */
const DEV = { origin: 'http://localhost:5173', page: 'http://localhost:5173/' };
/** The built app: pages are served from app://composer/. */
const BUILT = { origin: APP_ORIGIN, page: `${APP_ORIGIN}/index.html` };

type FakeHandlers = { [C in Channel]: Mock<Handlers[C]> };

const STATUS = { dataDir: '/data', healthy: true, problems: [], seeded: true, readOnly: null };
/** Handlers' results are not validated on the way out, so a stand-in module is enough. */
const MODULE = { id: 'use-of-force' } as unknown as Res<'library:save'>;
const USAGE = { curricula: [], prerequisiteOf: [], translations: [] };
const DETAIL = { module: MODULE, references: [], translationStatus: 'source', translations: [], prerequisites: [], placeholders: [], usage: USAGE, linkedModules: [] } as Res<'library:get'>;
const PLAN = { fileName: 'course.docx' } as unknown as Res<'export:plan'>;
const PREVIEW = { previewId: '00000000-0000-4000-8000-000000000000', packId: 'p', title: 't', description: '', publisher: 'p', license: 'l', createdAt: '2026-11-01T00:00:00.000Z', items: [], curricula: [], newReferences: 0 } as Res<'pack:preview'>;
const LAST_IMPORT = { packId: 'p', title: 't', publisher: 'p', importedAt: '2026-11-01T00:00:00.000Z', snapshot: 'before-import-20261101T000000000Z.json', moduleIds: [] } as Res<'pack:undo-import'>;
const FACETS = { themes: {}, languages: {}, audiences: {}, levels: {} } as Res<'library:list'>['facets'];
const SUMMARY = { id: 'induction', title: 'Induction', status: 'draft', days: 1, modules: 0, language: 'en', updatedAt: '2026-11-01T00:00:00.000Z', archived: false } as Res<'curriculum:archive'>;
/** A complete curriculum, every default spelled out, so that validation passes it on unchanged. */
const CURRICULUM = {
  id: 'induction',
  title: 'Induction',
  subtitle: '',
  academy: '',
  audiences: [],
  language: 'en',
  courseCode: '',
  version: '1.0',
  status: 'draft',
  authors: [],
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-01T00:00:00.000Z',
  description: '',
  days: 1,
  dayTemplate: { start: '09:00', end: '17:00', breaks: [{ start: '12:30', end: '13:30', kind: 'lunch' }] },
  requiredThemes: ['human-rights-foundations'],
  placeholders: { country: 'Veridia' },
  items: [{ kind: 'session', id: 'opening', sessionKind: 'opening', title: 'Opening', minutes: 60 }],
  ...COURSE_PACKAGE_DEFAULTS,
} satisfies Res<'curriculum:create'>;
const CURRICULUM_DETAIL = { curriculum: CURRICULUM, archived: false, checks: [] } as unknown as Res<'curriculum:get'>;
/** A real module from the sample library: the save channel validates the whole module. */
const MODULE_PAYLOAD = JSON.parse(readFileSync(join(import.meta.dirname, '../../../resources/library/modules/hr-foundations.json'), 'utf8')) as unknown;

function fakeHandlers(): FakeHandlers {
  return {
    'app:info': vi.fn<Handlers['app:info']>(() => Promise.resolve({ name: 'Curriculum Composer', version: '0.1.0', host: 'electron', dataDir: '/data', licenses: [] })),
    'app:licenses': vi.fn<Handlers['app:licenses']>(() => Promise.resolve([])),
    'app:open-external': vi.fn<Handlers['app:open-external']>(() => Promise.resolve({ opened: true })),
    'store:status': vi.fn<Handlers['store:status']>(() => Promise.resolve(STATUS)),
    'store:backups': vi.fn<Handlers['store:backups']>(() => Promise.resolve([])),
    'store:restore': vi.fn<Handlers['store:restore']>(() => Promise.resolve(STATUS)),
    'settings:get': vi.fn<Handlers['settings:get']>(() => Promise.resolve({ language: 'en' })),
    'settings:update': vi.fn<Handlers['settings:update']>(() => Promise.resolve({ language: 'fr' })),
    'library:list': vi.fn<Handlers['library:list']>(() => Promise.resolve({ modules: [], facets: FACETS, matched: 0, total: 0 })),
    'library:get': vi.fn<Handlers['library:get']>(() => Promise.resolve(DETAIL)),
    'library:references': vi.fn<Handlers['library:references']>(() => Promise.resolve([])),
    'library:placeholders': vi.fn<Handlers['library:placeholders']>(() => Promise.resolve([])),
    'library:save': vi.fn<Handlers['library:save']>(() => Promise.resolve(MODULE)),
    'library:duplicate': vi.fn<Handlers['library:duplicate']>(() => Promise.resolve(MODULE)),
    'library:usage': vi.fn<Handlers['library:usage']>(() => Promise.resolve(USAGE)),
    'library:delete': vi.fn<Handlers['library:delete']>(() => Promise.resolve({ usage: USAGE })),
    'curriculum:list': vi.fn<Handlers['curriculum:list']>(() => Promise.resolve([SUMMARY])),
    'curriculum:get': vi.fn<Handlers['curriculum:get']>(() => Promise.resolve(CURRICULUM_DETAIL)),
    'curriculum:create': vi.fn<Handlers['curriculum:create']>(() => Promise.resolve(CURRICULUM)),
    'curriculum:save': vi.fn<Handlers['curriculum:save']>(() => Promise.resolve(SUMMARY)),
    'curriculum:duplicate': vi.fn<Handlers['curriculum:duplicate']>(() => Promise.resolve(CURRICULUM)),
    'curriculum:archive': vi.fn<Handlers['curriculum:archive']>(() => Promise.resolve(SUMMARY)),
    'curriculum:delete': vi.fn<Handlers['curriculum:delete']>(() => Promise.resolve({ deleted: SUMMARY })),
    'curriculum:check': vi.fn<Handlers['curriculum:check']>(() => Promise.resolve([])),
    'app:save-file': vi.fn<Handlers['app:save-file']>(() => Promise.resolve({ saved: true, path: '/home/u/pack.ccpack' })),
    'pack:export': vi.fn<Handlers['pack:export']>(() => Promise.resolve({ fileName: 'p.ccpack', bytesBase64: 'AA==', modules: 1 })),
    'pack:preview': vi.fn<Handlers['pack:preview']>(() => Promise.resolve(PREVIEW)),
    'pack:import': vi.fn<Handlers['pack:import']>(() => Promise.resolve({ written: [], kept: [], curricula: [], basesRecorded: [], dryRun: false, saved: false })),
    'pack:last-import': vi.fn<Handlers['pack:last-import']>(() => Promise.resolve(null)),
    'pack:undo-import': vi.fn<Handlers['pack:undo-import']>(() => Promise.resolve(LAST_IMPORT)),
    'word:preview': vi.fn<Handlers['word:preview']>(() => Promise.resolve({ previewId: '00000000-0000-4000-8000-000000000000', files: [] })),
    'word:repreview': vi.fn<Handlers['word:repreview']>(() => Promise.resolve({ previewId: '00000000-0000-4000-8000-000000000000', files: [] })),
    'word:import': vi.fn<Handlers['word:import']>(() => Promise.resolve({ modules: [], refused: [], dryRun: false, saved: false })),
    'roundtrip:preview': vi.fn<Handlers['roundtrip:preview']>(() =>
      Promise.resolve({
        previewId: '00000000-0000-4000-8000-000000000000',
        fileName: 'plan.docx',
        source: { kind: 'course' as const, id: 'induction', title: 'Induction', variant: 'trainer' as const, changedSinceExport: false },
        changes: [],
        unchanged: 0,
        problems: [],
      }),
    ),
    'roundtrip:apply': vi.fn<Handlers['roundtrip:apply']>(() => Promise.resolve({ target: 'library' as const, applied: [], skipped: [], dryRun: false })),
    'roundtrip:undo': vi.fn<Handlers['roundtrip:undo']>(() => Promise.resolve({ kind: 'library' as const, ids: ['use-of-force'] })),
    'export:plan': vi.fn<Handlers['export:plan']>(() => Promise.resolve(PLAN)),
    'export:docx': vi.fn<Handlers['export:docx']>(() => Promise.resolve({ fileName: 'course.docx', bytesBase64: 'AA==' })),
    'export:kit': vi.fn<Handlers['export:kit']>(() => Promise.resolve({ kind: 'not-saved' as const })),
    'app:reveal-file': vi.fn<Handlers['app:reveal-file']>(() => Promise.resolve({ done: true })),
    'task:cancel': vi.fn<Handlers['task:cancel']>(() => Promise.resolve({ cancelled: true })),
    'sync:status': vi.fn<Handlers['sync:status']>(() => Promise.resolve(SYNC_STATUS)),
    'sync:setup': vi.fn<Handlers['sync:setup']>(() => Promise.resolve(SYNC_STATUS)),
    'sync:disconnect': vi.fn<Handlers['sync:disconnect']>(() => Promise.resolve(SYNC_STATUS)),
    'sync:now': vi.fn<Handlers['sync:now']>(() => Promise.resolve({ outcome: 'conflicts' as const, resolveId: `${'a'.repeat(40)}.${'b'.repeat(40)}`, conflicts: [], status: SYNC_STATUS })),
    'sync:resolve': vi.fn<Handlers['sync:resolve']>(() => Promise.resolve({ outcome: 'conflicts' as const, resolveId: `${'a'.repeat(40)}.${'b'.repeat(40)}`, conflicts: [], status: SYNC_STATUS })),
    'history:list': vi.fn<Handlers['history:list']>(() => Promise.resolve({ available: false, entries: [] })),
    'history:show': vi.fn<Handlers['history:show']>(() => Promise.resolve({ entry: HISTORY_ENTRY })),
    'history:diff': vi.fn<Handlers['history:diff']>(() => Promise.resolve({ from: HISTORY_ENTRY, to: HISTORY_ENTRY, fields: [] })),
    'history:restore': vi.fn<Handlers['history:restore']>(() => Promise.resolve({ subject: { module: 'use-of-force' }, from: HISTORY_ENTRY.commit, revision: 3 })),
    'history:undo-restore': vi.fn<Handlers['history:undo-restore']>(() => Promise.resolve({ subject: { module: 'use-of-force' }, from: HISTORY_ENTRY.commit, revision: 4 })),
  };
}

const SYNC_STATUS: Res<'sync:status'> = {
  state: 'not-configured',
  config: null,
  tokenStored: false,
  ahead: 0,
  behind: 0,
  localChanges: 0,
  lastSyncAt: null,
  lastError: null,
  running: false,
  nextAutoSyncAt: null,
  summary: 'Not connected to a shared library.',
};
const HISTORY_ENTRY: Res<'history:show'>['entry'] = {
  commit: 'c'.repeat(40),
  author: { name: 'Amina', email: 'amina@example.org' },
  date: '2026-11-01T00:00:00.000Z',
  message: 'Changed Use of force',
  change: 'changed',
  revision: 3,
  title: 'Use of force',
};

/** A renderer: a WebContents with its main frame, shown in a BrowserWindow unless told otherwise. */
function fakeSender(pageUrl: string) {
  const mainFrame = { url: pageUrl };
  return { id: 1, mainFrame };
}

let handlers: FakeHandlers;
let registered: Map<string, IpcHandler>;
let windowContents: Set<unknown>;

function setup(origin: string): void {
  handlers = fakeHandlers();
  registered = new Map();
  windowContents = new Set();
  electron.ipcMain.handle.mockReset();
  electron.ipcMain.handle.mockImplementation((channel, handler) => {
    if (registered.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    registered.set(channel, handler);
  });
  electron.BrowserWindow.fromWebContents.mockReset();
  electron.BrowserWindow.fromWebContents.mockImplementation((contents) => (windowContents.has(contents) ? { id: 1 } : null));
  registerIpc(handlers, origin);
}

/** Invokes a channel the way ipcMain would for a call from `sender` and `senderFrame`. */
function call(channel: string, raw: unknown, sender: ReturnType<typeof fakeSender>, senderFrame: unknown = sender.mainFrame) {
  const handler = registered.get(channel);
  if (!handler) throw new Error(`no handler registered for ${channel}`);
  return handler({ sender, senderFrame } as unknown as IpcMainInvokeEvent, raw);
}

/** A sender that passes every check: our window, its main frame, showing our origin. */
function trustedSender(page: string) {
  const sender = fakeSender(page);
  windowContents.add(sender);
  return sender;
}

function expectNoHandlerCalled(): void {
  for (const channel of CHANNELS) expect(handlers[channel], channel).not.toHaveBeenCalled();
}

/** For every channel, payloads the contract must refuse. */
const INVALID: [Channel, unknown][] = [
  ['app:info', { extra: true }],
  ['app:licenses', { extra: true }],
  ['app:open-external', { url: 'javascript:alert(1)' }],
  ['app:open-external', { url: 'file:///etc/passwd' }],
  ['app:open-external', {}],
  ['app:open-external', { url: 'https://example.org/', extra: 1 }],
  ['store:status', { extra: true }],
  ['store:backups', 'all'],
  ['store:restore', { backupId: '../x' }],
  ['store:restore', { backupId: '../../settings.20240101T120000000Z.json' }],
  ['store:restore', {}],
  ['settings:get', { language: 'en' }],
  ['settings:update', { language: 'de' }],
  ['settings:update', { window: { width: 10, height: 10, maximized: false } }],
  ['settings:update', { theme: 'dark' }],
  ['settings:update', null],
  ['library:list', { text: 42 }],
  ['library:list', { text: 'x'.repeat(201) }],
  ['library:list', { filter: 'all' }],
  ['library:list', { themes: ['not-a-theme'] }],
  ['library:get', { id: 42 }],
  ['library:get', { id: '../secret' }],
  ['library:get', { id: 'Use Of Force' }],
  ['library:get', undefined],
  ['library:references', { all: true }],
  ['library:placeholders', { all: true }],
  ['library:save', { module: { id: 'x' }, baseRevision: 1, bump: true }],
  ['library:save', { module: MODULE_PAYLOAD, baseRevision: 0, bump: true }],
  ['library:save', { module: MODULE_PAYLOAD, baseRevision: null }],
  ['library:duplicate', { id: 'use-of-force', title: '' }],
  ['library:usage', { id: 'Not valid' }],
  ['library:delete', { id: 'use-of-force' }],
  ['library:delete', { id: 'use-of-force', confirmed: 'yes' }],
  ['curriculum:list', { includeArchived: 1 }],
  ['curriculum:list', { archived: true }],
  ['curriculum:get', { id: '../../settings' }],
  ['curriculum:get', {}],
  ['curriculum:create', { title: 'Induction', moduleIds: ['Not An Id'] }],
  ['curriculum:create', { title: 'Induction', moduleIds: [], days: 0 }],
  ['curriculum:create', { title: 'Induction', moduleIds: [], days: 201 }],
  ['curriculum:create', { moduleIds: [] }],
  ['curriculum:save', { curriculum: CURRICULUM }],
  ['curriculum:save', { curriculum: { ...CURRICULUM, days: 0 }, baseUpdatedAt: CURRICULUM.updatedAt }],
  ['curriculum:save', { curriculum: { ...CURRICULUM, items: [CURRICULUM.items[0], CURRICULUM.items[0]] }, baseUpdatedAt: CURRICULUM.updatedAt }],
  ['curriculum:save', { curriculum: CURRICULUM, baseUpdatedAt: 'yesterday' }],
  ['curriculum:duplicate', { id: 'induction' }],
  ['curriculum:archive', { id: 'induction', archived: 'yes' }],
  ['curriculum:delete', { id: 'induction' }],
  ['curriculum:check', { id: 42 }],
  ['app:save-file', { fileName: 'a/b.ccpack', bytesBase64: 'AA==' }],
  ['pack:export', { moduleIds: ['x1'], title: '', publisher: 'p', license: 'l' }],
  ['pack:preview', { fileName: 'p.ccpack' }],
  ['pack:import', { previewId: '00000000-0000-4000-8000-000000000000', decisions: { x1: { action: 'delete-all' } } }],
  ['pack:last-import', []],
  ['pack:undo-import', { force: true }],
  ['word:preview', { files: [] }],
  ['word:repreview', { previewId: '00000000-0000-4000-8000-000000000000', corrections: [{ file: 0, block: 1, as: 'chapter' }] }],
  ['word:import', { previewId: '00000000-0000-4000-8000-000000000000', corrections: [], dryRun: 'no' }],
  ['roundtrip:preview', { fileName: 'plan.docx' }],
  ['roundtrip:apply', { previewId: '00000000-0000-4000-8000-000000000000', as: 'both' }],
  ['roundtrip:undo', { force: true }],
  ['export:plan', { target: { kind: 'module', id: 'use-of-force' }, paper: 'a3' }],
  ['export:docx', { target: { kind: 'curriculum', id: 'induction' }, taskId: 'a b' }],
  ['export:kit', { curriculumId: 'induction', paper: 'a4', folder: '/tmp' }],
  ['app:reveal-file', { path: '', action: 'open' }],
  ['task:cancel', {}],
  ['sync:status', { verbose: true }],
  // eslint-disable-next-line @microsoft/sdl/no-insecure-url -- an insecure URL that the contract must refuse
  ['sync:setup', { remote: 'http://git.example.org/library.git', author: { name: 'Amina', email: 'amina@example.org' } }],
  ['sync:disconnect', { forgetHistory: 1 }],
  ['sync:now', { onConflict: 'merge' }],
  ['sync:resolve', { resolveId: 'x.y', choices: {} }],
  ['history:list', { module: 'use-of-force', limit: 0 }],
  ['history:show', { module: 'use-of-force' }],
  ['history:diff', { module: 'use-of-force', course: 'induction', from: 'c'.repeat(40) }],
  ['history:restore', { course: 'induction', commit: 'C'.repeat(40) }],
  ['history:undo-restore', { now: true }],
];

/** For every channel, one payload the contract accepts unchanged. */
const VALID: [Channel, unknown][] = [
  ['app:info', undefined],
  ['app:licenses', undefined],
  ['app:open-external', { url: 'https://example.org/guide' }],
  ['store:status', {}],
  ['store:backups', undefined],
  ['store:restore', { backupId: 'settings.20240101T120000000Z.json' }],
  ['settings:get', undefined],
  ['settings:update', { language: 'fr' }],
  ['library:list', { text: 'force', themes: ['use-of-force-and-firearms'], sort: 'title' }],
  ['library:get', { id: 'use-of-force' }],
  ['library:references', undefined],
  ['library:placeholders', undefined],
  ['library:save', { module: MODULE_PAYLOAD, baseRevision: 1, bump: false }],
  ['library:duplicate', { id: 'use-of-force', title: 'Use of force (copy)' }],
  ['library:usage', { id: 'use-of-force' }],
  ['library:delete', { id: 'use-of-force', confirmed: true }],
  ['curriculum:list', undefined],
  ['curriculum:list', { includeArchived: true }],
  ['curriculum:get', { id: 'induction' }],
  ['curriculum:create', { title: 'Induction', moduleIds: ['hr-foundations', 'ethics-integrity'], days: 3 }],
  ['curriculum:save', { curriculum: CURRICULUM, baseUpdatedAt: '2026-11-01T00:00:00.000Z' }],
  ['curriculum:duplicate', { id: 'induction', title: 'Induction (copy)' }],
  ['curriculum:archive', { id: 'induction', archived: true }],
  ['curriculum:delete', { id: 'induction', confirmed: false }],
  ['curriculum:check', { id: 'induction' }],
  ['app:save-file', { fileName: 'pack.ccpack', bytesBase64: 'AA==' }],
  ['pack:export', { moduleIds: ['use-of-force'], title: 'Force', description: '', publisher: 'Academy', license: 'CC BY 4.0' }],
  ['pack:preview', { fileName: 'p.ccpack', bytesBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }],
  ['pack:import', { previewId: '00000000-0000-4000-8000-000000000000', decisions: { 'use-of-force': { action: 'keep-both' } }, dryRun: false }],
  ['pack:last-import', undefined],
  ['pack:undo-import', undefined],
  ['word:preview', { files: [{ fileName: 'plan.docx', bytesBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }] }],
  ['word:repreview', { previewId: '00000000-0000-4000-8000-000000000000', corrections: [{ file: 0, block: 3, as: 'lesson' }] }],
  ['word:import', { previewId: '00000000-0000-4000-8000-000000000000', corrections: [], dryRun: true }],
  ['roundtrip:preview', { fileName: 'plan.docx', bytesBase64: 'UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==' }],
  ['roundtrip:apply', { previewId: '00000000-0000-4000-8000-000000000000', as: 'overrides', names: ['cc_1_0_sm1'], dryRun: true }],
  ['roundtrip:undo', undefined],
  ['export:plan', { target: { kind: 'lesson', id: 'use-of-force', lessonIndex: 1 }, variant: 'trainer', paper: 'letter', annexes: false }],
  ['export:docx', { target: { kind: 'curriculum', id: 'induction' }, variant: 'participant', paper: 'a4', annexes: true, taskId: 'export-1' }],
  ['export:kit', { curriculumId: 'induction', paper: 'letter', taskId: 'kit-1' }],
  ['app:reveal-file', { path: '/home/trainer/course.docx', action: 'folder' }],
  ['task:cancel', { taskId: 'preview-1' }],
  ['sync:status', undefined],
  [
    'sync:setup',
    {
      remote: 'https://git.academy.example/library.git',
      mode: 'share',
      includeCourses: true,
      author: { name: 'Amina', email: 'amina@example.org' },
      autoSyncMinutes: 15,
      token: 'glpat-abc123',
      username: 'oauth2',
    },
  ],
  ['sync:disconnect', { forgetHistory: false }],
  ['sync:now', { taskId: 'sync-1', onConflict: 'keep-mine' }],
  ['sync:resolve', { resolveId: `${'a'.repeat(40)}.${'b'.repeat(40)}`, choices: { modules: { 'use-of-force': { fields: { summary: 'theirs' } } }, courses: { induction: { take: 'mine' } }, references: {} }, taskId: 'sync-2' }],
  ['history:list', { module: 'use-of-force', limit: 50 }],
  ['history:show', { course: 'induction', commit: 'c'.repeat(40) }],
  ['history:diff', { module: 'use-of-force', from: 'c'.repeat(40), to: 'd'.repeat(40) }],
  ['history:restore', { module: 'use-of-force', commit: 'c'.repeat(40) }],
  ['history:undo-restore', undefined],
];

describe('registerIpc', () => {
  beforeEach(() => { setup(DEV.origin); });

  it('registers exactly one handler for each channel of the contract', () => {
    expect(electron.ipcMain.handle).toHaveBeenCalledTimes(CHANNELS.length);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
  });

  describe('sender checks', () => {
    it('answers a call from the main frame of our own window', async () => {
      await expect(call('store:status', undefined, trustedSender(DEV.page))).resolves.toEqual({ ok: true, value: STATUS });
    });

    it('refuses a call from a sub-frame of our own window', async () => {
      const sender = trustedSender(DEV.page);
      const iframe = { url: DEV.page };
      const result = await call('store:status', undefined, sender, iframe);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expectNoHandlerCalled();
    });

    it('refuses a call from a frame that is gone (senderFrame null)', async () => {
      const sender = trustedSender(DEV.page);
      await expect(call('store:status', undefined, sender, null)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expectNoHandlerCalled();
    });

    it.each(['https://evil.example/', 'http://localhost:5174/', 'file:///tmp/index.html', 'app://evil/index.html', 'about:blank', ''])(
      'refuses a call from a main frame showing %s',
      async (url) => {
        const result = await call('store:status', undefined, trustedSender(url));
        expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expectNoHandlerCalled();
      },
    );

    it('refuses a call from a WebContents that belongs to no BrowserWindow', async () => {
      const sender = fakeSender(DEV.page);
      const result = await call('store:status', undefined, sender);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(electron.BrowserWindow.fromWebContents).toHaveBeenCalledWith(sender);
      expectNoHandlerCalled();
    });

    it('refuses an untrusted sender even when its payload is valid, before validating it', async () => {
      const result = await call('library:get', { id: 'use-of-force' }, trustedSender('https://evil.example/'));
      expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: 'Untrusted sender' } });
      expectNoHandlerCalled();
    });
  });

  describe('argument validation', () => {
    it.each(INVALID)('%s rejects %j as invalid-argument without calling a handler', async (channel, payload) => {
      const result = await call(channel, payload, trustedSender(DEV.page));
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
      expectNoHandlerCalled();
    });

    it('has an invalid and a valid payload for every channel of the contract', () => {
      // Keeps the tables honest when a channel is added to the contract.
      const invalid = new Set(INVALID.map(([channel]) => channel));
      const valid = new Set(VALID.map(([channel]) => channel));
      expect(CHANNELS.filter((c) => !invalid.has(c) || !valid.has(c))).toEqual([]);
    });

    it.each(VALID)('%s passes the validated payload %j to its handler', async (channel, payload) => {
      const result = await call(channel, payload, trustedSender(DEV.page));
      expect(handlers[channel]).toHaveBeenCalledTimes(1);
      expect(handlers[channel]).toHaveBeenCalledWith(payload);
      for (const other of CHANNELS) if (other !== channel) expect(handlers[other], other).not.toHaveBeenCalled();
      expect(result.ok).toBe(true);
    });
  });

  describe('results', () => {
    it('returns the handler value as {ok: true, value}', async () => {
      const value = { ...DETAIL, placeholders: ['country'] };
      handlers['library:get'].mockResolvedValueOnce(value);
      const result = await call('library:get', { id: 'use-of-force' }, trustedSender(DEV.page));
      expect(result).toEqual({ ok: true, value });
    });

    it('turns an AppError into {ok: false} with its code and message', async () => {
      handlers['library:get'].mockRejectedValueOnce(new AppError('not-found', 'No module "missing-one"'));
      const result = await call('library:get', { id: 'missing-one' }, trustedSender(DEV.page));
      expect(result).toEqual({ ok: false, error: { code: 'not-found', message: 'No module "missing-one"' } });
    });

    it('turns any other thrown error into code internal without rejecting', async () => {
      handlers['store:backups'].mockRejectedValueOnce(new TypeError('Cannot read properties of undefined'));
      const result = await call('store:backups', undefined, trustedSender(DEV.page));
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'Cannot read properties of undefined' } });
    });

    it('turns a thrown non-Error into code internal', async () => {
      handlers['settings:get'].mockImplementationOnce(() => {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- the point: code may throw a non-Error
        throw 'kaput';
      });
      const result = await call('settings:get', undefined, trustedSender(DEV.page));
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: 'kaput' } });
    });
  });
});

describe('registerIpc for the built app (APP_ORIGIN)', () => {
  beforeEach(() => { setup(BUILT.origin); });

  it('refuses a call from a foreign origin', async () => {
    const result = await call('library:list', {}, trustedSender('https://evil.example/'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectNoHandlerCalled();
  });

  it('refuses a call from another host of the app scheme', async () => {
    const result = await call('library:list', {}, trustedSender('app://evil/index.html'));
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectNoHandlerCalled();
  });

  it('refuses a call from a sub-frame showing the app origin', async () => {
    const sender = trustedSender(BUILT.page);
    const result = await call('library:list', {}, sender, { url: BUILT.page });
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expectNoHandlerCalled();
  });

  // Regression: Node's URL gives app://composer/... the opaque origin "null"; the built app's own calls must pass.
  it('answers a valid call from the main frame of app://composer/index.html', async () => {
    const result = await call('store:status', undefined, trustedSender(BUILT.page));
    expect(result).toEqual({ ok: true, value: STATUS });
  });

  it('validates the payload of a call from app://composer/index.html', async () => {
    const result = await call('library:get', { id: 42 }, trustedSender(BUILT.page));
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });
});

describe('broadcast', () => {
  it('sends the event and payload to every window', () => {
    const windows = [{ webContents: { send: vi.fn() } }, { webContents: { send: vi.fn() } }];
    electron.BrowserWindow.getAllWindows.mockReturnValueOnce(windows);
    broadcast('menu:command', { command: 'find' });
    for (const window of windows) expect(window.webContents.send).toHaveBeenCalledWith('menu:command', { command: 'find' });
  });
});

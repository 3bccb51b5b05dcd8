import { vi } from 'vitest';
import type { Channel, EventName } from '../../../shared/ipc/channels';
import type { ComposerBridge, EventPayload, IpcResult, Res } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import type { FacetCounts } from '../../../shared/domain/library-search';
import { AUDIENCES } from '../../../shared/schemas/module';
import type { ModuleSummary } from '../../../shared/schemas/library';
import type { ModuleDetail } from '../../../shared/schemas/library-detail';
import type { Module } from '../../../shared/schemas/module';
import type { Settings } from '../../../shared/schemas/settings';
import { THEMES } from '../../../shared/schemas/themes';
import type { StoreStatus } from '../../../shared/schemas/store';
import type { SyncStatus } from '../../../shared/schemas/sync';

type Answers = { [C in Channel]?: (req: unknown) => Res<C> | Promise<Res<C>> };

export const EMPTY_FACETS: FacetCounts = {
  themes: Object.fromEntries(THEMES.map((k) => [k, 0])) as FacetCounts['themes'],
  languages: { en: 0, fr: 0, ar: 0 },
  audiences: Object.fromEntries(AUDIENCES.map((k) => [k, 0])) as FacetCounts['audiences'],
  levels: { basic: 0, intermediate: 0, advanced: 0 },
  sources: {},
};

/**
 * A `library:list` answer over `matches` (already filtered and ranked) as the service gives it: the slice
 * the request's `offset` and `limit` ask for, with `matched` counting every match.
 */
export function listAnswer(matches: readonly ModuleSummary[], request: unknown, options: { facets?: FacetCounts; total?: number } = {}): Res<'library:list'> {
  const { offset = 0, limit } = (request ?? {}) as { offset?: number; limit?: number };
  return {
    modules: matches.slice(offset, limit === undefined ? undefined : offset + limit),
    facets: options.facets ?? EMPTY_FACETS,
    matched: matches.length,
    total: options.total ?? matches.length,
  };
}

/** The `sync:status` of a library that is not connected to a shared library. */
export const NOT_SHARED: SyncStatus = {
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

export const HEALTHY: StoreStatus = { dataDir: '/data/cc', healthy: true, problems: [], seeded: false, readOnly: null };

/** The `library:get` answer for a module with no links: no references, translations, prerequisites or uses. */
export function plainDetail(module: Module): ModuleDetail {
  return {
    module,
    references: [],
    translationStatus: 'source',
    translations: [],
    prerequisites: [],
    placeholders: [],
    usage: { curricula: [], prerequisiteOf: [], translations: [] },
    linkedModules: [],
  };
}

/** An in-memory bridge: answers per channel, records calls, and lets a test push events. */
export function fakeBridge(answers: Answers = {}) {
  let settings: Settings = { language: 'en' };
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const defaults: Answers = {
    'store:status': () => HEALTHY,
    'settings:get': () => settings,
    'settings:update': (req) => (settings = { ...settings, ...(req as Partial<Settings>) }),
    'library:list': (req) => listAnswer([], req),
    'store:backups': () => [],
    'curriculum:list': () => [],
    'sync:status': () => NOT_SHARED,
    'history:list': () => ({ available: false, entries: [] }),
    'app:licenses': () => [
      { name: 'react', version: '19', license: 'MIT', text: 'MIT License\n\nCopyright (c) Meta Platforms, Inc. and affiliates.' },
      { name: 'bare', version: '1.0.0', license: 'ISC', text: null },
    ],
    'app:info': () => ({ name: 'Curriculum Composer', version: '1.2.3', host: 'web', dataDir: '/data/cc', licenses: [{ name: 'react', version: '19', license: 'MIT' }] }),
  };
  const invoke = vi.fn(async (channel: Channel, payload: unknown): Promise<IpcResult<unknown>> => {
    const answer = (answers[channel] ?? defaults[channel]) as ((req: unknown) => unknown) | undefined;
    if (!answer) return { ok: false, error: { code: 'internal', message: `no fake for ${channel}` } };
    try {
      return { ok: true, value: await answer(payload) };
    } catch (error) {
      // An AppError keeps its code, as the real API does; anything else is reported as 'internal'.
      if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
      return { ok: false, error: { code: 'internal', message: (error as Error).message } };
    }
  });
  const bridge: ComposerBridge = {
    invoke: invoke as unknown as ComposerBridge['invoke'],
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener as (payload: unknown) => void);
      listeners.set(event, set);
      return () => set.delete(listener as (payload: unknown) => void);
    },
  };
  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of listeners.get(event) ?? []) listener(payload);
  }
  /** Whether the app listens to `event` yet: it subscribes in effects, which may run after the page is found. */
  function listening(event: EventName): boolean {
    return (listeners.get(event)?.size ?? 0) > 0;
  }
  return { bridge, invoke, emit, listening };
}

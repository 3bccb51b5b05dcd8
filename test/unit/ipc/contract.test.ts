import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, EVENTS } from '../../../shared/ipc/channels';
import { contract, events, type Handlers } from '../../../shared/ipc/contract';
import { dispatch } from '../../../shared/ipc/dispatch';
import { AppError } from '../../../shared/errors';

function fakeHandlers(): Handlers {
  return Object.fromEntries(CHANNELS.map((c) => [c, vi.fn(() => Promise.resolve({ from: c }))])) as unknown as Handlers;
}

/** For each channel, a request that must be refused at the boundary. */
const BAD_REQUESTS: Record<(typeof CHANNELS)[number], unknown> = {
  'app:info': { extra: true },
  'app:licenses': { extra: true },
  'app:open-external': { url: 'javascript:alert(1)' },
  'store:status': 'nope',
  'store:backups': 42,
  'store:restore': { backupId: '../../etc/passwd' },
  'settings:get': [],
  'settings:update': { language: 'de' },
  'library:list': { text: 'x'.repeat(201) },
  'library:get': { id: 'Not An Id!' },
  'library:references': { id: 'x' },
  'library:placeholders': { all: true },
  'library:save': { module: { id: 'half-a-module' }, baseRevision: null, bump: false },
  'library:duplicate': { id: 'hr-foundations' },
  'library:usage': {},
  'library:delete': { id: 'hr-foundations', confirmed: 1 },
  'curriculum:list': { includeArchived: 'yes' },
  'curriculum:get': { id: '../curricula.json' },
  'curriculum:create': { title: '', moduleIds: ['hr-foundations'] },
  'curriculum:save': { curriculum: { id: 'foundation-course' }, baseUpdatedAt: '2026-11-01T00:00:00.000Z' },
  'curriculum:duplicate': { id: 'foundation-course', title: '' },
  'curriculum:archive': { id: 'foundation-course' },
  'curriculum:delete': { id: 'foundation-course', confirmed: 'true' },
  'curriculum:check': { id: 'Foundation Course' },
  'app:save-file': { fileName: '../../etc/passwd', bytesBase64: 'AA==' },
  'pack:export': { moduleIds: ['Not Valid!'], title: 'x', publisher: 'y', license: 'z' },
  'pack:preview': { fileName: 'a.ccpack', bytesBase64: 'not base64!' },
  'pack:import': { previewId: 'not-a-uuid', decisions: {} },
  'pack:last-import': { x: 1 },
  'pack:undo-import': 'now',
  'word:preview': { files: [{ fileName: '../plan.docx', bytesBase64: 'AA==' }] },
  'word:repreview': { previewId: 'x', corrections: [] },
  'word:import': { previewId: '00000000-0000-4000-8000-000000000000', corrections: [{ file: -1, block: 0, as: 'lesson' }] },
  'roundtrip:preview': { fileName: 'plan/x.docx', bytesBase64: '' },
  'roundtrip:apply': { previewId: 'not-a-uuid', as: 'library' },
  'roundtrip:undo': 'now',
  'export:plan': { target: { kind: 'lesson', id: 'use-of-force', lessonIndex: -1 } },
  'export:docx': { target: { kind: 'curriculum', id: 'foundation-course' }, variant: 'everything' },
  'export:kit': { curriculumId: 'foundation-course', paper: 'a3' },
  'app:reveal-file': { path: '/tmp/a.docx', action: 'run' },
  'task:cancel': { taskId: '../../x' },
  'sync:status': { remote: 'x' },
  'sync:setup': { remote: 'https://user:secret@git.example.org/library.git', author: { name: 'Amina', email: 'amina@example.org' } },
  'sync:disconnect': { forgetHistory: 'yes' },
  'sync:now': { onConflict: 'keep-both' },
  'sync:resolve': { resolveId: 'abc', choices: {} },
  'history:list': { module: '../library/modules/x' },
  'history:show': { module: 'use-of-force', commit: 'HEAD' },
  'history:diff': { course: 'foundation-course', from: 'HEAD~1' },
  'history:restore': { module: 'use-of-force' },
  'history:undo-restore': { module: 'use-of-force' },
};

describe('the API contract', () => {
  it('defines exactly the listed channels and events', () => {
    expect(Object.keys(contract).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(events).sort()).toEqual([...EVENTS].sort());
  });

  it.each(CHANNELS.map((c) => [c]))('%s refuses a malformed request with invalid-argument, before its handler runs', async (channel) => {
    const handlers = fakeHandlers();
    const result = await dispatch(handlers, channel, BAD_REQUESTS[channel]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-argument');
      expect(result.error.message).toContain(channel);
    }
    expect(handlers[channel]).not.toHaveBeenCalled();
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch(fakeHandlers(), 'fs:delete', {})).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('returns handler errors as values with their stable code', async () => {
    const handlers = fakeHandlers();
    handlers['library:get'] = () => Promise.reject(new AppError('not-found', 'No module'));
    expect(await dispatch(handlers, 'library:get', { id: 'x1' })).toEqual({ ok: false, error: { code: 'not-found', message: 'No module' } });
    handlers['library:get'] = () => Promise.reject(new TypeError('boom'));
    expect(await dispatch(handlers, 'library:get', { id: 'x1' })).toEqual({ ok: false, error: { code: 'internal', message: 'boom' } });
  });

  it('passes a valid request to its handler', async () => {
    const handlers = fakeHandlers();
    expect(await dispatch(handlers, 'library:get', { id: 'hr-foundations' })).toEqual({ ok: true, value: { from: 'library:get' } });
    expect(handlers['library:get']).toHaveBeenCalledWith({ id: 'hr-foundations' });
  });
});

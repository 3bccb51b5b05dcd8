import { afterEach, describe, expect, it } from 'vitest';
import { closeServices, openServices, createHandlers } from '../../../electron/services/handlers';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { DEFAULT_PACK_LIMITS } from '../../../electron/services/packs/pack-reader';
import { startWebHarness, type WebHarness } from '../../../electron/web/server';
import { UploadStore, type UploadLimits } from '../../../electron/web/uploads';
import { UPLOAD_MAX_BYTES, UPLOAD_PATH } from '../../../shared/ipc/contract';
import type { Module } from '../../../shared/schemas/module';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';
import { buildPack, json, validDraft } from '../packs/zip-craft';

const sample = await loadSampleLibrary(RESOURCES_DIR);
const TOO_LARGE = 'The pack file is larger than 100 MB.';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

/** The harness as `npm run web` wires it: uploads held by the server, taken by the `pack:preview` handler. */
async function start(limits: Partial<UploadLimits> = {}): Promise<WebHarness> {
  const uploads = new UploadStore({ maxBytes: UPLOAD_MAX_BYTES, maxHeld: 2, ttlMs: 60_000, ...limits }, TOO_LARGE);
  const services = await openServices(
    await tempDir(),
    { kind: 'web', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false), takeUpload: (id) => uploads.take(id) },
    { keep: 10, minIntervalMs: 0 },
  );
  const harness = await startWebHarness({ rendererDir: await tempDir(), handlers: createHandlers(services), uploads });
  stop = async () => {
    await harness.close();
    closeServices(services);
  };
  return harness;
}

/** A sample module grown to about `bytes` of JSON with long step activities (no colons: they would look like links). */
function bigModule(id: string, bytes: number): Module {
  const base = sample.modules[0]!;
  const text = 'Trainers read this long activity aloud and participants answer in groups. '.repeat(260).slice(0, 19_500);
  const lesson = base.lessons[0]!;
  const step = { ...lesson.steps[0]!, trainerActivity: text, participantActivity: text };
  const perLesson = 40 * 2 * text.length;
  const lessons = Array.from({ length: Math.min(12, Math.ceil(bytes / perLesson)) }, (_, i) => ({ ...lesson, code: `1.${String(i + 1)}`, steps: Array.from({ length: 40 }, () => step) }));
  return { ...base, id, lessons };
}

/** A valid pack of more than 20 MB: stored (not deflated), so the file is as large as its content. */
function largePack(): Buffer {
  const draft = validDraft(sample.modules[0]!, sample.references);
  const modules = [bigModule('large-one', 11_000_000), bigModule('large-two', 11_000_000)];
  draft.files = [
    ...modules.map((m) => ({ name: `modules/${m.id}.json`, data: json(m), method: 0 })),
    ...draft.files.filter((f) => f.name === 'references.json'),
  ];
  return buildPack(draft);
}

const upload = (h: WebHarness, body: Buffer, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${String(h.port)}${UPLOAD_PATH}`, {
    method: 'POST',
    headers: { 'x-composer-token': h.token, 'content-type': 'application/octet-stream', ...headers },
    body: new Uint8Array(body),
  });

const invoke = (h: WebHarness, channel: string, body: unknown) =>
  fetch(`http://127.0.0.1:${String(h.port)}/api/invoke/${channel}`, {
    method: 'POST',
    headers: { 'x-composer-token': h.token, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then((r) => r.json() as Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }>);

describe('uploading a pack to the web harness', () => {
  it('caps uploads at the pack limit', () => {
    expect(UPLOAD_MAX_BYTES).toBe(DEFAULT_PACK_LIMITS.maxTotalBytes);
  });

  it('previews a pack of more than 20 MB streamed as raw bytes, which base64 in JSON cannot carry', { timeout: 60_000 }, async () => {
    const h = await start();
    const pack = largePack();
    expect(pack.length).toBeGreaterThan(20 * 1024 * 1024);
    // The JSON API keeps its 20 MB body limit.
    expect(await invoke(h, 'pack:preview', { fileName: 'large.ccpack', bytesBase64: pack.toString('base64') })).toMatchObject({ ok: false, error: { message: 'Request body is too large' } });

    const answer = (await (await upload(h, pack)).json()) as { ok: boolean; value: { uploadId: string } };
    expect(answer).toMatchObject({ ok: true, value: { uploadId: expect.stringMatching(/^[0-9a-f-]{36}$/) as string } });
    const preview = await invoke(h, 'pack:preview', { fileName: 'large.ccpack', uploadId: answer.value.uploadId });
    expect(preview).toMatchObject({ ok: true, value: { items: [{ moduleId: 'large-one', status: 'new' }, { moduleId: 'large-two', status: 'new' }] } });
    // An upload is used once.
    expect(await invoke(h, 'pack:preview', { fileName: 'large.ccpack', uploadId: answer.value.uploadId })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'The uploaded pack is no longer available; open the file again.' },
    });
  });

  it('refuses an upload over the cap, declared or streamed, with the reader’s message', async () => {
    const h = await start({ maxBytes: 1000 });
    const declared = await upload(h, Buffer.alloc(1001));
    expect(declared.status).toBe(413);
    expect(await declared.json()).toEqual({ ok: false, error: { code: 'invalid-argument', message: TOO_LARGE } });
    // Without a Content-Length (chunked), the cap applies as the bytes arrive.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 5; i += 1) controller.enqueue(new Uint8Array(400));
        controller.close();
      },
    });
    const chunked = await fetch(`http://127.0.0.1:${String(h.port)}${UPLOAD_PATH}`, {
      method: 'POST',
      headers: { 'x-composer-token': h.token, 'content-type': 'application/octet-stream' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(413);
    expect(((await chunked.json()) as { error: { message: string } }).error.message).toBe(TOO_LARGE);
  });

  it('applies the token and Origin checks, and takes only raw bytes', async () => {
    const h = await start();
    const url = `http://127.0.0.1:${String(h.port)}${UPLOAD_PATH}`;
    expect((await fetch(url, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'x' })).status).toBe(403);
    expect((await upload(h, Buffer.from('x'), { origin: 'https://evil.example' })).status).toBe(403);
    expect((await upload(h, Buffer.from('x'), { 'content-type': 'application/json' })).status).toBe(415);
    expect(await invoke(h, 'pack:preview', { fileName: 'x.ccpack', uploadId: 'not-a-uuid' })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('holds few uploads, for a while: the oldest is dropped and unused ones expire', async () => {
    let now = 0;
    const store = new UploadStore({ maxBytes: 100, maxHeld: 2, ttlMs: 1000 }, TOO_LARGE, () => now);
    const receive = async (text: string) => {
      const { Readable } = await import('node:stream');
      const req = Object.assign(Readable.from([Buffer.from(text)]), { headers: { 'content-length': String(text.length) } });
      const received = await store.receive(req as never);
      if (!received.ok) throw new Error(received.message);
      return received.uploadId;
    };
    const first = await receive('one');
    const second = await receive('two');
    const third = await receive('three');
    expect(store.take(first)).toBeNull();
    expect(store.take(second)?.toString()).toBe('two');
    now = 1001;
    expect(store.take(third)).toBeNull();
  });
});


import { afterEach, describe, expect, it, vi } from 'vitest';
import { UPLOAD_MAX_BYTES, UPLOAD_PATH } from '../../shared/ipc/contract';
import { getBridge, setBridge } from '../../renderer/src/lib/bridge';
import { packSource } from '../../renderer/src/lib/incoming-packs';
import { fakeBridge } from './fakes/fake-bridge';

const UPLOAD_ID = '3f2a0c1e-7d44-4b8e-9a51-2c6f0e8d9b13';

afterEach(() => {
  vi.unstubAllGlobals();
  setBridge(null);
});

describe('handing a chosen or dropped pack file to pack:preview', () => {
  it('streams it to the web harness as raw bytes and passes the upload id', async () => {
    const fetchMock = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify({ ok: true, value: { uploadId: UPLOAD_ID } }))));
    vi.stubGlobal('fetch', fetchMock);
    setBridge(null);
    expect(getBridge().upload).toBeTypeOf('function');
    const file = new Blob([new Uint8Array([80, 75, 3, 4])]);
    expect(await packSource({ fileName: 'p.ccpack', file })).toEqual({ fileName: 'p.ccpack', uploadId: UPLOAD_ID });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe(`${window.location.origin}${UPLOAD_PATH}`);
    expect(init).toMatchObject({ method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  });

  it('refuses a file over the pack limit before sending anything', async () => {
    const fetchMock = vi.fn();
    vi.stubGlobal('fetch', fetchMock);
    setBridge(null);
    const file = { size: UPLOAD_MAX_BYTES + 1 } as Blob;
    await expect(packSource({ fileName: 'big.ccpack', file })).rejects.toMatchObject({ code: 'invalid-argument', message: 'The pack file is larger than 100 MB.' });
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('reports the server’s refusal of an upload', async () => {
    vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ok: false, error: { code: 'invalid-argument', message: 'The pack file is larger than 100 MB.' } }), { status: 413 }))));
    setBridge(null);
    await expect(packSource({ fileName: 'p.ccpack', file: new Blob(['x']) })).rejects.toMatchObject({ message: 'The pack file is larger than 100 MB.' });
  });

  it('sends base64 where the host takes no uploads (the desktop app)', async () => {
    setBridge(fakeBridge().bridge);
    // jsdom's Blob has no arrayBuffer(); browsers' has.
    const file = { size: 4, arrayBuffer: () => Promise.resolve(new Uint8Array([80, 75, 3, 4]).buffer) } as unknown as Blob;
    expect(await packSource({ fileName: 'p.ccpack', file })).toEqual({ fileName: 'p.ccpack', bytesBase64: 'UEsDBA==' });
    // A pack the main process already read stays as it is.
    expect(await packSource({ fileName: 'q.ccpack', bytesBase64: 'AA==' })).toEqual({ fileName: 'q.ccpack', bytesBase64: 'AA==' });
  });
});

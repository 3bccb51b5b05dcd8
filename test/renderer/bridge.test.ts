import { afterEach, describe, expect, it, vi } from 'vitest';
import { getBridge, setBridge } from '../../renderer/src/lib/bridge';
import { fakeBridge } from './fakes/fake-bridge';

afterEach(() => {
  delete window.composer;
  vi.unstubAllGlobals();
});

describe('choosing the transport', () => {
  it('uses the Electron preload bridge when it is present', () => {
    const { bridge } = fakeBridge();
    window.composer = bridge;
    setBridge(null);
    expect(getBridge()).toBe(bridge);
  });

  it('falls back to HTTP on the page origin in the web harness', async () => {
    setBridge(null);
    const fetchMock = vi.fn(() => Promise.resolve(new Response(JSON.stringify({ ok: true, value: 'pong' }))));
    vi.stubGlobal('fetch', fetchMock);
    const result = await getBridge().invoke('store:status', {});
    expect(result).toEqual({ ok: true, value: 'pong' });
    expect(fetchMock).toHaveBeenCalledWith(`${window.location.origin}/api/invoke/store:status`, expect.objectContaining({ method: 'POST' }));
  });

  it('turns an unreachable server into a typed error instead of throwing', async () => {
    setBridge(null);
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    const result = await getBridge().invoke('store:status', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

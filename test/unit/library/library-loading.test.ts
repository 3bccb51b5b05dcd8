import { afterEach, describe, expect, it, vi } from 'vitest';
import { LibraryLoading } from '../../../electron/services/library/library-loading';
import { Store } from '../../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { openTestStore, smallLibrary } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

/** A seeded folder opened as the web harness opens one with a search index: the library read later. */
async function deferredStore(): Promise<Store> {
  const dir = await tempDir();
  (await openTestStore(dir)).close();
  return Store.open({ dataDir: dir, owner: 'test', seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: smallLibrary }, deferred: ['library'] });
}

const stores: Store[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const store of stores.splice(0)) store.close();
});

describe('LibraryLoading', () => {
  it('reads the library once nothing has asked for a quiet moment; each request puts it off', async () => {
    const store = await deferredStore();
    stores.push(store);
    const loading = new LibraryLoading(store, 3_000);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const loaded = vi.spyOn(store, 'loaded');
    loading.later();
    vi.advanceTimersByTime(2_000);
    loading.later();
    vi.advanceTimersByTime(2_999);
    expect(loaded).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(loaded).toHaveBeenCalledTimes(1);
    vi.useRealTimers();
    await loading.settled();
    expect(store.status().loading).toBeUndefined();
  });

  it('reads it at once for a call that needs it; waiting for it does not ask for it', async () => {
    const store = await deferredStore();
    stores.push(store);
    const loading = new LibraryLoading(store, 3_600_000);
    const loaded = vi.spyOn(store, 'loaded');
    const settled = loading.settled();
    expect(loaded).not.toHaveBeenCalled();
    await loading.now();
    await settled;
    expect(store.read('library').modules).toHaveLength(1);
  });

  it('has nothing to wait for when the store read the library at open', async () => {
    const store = await openTestStore(await tempDir());
    stores.push(store);
    await new LibraryLoading(store).settled();
    expect(store.status().loading).toBeUndefined();
  });
});

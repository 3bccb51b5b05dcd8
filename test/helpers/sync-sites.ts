/**
 * Academies that share a library in the sync tests: each is a data folder opened with the real services and
 * handlers (as the CLI opens them), connected to one remote.
 */
import { unwrap } from '../../shared/ipc/result';
import { dispatch } from '../../shared/ipc/dispatch';
import type { Channel } from '../../shared/ipc/channels';
import type { Req, Res } from '../../shared/ipc/contract';
import type { Module } from '../../shared/schemas/module';
import { openTestServices } from './open-test-store';
import { bareRepo } from './git-server';
import { tempDir } from './temp-dir';
import { memoryTokenKeeper } from '../../electron/services/sync/tokens';

export type Site = Awaited<ReturnType<typeof openSite>>;

export async function openSite(name: string, dataDir?: string) {
  const dir = dataDir ?? (await tempDir(`cc-sync-${name}-`));
  const services = await openTestServices(dir, { syncTokens: memoryTokenKeeper({}) });
  const call = async <C extends Channel>(channel: C, req?: Req<C>): Promise<Res<C>> => unwrap(await dispatch(services.handlers, channel, req)) as Res<C>;
  return {
    name,
    dir,
    services,
    call,
    /** Fails with the error's code and message, for tests that expect a refusal. */
    failure: async <C extends Channel>(channel: C, req?: Req<C>) => {
      const result = await dispatch(services.handlers, channel, req);
      if (result.ok) throw new Error(`${channel} succeeded`);
      return result.error;
    },
    module: (id: string): Module => {
      const found = services.store.read('library').modules.find((m) => m.id === id);
      if (!found) throw new Error(`no module ${id} at ${name}`);
      return found;
    },
    async edit(id: string, change: (m: Module) => Partial<Module>): Promise<Module> {
      const current = this.module(id);
      return call('library:save', { module: { ...current, ...change(current) }, baseRevision: current.revision, bump: true });
    },
    setup: (remote: string, extra: Partial<Req<'sync:setup'>> = {}) =>
      call('sync:setup', { remote, author: { name: `Designer ${name}`, email: `${name.toLowerCase()}@academy.example` }, ...extra }),
    close: () => {
      services.sync.stop();
      services.store.close();
    },
  };
}

/** A bare repository in a fresh folder: the remote of academies that share through a folder (a network drive, a USB stick). */
export async function folderRemote(): Promise<string> {
  return bareRepo(await tempDir('cc-remote-'), 'library');
}

/** Academies A and B, each in its own data folder, added to `open` for the test's `afterEach` to close. */
export async function twoSites(open: Site[]): Promise<{ a: Site; b: Site }> {
  const a = await openSite('A');
  const b = await openSite('B');
  open.push(a, b);
  return { a, b };
}

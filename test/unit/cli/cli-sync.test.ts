import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { TOKEN_ENV } from '../../../electron/services/sync/tokens';
import { bareRepo, startGitServer, type GitServer } from '../../helpers/git-server';
import { openTestServices, REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Edits a module's title in a data folder, as the app would (the CLI has no editing command). */
async function retitle(dataDir: string, id: string, title: string): Promise<void> {
  const services = await openTestServices(dataDir);
  try {
    const module = services.library.find(id);
    await services.library.save({ module: { ...module, title }, baseRevision: module.revision, bump: true });
  } finally {
    services.store.close();
  }
}

const servers: GitServer[] = [];
afterEach(async () => {
  Reflect.deleteProperty(process.env, TOKEN_ENV);
  for (const server of servers.splice(0)) await server.close();
});

describe('cli: sync, history and restore', () => {
  it('sets up, syncs two academies through a folder, lists a module history and restores an old revision', async () => {
    const root = await tempDir('cc-cli-sync-');
    const remote = bareRepo(root, 'library');
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    expect(await cli('sync', 'status', '--data', a)).toMatchObject({ code: 0, out: 'Not connected to a shared library.' });
    for (const [dir, name] of [[a, 'Amina'], [b, 'Bruno']] as const) {
      const setup = await cli('sync', 'setup', '--remote', remote, '--name', name, '--email', `${name.toLowerCase()}@academy.example`, '--data', dir);
      expect(setup.code, setup.err).toBe(0);
      expect(setup.out).toMatch(/^Sharing with .*library\.git \(modules\)\. 21 local changes to send\. Never synced\./);
    }
    expect((await cli('sync', 'now', '--data', a)).code).toBe(0);
    expect((await cli('sync', 'now', '--data', b)).code).toBe(0);
    await retitle(a, 'hr-foundations', 'First change by Amina');
    expect((await cli('sync', 'status', '--data', a)).out).toMatch(/1 local change to send\./);
    expect((await cli('sync', 'now', '--data', a)).out).toMatch(/^Sent 1 local change; received 0 new, 0 changed and 0 removed modules\./);
    const received = await cli('sync', 'now', '--data', b);
    expect(received.out).toMatch(/received 0 new, 1 changed and 0 removed modules/);
    expect(received.out).toMatch(/Update available in "Foundation course/);

    const historyB = await cli('history', 'hr-foundations', '--data', b);
    expect(historyB.code, historyB.err).toBe(0);
    expect(historyB.out.split('\n')[0]).toMatch(/Amina <amina@academy\.example>\s+changed r\d+\s+Changed First change by Amina$/);
    const json = JSON.parse((await cli('history', 'hr-foundations', '--json', '--data', b)).out) as { entries: { commit: string; revision: number }[] };
    const oldest = json.entries.at(-1);
    if (!oldest) throw new Error('no history');
    const restored = await cli('restore', 'hr-foundations', oldest.commit.slice(0, 10), '--data', b);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toMatch(/^Restored hr-foundations as it was at [0-9a-f]{10} \(now revision \d+\); the next "sync now" sends it\.$/);
    expect((await cli('sync', 'now', '--data', b)).code).toBe(0);
    await cli('sync', 'now', '--data', a);
    const services = await openTestServices(a);
    try {
      expect(services.library.find('hr-foundations').title).not.toBe('First change by Amina');
    } finally {
      services.store.close();
    }
  });

  it('reads the token of an https remote from CC_SYNC_TOKEN, and stops with exit 1 and the conflicts listed', async () => {
    const root = await tempDir('cc-cli-http-');
    bareRepo(root, 'library');
    const server = await startGitServer(root, 'cli-token');
    servers.push(server);
    const [a, b] = [join(root, 'a'), join(root, 'b')];
    for (const dir of [a, b]) expect((await cli('sync', 'setup', '--remote', server.url('library'), '--name', 'X', '--email', 'x@academy.example', '--data', dir)).code).toBe(0);
    const refused = await cli('sync', 'now', '--data', a);
    expect(refused).toMatchObject({ code: 1 });
    expect(refused.err).toMatch(/^error: .* needs an access token: set one in Settings \(or CC_SYNC_TOKEN for the command line\)\.$/);
    process.env[TOKEN_ENV] = 'cli-token';
    expect((await cli('sync', 'now', '--data', a)).code).toBe(0);
    expect((await cli('sync', 'now', '--data', b)).code).toBe(0);
    await retitle(a, 'hr-foundations', 'A');
    await retitle(b, 'hr-foundations', 'B');
    await cli('sync', 'now', '--data', a);
    const stopped = await cli('sync', 'now', '--data', b);
    expect(stopped.code).toBe(1);
    expect(stopped.out).toMatch(/^Stopped on 1 conflict; nothing was changed:\n {2}module hr-foundations ".*": changed on both sides \(fields: title\)$/);
    expect((await cli('sync', 'now', '--on-conflict', 'take-theirs', '--data', b)).code).toBe(0);
    expect((await cli('sync', 'status', '--json', '--data', b)).out).toMatch(/"state": "up-to-date"/);
  });

  it('shows help for the one-word commands', async () => {
    expect((await cli('history', '--help')).out).toMatch(/^Usage: npm run cli -- history MODULE_ID \[--course\]/);
    expect((await cli('help', 'restore')).out).toMatch(/^Usage: npm run cli -- restore MODULE_ID REVISION/);
    expect((await cli('--help')).out).toMatch(/\nsync: Share the library/);
  });
});

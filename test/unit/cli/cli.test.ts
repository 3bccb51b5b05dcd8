import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function seeded(): Promise<string> {
  const dir = await tempDir();
  expect((await cli('library', 'list', '--data', dir)).code).toBe(0);
  return dir;
}

describe('cli: help and usage errors', () => {
  it('lists the commands with --help', async () => {
    const { code, out } = await cli('--help');
    expect(code).toBe(0);
    expect(out).toContain('data check');
    expect(out).toContain('data restore BACKUP');
  });

  it('shows help for one command', async () => {
    const { code, out } = await cli('data', 'backups', '--help');
    expect(code).toBe(0);
    expect(out).toContain('Usage: npm run cli -- data backups');
  });

  it.each([
    [['data', 'frobnicate'], /^error: unknown command "data frobnicate"/],
    [['data', 'check', '--nope'], /^error: Unknown option '--nope'/],
    [['data', 'restore'], /^error: "data restore" takes 1 argument/],
  ])('%j prints one error line and exits non-zero', async (args, message) => {
    const { code, err } = await cli(...args);
    expect(code).not.toBe(0);
    expect(err.split('\n')).toHaveLength(1);
    expect(err).toMatch(message);
  });
});

describe('cli: data commands', () => {
  it('checks a healthy data folder', async () => {
    const dir = await seeded();
    const { code, out } = await cli('data', 'check', '--data', dir, '--json');
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      healthy: true,
      files: [
        { document: 'settings', state: 'ok' },
        { document: 'library', state: 'ok' },
        { document: 'curricula', state: 'ok' },
      ],
    });
  });

  it('reports a damaged file, exits 1 and writes nothing', async () => {
    const dir = await seeded();
    await writeFile(join(dir, 'library.json'), '{"schemaVersion":1,"modu');
    const before = await snapshotDir(dir);
    const { code, out } = await cli('data', 'check', '--data', dir);
    expect(code).toBe(1);
    expect(out).toMatch(/library\s+PROBLEM\s+The library file \(library\.json\) is not valid JSON/);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('says plainly when there is no data folder yet', async () => {
    const { code, err } = await cli('data', 'check', '--data', join(await tempDir(), 'none'));
    expect(code).toBe(1);
    expect(err).toMatch(/^error: There is no data folder at .*none/);
  });

  it('lists backups and restores one over a damaged file', async () => {
    const dir = await seeded();
    // A second process run makes a change, which keeps a backup of the seeded library.
    const { openTestStore } = await import('../../helpers/open-test-store');
    const store = await openTestStore(dir);
    const [module] = store.read('library').modules;
    await store.update('library', (l) => ({ ...l, modules: l.modules.map((m) => (m === module ? { ...m, summary: `${m.summary} Edited.` } : m)) }));
    store.close();
    const listed = await cli('data', 'backups', '--module', module?.id ?? '', '--data', dir, '--json');
    const backups = JSON.parse(listed.out) as { id: string; document: string; subject: { kind: string; id: string } }[];
    const libraryBackup = backups.find((b) => b.document === 'library');
    expect(libraryBackup?.subject).toEqual({ kind: 'module', id: module?.id });
    expect((await cli('data', 'backups', '--module', 'Not An Id', '--data', dir)).err).toMatch(/is not a module or course id/);
    await writeFile(join(dir, 'library', 'modules', `${module?.id}.json`), 'garbage');
    const check = await cli('data', 'check', '--data', dir);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(new RegExp(`library +PROBLEM +The file library/modules/${module?.id}\\.json is not valid JSON`));
    const restored = await cli('data', 'restore', libraryBackup?.id ?? '', '--data', dir);
    expect(restored).toMatchObject({ code: 0, out: `Restored ${libraryBackup?.id}.` });
    expect((await cli('data', 'check', '--data', dir)).code).toBe(0);
    expect(await readdir(join(dir, 'quarantine'))).toHaveLength(1);
  });

  it('refuses an unknown backup without touching a fresh folder', async () => {
    const dir = await tempDir();
    const { code, err } = await cli('data', 'restore', 'library.20200101T000000000Z.json', '--data', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: No backup named "library\.20200101T000000000Z\.json"/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a data folder that another process holds', async () => {
    const dir = await seeded();
    const { openTestStore } = await import('../../helpers/open-test-store');
    const store = await openTestStore(dir);
    try {
      const { code, err } = await cli('library', 'list', '--data', dir);
      expect(code).toBe(1);
      expect(err).toMatch(/^error: .*(already open|in use by another)/);
    } finally {
      store.close();
    }
  });
});

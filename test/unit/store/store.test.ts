import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listBackups } from '../../../electron/services/store/backups';
import { AppError } from '../../../shared/errors';
import { openTestStore } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

async function seededDir(): Promise<string> {
  const dir = await tempDir();
  (await openTestStore(dir)).close();
  return dir;
}

describe('Store: first start and saving', () => {
  it('seeds a new data folder and reports it', async () => {
    const dir = await tempDir();
    const store = await openTestStore(dir);
    expect(store.status()).toMatchObject({ healthy: true, seeded: true, problems: [] });
    expect(store.read('library').modules).toHaveLength(1);
    expect(store.read('settings').language).toBe('en');
    // The test seed gives no curricula: that document starts empty.
    expect(store.read('curricula')).toEqual({ curricula: [], archived: [] });
    store.close();
    // One file per module and per course, an index for each document (layout.ts).
    expect((await readdir(dir)).sort()).toEqual(['curricula', 'library', 'settings.json']);
    expect((await readdir(join(dir, 'library'))).sort()).toEqual(['_index.json', 'modules']);
    expect(await readdir(join(dir, 'library', 'modules'))).toEqual([`${store.read('library').modules[0]?.id}.json`]);
    expect(await readdir(join(dir, 'curricula'))).toEqual(['_index.json']);
  });

  it('keeps a saved change across a reopen', async () => {
    const dir = await seededDir();
    const store = await openTestStore(dir);
    expect(store.status().seeded).toBe(false);
    await store.update('settings', (s) => ({ ...s, language: 'ar' }));
    store.close();
    const reopened = await openTestStore(dir);
    expect(reopened.read('settings').language).toBe('ar');
    reopened.close();
  });

  it('opens a data file that a text editor saved with a byte-order mark', async () => {
    const dir = await seededDir();
    const path = join(dir, 'settings.json');
    const raw = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
    await writeFile(path, `\uFEFF${JSON.stringify({ ...raw, language: 'fr' }, null, 2)}`, 'utf8');
    const store = await openTestStore(dir);
    expect(store.status().healthy).toBe(true);
    expect(store.read('settings').language).toBe('fr');
    store.close();
  });

  it('writes a schemaVersion into every data file', async () => {
    const dir = await seededDir();
    const raw = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as { schemaVersion: number };
    expect(raw.schemaVersion).toBe(1);
  });

  it('refuses an invalid change and leaves data and file as they were', async () => {
    const dir = await seededDir();
    const before = await readFile(join(dir, 'settings.json'), 'utf8');
    const store = await openTestStore(dir);
    await expect(store.update('settings', (s) => ({ ...s, language: 'xx' as 'en' }))).rejects.toMatchObject({ code: 'invalid-argument' });
    expect(store.read('settings').language).toBe('en');
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before);
    store.close();
  });
});

describe('Store: validating changes', () => {
  it('refuses a changed module that breaks the schema, even when the rest of the library is unchanged', async () => {
    const dir = await seededDir();
    const store = await openTestStore(dir);
    const before = store.read('library');
    const broken = { ...before.modules[0], lessons: [] } as unknown as (typeof before.modules)[number];
    await expect(store.update('library', (l) => ({ ...l, modules: [...l.modules, broken] }))).rejects.toThrow(/Invalid library data at lessons/);
    expect(store.read('library')).toBe(before);
    store.close();
  });

  it('hands out frozen data, so a change that mutates instead of returning new data fails loudly', async () => {
    const dir = await seededDir();
    const store = await openTestStore(dir);
    await expect(
      store.update('settings', (s) => {
        (s as { language: string }).language = 'fr';
        return s;
      }),
    ).rejects.toThrow(TypeError);
    expect(store.read('settings').language).toBe('en');
    store.close();
  });
});

describe('Store: rolling backups', () => {
  it('keeps the previous version of a file before each save, up to the limit', async () => {
    const dir = await seededDir();
    const store = await openTestStore(dir, { keep: 3, minIntervalMs: 0 });
    for (const language of ['fr', 'ar', 'en', 'fr', 'ar'] as const) await store.update('settings', (s) => ({ ...s, language }));
    const backups = (await listBackups(dir)).filter((b) => b.document === 'settings');
    expect(backups).toHaveLength(3);
    expect(backups.every((b) => b.loadable)).toBe(true);
    // Oldest first: the three versions before the last save are fr, ar(2nd)... i.e. the newest is the 'fr' before 'ar'.
    const newest = JSON.parse(await readFile(join(dir, 'backups', backups[2]?.id ?? ''), 'utf8')) as { language: string };
    expect(newest.language).toBe('fr');
    store.close();
  });

  it('spaces backups out in time so that autosave does not roll out older ones', async () => {
    const dir = await seededDir();
    const store = await openTestStore(dir, { keep: 10, minIntervalMs: 3_600_000 });
    for (const language of ['fr', 'ar', 'en'] as const) await store.update('settings', (s) => ({ ...s, language }));
    expect((await listBackups(dir)).filter((b) => b.document === 'settings')).toHaveLength(1);
    store.close();
  });
});

describe('Store: damaged data is reported, kept and recoverable', () => {
  /** A data folder whose one module was edited once, so that its file has a backup; and that file's path. */
  async function dirWithBackup(): Promise<{ dir: string; path: string }> {
    const dir = await seededDir();
    const store = await openTestStore(dir);
    const [module] = store.read('library').modules;
    if (!module) throw new Error('The test library has a module');
    await store.update('library', (l) => ({ ...l, modules: [{ ...module, summary: `${module.summary} Edited.` }] }));
    store.close();
    return { dir, path: join(dir, 'library', 'modules', `${module.id}.json`) };
  }

  const damages: [string, (path: string) => Promise<void>, string][] = [
    ['truncated', (p) => truncate(p, 100), 'corrupt'],
    ['emptied', (p) => writeFile(p, ''), 'corrupt'],
    ['garbage', (p) => writeFile(p, Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37])), 'corrupt'],
    ['valid JSON of the wrong shape', (p) => writeFile(p, '{"schemaVersion":4,"id":"no"}'), 'corrupt'],
    ['schemaVersion older than the one-file layout', (p) => writeFile(p, '{"schemaVersion":1,"modules":"no"}'), 'corrupt'],
    ['newer schemaVersion', (p) => writeFile(p, '{"schemaVersion":99,"modules":[],"references":[]}'), 'too-new'],
  ];

  it.each(damages)('a %s file: reports it, keeps it byte for byte, offers the newest good backup', async (_name, damage, kind) => {
    const { dir, path } = await dirWithBackup();
    await damage(path);
    const damaged = await readFile(path);
    const store = await openTestStore(dir);
    const status = store.status();
    expect(status.healthy).toBe(false);
    expect(status.problems).toHaveLength(1);
    expect(status.problems[0]).toMatchObject({ document: 'library', kind, file: path });
    expect(status.problems[0]?.newestGoodBackup).toMatchObject({ loadable: true, subject: { kind: 'module' } });
    expect(() => store.read('library')).toThrow(AppError);
    await expect(store.update('library', (l) => l)).rejects.toMatchObject({ code: 'store-unavailable' });
    expect(await readFile(path)).toEqual(damaged);
    store.close();
  });

  it('restores the newest good backup and moves the damaged file to quarantine', async () => {
    const { dir, path } = await dirWithBackup();
    await writeFile(path, '{"trunc');
    const store = await openTestStore(dir);
    const backupId = store.status().problems[0]?.newestGoodBackup?.id ?? '';
    const status = await store.restore(backupId);
    expect(status.healthy).toBe(true);
    expect(store.read('library').modules).toHaveLength(1);
    const quarantined = await readdir(join(dir, 'quarantine'));
    expect(quarantined).toHaveLength(1);
    expect(await readFile(join(dir, 'quarantine', quarantined[0] ?? ''), 'utf8')).toBe('{"trunc');
    store.close();
  });

  it('refuses to restore a backup that does not load', async () => {
    const { dir, path } = await dirWithBackup();
    const store = await openTestStore(dir);
    const [backup] = await store.listBackups(path.slice(dir.length + 1));
    await writeFile(join(dir, 'backups', backup?.id ?? ''), 'garbage');
    await expect(store.restore(backup?.id ?? '')).rejects.toMatchObject({ code: 'store-corrupt' });
    await expect(store.restore('library.20200101T000000000Z.json')).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.restore('../settings.20200101T000000000Z.json')).rejects.toMatchObject({ code: 'invalid-argument' });
    store.close();
  });

  it('reports a data file that vanished although it had backups, instead of seeding a new one', async () => {
    const { dir } = await dirWithBackup();
    await rm(join(dir, 'library'), { recursive: true });
    const store = await openTestStore(dir);
    expect(store.status().problems[0]).toMatchObject({ document: 'library', kind: 'missing' });
    expect((await readdir(dir)).includes('library')).toBe(false);
    store.close();
  });
});

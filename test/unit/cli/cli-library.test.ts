import { readFile, writeFile } from 'node:fs/promises';
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

describe('cli: library', () => {
  it('lists modules filtered by theme and language', async () => {
    const dir = await tempDir();
    const { code, out } = await cli('library', 'list', '--theme', 'community-policing', '--lang', 'fr', '--json', '--data', dir);
    expect(code).toBe(0);
    expect((JSON.parse(out) as { id: string }[]).map((m) => m.id)).toEqual(['community-policing-fr']);
  });

  it('lists a slice with --limit and --offset, in the same order as the whole list', async () => {
    const dir = await tempDir();
    const whole = (JSON.parse((await cli('library', 'list', '--json', '--data', dir)).out) as { id: string }[]).map((m) => m.id);
    const slice = await cli('library', 'list', '--offset', '3', '--limit', '4', '--json', '--data', dir);
    expect((JSON.parse(slice.out) as { id: string }[]).map((m) => m.id)).toEqual(whole.slice(3, 7));
    const text = await cli('library', 'search', 'police', '--limit', '2', '--data', dir);
    expect(text.out.split('\n')).toHaveLength(3);
    expect(text.out).toMatch(/\n\(1–2 of \d+\)$/);
  });

  it.each([['--limit', '0'], ['--limit', 'ten'], ['--offset', '-1'], ['--offset', '1.5']])('refuses %s %s', async (option, value) => {
    const { code, err } = await cli('library', 'list', `${option}=${value}`, '--data', await tempDir());
    expect(code).toBe(2);
    expect(err).toMatch(new RegExp(`^error: ${option} must be a whole number from [01] to 100000$`));
  });

  it('refuses an unknown theme with the list of valid ones', async () => {
    const { code, err } = await cli('library', 'list', '--theme', 'traffic', '--data', await tempDir());
    expect(code).toBe(2);
    expect(err).toMatch(/^error: --theme must be one of: human-rights-foundations, /);
  });

  it('searches accent- and diacritic-insensitively, in Arabic too', async () => {
    const dir = await tempDir();
    const french = await cli('library', 'search', 'securite', '--json', '--data', dir);
    expect((JSON.parse(french.out) as { language: string }[]).some((m) => m.language === 'fr')).toBe(true);
    const arabic = await cli('library', 'search', 'الشرطه', '--json', '--data', dir);
    expect((JSON.parse(arabic.out) as { id: string }[]).map((m) => m.id)).toEqual(expect.arrayContaining(['community-policing-ar', 'hr-foundations-ar']));
  });

  it('shows a module with its lessons, objectives and placeholders', async () => {
    const { code, out } = await cli('library', 'show', 'use-of-force-firearms', '--data', await tempDir());
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}4\.1 {2}/m);
    expect(out).toMatch(/Placeholders: .*\{national_use_of_force_law\}/);
  });

  it('exports a module to JSON and imports it back (refusing a duplicate id unless --replace)', async () => {
    const dir = await tempDir();
    const file = join(await tempDir(), 'module.json');
    expect((await cli('library', 'export-json', 'ethics-integrity', '--out', file, '--data', dir)).code).toBe(0);
    const exported = JSON.parse(await readFile(file, 'utf8')) as { id: string; title: string; revision: number };
    expect(exported.id).toBe('ethics-integrity');

    const again = await cli('library', 'import-json', file, '--data', dir);
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/already in the library; use --replace/) as string });
    await writeFile(file, JSON.stringify({ ...exported, title: 'Ethics, revised' }));
    const replaced = await cli('library', 'import-json', file, '--replace', '--data', dir);
    expect(replaced.out).toBe(`Replaced ethics-integrity (revision ${exported.revision + 1}).`);
    await writeFile(file, JSON.stringify({ ...exported, id: 'ethics-copy-from-partner' }));
    expect((await cli('library', 'import-json', file, '--data', dir)).out).toBe('Added ethics-copy-from-partner (revision 1).');
  });

  it('imports a module file that starts with a byte-order mark, as Notepad writes it', async () => {
    const dir = await tempDir();
    const exported = JSON.parse((await cli('library', 'export-json', 'ethics-integrity', '--data', dir)).out) as { id: string };
    const file = join(await tempDir(), 'notepad.json');
    await writeFile(file, `\uFEFF${JSON.stringify({ ...exported, id: 'ethics-from-notepad' }, null, 2)}`, 'utf8');
    expect(await cli('library', 'import-json', file, '--data', dir)).toMatchObject({ code: 0, out: 'Added ethics-from-notepad (revision 1).' });
  });

  it('names the field path of a schema error and writes nothing', async () => {
    const dir = await tempDir();
    await cli('library', 'list', '--data', dir);
    const file = join(await tempDir(), 'bad.json');
    const good = JSON.parse((await cli('library', 'export-json', 'ethics-integrity', '--data', dir)).out) as { lessons: { steps: { minutes: number }[] }[] };
    const step = good.lessons[0]?.steps[1];
    if (step) step.minutes = 0;
    await writeFile(file, JSON.stringify({ ...good, id: 'broken-module' }));
    const before = await snapshotDir(dir);
    const { code, err } = await cli('library', 'import-json', file, '--data', dir);
    expect(code).toBe(1);
    expect(err).toMatch(/^error: .*bad\.json is not a valid module: lessons\.0\.steps\.1\.minutes: /);
    await writeFile(file, '{ not json');
    expect((await cli('library', 'import-json', file, '--data', dir)).err).toMatch(/is not a readable JSON file/);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

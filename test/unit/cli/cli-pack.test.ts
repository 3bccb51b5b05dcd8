import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IMPORT_ACTIONS as CLI_ACTIONS } from '../../../electron/cli/commands/pack';
import { runCli } from '../../../electron/cli/run-cli';
import { IMPORT_ACTIONS } from '../../../shared/schemas/pack-import';
import { packBytes } from '../../../electron/services/packs/pack-writer';
import { openTestServices, REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli: sharing a course as a pack', () => {
  it('exports a curriculum, imports it elsewhere as a new course, and undoes the import', async () => {
    const dir = await tempDir();
    const pack = join(dir, 'course.ccpack');
    const exported = await cli('pack', 'export', '--curriculum', 'foundation-course', '--publisher', 'Partner Academy', '--out', pack, '--data', join(dir, 'partner'));
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect((await cli('pack', 'inspect', pack)).out).toMatch(/^ {2}curriculum foundation-course$/m);

    const academy = join(dir, 'academy');
    const imported = await cli('pack', 'import', pack, '--data', academy);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^ {2}curriculum foundation-course\s+new course → foundation-course-partner-academy$/m);
    expect(imported.out).toMatch(/and 1 course; a backup was taken first/);
    expect((await cli('curriculum', 'list', '--data', academy)).out.split('\n')).toHaveLength(2);

    const undone = await cli('pack', 'undo', '--data', academy);
    expect(undone.out).toMatch(/; removed the 1 course it added\.$/);
    expect((await cli('curriculum', 'list', '--data', academy)).out.split('\n')).toHaveLength(1);
  });

  it('leaves the courses out with --no-curricula', async () => {
    const dir = await tempDir();
    const pack = join(dir, 'course.ccpack');
    await cli('pack', 'export', '--curriculum', 'foundation-course', '--out', pack, '--data', join(dir, 'partner'));
    const imported = await cli('pack', 'import', pack, '--no-curricula', '--data', join(dir, 'academy'));
    expect(imported.out).toMatch(/^ {2}curriculum foundation-course\s+not imported$/m);
    expect(imported.out).toMatch(/^Nothing was imported: your library already has everything this pack holds\.$/m);
    expect((await cli('curriculum', 'list', '--data', join(dir, 'academy'))).out.split('\n')).toHaveLength(1);
  });

  it('accepts with --choose exactly the import actions of the API', () => {
    expect([...CLI_ACTIONS]).toEqual([...IMPORT_ACTIONS]);
  });

  it('applies a choice per module with --choose, and refuses an unknown module or action before writing anything', async () => {
    const dir = await tempDir();
    const partner = join(dir, 'partner');
    const academy = join(dir, 'academy');
    // Both academies change the same module differently: the default keeps the academy's version.
    for (const [data, title] of [[partner, 'Partner ethics'], [academy, 'Our ethics']] as const) {
      const exported = join(dir, `${title}.json`);
      await cli('library', 'export-json', 'ethics-integrity', '--out', exported, '--data', data);
      const module = JSON.parse(await readFile(exported, 'utf8')) as Record<string, unknown>;
      await writeFile(exported, JSON.stringify({ ...module, title }));
      expect((await cli('library', 'import-json', exported, '--replace', '--data', data)).code).toBe(0);
    }
    const pack = join(dir, 'ethics.ccpack');
    await cli('pack', 'export', '--modules', 'ethics-integrity,use-of-force-firearms', '--out', pack, '--data', partner);

    const before = await snapshotDir(academy);
    for (const [args, message] of [
      [['--choose', 'no-such-module=take-theirs'], '--choose no-such-module=…: the pack has no module "no-such-module"'],
      [['--choose', 'ethics-integrity=overwrite'], '--choose ethics-integrity=overwrite: unknown action "overwrite"; use keep-mine, take-theirs, keep-both or merge'],
      [['--choose', 'ethics-integrity'], '--choose takes ID=ACTION, such as ethics-integrity=keep-mine, not "ethics-integrity"'],
      [['--choose', 'ethics-integrity=keep-mine', '--choose', 'ethics-integrity=take-theirs'], '--choose names the module "ethics-integrity" twice'],
      [['--choose', 'ethics-integrity=merge'], '"Partner ethics" has no earlier upstream version to merge with; choose keep mine, take theirs or keep both'],
    ] as const) {
      const refused = await cli('pack', 'import', pack, ...args, '--data', academy);
      expect(refused, args.join(' ')).toMatchObject({ err: `error: ${message}` });
      expect(refused.code).toBeGreaterThan(0);
    }
    expect(await snapshotDir(academy)).toEqual(before);

    const imported = await cli('pack', 'import', pack, '--choose', 'ethics-integrity=take-theirs', '--data', academy);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^ {2}ethics-integrity\s+changed\s+take-theirs → ethics-integrity$/m);
    expect((await cli('library', 'show', 'ethics-integrity', '--data', academy)).out).toMatch(/Partner ethics/);
  });

  it('inspects a pack: every check with what it found, and the entries', async () => {
    const dir = await tempDir();
    const pack = join(dir, 'two.ccpack');
    await cli('pack', 'export', '--modules', 'ethics-integrity,use-of-force-firearms', '--out', pack, '--data', join(dir, 'partner'));
    const { code, out } = await cli('pack', 'inspect', pack);
    expect(code).toBe(0);
    expect(out).toMatch(/^Checks \(all passed\):$/m);
    expect(out).toMatch(/^ {2}passed {3}file {9}[\d,]+ bytes \(limit 104,857,600 bytes\)$/m);
    expect(out).toMatch(/^ {2}passed {3}entries {6}4 files and 0 folders, [\d,]+ bytes unpacked, highest compression [\d.]+ to 1$/m);
    expect(out).toMatch(/^ {2}passed {3}checksums {4}3 SHA-256 checksums matching$/m);
    expect(out).toMatch(/^ {2}passed {3}schemas {6}2 modules, \d+ references and 0 curricula valid$/m);
    expect(out).toMatch(/^Entries \(4\):$/m);
    expect(out).toMatch(/^ {2}modules\/ethics-integrity\.json\s+[\d,]+ bytes, [\d,]+ deflated$/m);
    expect(out).not.toContain('All checks passed');

    // A damaged pack: the failed check, the checks before it passed, the rest not run; exit 1.
    const bytes = await readFile(pack);
    await writeFile(pack, bytes.subarray(0, bytes.length - 30));
    const damaged = await cli('pack', 'inspect', pack);
    expect(damaged.code).toBe(1);
    expect(damaged.out).toMatch(/^Refused: The pack is incomplete/m);
    expect(damaged.out).toMatch(/^ {2}FAILED {3}archive/m);
    expect(damaged.out).toMatch(/^ {2}not run {2}entries/m);
  });

  it('exports the same bytes for the same content and --pack-id, dated by the content', async () => {
    const dir = await tempDir();
    const data = join(dir, 'partner');
    const args = ['--modules', 'ethics-integrity,use-of-force-firearms', '--publisher', 'Academy A', '--pack-id', 'academy-a-ethics', '--data', data];
    await cli('pack', 'export', ...args, '--out', join(dir, 'one.ccpack'));
    await cli('pack', 'export', ...args, '--out', join(dir, 'two.ccpack'));
    const one = await readFile(join(dir, 'one.ccpack'));
    expect((await readFile(join(dir, 'two.ccpack'))).equals(one)).toBe(true);
    const services = await openTestServices(data);
    const newest = ['ethics-integrity', 'use-of-force-firearms'].map((id) => services.library.find(id).updatedAt).sort().at(-1);
    services.store.close();
    expect((await cli('pack', 'inspect', join(dir, 'one.ccpack'))).out).toContain(`Pack academy-a-ethics, format 2, made ${String(newest)}`);
    // A date of one's choosing, and a random id without --pack-id.
    await cli('pack', 'export', ...args, '--created-at', '2027-01-01T00:00:00Z', '--out', join(dir, 'dated.ccpack'));
    expect((await cli('pack', 'inspect', join(dir, 'dated.ccpack'))).out).toContain('made 2027-01-01T00:00:00.000Z');
    await cli('pack', 'export', '--modules', 'ethics-integrity', '--data', data, '--out', join(dir, 'a.ccpack'));
    await cli('pack', 'export', '--modules', 'ethics-integrity', '--data', data, '--out', join(dir, 'b.ccpack'));
    expect((await readFile(join(dir, 'a.ccpack'))).equals(await readFile(join(dir, 'b.ccpack')))).toBe(false);
    expect(await cli('pack', 'export', ...args, '--pack-id', 'Not An Id', '--out', join(dir, 'x.ccpack'))).toMatchObject({ code: 2 });
    expect(await cli('pack', 'export', ...args, '--created-at', 'yesterday', '--out', join(dir, 'x.ccpack'))).toMatchObject({ code: 2, err: 'error: --created-at must be an ISO date and time such as 2026-03-01T09:30:00Z' });
  });

  it('refuses a pack carrying an invalid curriculum unless it is left out with --skip-curriculum', async () => {
    const dir = await tempDir();
    const academy = join(dir, 'academy');
    const services = await openTestServices(academy);
    const { bytes } = await packBytes({
      modules: [{ ...services.library.find('hr-foundations'), id: 'partner-rights', title: 'Partner rights module' }],
      references: services.library.references(),
      curricula: [{ id: 'half-a-course', title: 'Half a course' }],
      meta: { packId: 'broken-course', title: 'Broken', publisher: 'Partner', license: 'CC BY 4.0', appVersion: '0.1.0' },
    });
    services.store.close();
    const pack = join(dir, 'broken.ccpack');
    await writeFile(pack, bytes);
    const before = await snapshotDir(academy);
    const refused = await cli('pack', 'import', pack, '--data', academy);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^error: Nothing was imported: the pack's curriculum "half-a-course" cannot be imported \(It is not a valid curriculum: .*\)\. Leave it out explicitly to import the rest of the pack\.$/);
    expect(await snapshotDir(academy)).toEqual(before);
    expect((await cli('pack', 'import', pack, '--skip-curriculum', 'nothing-here', '--data', academy)).err).toBe('error: --skip-curriculum nothing-here: the pack has no curriculum "nothing-here"');
    const imported = await cli('pack', 'import', pack, '--skip-curriculum', 'half-a-course', '--data', academy);
    expect(imported).toMatchObject({ code: 0, err: '' });
    expect(imported.out).toMatch(/^ {2}curriculum half-a-course\s+left out: It is not a valid curriculum/m);
    expect(imported.out).toMatch(/^Imported 1 module; a backup was taken first/m);
  });
});

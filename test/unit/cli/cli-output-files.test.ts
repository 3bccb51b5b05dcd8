/** No command replaces a file the user already has unless --force says so (README, "The command line"). */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const MINE = 'my own notes, not a module\n';

describe('cli: existing files are replaced only with --force', () => {
  it('library export-json --out refuses an existing file, and replaces it with --force', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const file = join(dir, 'module.json');
    await writeFile(file, MINE);
    const refused = await cli('library', 'export-json', 'ethics-integrity', '--out', file, '--data', data);
    expect(refused).toEqual({ code: 2, out: '', err: `error: ${file} already exists; give --force to replace it` });
    expect(await readFile(file, 'utf8')).toBe(MINE);

    const forced = await cli('library', 'export-json', 'ethics-integrity', '--out', file, '--force', '--data', data);
    expect(forced).toEqual({ code: 0, out: `Wrote ethics-integrity to ${file}.`, err: '' });
    expect((JSON.parse(await readFile(file, 'utf8')) as { id: string }).id).toBe('ethics-integrity');
  });

  it('library export-json --out refuses a folder that does not exist', async () => {
    const file = join(await tempDir(), 'missing', 'module.json');
    const result = await cli('library', 'export-json', 'ethics-integrity', '--out', file, '--data', await tempDir());
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(/^error: the folder .*missing does not exist$/) as string });
  });

  it('pack export --out refuses an existing file, and replaces it with --force', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const file = join(dir, 'share.ccpack');
    await writeFile(file, MINE);
    const refused = await cli('pack', 'export', '--modules', 'ethics-integrity', '--out', file, '--data', data);
    expect(refused).toEqual({ code: 2, out: '', err: `error: ${file} already exists; give --force to replace it` });
    expect(await readFile(file, 'utf8')).toBe(MINE);

    const forced = await cli('pack', 'export', '--modules', 'ethics-integrity', '--out', file, '--force', '--data', data);
    expect(forced.code).toBe(0);
    expect((await readFile(file)).subarray(0, 2).toString('latin1')).toBe('PK');
  });
});

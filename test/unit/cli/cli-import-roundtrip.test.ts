import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { editDocx, setFieldText } from '../../helpers/docx-edit';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('cli: import roundtrip', () => {
  it('shows the edits of an exported module document, writes nothing on a dry run, applies them to the library and undoes them', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const exported = join(dir, 'module.docx');
    expect((await cli('export', 'module', 'use-of-force-firearms', '--variant', 'trainer', '--out', exported, '--data', data)).code).toBe(0);
    const edited = join(dir, 'edited.docx');
    await writeFile(edited, await editDocx(await readFile(exported), (xml) => setFieldText(xml, 'cc_1_0_sm1', '40 min')));

    const before = await snapshotDir(data);
    const dry = await cli('import', 'roundtrip', edited, '--dry-run', '--data', data);
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toMatch(/^edited\.docx: trainer document of the module ".+" \(use-of-force-firearms\)$/m);
    expect(dry.out).toMatch(/^ {2}cc_1_0_sm1 {2}.+ · 4\.1 .+ · stepMinutes 2 \(.+\)$/m);
    expect(dry.out).toMatch(/^ {6}before: 25\n {6}after: {2}40$/m);
    expect(dry.out).toMatch(/^Would apply 1 change\(s\) as library edits \[dry run: nothing written\]\.$/m);
    // The data folder's files are as they were, but for the lock the CLI takes while it runs.
    expect([...(await snapshotDir(data)).keys()].sort()).toEqual([...before.keys()].sort());

    await expect(cli('import', 'roundtrip', edited, '--as', 'overrides', '--data', data)).resolves.toMatchObject({ code: 1, err: expect.stringContaining('no course to hold overrides') as unknown });
    const json = await cli('import', 'roundtrip', edited, '--json', '--data', data);
    const parsed = JSON.parse(json.out) as { result: { target: string; applied: string[] } };
    expect(parsed.result).toMatchObject({ target: 'library', applied: ['cc_1_0_sm1'] });
    expect((await cli('library', 'show', 'use-of-force-firearms', '--json', '--data', data)).out).toContain('"revision": 2');

    expect(await cli('import', 'roundtrip-undo', '--data', data)).toMatchObject({ code: 0, out: 'Put back the library module(s) use-of-force-firearms as before the round trip.' });
    expect(await cli('import', 'roundtrip', edited, '--as', 'both', '--data', data)).toMatchObject({ code: 2, err: 'error: --as must be overrides or library' });
  });
});

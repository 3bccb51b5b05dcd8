import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { readZip } from '../../helpers/zip-read';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const NAMES = ['01-curriculum', '02-trainer-plans', '03-participant-handouts', '04-pre-test', '05-post-test', '06-answer-key', '07-observation-checklist', '08-evaluation-form'].map(
  (n) => `use-of-force-refresher-${n}.docx`,
);

/** A data folder with a one-module course, whose kit builds quickly; returns the folder and the course id. */
async function setup(): Promise<{ dir: string; data: string; id: string }> {
  const dir = await tempDir();
  const data = join(dir, 'data');
  const created = await cli('curriculum', 'create', '--title', 'Use of force refresher', '--modules', 'use-of-force-firearms', '--data', data);
  expect(created.code).toBe(0);
  return { dir, data, id: created.out.trim() };
}

describe('cli: export kit', () => {
  it('writes every document of the course into a new folder', async () => {
    const { dir, data, id } = await setup();
    const out = join(dir, 'kit');
    const result = await cli('export', 'kit', id, '--out', out, '--paper', 'letter', '--data', data);
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out.split('\n')[0]).toBe(`Wrote 8 documents to ${out}:`);
    expect((await readdir(out)).sort()).toEqual([...NAMES].sort());
    for (const name of NAMES) expect((await readFile(join(out, name))).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('writes into an existing empty folder', async () => {
    const { dir, data, id } = await setup();
    const out = join(dir, 'empty');
    await mkdir(out);
    expect((await cli('export', 'kit', id, '--out', out, '--data', data)).code).toBe(0);
    expect(await readdir(out)).toHaveLength(8);
  });

  it('writes one .zip, and replaces an existing one only with --force', async () => {
    const { dir, data, id } = await setup();
    const out = join(dir, 'kit.zip');
    const result = await cli('export', 'kit', id, '--out', out, '--data', data);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toMatch(/^Wrote .*kit\.zip \(8 documents, [\d,]+ bytes\)\.$/);
    const entries = await readZip(await readFile(out));
    expect([...entries.keys()]).toEqual(NAMES.map((n) => `use-of-force-refresher-kit/${n}`));
    const before = await snapshotDir(dir);
    expect(await cli('export', 'kit', id, '--out', out, '--data', data)).toMatchObject({ code: 2, err: `error: ${out} already exists; give --force to replace it` });
    expect(await snapshotDir(dir)).toEqual(before);
    expect((await cli('export', 'kit', id, '--out', out, '--force', '--data', data)).code).toBe(0);
  });

  it('refuses a non-empty folder, a missing parent, an unknown course and bad options, writing nothing', async () => {
    const { dir, data, id } = await setup();
    const full = join(dir, 'full');
    await mkdir(full);
    await writeFile(join(full, 'mine.docx'), 'mine');
    const before = await snapshotDir(dir);
    expect(await cli('export', 'kit', id, '--out', full, '--data', data)).toMatchObject({
      code: 2,
      err: `error: The folder ${full} is not empty: choose a new or empty folder for the trainer kit.`,
    });
    expect((await cli('export', 'kit', id, '--out', join(dir, 'no', 'kit'), '--data', data)).err).toMatch(/^error: The folder .*no does not exist\.$/);
    expect((await cli('export', 'kit', id, '--out', join(dir, 'no', 'kit.zip'), '--data', data)).err).toMatch(/^error: the folder .*no does not exist$/);
    expect(await cli('export', 'kit', 'no-such-course', '--out', join(dir, 'kit'), '--data', data)).toMatchObject({ code: 1, err: 'error: No curriculum with id "no-such-course"' });
    expect((await cli('export', 'kit', id, '--out', join(dir, 'kit'), '--paper', 'a3', '--data', data)).err).toBe('error: --paper must be one of a4, letter, not "a3"');
    expect((await cli('export', 'kit', id, '--data', data)).err).toBe('error: --out must name a new or empty folder, or a .zip file');
    expect((await cli('export', 'kit', 'Not An Id', '--out', join(dir, 'kit'), '--data', data)).code).toBe(2);
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

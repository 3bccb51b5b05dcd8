import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import type { Module } from '../../../shared/schemas/module';
import { REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A .docx is a zip archive whose main part is word/document.xml. */
async function expectDocx(path: string): Promise<void> {
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.includes(Buffer.from('word/document.xml'))).toBe(true);
}

describe('cli: export', () => {
  it('exports the sample curriculum as a Word document', async () => {
    const dir = await tempDir();
    const out = join(dir, 'course.docx');
    const result = await cli('export', 'curriculum', 'foundation-course', '--out', out, '--data', join(dir, 'data'));
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^Wrote .*course\.docx \(full, A4, [\d,]+ bytes\)\.$/);
    await expectDocx(out);
  });

  it('exports trainer lesson plans on US Letter, a module and a single lesson', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const plans = await cli('export', 'curriculum', 'foundation-course', '--variant', 'trainer', '--paper', 'letter', '--out', join(dir, 'plans.docx'), '--data', data);
    expect(plans.out).toContain('(trainer, US Letter,');
    expect((await cli('export', 'module', 'use-of-force-firearms', '--out', join(dir, 'module.docx'), '--data', data)).code).toBe(0);
    expect((await cli('export', 'lesson', 'use-of-force-firearms', '2', '--variant', 'participant', '--out', join(dir, 'lesson.docx'), '--data', data)).code).toBe(0);
    for (const name of ['plans.docx', 'module.docx', 'lesson.docx']) await expectDocx(join(dir, name));
  });

  it('refuses bad arguments with a specific message and writes nothing', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    await cli('curriculum', 'list', '--data', data);
    const before = await snapshotDir(dir);
    const out = join(dir, 'x.docx');
    expect(await cli('export', 'curriculum', 'foundation-course', '--variant', 'everything', '--out', out, '--data', data)).toMatchObject({
      code: 2,
      err: 'error: --variant must be one of full, trainer, participant, pre-test, post-test, answer-key, observation-checklist, evaluation-form, not "everything"',
    });
    expect((await cli('export', 'curriculum', 'foundation-course', '--out', join(dir, 'x.pdf'), '--data', data)).err).toBe('error: --out must name a .docx file');
    expect((await cli('export', 'curriculum', 'foundation-course', '--out', join(dir, 'missing', 'x.docx'), '--data', data)).err).toMatch(/^error: the folder .*missing does not exist$/);
    expect((await cli('export', 'lesson', 'use-of-force-firearms', '0', '--out', out, '--data', data)).err).toBe('error: LESSON_INDEX must be a lesson number from 1 to 12, not "0"');
    expect(await cli('export', 'module', 'no-such-module', '--out', out, '--data', data)).toMatchObject({ code: 1, err: 'error: No module with id "no-such-module" in the library' });
    expect((await cli('export', 'lesson', 'use-of-force-firearms', '9', '--out', out, '--data', data)).code).toBe(1);
    expect((await cli('export', 'curriculum', 'Not An Id', '--out', out, '--data', data)).code).toBe(2);
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('refuses a participant document that would quote a trainer note, naming module, lesson and sentence, and writes nothing', async () => {
    const dir = await tempDir();
    const data = join(dir, 'data');
    const module = JSON.parse(await readFile(join(REPO_ROOT, 'resources/library/modules/hr-foundations.json'), 'utf8')) as Module;
    const sentence = 'Participants trust the lesson more when the national framework is accurate and specific.';
    const lesson = module.lessons[0];
    const handout = lesson?.handouts[0];
    if (!lesson || !handout) throw new Error('the sample module has no handout');
    expect(lesson.trainerNotes).toContain(sentence);
    handout.body = handout.body.replace('Human rights are the rights', `Human rights, as the trainer notes say (${sentence}), are the rights`);
    const file = join(dir, 'leaky.json');
    await writeFile(file, JSON.stringify({ ...module, id: 'leaky-module', title: 'Leaky module' }));
    expect((await cli('library', 'import-json', file, '--data', data)).code).toBe(0);
    const out = join(dir, 'handouts.docx');
    const before = await snapshotDir(dir);
    const result = await cli('export', 'module', 'leaky-module', '--variant', 'participant', '--out', out, '--data', data);
    expect(result.code).not.toBe(0);
    expect(result.err).toBe(
      `error: This participant document would contain trainer-only text (trainer notes) of module 1 "Leaky module", lesson ${lesson.code} "${lesson.title}": "${sentence}". The export is refused.`,
    );
    expect(await snapshotDir(dir)).toEqual(before);
    // The trainer's own document of the same module is written.
    expect((await cli('export', 'module', 'leaky-module', '--variant', 'trainer', '--out', out, '--data', data)).code).toBe(0);
  });

  it('never replaces an existing file unless --force is given', async () => {
    const dir = await tempDir();
    const out = join(dir, 'mine.docx');
    await writeFile(out, 'my own edited document');
    const refused = await cli('export', 'module', 'use-of-force-firearms', '--out', out, '--data', join(dir, 'data'));
    expect(refused).toMatchObject({ code: 2, err: `error: ${out} already exists; give --force to replace it` });
    expect(await readFile(out, 'utf8')).toBe('my own edited document');
    expect((await cli('export', 'module', 'use-of-force-firearms', '--out', out, '--force', '--data', join(dir, 'data'))).code).toBe(0);
    await expectDocx(out);
  });
});

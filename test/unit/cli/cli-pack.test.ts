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

describe('cli: sharing a course as a pack', () => {
  it('exports a curriculum, imports it elsewhere as a new course, and undoes the import', async () => {
    const dir = await tempDir();
    const pack = join(dir, 'course.ccpack');
    const exported = await cli('pack', 'export', '--curriculum', 'foundation-course', '--publisher', 'Partner Academy', '--out', pack, '--data', join(dir, 'partner'));
    expect(exported).toMatchObject({ code: 0, err: '' });
    expect((await cli('pack', 'inspect', pack)).out).toContain('  curriculum foundation-course');

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
    expect((await cli('curriculum', 'list', '--data', join(dir, 'academy'))).out.split('\n')).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { COMMANDS, runCli } from '../../../electron/cli/run-cli';
import { REPO_ROOT } from '../../helpers/open-test-store';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const GROUPS = ['data', 'library', 'curriculum', 'pack', 'export'];

describe('cli: help at every level', () => {
  it.each([[[]], [['--help']], [['-h']], [['help']]])('%j lists every command, by group', async (args) => {
    const { code, out, err } = await cli(...args);
    expect({ code, err }).toEqual({ code: 0, err: '' });
    for (const group of GROUPS) expect(out).toMatch(new RegExp(`^${group}: \\S`, 'm'));
    for (const command of COMMANDS) expect(out).toContain(`  ${command.usage}\n      ${command.summary}`);
  });

  it.each(GROUPS.flatMap((group) => [[group, [group, '--help']], [group, ['help', group]], [group, [group, '-h']]]))(
    '%s: %j lists the commands of the group and no others',
    async (group, args) => {
      const { code, out, err } = await cli(...args);
      expect({ code, err }).toEqual({ code: 0, err: '' });
      expect(out.split('\n')[0]).toBe(`Usage: npm run cli -- ${group} <command> [options]`);
      for (const command of COMMANDS) {
        if (command.name.startsWith(`${group} `)) expect(out).toContain(command.usage);
        else expect(out).not.toContain(command.usage);
      }
    },
  );

  it.each(COMMANDS.map((c) => [c.name]))('"%s" has help by --help and by "help"', async (name) => {
    const words = name.split(' ');
    const viaFlag = await cli(...words, '--help');
    const viaWord = await cli('help', ...words);
    expect(viaFlag.code).toBe(0);
    expect(viaFlag.out).toMatch(new RegExp(`^Usage: npm run cli -- ${name} `));
    expect(viaFlag.out).toMatch(/^ {2}--data DIR$/m);
    expect(viaWord).toEqual(viaFlag);
  });

  it('shows one command\'s help even after its arguments and options', async () => {
    const { code, out } = await cli('library', 'export-json', 'ethics-integrity', '--out', 'x.json', '--help');
    expect(code).toBe(0);
    expect(out).toMatch(/^ {2}--force$/m);
  });

  it.each([
    [['help', 'nonsense'], 'error: unknown command "nonsense"; run with --help to list commands'],
    [['nonsense', '--help'], 'error: unknown command "nonsense"; run with --help to list commands'],
    [['library', 'nonsense', '--help'], 'error: unknown command "library nonsense"; run "library --help" to list the library commands'],
    [['library'], 'error: "library" needs a command (list, search, show, import-json, export-json); run "library --help" for details'],
    [['--data', '/tmp/x', 'library', 'list'], 'error: give a command first; run with --help to list commands'],
  ])('%j is a usage error, on one line', async (args, message) => {
    expect(await cli(...args)).toEqual({ code: 2, out: '', err: message });
  });
});

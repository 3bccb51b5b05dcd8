import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, toAppErrorShape } from '../../shared/errors';
import { openServices, type Host, type Services } from '../services/handlers';
import { defaultDataDir } from '../services/paths';
import type { Command } from './command';
import { dataBackups, dataCheck, dataRestore } from './commands/data';
import { exportCurriculum, exportLesson, exportModule } from './commands/export';
import { exportKit } from './commands/export-kit';
import { curriculumCheck, curriculumCreate, curriculumList, curriculumShow } from './commands/curriculum';
import { libraryExportJson, libraryImportJson, libraryList, librarySearch, libraryShow } from './commands/library';
import { packExport, packImport, packInspect, packUndo } from './commands/pack';
import { UsageError, type Output } from './output';

export const COMMANDS: readonly Command[] = [
  dataCheck,
  dataBackups,
  dataRestore,
  libraryList,
  librarySearch,
  libraryShow,
  libraryImportJson,
  libraryExportJson,
  curriculumList,
  curriculumShow,
  curriculumCreate,
  curriculumCheck,
  packExport,
  packInspect,
  packImport,
  packUndo,
  exportCurriculum,
  exportModule,
  exportLesson,
  exportKit,
];

function overview(): string {
  const rows = COMMANDS.map((c) => `  ${c.usage.padEnd(44)} ${c.summary}`);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Every command takes --data DIR (default: the desktop app\'s data folder) and --help.',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}`);
  return [`Usage: npm run cli -- ${command.usage}`, '', command.summary, '', 'Options:', '  --data DIR', ...options, '  --help'].join('\n');
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], output: Output, paths: { appRoot: string }): Promise<number> {
  try {
    const words = argv.filter((a) => !a.startsWith('-'));
    if (argv.length === 0 || ((argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') && words.length <= 1)) {
      output.out(overview());
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === words.slice(0, c.name.split(' ').length).join(' '));
    if (!command) throw new UsageError(`unknown command "${words.slice(0, 2).join(' ')}"; run with --help to list commands`);
    const rest = argv.slice(argv.indexOf(command.name.split(' ').at(-1) ?? '') + 1);
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      output.out(commandHelp(command));
      return 0;
    }
    const expected = command.positionals ?? 0;
    if (positionals.length !== expected) {
      throw new UsageError(`"${command.name}" takes ${expected} argument${expected === 1 ? '' : 's'}: ${command.usage}`);
    }
    const dataDir = typeof values.data === 'string' ? values.data : defaultDataDir();
    const host: Host = {
      kind: 'cli',
      appRoot: paths.appRoot,
      resourcesDir: join(paths.appRoot, 'resources'),
      openExternal: () => Promise.resolve(false),
    };
    const withServices = async <T>(work: (services: Services) => T | Promise<T>): Promise<T> => {
      const services = await openServices(dataDir, host);
      try {
        return await work(services);
      } finally {
        services.store.close();
      }
    };
    return await command.run({ dataDir, values, positionals, output, appRoot: paths.appRoot, withServices });
  } catch (error) {
    const message = error instanceof UsageError || error instanceof AppError ? error.message : describe(error);
    output.err(`error: ${message}`);
    return error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? 2 : 1;
  }
}

function describe(error: unknown): string {
  return toAppErrorShape(error).message;
}

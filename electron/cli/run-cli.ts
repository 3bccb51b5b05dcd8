import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, toAppErrorShape } from '../../shared/errors';
import type { Host, Services } from '../services/handlers';
import { defaultDataDir } from '../services/paths';
import type { Command } from './command';
import { dataBackups, dataCheck, dataRestore } from './commands/data';
import { exportCurriculum, exportLesson, exportModule } from './commands/export';
import { exportKit } from './commands/export-kit';
import { curriculumCheck, curriculumCreate, curriculumList, curriculumShow } from './commands/curriculum';
import { libraryExportJson, libraryImportJson, libraryList, librarySearch, libraryShow } from './commands/library';
import { importDocx } from './commands/import';
import { importRoundtrip, importRoundtripUndo } from './commands/import-roundtrip';
import { packExport, packImport, packInspect, packUndo } from './commands/pack';
import { history, restore, syncDisconnect, syncNow, syncSetup, syncStatus } from './commands/sync';
import { commandHelp, groupHelp, groupOf, groupsOf, overviewHelp } from './help';
import { UsageError, type Output } from './output';

/**
 * Every command. The command modules import only light code at their top: zod, docx, lowdb and the
 * services load inside `run` (dynamic `import()`), so that help and usage errors answer at once. A test
 * walks the built CLI's static imports to keep it so.
 */
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
  importDocx,
  importRoundtrip,
  importRoundtripUndo,
  exportCurriculum,
  exportModule,
  exportLesson,
  exportKit,
  syncSetup,
  syncStatus,
  syncNow,
  syncDisconnect,
  history,
  restore,
];

const HELP_FLAGS = new Set(['--help', '-h']);

type Route = { kind: 'help'; text: string } | { kind: 'run'; command: Command; rest: string[] };

/** The command words that lead the arguments, up to the first option. */
function leadingWords(args: readonly string[]): string[] {
  const end = args.findIndex((a) => a.startsWith('-'));
  return args.slice(0, end === -1 ? args.length : end);
}

/**
 * Decides what an invocation asks for. Help works at every level: `--help`, `help`, `help GROUP`,
 * `GROUP --help`, `help GROUP COMMAND` and `GROUP COMMAND --help`.
 */
function route(argv: readonly string[]): Route {
  const viaHelpWord = argv[0] === 'help';
  const wantsHelp = argv.length === 0 || viaHelpWord || argv.some((a) => HELP_FLAGS.has(a));
  const words = leadingWords(viaHelpWord ? argv.slice(1) : argv);
  const [group, name] = words;
  if (group === undefined) {
    if (wantsHelp) return { kind: 'help', text: overviewHelp(COMMANDS) };
    throw new UsageError('give a command first; run with --help to list commands');
  }
  if (!groupsOf(COMMANDS).includes(group)) throw new UsageError(`unknown command "${words.slice(0, 2).join(' ')}"; run with --help to list commands`);
  const inGroup = COMMANDS.filter((c) => groupOf(c) === group);
  // A command of one word ("history ID") takes every following word as its arguments.
  const single = inGroup.find((c) => c.name === group);
  if (single) return wantsHelp ? { kind: 'help', text: commandHelp(single) } : { kind: 'run', command: single, rest: argv.slice(1) };
  if (name === undefined) {
    if (wantsHelp) return { kind: 'help', text: groupHelp(group, COMMANDS) };
    const names = inGroup.map((c) => c.name.slice(group.length + 1)).join(', ');
    throw new UsageError(`"${group}" needs a command (${names}); run "${group} --help" for details`);
  }
  const command = inGroup.find((c) => c.name === `${group} ${name}`);
  if (!command) throw new UsageError(`unknown command "${group} ${name}"; run "${group} --help" to list the ${group} commands`);
  if (wantsHelp) return { kind: 'help', text: commandHelp(command) };
  return { kind: 'run', command, rest: argv.slice(2) };
}

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], output: Output, paths: { appRoot: string }): Promise<number> {
  try {
    const routed = route(argv);
    if (routed.kind === 'help') {
      output.out(routed.text);
      return 0;
    }
    const { command, rest } = routed;
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, data: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    const expected = command.positionals ?? 0;
    if (expected === 'one-or-more') {
      if (positionals.length === 0) throw new UsageError(`"${command.name}" takes one or more arguments: ${command.usage}`);
    } else if (positionals.length !== expected) {
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
      // The services (zod, lowdb, docx, the search index) load only for a command that opens the data.
      const { closeServices, openServices } = await import('../services/handlers');
      const services = await openServices(dataDir, host);
      // A full disk (say) still lets commands that only read work; say once, on stderr, why nothing can be saved.
      const readOnly = services.store.status().readOnly;
      if (readOnly) output.err(`note: ${readOnly.message}`);
      try {
        const result = await work(services);
        // A command that changed the library, or built the full text, leaves the search index up to date.
        await services.searchIndex.flush();
        return result;
      } finally {
        closeServices(services);
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

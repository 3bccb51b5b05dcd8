import type { Command } from './command';

/** What each group of commands is for, in the order the overview lists them. */
const GROUP_SUMMARIES = new Map<string, string>([
  ['data', 'Check the data files, list their backups and restore one'],
  ['library', 'List, search and show modules; import and export one module as JSON'],
  ['curriculum', 'List, show, create and check curricula (courses)'],
  ['pack', 'Share modules and courses with other academies as .ccpack files'],
  ['import', 'Turn lesson plans written in Word (.docx) into draft modules'],
  ['export', 'Write Word documents for a curriculum, a module or a lesson'],
  ['import', 'Bring Word documents back: edits made to an exported curriculum, lesson plan or module'],
  ['sync', 'Share the library with other academies through a git repository (https:// or a bare folder)'],
  ['history', 'Who changed a module or course, when and why (from the shared library\'s history)'],
  ['restore', 'Put an old revision of a module or course back as a new change'],
]);

const INVOCATION = 'npm run cli --';

/** The first word of a command's name: "library" for "library export-json". */
export function groupOf(command: Command): string {
  return command.name.split(' ')[0] ?? command.name;
}

/** The groups in overview order; a group missing from GROUP_SUMMARIES still appears, after the others. */
export function groupsOf(commands: readonly Command[]): string[] {
  const present = new Set(commands.map(groupOf));
  return [...[...GROUP_SUMMARIES.keys()].filter((g) => present.has(g)), ...[...present].filter((g) => !GROUP_SUMMARIES.has(g))];
}

export function groupSummary(group: string): string {
  return GROUP_SUMMARIES.get(group) ?? '';
}

function commandRows(commands: readonly Command[]): string[] {
  return commands.flatMap((c) => [`  ${c.usage}`, `      ${c.summary}`]);
}

/** `--help`, `help`: every command, by group. */
export function overviewHelp(commands: readonly Command[]): string {
  const sections = groupsOf(commands).flatMap((group) => [
    '',
    `${group}: ${groupSummary(group)}`,
    ...commandRows(commands.filter((c) => groupOf(c) === group)),
  ]);
  return [
    `Usage: ${INVOCATION} <group> <command> [options]`,
    ...sections,
    '',
    "Every command takes --data DIR (default: the desktop app's data folder) and --help.",
    `"help GROUP" or "GROUP --help" lists one group; "GROUP COMMAND --help" shows one command.`,
  ].join('\n');
}

/** `GROUP --help`, `help GROUP`: the commands of one group. */
export function groupHelp(group: string, commands: readonly Command[]): string {
  return [
    `Usage: ${INVOCATION} ${group} <command> [options]`,
    '',
    groupSummary(group),
    '',
    'Commands:',
    ...commandRows(commands.filter((c) => groupOf(c) === group)),
    '',
    `Run "${group} COMMAND --help" for the options of one command.`,
  ].join('\n');
}

/** `GROUP COMMAND --help`, `help GROUP COMMAND`: one command and its options. */
export function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, o]) => `  --${name}${o.type === 'string' ? ' VALUE' : ''}`);
  return [`Usage: ${INVOCATION} ${command.usage}`, '', command.summary, '', 'Options:', '  --data DIR', ...options, '  --help'].join('\n');
}

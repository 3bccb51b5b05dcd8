import type { ParseArgsConfig } from 'node:util';
import type { Services } from '../services/handlers';
import type { Output } from './output';

export type CommandContext = {
  dataDir: string;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  output: Output;
  /** Folder of the app's package.json (version for pack manifests). */
  appRoot: string;
  /**
   * Opens the data folder (taking its lock), runs `work`, and always closes it again. Commands that only
   * read files need not call it.
   */
  withServices: <T>(work: (services: Services) => T | Promise<T>) => Promise<T>;
};

/** One CLI command: a name of one or two words, its help, its options and what it does. */
export type Command = {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  /** Exact number of positional arguments after the command name, or 'one-or-more' (FILE...). */
  positionals?: number | 'one-or-more';
  run(context: CommandContext): Promise<number>;
};

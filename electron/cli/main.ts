import { appRootFrom } from '../services/paths';
import { processOutput } from './output';
import { runCli } from './run-cli';

runCli(process.argv.slice(2), processOutput, { appRoot: appRootFrom(import.meta.url, 2) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

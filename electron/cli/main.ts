import { appRootFrom } from '../services/paths';
import { processOutput } from './output';
import { runCli } from './run-cli';

// `npm run cli -- library list | head` closes the pipe early: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), processOutput, { appRoot: appRootFrom(import.meta.url, 2) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${String(error)}\n`);
    process.exitCode = 1;
  },
);

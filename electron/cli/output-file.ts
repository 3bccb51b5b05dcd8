import { access } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UsageError } from './output';

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/**
 * Checks an `--out` path before any work is done: the right extension (if one is required), a folder that exists, and no file
 * replaced unless `--force` was given. Every command that writes a file the user names goes through it.
 */
export async function checkOutputFile(out: string | boolean | undefined, force: string | boolean | undefined, extension?: string): Promise<string> {
  const wanted = extension ? `a ${extension} file` : 'a file';
  if (typeof out !== 'string' || out === '' || (extension && !out.toLowerCase().endsWith(extension))) throw new UsageError(`--out must name ${wanted}`);
  if (!(await exists(dirname(out)))) throw new UsageError(`the folder ${dirname(out)} does not exist`);
  if (force !== true && (await exists(out))) throw new UsageError(`${out} already exists; give --force to replace it`);
  return out;
}

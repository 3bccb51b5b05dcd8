import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';

const created: string[] = [];

/** A fresh temp folder per test, removed afterwards. */
export async function tempDir(prefix = 'cc-test-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  created.push(dir);
  return dir;
}

afterEach(async () => {
  for (const dir of created.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** Every file under `dir` with its bytes, to prove that an operation changed nothing. */
export async function snapshotDir(dir: string): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  async function walk(at: string): Promise<void> {
    for (const entry of await readdir(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) await walk(path);
      else result.set(relative(dir, path), (await readFile(path)).toString('base64'));
    }
  }
  await walk(dir);
  return result;
}

/**
 * The file system isomorphic-git works through, made safe to kill: every file it writes (loose objects,
 * packs, their indexes) is written to a temp name and renamed into place, so a process killed mid-write
 * leaves a stray temp file, never a truncated object that git would later take for a whole one (isomorphic-git
 * skips writing an object whose file exists). `flush` fsyncs what was written before a ref or the sync state
 * names it, so the objects a commit needs are on disk before anything points at them.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDirectory } from '../store/atomic-file';

export type GitFs = {
  promises: typeof fs.promises;
  /** Fsyncs every file written since the last flush, and their folders. */
  flush(): Promise<void>;
};

export function gitFs(): GitFs {
  const written = new Set<string>();
  const writeFile = async (path: string, data: string | Uint8Array, options?: fs.WriteFileOptions): Promise<void> => {
    const temp = `${path}.tmp-${randomBytes(6).toString('hex')}`;
    try {
      await fs.promises.writeFile(temp, data, options);
      await fs.promises.rename(temp, path);
    } catch (error) {
      await fs.promises.rm(temp, { force: true });
      throw error;
    }
    written.add(path);
  };
  const promises = { ...fs.promises, writeFile } as typeof fs.promises;
  return {
    promises,
    async flush() {
      const files = [...written];
      written.clear();
      const folders = new Set(files.map((f) => dirname(f)));
      for (let at = 0; at < files.length; at += 32) {
        await Promise.all(
          files.slice(at, at + 32).map(async (file) => {
            const handle = await fs.promises.open(file, 'r');
            try {
              await handle.sync();
            } finally {
              await handle.close();
            }
          }),
        );
      }
      for (const folder of folders) await fsyncDirectory(folder);
    },
  };
}

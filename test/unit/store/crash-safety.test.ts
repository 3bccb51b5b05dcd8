import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledChildScript } from '../../helpers/child-script';
import { openTestStore, REPO_ROOT } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

let saveLoop = '';
let writerWorker = '';
beforeAll(async () => {
  saveLoop = await bundledChildScript('test/fixtures/scripts/save-loop.ts');
  writerWorker = await bundledChildScript('electron/workers/file-writer.worker.ts');
});
const KILLS = 30;

/**
 * Starts the saving child and SIGKILLs it at a random moment after its `savesBeforeKill`-th save; with
 * `onWriterThread`, it writes its files on the writer thread, as the app and the web harness do.
 */
function killWhileSaving(dataDir: string, savesBeforeKill: number, extraDelayMs: number, onWriterThread: boolean): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [saveLoop, dataDir, ...(onWriterThread ? [writerWorker] : [])], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let saves = 0;
    let stderr = '';
    let armed = false;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      saves += chunk.toString().split('\n').filter((l) => l.startsWith('saved')).length;
      if (saves >= savesBeforeKill && !armed) {
        armed = true;
        // The random extra delay lands the kill at an arbitrary point inside the next write.
        setTimeout(() => child.kill('SIGKILL'), extraDelayMs);
      }
    });
    child.once('exit', (_code, signal) => {
      if (signal === 'SIGKILL') resolve(saves);
      else reject(new Error(`save loop ended by itself: ${stderr}`));
    });
  });
}

/** Files under `dir` that a write left half done: temp files and staged files of a transaction. */
async function unfinishedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && (e.name.includes('.tmp-') || e.name.includes('.txn-'))).map((e) => relative(dir, join(e.parentPath, e.name)));
}

describe('crash safety', () => {
  it(`loads cleanly after the saving process is killed at ${KILLS} random moments`, { timeout: 180_000 }, async () => {
    const dataDir = await tempDir();
    for (let round = 0; round < KILLS; round += 1) {
      // Every other round on the writer thread: the same files, written by the synchronous calls there.
      const saves = await killWhileSaving(dataDir, 1 + Math.floor(Math.random() * 5), Math.random() * 25, round % 2 === 1);
      expect(saves).toBeGreaterThan(0);
      if (round === KILLS - 1) expect((await readdir(join(dataDir, 'curricula'))).length).toBeGreaterThan(3);
      const store = await openTestStore(dataDir, { keep: 3, minIntervalMs: 0 });
      expect(store.status().problems).toEqual([]);
      expect(store.read('library').modules.length).toBeGreaterThan(0);
      // Each course whole, with the snapshot its file names (it would not load without it), from one round.
      for (const course of store.read('curricula').curricula) {
        const [item] = course.items;
        expect(item?.kind === 'module' ? `save ${item.snapshot.revision}` : '').toBe(course.description);
      }
      store.close();
      expect(await unfinishedFiles(dataDir)).toEqual([]);
    }
  });
});

/**
 * Writing the files of a save that needs no journal: on the event loop (`replaceFilesHere`, the CLI and the
 * tests' stores), and on the writer thread of the app and the web harness (`threadFileWriter` running
 * file-writer.worker.ts, bundled here as the build bundles it). Both must leave the same files.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { threadFileWriter, type FileWriterThread } from '../../../electron/services/store/file-writer-thread';
import { replaceFilesHere, replaceFilesNow, type ReplaceFiles } from '../../../electron/services/store/replace-files';
import { bundledChildScript } from '../../helpers/child-script';
import { tempDir } from '../../helpers/temp-dir';

let workerScript = '';
beforeAll(async () => {
  workerScript = await bundledChildScript('electron/workers/file-writer.worker.ts');
});

const threads: FileWriterThread[] = [];
afterEach(async () => {
  for (const thread of threads.splice(0)) await thread.close();
});

function writerThread(createWorker: (options: WorkerOptions) => Worker = (options) => new Worker(workerScript, options)): FileWriterThread {
  const thread = threadFileWriter(createWorker);
  threads.push(thread);
  return thread;
}

/** Every file under `dir`, with its text: nothing else (no temp file) may be there. */
async function filesIn(dir: string): Promise<Record<string, string>> {
  const found: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) found[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  return found;
}

const WAYS: [string, () => ReplaceFiles][] = [
  ['on the event loop', () => replaceFilesHere],
  ['synchronously (what the thread runs)', () => (stages) =>
      new Promise<void>((resolve) => {
        replaceFilesNow(stages);
        resolve();
      })],
  ['on the writer thread', () => writerThread().replaceFiles],
];

describe.each(WAYS)('replacing files %s', (_name, way) => {
  it('writes every stage, makes a missing folder, replaces what was there, and leaves no temp file', async () => {
    const dir = await tempDir('cc-replace-');
    await mkdir(join(dir, 'curricula'));
    await writeFile(join(dir, 'curricula', 'a.json'), 'old a');
    const replace = way();
    await replace([
      [{ path: join(dir, 'snapshots', 'm', '3.json'), bytes: 'snapshot' }],
      [
        { path: join(dir, 'curricula', 'a.json'), bytes: new TextEncoder().encode('new a é') },
        { path: join(dir, 'curricula', 'b.json'), bytes: 'new b' },
      ],
    ]);
    expect(await filesIn(dir)).toEqual({ 'snapshots/m/3.json': 'snapshot', 'curricula/a.json': 'new a é', 'curricula/b.json': 'new b' });
  });

  it('fails with the fs error (its code kept, so a full disk is told apart) and leaves the old file and no temp file', async () => {
    const dir = await tempDir('cc-replace-');
    await writeFile(join(dir, 'a.json'), 'old a');
    // A folder where the file should go: the rename over it fails.
    await mkdir(join(dir, 'b.json'));
    const replace = way();
    const failure = replace([[{ path: join(dir, 'a.json'), bytes: 'new a' }, { path: join(dir, 'b.json'), bytes: 'new b' }]]);
    await expect(failure).rejects.toMatchObject({ code: expect.stringMatching(/^(EISDIR|EEXIST|ENOTEMPTY|EPERM)$/) as unknown, syscall: 'rename' });
    expect(await filesIn(dir)).toEqual({ 'a.json': 'new a' });
    // The same writer goes on with the next write.
    await replace([[{ path: join(dir, 'c.json'), bytes: 'c' }]]);
    expect(await filesIn(dir)).toEqual({ 'a.json': 'new a', 'c.json': 'c' });
  });
});

describe('the writer thread', () => {
  it('fails the writes waiting on a thread that stops, and starts a new thread for the next write', async () => {
    let started = 0;
    const thread = writerThread((options) => {
      started += 1;
      // The first thread dies before it answers; the next is the real writer.
      return started === 1 ? new Worker('process.exit(3)', { eval: true }) : new Worker(workerScript, options);
    });
    const dir = await tempDir('cc-replace-');
    await expect(thread.replaceFiles([[{ path: join(dir, 'a.json'), bytes: 'a' }]])).rejects.toThrow(/file writer thread stopped \(exit code 3\)/);
    await thread.replaceFiles([[{ path: join(dir, 'a.json'), bytes: 'a again' }]]);
    expect(started).toBe(2);
    expect(await filesIn(dir)).toEqual({ 'a.json': 'a again' });
  });

  it('answers each write in turn, many at once', async () => {
    const dir = await tempDir('cc-replace-');
    const thread = writerThread();
    await Promise.all(Array.from({ length: 20 }, (_, i) => thread.replaceFiles([[{ path: join(dir, `${String(i)}.json`), bytes: String(i) }]])));
    expect(Object.keys(await filesIn(dir))).toHaveLength(20);
  });

  it('fails a write still waiting when it is closed', async () => {
    const dir = await tempDir('cc-replace-');
    // A thread that never answers: the write waits until the writer is closed.
    const thread = writerThread(() => new Worker('setInterval(() => {}, 1000)', { eval: true }));
    const waiting = expect(thread.replaceFiles([[{ path: join(dir, 'a.json'), bytes: 'a' }]])).rejects.toThrow(/closed before the write was done/);
    await thread.close();
    await waiting;
  });
});

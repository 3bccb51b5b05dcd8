import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { runInWorker } from '../../../electron/services/workers/run-in-worker';

/** A worker from inline code, as the host's build would create one from a file. */
const inline = (code: string) => (options: { workerData: number }) => new Worker(code, { ...options, eval: true });

describe('running a job in a worker thread', () => {
  it('reports progress and settles with the result', async () => {
    const progress: number[] = [];
    const worker = inline(`
      const { parentPort, workerData } = require('node:worker_threads');
      for (let i = 1; i <= 3; i += 1) parentPort.postMessage({ kind: 'progress', progress: i });
      parentPort.postMessage({ kind: 'done', result: workerData * 2 });`);
    await expect(runInWorker<number, number, number>(worker, 21, { job: 'The sum', onProgress: (p) => progress.push(p) })).resolves.toBe(42);
    expect(progress).toEqual([1, 2, 3]);
  });

  it('passes the worker\'s refusal on with its code', async () => {
    const worker = inline(`require('node:worker_threads').parentPort.postMessage({ kind: 'error', code: 'forbidden', message: 'Not for participants' });`);
    await expect(runInWorker(worker, 0, { job: 'The export' })).rejects.toMatchObject({ code: 'forbidden', message: 'Not for participants' });
  });

  it('says when the worker crashed or stopped without an answer', async () => {
    await expect(runInWorker(inline(`throw new Error('out of paper')`), 0, { job: 'The export' })).rejects.toMatchObject({
      code: 'internal',
      message: 'The export failed: out of paper',
    });
    await expect(runInWorker(inline('process.exit(3)'), 0, { job: 'The export' })).rejects.toMatchObject({
      code: 'internal',
      message: 'The export stopped unexpectedly (exit code 3).',
    });
  });

  it('is cancelled before it starts or while it runs', async () => {
    const never = inline('setInterval(() => {}, 1000)');
    const early = new AbortController();
    early.abort();
    await expect(runInWorker(never, 0, { job: 'The export', signal: early.signal })).rejects.toMatchObject({ code: 'cancelled', message: 'The export was cancelled.' });
    const late = new AbortController();
    const running = runInWorker(never, 0, { job: 'Opening the pack', signal: late.signal });
    late.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'Opening the pack was cancelled.' });
  });
});

import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerExportRunners, type ExportWorkerData } from '../../../electron/services/export/export-worker';
import { runInWorker } from '../../../electron/services/workers/run-in-worker';
import type { ExportJob, ExportRunners } from '../../../electron/services/export/export-job';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';

/** The worker as the app ships it: the file electron-vite built (npm test builds before testing). */
const chunks = join(REPO_ROOT, 'out/main/chunks');
const builtWorker = readdirSync(chunks).find((f) => f.startsWith('export.worker-') && f.endsWith('.js'));
if (!builtWorker) throw new Error('Build the app first (npm run build): out/main/chunks has no export worker');
const createWorker = (options: WorkerOptions) => new Worker(join(chunks, builtWorker), options);

async function moduleJob(variant: ExportJob['options']['variant']): Promise<ExportJob> {
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const module = library.modules.find((m) => m.id === 'use-of-force-firearms');
  if (!module) throw new Error('sample module missing');
  return {
    input: { curriculum: curriculumForModule(module, new Date('2026-11-26T00:00:00Z')), references: library.references, today: '2026-11-26' },
    options: { variant, paper: 'a4', annexes: true },
  };
}

describe('exporting in a worker thread', () => {
  it('returns a .docx and reports progress', async () => {
    const run = workerExportRunners(createWorker).docx;
    const progress: string[] = [];
    const file = await run(await moduleJob('full'), { onProgress: (p) => progress.push(p.label) });
    expect(Buffer.from(file.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(file.fileName).toMatch(/\.docx$/);
    expect(progress[0]).toBe('plan');
    expect(progress).toContain('document');
  });

  it('checks the job it is handed and passes the refusal back with its code', async () => {
    const run = workerExportRunners(createWorker).docx;
    const job = await moduleJob('full');
    const broken = { ...job, options: { ...job.options, variant: 'everything' } } as unknown as ExportJob;
    await expect(run(broken, {})).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('variant') as unknown });
  });

  it('builds the print preview\'s plan off the main thread too', async () => {
    const plan = await workerExportRunners(createWorker).plan(await moduleJob('trainer'));
    expect(plan.variant).toBe('trainer');
    expect(plan.sections.length).toBeGreaterThan(1);
  });

  it('refuses to guess what it is asked for', async () => {
    const data = { job: await moduleJob('full'), output: 'pdf' } as unknown as ExportWorkerData;
    await expect(runInWorker(createWorker, data, { job: 'The export' })).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'The export worker was asked for neither a document nor a plan.',
    });
  });

  it('builds a whole trainer kit in one worker, with one progress over all documents', async () => {
    const job = await moduleJob('full');
    const progress: { done: number; total: number; label: string }[] = [];
    const kit = await workerExportRunners(createWorker).kit({ input: job.input, paper: 'a4' }, { onProgress: (p) => progress.push(p) });
    expect(kit.files).toHaveLength(8);
    for (const file of kit.files) expect(Buffer.from(file.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(kit.files.map((f) => f.fileName.replace(/^.*-(\d\d-[a-z-]+)\.docx$/, '$1'))).toEqual([
      '01-curriculum', '02-trainer-plans', '03-participant-handouts', '04-pre-test', '05-post-test', '06-answer-key', '07-observation-checklist', '08-evaluation-form',
    ]);
    expect(progress.at(-1)).toMatchObject({ done: 800, total: 800 });
  });

  it('checks a kit job too', async () => {
    const job = await moduleJob('full');
    const broken = { input: job.input, paper: 'a3' } as unknown as Parameters<ExportRunners['kit']>[0];
    await expect(workerExportRunners(createWorker).kit(broken, {})).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('trainer kit job') as unknown });
  });

  it('stops a trainer kit when cancelled mid-way, terminating the worker', async () => {
    const job = await moduleJob('full');
    const controller = new AbortController();
    let seen = 0;
    const running = workerExportRunners(createWorker).kit({ input: job.input, paper: 'a4' }, {
      signal: controller.signal,
      onProgress: (p) => {
        seen = p.done;
        // Once the second document is under way: the worker is busy, and is stopped where it is.
        if (p.done > 100) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled', message: 'The trainer kit was cancelled.' });
    expect(seen).toBeGreaterThan(100);
    expect(seen).toBeLessThan(800);
  });

  it('can be cancelled, which stops the worker', async () => {
    const run = workerExportRunners(createWorker).docx;
    const controller = new AbortController();
    const running = run(await moduleJob('trainer'), { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });
});

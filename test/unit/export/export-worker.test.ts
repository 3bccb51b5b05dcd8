import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerExportRunners, type ExportWorkerData } from '../../../electron/services/export/export-worker';
import { runInWorker } from '../../../electron/services/workers/run-in-worker';
import type { ExportJob } from '../../../electron/services/export/export-job';
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

  it('can be cancelled, which stops the worker', async () => {
    const run = workerExportRunners(createWorker).docx;
    const controller = new AbortController();
    const running = run(await moduleJob('trainer'), { signal: controller.signal });
    controller.abort();
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });
});

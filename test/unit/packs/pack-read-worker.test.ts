import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { workerPackReader } from '../../../electron/services/packs/pack-read-worker';
import { packBytes } from '../../../electron/services/packs/pack-writer';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';

/** The worker as the app ships it: the file electron-vite built (npm test builds before testing). */
const chunks = join(REPO_ROOT, 'out/main/chunks');
const builtWorker = readdirSync(chunks).find((f) => f.startsWith('pack-read.worker-') && f.endsWith('.js'));
if (!builtWorker) throw new Error('Build the app first (npm run build): out/main/chunks has no pack-read worker');
const createWorker = (options: WorkerOptions) => new Worker(join(chunks, builtWorker), options);

async function samplePack(): Promise<Buffer> {
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const meta = { packId: 'sample-pack', title: 'Sample', publisher: 'Test', license: 'CC BY 4.0', appVersion: '0.1.0' };
  return (await packBytes({ modules: library.modules.slice(0, 3), references: library.references, meta })).bytes;
}

describe('reading packs in a worker thread', () => {
  it('returns the same contents as reading in process, reporting each check as progress', async () => {
    const read = workerPackReader(createWorker);
    const stages: string[] = [];
    const contents = await read(await samplePack(), { onProgress: (p) => stages.push(p.label) });
    expect(contents.modules).toHaveLength(3);
    expect(stages).toContain('checksums');
    expect(stages.at(-1)).toBe('consistency');
  });

  it('passes a refusal back with its code and message', async () => {
    const read = workerPackReader(createWorker);
    await expect(read(Buffer.from('not a zip at all'), {})).rejects.toMatchObject({
      code: 'invalid-argument',
      message: 'The file is not a pack: it is not a zip archive.',
    });
  });

  it('can be cancelled, which stops the worker', async () => {
    const read = workerPackReader(createWorker);
    const controller = new AbortController();
    const reading = read(await samplePack(), { signal: controller.signal });
    controller.abort();
    await expect(reading).rejects.toMatchObject({ code: 'cancelled' });
  });
});

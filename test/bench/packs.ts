import { readFile } from 'node:fs/promises';
import { PackImportService } from '../../electron/services/packs/pack-import';
import { Store } from '../../electron/services/store/store';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { readPack } from '../../electron/services/packs/pack-reader';
import { writePack } from '../../electron/services/packs/pack-writer';
import { summarise } from './stats';

const RESOURCES_DIR = join(import.meta.dirname, '../../resources');

/**
 * A pack of 500 modules (copies of the sample modules under new ids, about 35 MB of JSON): how long the
 * writer takes once, and `readPack` (every check of an inspect or import: unzip, checksums, JSON safety
 * scans, schemas) as the median of five reads. Target: inspect <= 500 ms.
 */
export async function benchPacks(moduleCount = 500, rounds = 5): Promise<Record<string, unknown>> {
  const dir = await mkdtemp(join(tmpdir(), 'cc-bench-packs-'));
  try {
    const sample = await loadSampleLibrary(RESOURCES_DIR);
    const modules = Array.from({ length: moduleCount }, (_, i) => {
      const source = sample.modules[i % sample.modules.length];
      if (!source) throw new Error('The sample library has no modules');
      return { ...source, id: `${source.id}-copy-${i}` };
    });
    const path = join(dir, 'bench.ccpack');
    const meta = { packId: 'bench', title: 'Benchmark pack', publisher: 'Benchmark', license: 'CC-BY-4.0', appVersion: '0.1.0', createdAt: '2025-01-01T00:00:00Z' };

    const writeStarted = performance.now();
    await writePack({ modules, references: sample.references, meta }, path);
    const writeMs = Math.round(performance.now() - writeStarted);

    const times: number[] = [];
    // CPU time beside wall time: on a shared, busy machine the wall clock also counts waiting for a core.
    const cpuTimes: number[] = [];
    let jsonBytes = 0;
    for (let i = 0; i < rounds; i += 1) {
      const cpuStarted = process.cpuUsage();
      const started = performance.now();
      const contents = await readPack(path);
      times.push(performance.now() - started);
      const cpu = process.cpuUsage(cpuStarted);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      jsonBytes = contents.modules.reduce((sum, module) => sum + JSON.stringify(module).length, 0);
    }
    // Import into a fresh library: preview (read, check, compare) and the one-transaction write.
    const importTimes: number[] = [];
    const bytes = await readFile(path);
    for (let i = 0; i < Math.min(rounds, 3); i += 1) {
      const store = await Store.open({
        dataDir: await mkdtemp(join(dir, 'data-')),
        owner: 'bench',
        seed: { settings: () => Promise.resolve(DEFAULT_SETTINGS), library: () => loadSampleLibrary(RESOURCES_DIR) },
      });
      const packs = new PackImportService(store);
      const started = performance.now();
      const preview = await packs.preview({ bytes });
      await packs.import(preview.previewId, {});
      importTimes.push(performance.now() - started);
      store.close();
    }
    return {
      target: 'inspect median <= 500 ms; import (preview + write) <= 2000 ms',
      importPreviewAndWrite: summarise(importTimes),
      modules: moduleCount,
      packBytes: (await stat(path)).size,
      moduleJsonBytes: jsonBytes,
      writeMs,
      inspect: summarise(times),
      inspectCpu: summarise(cpuTimes),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

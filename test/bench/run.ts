/**
 * `npm run bench`: performance figures as JSON. Targets are reported beside the measurements; benchmarks
 * never fail the test suite (timings depend on the machine), they inform the closing notes and reviews.
 * `npm run bench -- store web` runs only the named groups.
 */
import { cpus } from 'node:os';
import { benchComposerReorder } from './composer-reorder';
import { benchCourseSave } from './course-save';
import { benchCurriculum } from './curriculum';
import { benchExport } from './export';
import { benchLeakCheck } from './leak-check';
import { benchLibrarySearch } from './library-search';
import { benchPackKill } from './pack-kill';
import { benchPacks } from './packs';
import { benchLibraryWeb } from './library-web';
import { benchLock } from './lock';
import { benchStartup } from './startup';
import { benchStoreSave } from './store-save';
import { benchSync } from './sync';
import { benchWebColdStart } from './web-cold-start';
import { benchWebLoad } from './web-load';
import { benchWordImport } from './word-import';

const GROUPS: Record<string, () => Promise<Record<string, unknown>>> = {
  store: async () => ({ target: 'saving one module of a 5 MB library: median <= 100 ms', ...(await benchStoreSave()) }),
  webLoad: async () => {
    const clients = Number(process.env['CC_LOAD_CLIENTS'] ?? 50);
    const seconds = Number(process.env['CC_LOAD_SECONDS'] ?? 60);
    return {
      target: '50 clients x 60 s: save p99 <= 200 ms, search p99 <= 50 ms, harness <= 500 MB, 0 lost updates',
      // Designers pausing a second on average between actions (50 requests a second in all), then the same
      // clients with no pause at all (see web-load.ts).
      designersPaced: await benchWebLoad(clients, seconds, Number(process.env['CC_LOAD_THINK_MS'] ?? 1000)),
      saturated: await benchWebLoad(clients, seconds, 0),
    };
  },
  courseSave: async () => ({ target: 'saving one course while 500 exist: median <= 30 ms', ...(await benchCourseSave()) }),
  web: async () => ({ target: 'web harness cold start to first render: median <= 1500 ms', ...(await benchWebColdStart()) }),
  search: async () => ({ target: '5,000 modules: search median <= 10 ms, p95 <= 30 ms', ...(await benchLibrarySearch()) }),
  libraryWeb: async () => ({
    target: '5,000 modules: harness start to ready <= 2 s and first search <= 100 ms (with the persisted index; the page\'s first 100 rows); library shown <= 1500 ms after opening',
    ...(await benchLibraryWeb()),
  }),
  packs: () => benchPacks(),
  packKill: () => benchPackKill(),
  curriculum: () => benchCurriculum(),
  composerReorder: () => benchComposerReorder(),
  export: () => benchExport(),
  startup: () => benchStartup(),
  lock: async () => ({ target: 'taking and releasing the data-folder lock: a few ms', ...(await benchLock()) }),
  leakCheck: () => benchLeakCheck(),
  wordImport: () => benchWordImport(),
  sync: () => benchSync(),
};

const chosen = process.argv.slice(2).filter((name) => name in GROUPS);
const results: Record<string, unknown> = { machine: { node: process.version, platform: process.platform, cpus: cpus().length } };
for (const name of chosen.length > 0 ? chosen : Object.keys(GROUPS)) {
  const run = GROUPS[name];
  if (run) results[name] = await run();
}
console.log(JSON.stringify(results, null, 2));

/**
 * `npm run bench`: performance figures as JSON. Targets are reported beside the measurements; benchmarks
 * never fail the test suite (timings depend on the machine), they inform the closing notes and reviews.
 */
import { benchStoreSave } from './store-save';
import { benchWebColdStart } from './web-cold-start';

const results = {
  machine: { node: process.version, platform: process.platform, cpus: (await import('node:os')).cpus().length },
  storeSave5MB: { target: 'median <= 100 ms', ...(await benchStoreSave()) },
  webColdStart: { target: 'median <= 1500 ms to first render', ...(await benchWebColdStart()) },
};
console.log(JSON.stringify(results, null, 2));

/**
 * One cold opening of a data folder as the web harness opens it, run by `library-web.ts` in a fresh Node
 * process: how long opening the services takes (the search index read and checked against the module
 * files), then each first search as the service answers it (before any HTTP) for the library page's first
 * page, then with every match, and the size of the answer the harness would send. Wall and processor time: on a machine shared with other work, wall time also
 * counts the time spent waiting for a processor.
 */
import { performance } from 'node:perf_hooks';
import { closeServices, openServices } from '../../electron/services/handlers';
import { LIBRARY_PAGE_SIZE } from '../../shared/schemas/library-query';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';

const round1 = (n: number) => Math.round(n * 10) / 10;

function timed<T>(run: () => Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  return run().then((value) => {
    const used = process.cpuUsage(cpu);
    return { value, ms: round1(performance.now() - started), cpuMs: round1((used.user + used.system) / 1000) };
  });
}

const dataDir = process.argv[2] ?? '';
const texts = process.argv.slice(3);
const open = await timed(() => openServices(dataDir, { kind: 'web', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }));
const services = open.value;
/** Each text searched as the library page asks (its first page), then with every match (as it asked before paging). */
async function measure(request: { limit?: number }) {
  const results = [];
  for (const text of texts) {
    const search = await timed(() => services.library.search({ text, sort: 'relevance', ...request }));
    const started = performance.now();
    const answer = JSON.stringify({ ok: true, value: search.value });
    results.push({ text, ms: search.ms, cpuMs: search.cpuMs, hits: search.value.matched, rows: search.value.modules.length, answerKB: Math.round(answer.length / 1e3), serialiseMs: round1(performance.now() - started) });
  }
  return results;
}
const searches = await measure({ limit: LIBRARY_PAGE_SIZE });
const allHitsAfterwards = await measure({});
const rssMB = Math.round(process.memoryUsage().rss / 1e6);
closeServices(services);
console.log(JSON.stringify({ openMs: open.ms, openCpuMs: open.cpuMs, fromPersistedIndex: services.searchIndex.persisted, searches, allHitsAfterwards, rssMB }));

/**
 * A timing check for the Word renderer, run by hand while working on it (not a test, not a benchmark gate):
 *   npx tsx test/helpers/docx-timing.ts [modules...]
 * It renders synthetic curricula of N modules × 6 lessons and prints wall and CPU time and the peak RSS for each
 * (CPU time is the steadier figure on a busy machine).
 */
import { renderDocx } from '../../electron/services/export/docx/render-docx';
import { syntheticCurriculumPlan } from '../fixtures/export/plans/synthetic-curriculum';

const sizes = process.argv.slice(2).map(Number).filter((n) => Number.isInteger(n) && n > 0);

// A first small run warms up the module cache and the JIT, so the figures are for the rendering itself.
await renderDocx(syntheticCurriculumPlan(1));
for (const modules of sizes.length > 0 ? sizes : [10, 40, 160, 320]) {
  const plan = syntheticCurriculumPlan(modules);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const bytes = await renderDocx(plan);
  const ms = performance.now() - started;
  const cpuMs = (process.cpuUsage(cpuBefore).user) / 1000;
  // maxRSS is the peak of the whole process so far: run one size per process for a clean peak figure.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(`${String(modules).padStart(4)} modules: ${ms.toFixed(0).padStart(6)} ms wall, ${cpuMs.toFixed(0).padStart(6)} ms cpu, ${(bytes.length / 1024).toFixed(0)} KiB, peak rss ${peakMb.toFixed(0)} MB`);
}

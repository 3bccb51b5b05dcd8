/**
 * One cold export, run by `export.ts` in a fresh Node process: reads a job file, builds the plan and the
 * .docx exactly as the export worker does, and prints the time from before the export code was loaded to
 * the finished bytes, and the process's peak memory. `--unchecked` skips validating the job: a curriculum
 * holds at most 200 items, so the 320-module point of the growth curve can only be measured that way.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import type { ExportJob } from '../../electron/services/export/export-job';

const started = performance.now();
const { runExportJob } = await import('../../electron/services/export/export-job');
const { parseExportJob } = await import('../../electron/services/export/export-job-schema');
const raw: unknown = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8'));
const job = process.argv.includes('--unchecked') ? (raw as ExportJob) : parseExportJob(raw);
const loaded = performance.now();
const file = await runExportJob(job, {});
const finished = performance.now();
console.log(
  JSON.stringify({
    totalMs: Math.round(finished - started),
    exportMs: Math.round(finished - loaded),
    bytes: file.bytes.length,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  }),
);

/**
 * One cold participant-safety check, run by `leak-check.ts` in a fresh Node process. It reads a finished
 * participant plan, its curriculum and the reference list, and prints two timings of one check:
 * - `inExport` (the check's first run, as at the end of a participant export): the lessons' participant
 *   sections are built first, exactly as the export does, so the participant texts' Markdown is converted
 *   already and the check converts only the trainer-only texts;
 * - `alone` (`--alone`): nothing is converted before the check, which converts every text itself.
 * Both with the processor time of the check: on a machine shared with other work, wall time also counts
 * the time spent waiting for a processor.
 */
import { performance } from 'node:perf_hooks';
import { preparedParticipantCheck } from '../helpers/participant-check';

const check = preparedParticipantCheck(process.argv[2] ?? '', !process.argv.includes('--alone'));
const cpu = process.cpuUsage();
const started = performance.now();
check();
const finished = performance.now();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ checkMs: Math.round(finished - started), checkCpuMs: Math.round((used.user + used.system) / 1000) }));

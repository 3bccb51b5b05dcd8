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
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { planContext } from '../../shared/domain/export/context';
import { numberedHeadings } from '../../shared/domain/export/lesson-parts';
import { checkParticipantSafe } from '../../shared/domain/export/participant-safety';
import type { ExportPlan } from '../../shared/domain/export/plan';
import { participantSections } from '../../shared/domain/export/sections/handouts';
import type { Curriculum } from '../../shared/schemas/curriculum';
import type { Reference } from '../../shared/schemas/reference';

const input = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as { plan: ExportPlan; curriculum: Curriculum; references: Reference[] };
const ctx = planContext({ curriculum: input.curriculum, references: input.references, today: '2026-11-26' }, { variant: 'participant', paper: 'a4', annexes: true });
if (!process.argv.includes('--alone')) participantSections(ctx);
const cpu = process.cpuUsage();
const started = performance.now();
// As buildExportPlan calls it: the curriculum, the numbered headings and the numbering the document prints references with.
checkParticipantSafe(input.plan, ctx.curriculum, ctx.values, input.references, numberedHeadings(ctx), ctx.numbering);
const finished = performance.now();
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ checkMs: Math.round(finished - started), checkCpuMs: Math.round((used.user + used.system) / 1000) }));

/**
 * The participant-safety check on its own, cold: each run is a fresh Node process that reads a finished
 * participant plan of a 40-module course and its curriculum, and times the check's first run, in the three
 * ways of MODES. Two courses: the export benchmark course (whose modules repeat the 16 English sample
 * modules, so identical texts are looked at once), and the same course with every text made distinct, as
 * 40 different modules would be.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadSampleLibrary } from '../../electron/services/library/sample-library';
import { buildExportPlan } from '../../shared/domain/export/build-plan';
import type { Curriculum } from '../../shared/schemas/curriculum';
import type { Lesson } from '../../shared/schemas/module';
import { bundledChildScript } from '../helpers/child-script';
import { REPO_ROOT, RESOURCES_DIR } from '../helpers/open-test-store';
import { exportBenchCourse } from './export-course';
import { summarise } from './stats';

const run = promisify(execFile);
const MODULES = 40;
/** Cold runs per figure: this machine's timings of one check vary by half from run to run. */
const RUNS = 11;

/** Every text of a lesson ends with words of its module copy, so no two modules share a paragraph. */
function distinctLesson(lesson: Lesson, tag: string): Lesson {
  const mark = (text: string): string => `${text}\n\nCopy ${tag} of this text.`;
  return {
    ...lesson,
    trainerNotes: mark(lesson.trainerNotes),
    steps: lesson.steps.map((s) => ({ ...s, trainerActivity: mark(s.trainerActivity), participantActivity: mark(s.participantActivity) })),
    handouts: lesson.handouts.map((h) => ({ ...h, body: mark(h.body) })),
    evaluation: lesson.evaluation.map((e) => ({ ...e, question: mark(e.question), answer: mark(e.answer) })),
  };
}

function distinctCourse(course: Curriculum): Curriculum {
  return {
    ...course,
    items: course.items.map((item, index) =>
      item.kind === 'module' ? { ...item, snapshot: { ...item.snapshot, lessons: item.snapshot.lessons.map((l) => distinctLesson(l, `m${index}-${l.code}`)) } } : item,
    ),
  };
}

type ChildResult = { checkMs: number; checkCpuMs: number };

/**
 * The child runs bundled into one file, as the export worker ships (electron-vite bundles it), not under
 * `tsx`, where each module of the check stays a module of its own (142 ms against 131 ms, one run each).
 */
async function coldCheck(child: string, file: string, mode: Mode): Promise<ChildResult> {
  const args = [...mode.flags, child, file, ...(mode.alone ? ['--alone'] : [])];
  const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 10_000_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildResult;
}

/**
 * The ways a check is timed: as in an export, on its own (see leak-check-child.ts), and as in an export by
 * an engine without WebAssembly, which reads with the JavaScript loop of words.ts (`--noexpose-wasm`).
 */
type Mode = { flags: string[]; alone: boolean };
const MODES: Record<string, Mode> = {
  inExport: { flags: [], alone: false },
  alone: { flags: [], alone: true },
  inExportJavaScriptReader: { flags: ['--noexpose-wasm'], alone: false },
};

/** RUNS cold runs of each mode, taken in turn so that a slower spell of the machine weighs on each alike. */
async function coldChecks(child: string, file: string): Promise<Record<string, unknown>> {
  const runs: Record<string, ChildResult[]> = Object.fromEntries(Object.keys(MODES).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i += 1) for (const [name, mode] of Object.entries(MODES)) runs[name]?.push(await coldCheck(child, file, mode));
  return Object.fromEntries(
    Object.entries(runs).map(([name, results]) => [name, { wallMs: summarise(results.map((r) => r.checkMs)), processorMs: summarise(results.map((r) => r.checkCpuMs)) }]),
  );
}

/**
 * With CC_LEAK_BENCH_DIR set, the course files are written there and kept, so that a single cold run can be
 * profiled: `node --cpu-prof test/.bundled/leak-check-child-*.mjs DIR/bench-course.json` (the bundle the bench ran).
 */
export async function benchLeakCheck(): Promise<Record<string, unknown>> {
  const keep = process.env['CC_LEAK_BENCH_DIR'];
  const dir = keep ?? (await mkdtemp(join(tmpdir(), 'cc-bench-leak-')));
  try {
    const library = await loadSampleLibrary(RESOURCES_DIR);
    const child = await bundledChildScript('test/bench/leak-check-child.ts');
    const results: Record<string, unknown> = { target: `participant-safety check of a ${MODULES}-module course, cold: <= 100 ms` };
    const courses = { 'bench course': exportBenchCourse(library.modules, MODULES), 'distinct texts': distinctCourse(exportBenchCourse(library.modules, MODULES)) };
    for (const [name, curriculum] of Object.entries(courses)) {
      // Built (and checked) here, so the child times the check alone on a plan that passes it.
      const plan = buildExportPlan({ curriculum, references: library.references, today: '2026-11-26' }, { variant: 'participant', paper: 'a4', annexes: true });
      const file = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      await writeFile(file, JSON.stringify({ plan, curriculum, references: library.references }));
      results[name] = await coldChecks(child, file);
    }
    return results;
  } finally {
    if (!keep) await rm(dir, { recursive: true, force: true });
  }
}

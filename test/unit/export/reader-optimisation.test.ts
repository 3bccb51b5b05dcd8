import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { exportBenchCourse } from '../../bench/export-course';
import { bundledChildScript } from '../../helpers/child-script';
import { RESOURCES_DIR } from '../../helpers/open-test-store';

const run = promisify(execFile);
let script = '';
let dir = '';
let course = '';

beforeAll(async () => {
  script = await bundledChildScript('test/fixtures/scripts/participant-check.ts');
  dir = await mkdtemp(join(tmpdir(), 'cc-reader-'));
  const library = await loadSampleLibrary(RESOURCES_DIR);
  const curriculum = exportBenchCourse(library.modules, 3);
  const plan = buildExportPlan({ curriculum, references: library.references, today: '2026-11-26' }, { variant: 'participant', paper: 'a4', annexes: true });
  course = join(dir, 'course.json');
  await writeFile(course, JSON.stringify({ plan, curriculum, references: library.references }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The participant-safety check runs once per export, in a fresh worker, so how soon the reader's loop is
 * optimised, and that it stays so, is most of its time (see words.ts) where the engine cannot read with
 * WebAssembly (wasm-reader.ts), as the child here cannot (`--noexpose-wasm`). The readers made after the
 * document's must not throw its optimised loop away: with the run watch set after a reader was made, the
 * trainer texts' reader did, and the check read them in unoptimised code. Asked of V8 itself: the check of a
 * three-module course runs in a child that traces what V8 optimises and throws away, compiling on its own
 * thread so that the loop is optimised at the same point of every run.
 */
describe("the participant-safety check's JavaScript reader", () => {
  it('keeps its optimised loop for the whole check', async () => {
    const flags = ['--noexpose-wasm', '--trace-opt', '--trace-deopt', '--no-concurrent-recompilation'];
    const { stdout } = await run(process.execPath, [...flags, script, course], { maxBuffer: 50_000_000 });
    const lines = stdout.split('\n').filter((line) => line.includes('readChunk'));
    expect(lines.some((line) => line.startsWith('[completed compiling') && line.includes('(target TURBOFAN)'))).toBe(true);
    expect(lines.filter((line) => line.includes('deoptimiz'))).toEqual([]);
    expect(stdout).toContain('checked');
  });
});

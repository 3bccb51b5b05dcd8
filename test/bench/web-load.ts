/**
 * Many designers on one web harness: `clients` clients for `seconds` seconds, each looping over a mix of
 * library searches (50 %), course reads (25 %) and saves (25 %): most saves to its own course, one in five
 * to a course shared by all. A save names the version it started from, as the composer does; a save
 * refused as a conflict is re-read and tried again, never forced. At the end every course must hold the
 * last save its clients were told succeeded: a lost update would show there. The harness's resident memory
 * is sampled from /proc while it runs. Needs a build (out/main/web.js).
 *
 * Two paces. `thinkMs` > 0: each client waits a random pause (exponential, that mean) between its requests,
 * as a designer does between keystroke searches, opening a course and autosaves; the harness then meets an
 * open stream of requests, and the latencies say how long a designer waits. `thinkMs` = 0: every client
 * sends its next request the moment the last one is answered. That saturates the harness (the load generator
 * shares its two cores), so by Little's law each request waits behind the other 49 clients' requests
 * (mean latency = clients / throughput); its figures say what the harness can serve, not what a designer waits.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness } from '../e2e/harness';
import { dataFolderWithCourses } from './course-save';
import { summarise } from './stats';
import { LIBRARY_PAGE_SIZE } from '../../shared/schemas/library-query';

type Course = { id: string; title: string; description: string; updatedAt: string; items: { kind: string; snapshot?: unknown }[] };
type Result<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

const SEARCHES = ['police', 'force', 'gender', 'detention', 'community', 'oversight', 'interview', 'victims'];
const SHARED = ['course-1', 'course-2', 'course-3', 'course-4', 'course-5'];

export async function benchWebLoad(clients = 50, seconds = 60, thinkMs = 0): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-load-'));
  await dataFolderWithCourses(dataDir, clients + SHARED.length + 1);
  const harness = await startHarness(dataDir);
  const token = new URL(harness.url).searchParams.get('token') ?? '';
  const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> => {
    const response = await fetch(`${harness.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-composer-token': token },
      body: payload === undefined ? '' : JSON.stringify(payload),
    });
    return (await response.json()) as Result<T>;
  };
  /**
   * A call whose answer is received in full but only checked for success: the load generator shares the
   * harness's two cores, and parsing every answer it does not use (half a megabyte per course read) would
   * slow the harness it measures. 50 designers' browsers are 50 other machines.
   */
  const OK_PREFIX = Buffer.from('{"ok":true');
  const callUnparsed = async (channel: string, payload: unknown): Promise<{ ok: boolean }> => {
    const response = await fetch(`${harness.origin}/api/invoke/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-composer-token': token },
      body: JSON.stringify(payload),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { ok: body.subarray(0, OK_PREFIX.length).equals(OK_PREFIX) };
  };
  const times = { search: [] as number[], read: [] as number[], save: [] as number[] };
  let conflicts = 0;
  let errors = 0;
  /** The description each course was last told it saved, per course. */
  const acknowledged = new Map<string, string>();
  let rssPeak = 0;
  const sampler = setInterval(() => {
    void readFile(`/proc/${harness.process.pid}/status`, 'utf8').then(
      (status) => {
        rssPeak = Math.max(rssPeak, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
      },
      () => undefined,
    );
  }, 250);
  const timed = async <T>(bucket: number[], run: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await run();
    bucket.push(performance.now() - started);
    return value;
  };
  /** One save of `id`: read, change, save with its base; a conflict means someone saved meanwhile: re-read and retry. */
  const save = async (client: number, id: string, n: number): Promise<void> => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const got = await timed(times.read, () => call<{ curriculum: Course }>('curriculum:get', { id }));
      if (!got.ok) { errors += 1; return; }
      const course = got.value.curriculum;
      const description = `client ${client} save ${n}`;
      const curriculum = { ...course, description, items: course.items.map((item) => (item.kind === 'module' ? { ...item, snapshot: undefined } : item)) };
      const saved = await timed(times.save, () => call('curriculum:save', { curriculum, baseUpdatedAt: course.updatedAt }));
      if (saved.ok) { acknowledged.set(id, description); return; }
      if (saved.error.code !== 'conflict') { errors += 1; return; }
      conflicts += 1;
    }
  };
  const deadline = Date.now() + seconds * 1000;
  /** A designer's pause between two actions: exponential with mean `thinkMs` (none when saturating). */
  const think = () => (thinkMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, -thinkMs * Math.log(1 - Math.random()))) : Promise.resolve());
  const client = async (index: number): Promise<void> => {
    const own = `course-${SHARED.length + 1 + index}`;
    // Clients start spread over the first pause, as designers do not all press a key at the same instant.
    await think();
    for (let n = 0; Date.now() < deadline; n += 1) {
      const roll = Math.random();
      if (roll < 0.5) {
        const text = SEARCHES[n % SEARCHES.length];
        // As the library page asks: its first page of the best matches (see LIBRARY_PAGE_SIZE).
        const found = await timed(times.search, () => callUnparsed('library:list', { text, sort: 'relevance', limit: LIBRARY_PAGE_SIZE }));
        if (!found.ok) errors += 1;
      } else if (roll < 0.75) {
        const got = await timed(times.read, () => callUnparsed('curriculum:get', { id: n % 2 === 0 ? own : (SHARED[n % SHARED.length] ?? own) }));
        if (!got.ok) errors += 1;
      } else {
        await save(index, Math.random() < 0.2 ? (SHARED[n % SHARED.length] ?? own) : own, n);
      }
      await think();
    }
  };
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, (_, i) => client(i)));
    const elapsedS = (performance.now() - started) / 1000;
    clearInterval(sampler);
    let lost = 0;
    for (const [id, description] of acknowledged) {
      const got = await call<{ curriculum: Course }>('curriculum:get', { id });
      if (!got.ok || got.value.curriculum.description !== description) lost += 1;
    }
    const requests = times.search.length + times.read.length + times.save.length;
    return {
      clients,
      seconds,
      thinkMs,
      requests,
      requestsPerSecond: Math.round(requests / elapsedS),
      search: summarise(times.search),
      read: summarise(times.read),
      save: summarise(times.save),
      conflictsRetried: conflicts,
      errors,
      coursesChecked: acknowledged.size,
      lostUpdates: lost,
      harnessPeakRssMB: Math.round(rssPeak / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

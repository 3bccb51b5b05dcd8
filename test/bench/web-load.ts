/**
 * Many designers on one web harness: `clients` clients for `seconds` seconds, each looping over a mix of
 * library searches (50 %), course reads (25 %) and saves (25 %): most saves to its own course, one in five
 * to a course shared by all. A client saves a course as the composer autosaves it: the course it holds
 * open, named by the version it last saved; a save refused as a conflict is re-read and tried again, never
 * forced. At the end every course must hold the
 * newest save its clients were told succeeded: a lost update would show there. The harness's resident memory
 * is sampled from /proc while it runs. Needs a build (out/main/web.js).
 *
 * Two paces. `thinkMs` > 0: each client waits a random pause (exponential, that mean) between its requests,
 * as a designer does between keystroke searches, opening a course and autosaves; the harness then meets an
 * open stream of requests, and the latencies say how long a designer waits. `thinkMs` = 0: every client
 * sends its next request the moment the last one is answered. That saturates the harness (the load generator
 * shares its two cores), so by Little's law a request waits behind the other clients' requests (mean latency
 * = clients / throughput); its figures say what the harness can serve, not what a designer waits. Searches
 * are the exception: the harness answers them before the course reads and saves waiting for their turn
 * (request-turns.ts), so those take the wait.
 */
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { Agent, request } from 'node:http';
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

/** Enough of a `curriculum:get` answer to hold its course's fields before `items`. */
const COURSE_HEAD_BYTES = 64 * 1024;

/**
 * The version stamp of the course in a `curriculum:get` answer, read from its start: the answer begins with
 * the course, whose fields (`updatedAt` among them) all come before its `items`; null if it does not.
 */
function storedVersion(body: Buffer): string | null {
  const items = body.indexOf('"items":[');
  if (items < 0) return null;
  const head = body.subarray(0, items).toString('utf8');
  return /^\{"ok":true,"value":\{"curriculum":\{.*?"updatedAt":"([^"]+)"/.exec(head)?.[1] ?? null;
}

export async function benchWebLoad(clients = 50, seconds = 60, thinkMs = 0): Promise<Record<string, unknown>> {
  const dataDir = await mkdtemp(join(tmpdir(), 'cc-bench-load-'));
  await dataFolderWithCourses(dataDir, clients + SHARED.length + 1);
  const harness = await startHarness(dataDir);
  const token = new URL(harness.url).searchParams.get('token') ?? '';
  /**
   * The load generator shares the harness's two cores, so it must cost little: undici's `fetch` kept it at
   * a full core while the harness idled a third of the time (measured with top), and the figures then said
   * how fast the generator was. Plain HTTP/1.1 on kept-alive connections, one per client as a browser
   * holds, costs a fraction of that. 50 designers' browsers are 50 other machines.
   */
  const agent = new Agent({ keepAlive: true, maxSockets: clients + 1 });
  /**
   * The answer in full, or with `headBytes` only its start: the rest is received to its end (the request
   * is timed to the last byte) but not kept, so that reading half a megabyte of a course the generator
   * does not look at allocates nothing more than the socket's own buffers.
   */
  const post = (channel: string, payload: unknown, headBytes = Infinity): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const body = payload === undefined ? '' : JSON.stringify(payload);
      const req = request(
        `${harness.origin}/api/invoke/${channel}`,
        { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'x-composer-token': token } },
        (res) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          res.on('data', (chunk: Buffer) => {
            if (kept >= headBytes) return;
            chunks.push(chunk);
            kept += chunk.length;
          });
          res.on('end', () => { resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)); });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const call = async <T>(channel: string, payload: unknown): Promise<Result<T>> => JSON.parse((await post(channel, payload)).toString('utf8')) as Result<T>;
  /** A call whose answer is received in full but only checked for success: parsing half a megabyte per course read it does not use would slow the harness it measures. */
  const OK_PREFIX = Buffer.from('{"ok":true');
  const callUnparsed = async (channel: string, payload: unknown): Promise<{ ok: boolean }> => {
    const body = await post(channel, payload, OK_PREFIX.length);
    return { ok: body.subarray(0, OK_PREFIX.length).equals(OK_PREFIX) };
  };
  const times = { search: [] as number[], read: [] as number[], save: [] as number[] };
  let conflicts = 0;
  let errors = 0;
  /**
   * Per course, the newest save its clients were told succeeded: the one with the latest version stamp
   * (`updatedAt`, strictly later at every save), not the last answer to arrive. Two saves of a shared course
   * can be written in one group commit, the second made on top of the first, and their answers then arrive
   * in either order.
   */
  const acknowledged = new Map<string, { updatedAt: string; description: string }>();
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
  /**
   * One save of `id` by `client`, as the composer autosaves: the course it has open (read once, its
   * snapshots left out as the autosave leaves out stored ones) with the version it last saved as the base.
   * A conflict means someone saved meanwhile: the course is read again and the save tried again, never forced.
   */
  const opened = new Map<string, { curriculum: Course; base: string }>();
  const open = async (client: number, id: string): Promise<{ curriculum: Course; base: string } | null> => {
    const got = await timed(times.read, () => call<{ curriculum: Course }>('curriculum:get', { id }));
    if (!got.ok) return null;
    const course = got.value.curriculum;
    const copy = { curriculum: { ...course, items: course.items.map((item) => (item.kind === 'module' ? { ...item, snapshot: undefined } : item)) }, base: course.updatedAt };
    opened.set(`${client} ${id}`, copy);
    return copy;
  };
  /**
   * The course read again after a conflict. The harness answers the whole course, as it does the composer;
   * but the load generator only takes the new version stamp from the answer's first bytes, since every
   * client changes only the description, which it sets again.
   *
   * Parsing the whole answer (half a megabyte with its snapshots, schedule and checks) at each of some
   * 2,500 conflicts a minute, and gathering every course read into one buffer, kept the generator busy most
   * of a core of the two it shares with the harness. Its event loop then ran late (p99 80-90 ms, measured
   * with monitorEventLoopDelay), so the latencies it measured were partly its own, and the harness served
   * 850 requests a second where it serves 1,300 without that load beside it. 50 designers' browsers are 50
   * other machines.
   */
  const reopen = async (client: number, id: string, copy: { curriculum: Course; base: string }): Promise<{ curriculum: Course; base: string } | null> => {
    const body = await timed(times.read, () => post('curriculum:get', { id }, COURSE_HEAD_BYTES));
    const stamp = storedVersion(body);
    if (stamp === null) return open(client, id);
    copy.base = stamp;
    return copy;
  };
  const save = async (client: number, id: string, n: number): Promise<void> => {
    let copy = opened.get(`${client} ${id}`) ?? (await open(client, id));
    for (let attempt = 0; copy && attempt < 20; attempt += 1) {
      const description = `client ${client} save ${n}`;
      const request = { curriculum: { ...copy.curriculum, description }, baseUpdatedAt: copy.base };
      const saved = await timed(times.save, () => call<{ updatedAt: string }>('curriculum:save', request));
      if (saved.ok) {
        const newest = acknowledged.get(id);
        if (!newest || saved.value.updatedAt > newest.updatedAt) acknowledged.set(id, { updatedAt: saved.value.updatedAt, description });
        copy.base = saved.value.updatedAt;
        return;
      }
      if (saved.error.code !== 'conflict') { errors += 1; return; }
      conflicts += 1;
      copy = await reopen(client, id, copy);
    }
    if (!copy) errors += 1;
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
    const lost: { course: string; told: string; toldVersion: string; stored: string; storedVersion: string }[] = [];
    for (const [id, { description, updatedAt }] of acknowledged) {
      const got = await call<{ curriculum: Course }>('curriculum:get', { id });
      const stored = got.ok ? got.value.curriculum.description : `(not read: ${got.error.message})`;
      if (stored !== description) lost.push({ course: id, told: description, toldVersion: updatedAt, stored, storedVersion: got.ok ? got.value.curriculum.updatedAt : '' });
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
      lostUpdates: lost.length,
      ...(lost.length > 0 ? { lost: lost.slice(0, 5) } : {}),
      harnessPeakRssMB: Math.round(rssPeak / 1024 / 1024),
    };
  } finally {
    clearInterval(sampler);
    agent.destroy();
    await harness.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

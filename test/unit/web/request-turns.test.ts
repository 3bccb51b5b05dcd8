import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { RequestTurns } from '../../../electron/web/request-turns';
import { startTestWebHarness } from '../../helpers/test-web-harness';

/** Keeps the one JavaScript thread busy, as reading a large course and its checks does. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // the work of a course read
  }
}

describe('RequestTurns', () => {
  it('grants turns in the order they were asked for, also to those asked for while granting', async () => {
    const turns = new RequestTurns();
    const order: string[] = [];
    const late: Promise<void>[] = [];
    await Promise.all(
      ['a', 'b', 'c'].map((name) =>
        turns.take().then(() => {
          order.push(name);
          if (name === 'a') late.push(turns.take().then(() => { order.push('d'); }));
        }),
      ),
    );
    await Promise.all(late);
    expect(order).toEqual(['a', 'b', 'c', 'd']);
    expect(turns.queued).toBe(0);
  });

  it('keeps the order under a load that never lets the queue empty', async () => {
    const turns = new RequestTurns();
    const order: number[] = [];
    let asked = 0;
    // Each granted turn asks for two more until 1,000 were asked for: the queue grows and never empties.
    const ask = (): Promise<void> => {
      const n = asked;
      asked += 1;
      return turns.take().then(async () => {
        order.push(n);
        if (asked < 1000) await Promise.all([ask(), ask()]);
      });
    };
    await ask();
    expect(order).toEqual(Array.from({ length: asked }, (_, n) => n));
    expect(turns.queued).toBe(0);
  });
});

describe('web harness under many requests at once', () => {
  it('answers a search before the course reads that arrived ahead of it, one read per turn of the event loop', async () => {
    const ran: string[] = [];
    let firstReadStarted: () => void = () => undefined;
    const readStarted = new Promise<void>((resolve) => { firstReadStarted = resolve; });
    const harness = await startTestWebHarness((own) => ({
      ...own,
      'curriculum:get': (asked) => {
        firstReadStarted();
        busyFor(25);
        ran.push('read');
        return own['curriculum:get'](asked);
      },
      'library:list': (asked) => {
        ran.push('search');
        return own['library:list'](asked);
      },
    }));
    // Each client on a connection of its own, kept alive, as a browser holds one, and open before the test:
    // the eight reads arrive together, and the search in one read of its socket.
    const agents: Agent[] = [];
    const post = (channel: string, body: unknown, agent = new Agent({ keepAlive: true })): Promise<{ ok: boolean }> => {
      agents.push(agent);
      return new Promise((resolve, reject) => {
        const text = JSON.stringify(body);
        const req = request(
          `http://127.0.0.1:${String(harness.port)}/api/invoke/${channel}`,
          { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-composer-token': harness.token } },
          (res) => {
            let answer = '';
            res.setEncoding('utf8');
            res.on('data', (chunk: string) => { answer += chunk; });
            res.on('end', () => { resolve(JSON.parse(answer) as { ok: boolean }); });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(text);
      });
    };
    const search = { text: 'police', sort: 'relevance', limit: 10 };
    const [searcher, ...readers] = Array.from({ length: 9 }, () => new Agent({ keepAlive: true, maxSockets: 1 }));
    for (const agent of [searcher, ...readers]) expect((await post('library:list', search, agent)).ok).toBe(true);
    ran.length = 0;
    const reads = readers.map((reader) => post('curriculum:get', { id: 'no-such-course' }, reader));
    // Sent once the harness is at work on the reads: handled as they came, all eight would run first.
    await readStarted;
    expect((await post('library:list', search, searcher)).ok).toBe(true);
    await Promise.all(reads);
    for (const agent of agents) agent.destroy();
    expect(ran.filter((name) => name === 'read')).toHaveLength(8);
    // At most the read running when it arrived, and the one whose turn came meanwhile.
    expect(ran.indexOf('search')).toBeLessThanOrEqual(2);
  });
});

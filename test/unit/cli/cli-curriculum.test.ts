import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { openTestServices, REPO_ROOT } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SAMPLE_TITLE = 'Foundation course on human rights and community policing for recruits';

describe('cli: curriculum list', () => {
  it('lists the seeded sample course', async () => {
    const { code, out, err } = await cli('curriculum', 'list', '--data', await tempDir());
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^foundation-course\s+en\s+draft\s+10 days\s+9 modules\s+Foundation course on human rights/);
  });

  it('prints summaries as JSON', async () => {
    const dir = await tempDir();
    const id = (await cli('curriculum', 'create', '--title', 'Short course', '--modules', 'hr-foundations', '--data', dir)).out;
    const list = JSON.parse((await cli('curriculum', 'list', '--json', '--data', dir)).out) as { id: string; modules: number }[];
    expect(list.map((c) => c.id).sort()).toEqual(['foundation-course', id]);
    expect(list.find((c) => c.id === id)?.modules).toBe(1);
  });

  it('hides archived courses unless --archived', async () => {
    const dir = await tempDir();
    const services = await openTestServices(dir);
    await services.curricula.setArchived('foundation-course', true);
    services.store.close();
    expect(await cli('curriculum', 'list', '--data', dir)).toEqual({ code: 0, out: 'No curricula yet. Create one with "curriculum create".', err: '' });
    expect((await cli('curriculum', 'list', '--archived', '--data', dir)).out).toMatch(/^foundation-course .* \(archived\)$/);
  });
});

describe('cli: curriculum show', () => {
  it('shows the title, the days and what each day teaches', async () => {
    const { code, out } = await cli('curriculum', 'show', 'foundation-course', '--data', await tempDir());
    expect(code).toBe(0);
    const lines = out.split('\n');
    expect(lines[0]).toBe(`${SAMPLE_TITLE}  [foundation-course, en, draft]`);
    expect(lines[1]).toMatch(/^10 days of 09:00–17:00; .* of teaching in 65 h available$/);
    expect(lines.filter((l) => l.startsWith('Day '))).toHaveLength(10);
    expect(out).toMatch(/^Day 1: 09:00–\d\d:\d\d, /m);
    expect(out).toMatch(/^ {2}09:00 {2}Opening: welcome, introductions and trust-building$/m);
    expect(out).toMatch(/^ {2}\d\d:\d\d {2}1\.1 Human rights and the police/m);
    expect(out).toMatch(/^Day 10: .*\n(?: {2}.*\n)* {2}\d\d:\d\d {2}Closing: /m);
    expect(lines.at(-1)).toBe('Checks: 0 errors, 0 warnings (see "curriculum check foundation-course")');
  });

  it('prints the detail with schedule, checks and coverage as JSON', async () => {
    const { out } = await cli('curriculum', 'show', 'foundation-course', '--json', '--data', await tempDir());
    const detail = JSON.parse(out) as { curriculum: { id: string }; schedule: { daysUsed: number }; checks: unknown[]; coverage: { themes: unknown[] } };
    expect(detail.curriculum.id).toBe('foundation-course');
    expect(detail.schedule.daysUsed).toBe(10);
    expect(detail.coverage.themes.length).toBeGreaterThan(0);
  });

  it('answers an unknown id with one error line and exit code 1', async () => {
    const { code, out, err } = await cli('curriculum', 'show', 'no-such-course', '--data', await tempDir());
    expect({ code, out, err }).toEqual({ code: 1, out: '', err: 'error: No curriculum with id "no-such-course"' });
  });

  it('needs exactly one id (exit code 2)', async () => {
    const { code, err } = await cli('curriculum', 'show', '--data', await tempDir());
    expect(code).toBe(2);
    expect(err).toBe('error: "curriculum show" takes 1 argument: curriculum show ID [--data DIR] [--json]');
  });
});

describe('cli: curriculum create', () => {
  it('prints only the new id, which show and check then accept', async () => {
    const dir = await tempDir();
    const created = await cli('curriculum', 'create', '--title', 'Custody week', '--modules', 'hr-foundations, arrest-and-detention,torture-prevention', '--days', '4', '--data', dir);
    expect(created).toEqual({ code: 0, out: 'custody-week', err: '' });
    const shown = await cli('curriculum', 'show', 'custody-week', '--data', dir);
    expect(shown.out.split('\n')[1]).toMatch(/^4 days of /);
    // The course's own numbers: the arrest module is the course's second.
    expect(shown.out).toMatch(/2\.1 Lawful arrest/);
  });

  it.each([
    [['--modules', 'hr-foundations'], 'error: --title is required'],
    [['--title', 'X'], 'error: --modules needs at least one module id (comma-separated)'],
    [['--title', 'X', '--modules', ' , '], 'error: --modules needs at least one module id (comma-separated)'],
    [['--title', 'X', '--modules', 'hr-foundations', '--days', 'ten'], 'error: --days must be a whole number from 1 to 200'],
    [['--title', 'X', '--modules', 'hr-foundations', '--days', '0'], 'error: --days must be a whole number from 1 to 200'],
  ])('refuses %j with exit code 2 and writes nothing', async (args, message) => {
    const dir = await tempDir();
    const { code, out, err } = await cli('curriculum', 'create', ...args, '--data', dir);
    expect({ code, out, err }).toEqual({ code: 2, out: '', err: message });
    expect((await snapshotDir(dir)).size).toBe(0);
  });

  it('refuses an unknown module with exit code 1 and leaves the data as it was', async () => {
    const dir = await tempDir();
    await cli('curriculum', 'list', '--data', dir);
    const before = await snapshotDir(dir);
    const { code, err } = await cli('curriculum', 'create', '--title', 'X', '--modules', 'hr-foundations,no-such-module', '--data', dir);
    expect({ code, err }).toEqual({ code: 1, err: 'error: No module with id "no-such-module" in the library' });
    expect(await snapshotDir(dir)).toEqual(before);
  });
});

describe('cli: curriculum check', () => {
  it('exits 0 for the sample course, listing its notes with their severity', async () => {
    const { code, out } = await cli('curriculum', 'check', 'foundation-course', '--data', await tempDir());
    expect(code).toBe(0);
    expect(out).toMatch(/^INFO {5}moved-to-next-day \(\d+\):\n {9}- Lesson /m);
    expect(out).not.toMatch(/^(ERROR|WARNING)/m);
    expect(out.split('\n').at(-1)).toMatch(/^0 errors, 0 warnings, \d+ notes\.$/);
  });

  it('prints each problem with its severity and exits 1 when there are errors', async () => {
    const dir = await tempDir();
    // SGBV before the module it builds on: an error (prerequisite after), plus warnings (no opening session...).
    await cli('curriculum', 'create', '--title', 'Wrong order', '--modules', 'sgbv-response,hr-foundations', '--data', dir);
    const { code, out, err } = await cli('curriculum', 'check', 'wrong-order', '--data', dir);
    expect({ code, err }).toEqual({ code: 1, err: '' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('ERROR    prerequisite-after: Module "Responding to Sexual and Gender-Based Violence" builds on "hr-foundations", which comes after it');
    expect(out).toMatch(/^WARNING {2}sensitive-without-opening[: ]/m);
    expect(lines.at(-1)).toMatch(/^1 error, \d+ warnings, \d+ notes?\.$/);
  });

  it('prints the checks as JSON (same exit code rule)', async () => {
    const dir = await tempDir();
    await cli('curriculum', 'create', '--title', 'Wrong order', '--modules', 'sgbv-response,hr-foundations', '--data', dir);
    const { code, out } = await cli('curriculum', 'check', 'wrong-order', '--json', '--data', dir);
    expect(code).toBe(1);
    const checks = JSON.parse(out) as { code: string; severity: string }[];
    expect(checks[0]).toMatchObject({ code: 'prerequisite-after', severity: 'error' });
  });

  it('exits 0 when there are warnings but no errors', async () => {
    const dir = await tempDir();
    await cli('curriculum', 'create', '--title', 'Unfilled', '--modules', 'hr-foundations', '--data', dir);
    const { code, out } = await cli('curriculum', 'check', 'unfilled', '--data', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^WARNING {2}placeholder-unfilled: \{country\} has no value/m);
    expect(out).not.toMatch(/^ERROR/m);
  });

  it('shows accepted warnings with their reason, in text and in JSON, and groups findings with one cause', async () => {
    const dir = await tempDir();
    // Both modules build on modules the course lacks: one finding per missing prerequisite, grouped.
    await cli('curriculum', 'create', '--title', 'Grouped', '--modules', 'sgbv-response,trafficking-smuggling', '--data', dir);
    const before = JSON.parse((await cli('curriculum', 'check', 'grouped', '--json', '--data', dir)).out) as { id: string; code: string; severity: string; cause?: string }[];
    const warning = before.find((c) => c.code === 'placeholder-unfilled');
    if (!warning) throw new Error('expected an unfilled placeholder');
    const services = await openTestServices(dir);
    try {
      const { curriculum } = services.curricula.get('grouped');
      await services.curricula.save({ curriculum: { ...curriculum, acknowledgements: [{ checkId: warning.id, reason: 'Filled in at the academy', at: '2026-12-01T09:00:00.000Z' }] }, baseUpdatedAt: curriculum.updatedAt });
    } finally {
      services.store.close();
    }
    const json = JSON.parse((await cli('curriculum', 'check', 'grouped', '--json', '--data', dir)).out) as { id: string; acknowledged?: { reason: string } }[];
    expect(json.find((c) => c.id === warning.id)?.acknowledged).toEqual({ reason: 'Filled in at the academy', at: '2026-12-01T09:00:00.000Z' });
    const { out } = await cli('curriculum', 'check', 'grouped', '--data', dir);
    expect(out).toMatch(/^ACCEPTED placeholder-unfilled: .* \(reason: Filled in at the academy\)$/m);
    expect(out.split('\n').at(-1)).toMatch(/, 1 accepted\.$/);
    const grouped = before.filter((c) => c.cause !== undefined);
    const causes = new Map<string, number>();
    for (const c of grouped) causes.set(c.cause ?? '', (causes.get(c.cause ?? '') ?? 0) + 1);
    const shared = [...causes].find(([, count]) => count > 1);
    if (shared) expect(out).toContain(`${shared[0].split('|')[0] ?? ''} (${String(shared[1])}):`);
  });

  it('answers an unknown id with exit code 1', async () => {
    const { code, err } = await cli('curriculum', 'check', 'nobody', '--data', await tempDir());
    expect({ code, err }).toEqual({ code: 1, err: 'error: No curriculum with id "nobody"' });
  });
});

describe('cli: help', () => {
  it('lists the curriculum commands', async () => {
    const { out } = await cli('--help');
    for (const name of ['curriculum list', 'curriculum show ID', 'curriculum create --title T', 'curriculum check ID']) expect(out).toContain(name);
  });
});

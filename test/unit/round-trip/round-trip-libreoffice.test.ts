/**
 * The markers survive another word processor's save: a trainer lesson plan exported by the app, edited, and
 * saved as .docx by LibreOffice (`soffice --convert-to docx`) comes back as exactly the edits made. One short
 * course of one module, and a single LibreOffice run for both documents, so the test stays quick.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { appendParagraph, editDocx, setFieldText, typeIntoEmpty } from '../../helpers/docx-edit';
import { openTestServices } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const run = promisify(execFile);

/** Saves each file as .docx with LibreOffice into `outDir`, as a user's "Save as Word" does. */
async function saveWithLibreOffice(files: string[], outDir: string, profileDir: string): Promise<void> {
  const profile = `-env:UserInstallation=${pathToFileURL(profileDir).href}`;
  await run('soffice', [profile, '--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', outDir, ...files], { timeout: 110_000 });
}

describe('round trip through LibreOffice', () => {
  it('brings back a step’s minutes and text and a trainer note, and nothing else, from a plan LibreOffice saved', { timeout: 120_000 }, async () => {
    const dir = await tempDir();
    const services = await openTestServices(join(dir, 'data'));
    try {
      // Lesson 4.3 has no trainer notes: its marker is an empty paragraph, which LibreOffice must keep too.
      const { module } = services.library.get('use-of-force-firearms');
      await services.handlers['library:save']({ module: { ...module, lessons: module.lessons.map((l, i) => (i === 2 ? { ...l, trainerNotes: '' } : l)) }, baseRevision: module.revision, bump: true });
      const course = await services.handlers['curriculum:create']({ title: 'Use of force refresher', moduleIds: ['use-of-force-firearms'] });
      const file = await services.handlers['export:docx']({ target: { kind: 'curriculum', id: course.id }, variant: 'trainer', paper: 'a4', annexes: false });
      const original = Buffer.from(file.bytesBase64, 'base64');
      const edited = await editDocx(original, (xml) =>
        typeIntoEmpty(
          appendParagraph(setFieldText(setFieldText(xml, 'cc_1_0_sm2', '45 min'), 'cc_1_0_sp2', 'Take notes on Handout 1.1A.'), 'cc_1_1_tn', 'Keep the scenario cards.'),
          'cc_1_2_tn',
          'Check the range is booked.',
        ),
      );
      await writeFile(join(dir, 'untouched.docx'), original);
      await writeFile(join(dir, 'edited.docx'), edited);
      await saveWithLibreOffice([join(dir, 'untouched.docx'), join(dir, 'edited.docx')], join(dir, 'saved'), join(dir, 'profile'));

      const untouched = await services.roundTrip.preview('untouched.docx', await readFile(join(dir, 'saved', 'untouched.docx')));
      expect(untouched.problems).toEqual([]);
      expect(untouched.changes).toEqual([]);

      const result = await services.roundTrip.preview('edited.docx', await readFile(join(dir, 'saved', 'edited.docx')));
      expect(result.problems).toEqual([]);
      expect(result.unchanged).toBe(untouched.unchanged - 4);
      const changes = result.changes.map((c) => [c.name, c.after]);
      expect(changes.sort()).toEqual([
        ['cc_1_0_sm2', '45'],
        ['cc_1_0_sp2', '1. Take notes on Handout 1.1A.'],
        ['cc_1_1_tn', expect.stringMatching(/\n\nKeep the scenario cards\.$/) as unknown as string],
        ['cc_1_2_tn', 'Check the range is booked.'],
      ]);
      const applied = await services.roundTrip.apply(result.previewId, 'overrides');
      expect(applied.applied.sort()).toEqual(['cc_1_0_sm2', 'cc_1_1_tn', 'cc_1_2_tn']);
      const item = services.curricula.get(course.id).curriculum.items[0];
      if (item?.kind !== 'module') throw new Error('expected a module item');
      const [first, second, third] = item.snapshot.lessons;
      expect(item.lessons).toEqual([
        { lessonCode: first?.code, stepMinutes: [{ step: 2, minutes: 45 }] },
        { lessonCode: second?.code, trainerNotes: 'Keep the scenario cards.' },
        { lessonCode: third?.code, trainerNotes: 'Check the range is booked.' },
      ]);
    } finally {
      services.store.close();
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ModuleItem } from '../../../shared/schemas/curriculum';
import type { RoundTripPreview } from '../../../shared/schemas/round-trip';
import {
  appendParagraph,
  damageMarker,
  deleteMarker,
  deleteMarkerEnd,
  editDocx,
  joinWithNextParagraph,
  setFieldText,
  typeIntoEmpty,
} from '../../helpers/docx-edit';
import { openTestServices } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

type Services = Awaited<ReturnType<typeof openTestServices>>;
const MODULE = 'use-of-force-firearms';

async function withCourse(work: (services: Services, courseId: string) => Promise<void>): Promise<void> {
  const services = await openTestServices(await tempDir());
  try {
    const course = await services.handlers['curriculum:create']({ title: 'Use of force refresher', moduleIds: [MODULE] });
    await work(services, course.id);
  } finally {
    services.store.close();
  }
}

async function exported(services: Services, target: { kind: 'curriculum' | 'module'; id: string }, variant: 'trainer' | 'full' = 'trainer'): Promise<Buffer> {
  const file = await services.handlers['export:docx']({ target, variant, paper: 'a4', annexes: false });
  return Buffer.from(file.bytesBase64, 'base64');
}

function preview(services: Services, bytes: Buffer): Promise<RoundTripPreview> {
  return services.handlers['roundtrip:preview']({ fileName: 'edited.docx', bytesBase64: bytes.toString('base64') });
}

function courseItem(services: Services, courseId: string): ModuleItem {
  const item = services.curricula.get(courseId).curriculum.items[0];
  if (item?.kind !== 'module') throw new Error('expected a module item');
  return item;
}

describe('round trip of a trainer lesson plan edited programmatically', () => {
  it('finds nothing to change in an untouched export', async () => {
    await withCourse(async (services, id) => {
      const result = await preview(services, await exported(services, { kind: 'curriculum', id }));
      expect(result.source).toMatchObject({ kind: 'course', id, variant: 'trainer', changedSinceExport: false });
      expect(result.changes).toEqual([]);
      expect(result.problems).toEqual([]);
      expect(result.unchanged).toBeGreaterThan(20);
    });
  });

  it('comes back as exactly the edited fields: a step text and minutes, a trainer note, an objective', async () => {
    await withCourse(async (services, id) => {
      const bytes = await exported(services, { kind: 'curriculum', id });
      const edited = await editDocx(bytes, (xml) => {
        let out = setFieldText(xml, 'cc_1_0_st1', 'Present the sources on a single slide.');
        out = setFieldText(out, 'cc_1_0_sm1', '40 min');
        out = setFieldText(out, 'cc_1_0_ob0', 'Name the main international standards on police use of force. (Remember)');
        return setFieldText(out, 'cc_1_0_sp3', 'Work in pairs on the three cases.');
      });
      const result = await preview(services, edited);
      expect(result.problems).toEqual([]);
      const byName = new Map(result.changes.map((c) => [c.name, c]));
      expect([...byName.keys()].sort()).toEqual(['cc_1_0_ob0', 'cc_1_0_sm1', 'cc_1_0_sp3', 'cc_1_0_st1']);
      const lesson = courseItem(services, id).snapshot.lessons[0];
      // The step's text was a numbered list: its first item holds the new text, the others were emptied.
      expect(byName.get('cc_1_0_st1')).toMatchObject({ field: 'stepTrainer', index: 1, after: '1. Present the sources on a single slide.', before: lesson?.steps[1]?.trainerActivity, overridable: false });
      expect(byName.get('cc_1_0_sm1')).toMatchObject({ field: 'stepMinutes', before: '25', after: '40', overridable: true, libraryEditable: true });
      // The Bloom level the document prints after the objective is not part of its text.
      expect(byName.get('cc_1_0_ob0')).toMatchObject({ field: 'objective', after: 'Name the main international standards on police use of force.' });
      expect(byName.get('cc_1_0_sp3')?.after).toBe('1. Work in pairs on the three cases.');
    });
  });

  it('applies minutes and trainer notes as course overrides, skips the rest with the reason, and undoes', async () => {
    await withCourse(async (services, id) => {
      const bytes = await exported(services, { kind: 'curriculum', id });
      const edited = await editDocx(bytes, (xml) => {
        const out = setFieldText(xml, 'cc_1_0_sm1', '40');
        // A note added after the lesson's own notes, as a trainer types it into the box.
        return appendParagraph(setFieldText(out, 'cc_1_0_st1', 'Present the sources on a single slide.'), 'cc_1_0_tn', 'Bring the case files.');
      });
      const before = services.curricula.get(id).curriculum;
      const result = await preview(services, edited);
      const applied = await services.roundTrip.apply(result.previewId, 'overrides');
      expect(applied.applied.sort()).toEqual(['cc_1_0_sm1', 'cc_1_0_tn']);
      expect(applied.skipped).toEqual([{ name: 'cc_1_0_st1', reason: expect.stringContaining('no override of its own') as unknown }]);
      const item = courseItem(services, id);
      const lessonCode = item.snapshot.lessons[0]?.code ?? '';
      const override = item.lessons.find((o) => o.lessonCode === lessonCode);
      expect(override?.stepMinutes).toEqual([{ step: 1, minutes: 40 }]);
      expect(override?.trainerNotes).toBe('Bring the case files.');
      // The module's own text is untouched: the course's notes print after it.
      expect(item.snapshot).toEqual(before.items[0]?.kind === 'module' ? before.items[0].snapshot : undefined);
      await services.roundTrip.undoLast();
      expect(services.curricula.get(id).curriculum).toEqual(before);
      await expect(services.roundTrip.undoLast()).rejects.toMatchObject({ code: 'not-found' });
    });
  });

  it('brings back a trainer note typed under a lesson that had none, as a course override', async () => {
    const services = await openTestServices(await tempDir());
    try {
      // The lesson's notes are emptied in the library before the course takes its snapshot.
      const { module } = services.library.get(MODULE);
      await services.handlers['library:save']({ module: { ...module, lessons: module.lessons.map((l, i) => (i === 0 ? { ...l, trainerNotes: '' } : l)) }, baseRevision: module.revision, bump: true });
      const course = await services.handlers['curriculum:create']({ title: 'Use of force refresher', moduleIds: [MODULE] });
      const bytes = await exported(services, { kind: 'curriculum', id: course.id });
      // The marker is there, on an empty paragraph: the trainer types a note into it.
      const edited = await editDocx(bytes, (xml) => typeIntoEmpty(xml, 'cc_1_0_tn', 'Bring the case files.'));
      // An untouched export of the lesson without notes reads back as no change.
      expect((await preview(services, bytes)).changes).toEqual([]);
      const result = await preview(services, edited);
      expect(result.problems).toEqual([]);
      expect(result.changes).toEqual([expect.objectContaining({ name: 'cc_1_0_tn', field: 'trainerNotes', before: '', after: 'Bring the case files.', overridable: true })]);
      const applied = await services.roundTrip.apply(result.previewId, 'overrides');
      expect(applied.applied).toEqual(['cc_1_0_tn']);
      const item = courseItem(services, course.id);
      expect(item.lessons.find((o) => o.lessonCode === item.snapshot.lessons[0]?.code)?.trainerNotes).toBe('Bring the case files.');
    } finally {
      services.store.close();
    }
  });

  it('applies text edits as library edits in a new revision of the module, and undoes them', async () => {
    await withCourse(async (services, id) => {
      const bytes = await exported(services, { kind: 'curriculum', id });
      const edited = await editDocx(bytes, (xml) => setFieldText(setFieldText(xml, 'cc_1_0_st1', 'Present the sources on a **single** slide.'), 'cc_1_0_ob2', 'Judge a described use of force.'));
      const before = services.library.get(MODULE).module;
      const result = await preview(services, edited);
      const applied = await services.roundTrip.apply(result.previewId, 'library');
      expect(applied.applied.sort()).toEqual(['cc_1_0_ob2', 'cc_1_0_st1']);
      const after = services.library.get(MODULE).module;
      expect(after.revision).toBe(before.revision + 1);
      expect(after.lessons[0]?.steps[1]?.trainerActivity).toBe('1. Present the sources on a **single** slide.');
      expect(after.lessons[0]?.objectives[2]?.text).toBe('Judge a described use of force.');
      expect(after.lessons[0]?.steps[0]).toEqual(before.lessons[0]?.steps[0]);
      // The course keeps its snapshot: the library's new revision shows there as an update.
      expect(courseItem(services, id).revision).toBe(before.revision);
      await services.roundTrip.undoLast();
      expect(services.library.get(MODULE).module).toEqual(before);
    });
  });

  it('writes nothing on a dry run', async () => {
    await withCourse(async (services, id) => {
      const edited = await editDocx(await exported(services, { kind: 'curriculum', id }), (xml) => setFieldText(xml, 'cc_1_0_sm0', '15'));
      const result = await preview(services, edited);
      const files = await snapshotDir(services.store.dataDir);
      const dry = await services.roundTrip.apply(result.previewId, 'overrides', { dryRun: true });
      expect(dry).toMatchObject({ applied: ['cc_1_0_sm0'], dryRun: true });
      expect(dry.undo).toBeUndefined();
      expect(await snapshotDir(services.store.dataDir)).toEqual(files);
    });
  });

  it('reports deleted, damaged and unended markers, joined fields and minutes that are not a number, and applies none of them', async () => {
    await withCourse(async (services, id) => {
      const edited = await editDocx(await exported(services, { kind: 'curriculum', id }), (xml) => {
        let out = deleteMarker(xml, 'cc_1_0_st0');
        out = damageMarker(out, 'cc_1_0_sp0', 'cc_1_0_zz0');
        out = deleteMarkerEnd(out, 'cc_1_0_st4');
        out = joinWithNextParagraph(out, 'cc_1_0_ob0');
        return setFieldText(out, 'cc_1_0_sm2', 'half an hour');
      });
      const result = await preview(services, edited);
      const problems = result.problems.map((p) => `${p.kind} ${p.name ?? ''}`).sort();
      expect(problems).toEqual(
        [
          'damaged-marker cc_1_0_zz0',
          'deleted-marker cc_1_0_sp0',
          'deleted-marker cc_1_0_st0',
          'minutes-invalid cc_1_0_sm2',
          'missing-end cc_1_0_st4',
          'spans-fields cc_1_0_ob0',
          'spans-fields cc_1_0_ob1',
        ].sort(),
      );
      expect(result.changes).toEqual([]);
    });
  });

  it('reports a step text that was emptied instead of applying it', async () => {
    await withCourse(async (services, id) => {
      const edited = await editDocx(await exported(services, { kind: 'curriculum', id }), (xml) => setFieldText(xml, 'cc_1_0_sp1', ''));
      const result = await preview(services, edited);
      expect(result.problems).toEqual([expect.objectContaining({ kind: 'emptied', name: 'cc_1_0_sp1' })]);
      expect(result.changes).toEqual([]);
    });
  });

  it('refuses a Word document that is not one of ours, and a preview whose course changed since', async () => {
    await withCourse(async (services, id) => {
      const bytes = await exported(services, { kind: 'curriculum', id });
      // Without its custom properties (a document of someone else's, or one whose properties were removed).
      const foreign = await editDocx(bytes, (xml) => xml, ['docProps/custom.xml']);
      await expect(preview(services, foreign)).rejects.toMatchObject({ code: 'invalid-argument', message: expect.stringContaining('not exported by Curriculum Composer') as unknown });
      const edited = await editDocx(bytes, (xml) => setFieldText(xml, 'cc_1_0_sm0', '15'));
      const result = await preview(services, edited);
      const { curriculum } = services.curricula.get(id);
      await services.handlers['curriculum:save']({ curriculum: { ...curriculum, subtitle: 'Changed meanwhile' }, baseUpdatedAt: curriculum.updatedAt });
      await expect(services.roundTrip.apply(result.previewId, 'overrides')).rejects.toMatchObject({ code: 'conflict' });
      // The same document opened again is compared with the course as it is now.
      expect((await preview(services, edited)).source.changedSinceExport).toBe(true);
      // Every document passes the Word import's safety checks first: a macro-enabled one is refused.
      await expect(services.handlers['roundtrip:preview']({ fileName: 'plan.docm', bytesBase64: edited.toString('base64') })).rejects.toMatchObject({ code: 'invalid-argument' });
      await expect(services.handlers['roundtrip:preview']({ fileName: 'notes.docx', bytesBase64: Buffer.from('not a zip').toString('base64') })).rejects.toMatchObject({
        code: 'invalid-argument',
      });
    });
  });

  it('reads handout text back from the full curriculum', async () => {
    await withCourse(async (services, id) => {
      const bytes = await exported(services, { kind: 'curriculum', id }, 'full');
      const edited = await editDocx(bytes, (xml) => setFieldText(xml, 'cc_1_0_ho0', 'A shorter handout.'));
      const result = await preview(services, edited);
      expect(result.problems).toEqual([]);
      // The handout opened with a bold run, which now holds the whole text.
      expect(result.changes).toEqual([expect.objectContaining({ name: 'cc_1_0_ho0', field: 'handout', after: '**A shorter handout.**' })]);
    });
  });

  it('brings a module document back to the library only', async () => {
    await withCourse(async (services) => {
      const bytes = await exported(services, { kind: 'module', id: MODULE });
      const edited = await editDocx(bytes, (xml) => setFieldText(xml, 'cc_1_0_sm3', '30'));
      const result = await preview(services, edited);
      expect(result.source).toMatchObject({ kind: 'module', id: MODULE });
      expect(result.changes).toEqual([expect.objectContaining({ name: 'cc_1_0_sm3', before: '35', after: '30', overridable: false })]);
      await expect(services.roundTrip.apply(result.previewId, 'overrides')).rejects.toMatchObject({ code: 'invalid-argument' });
      const applied = await services.roundTrip.apply(result.previewId, 'library');
      expect(applied.applied).toEqual(['cc_1_0_sm3']);
      expect(services.library.get(MODULE).module.lessons[0]?.steps[3]?.minutes).toBe(30);
    });
  });
});

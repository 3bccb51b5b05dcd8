import { describe, expect, it } from 'vitest';
import { openServices, type Services } from '../../../electron/services/handlers';
import { exportPack } from '../../../electron/services/packs/pack-export';
import { packBytes } from '../../../electron/services/packs/pack-writer';
import { REPO_ROOT, RESOURCES_DIR } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';

async function open(): Promise<Services & { dir: string }> {
  const dir = await tempDir();
  const services = await openServices(dir, { kind: 'cli', appRoot: REPO_ROOT, resourcesDir: RESOURCES_DIR, openExternal: () => Promise.resolve(false) }, { keep: 10, minIntervalMs: 0 });
  return { ...services, dir };
}

/** A partner's pack of the seeded foundation course, renamed so that it is recognisably theirs. */
async function coursePack(): Promise<Buffer> {
  const partner = await open();
  try {
    const { curriculum } = partner.curricula.get('foundation-course');
    await partner.curricula.save({ curriculum: { ...curriculum, title: 'Partner foundation course', status: 'approved' }, baseUpdatedAt: curriculum.updatedAt });
    const pack = await exportPack(partner.store, { moduleIds: [], curriculumId: 'foundation-course', title: 'Course', description: '', publisher: 'Partner Academy', license: 'CC BY 4.0' }, '0.1.0');
    return pack.bytes;
  } finally {
    partner.store.close();
  }
}

describe('importing the curricula a pack carries', () => {
  it('adds a course as a new draft next to a local one with the same id, and undo removes it', async () => {
    const pack = await coursePack();
    const academy = await open();
    try {
      const local = academy.curricula.get('foundation-course').curriculum;
      const preview = await academy.packs.preview({ bytes: pack });
      expect(preview.curricula).toEqual([
        { curriculumId: 'foundation-course', title: 'Partner foundation course', language: 'en', modules: 9, importAs: 'foundation-course-partner-academy' },
      ]);
      const result = await academy.packs.import(preview.previewId, {});
      expect(result.curricula).toEqual([{ from: 'foundation-course', curriculumId: 'foundation-course-partner-academy' }]);
      const added = academy.curricula.get('foundation-course-partner-academy').curriculum;
      expect(added).toMatchObject({ title: 'Partner foundation course (Partner Academy)', status: 'draft' });
      expect(added.items).toHaveLength(local.items.length);
      // The academy's own course is untouched.
      expect(academy.curricula.get('foundation-course').curriculum).toEqual(local);
      expect(academy.packs.lastImport()?.curriculumIds).toEqual(['foundation-course-partner-academy']);

      await academy.packs.undoLastImport();
      expect(academy.curricula.list().map((c) => c.id)).toEqual(['foundation-course']);
    } finally {
      academy.store.close();
    }
  });

  it('keeps its own id where the academy has no course by that id, and can be left out', async () => {
    const pack = await coursePack();
    const academy = await open();
    try {
      await academy.curricula.delete('foundation-course', true);
      const skipped = await academy.packs.import((await academy.packs.preview({ bytes: pack })).previewId, {}, { curricula: [] });
      expect(skipped.curricula).toEqual([]);
      expect(academy.curricula.list()).toEqual([]);
      const result = await academy.packs.import((await academy.packs.preview({ bytes: pack })).previewId, {}, { curricula: ['foundation-course'] });
      expect(result.curricula).toEqual([{ from: 'foundation-course', curriculumId: 'foundation-course' }]);
      expect(academy.curricula.get('foundation-course').curriculum.title).toBe('Partner foundation course');
    } finally {
      academy.store.close();
    }
  });

  it('shows why an invalid curriculum cannot be imported and refuses the whole pack unless it is explicitly left out', async () => {
    const academy = await open();
    try {
      const module = academy.library.find('hr-foundations');
      const meta = { packId: 'broken-course', title: 'Broken', publisher: 'Partner', license: 'CC BY 4.0', appVersion: '0.1.0' };
      const { bytes } = await packBytes({ modules: [module], references: academy.library.references(), curricula: [{ id: 'half-a-course', title: 'Half a course' }], meta });
      const preview = await academy.packs.preview({ bytes });
      expect(preview.curricula[0]).toMatchObject({ curriculumId: 'half-a-course', title: 'Half a course', modules: 0 });
      expect(preview.curricula[0]?.problem).toMatch(/^It is not a valid curriculum: /);
      const before = await snapshotDir(academy.dir);
      await expect(academy.packs.import(preview.previewId, {}, { curricula: ['half-a-course'] })).rejects.toMatchObject({
        code: 'invalid-argument',
        message: expect.stringMatching(/^The pack's curriculum "half-a-course" cannot be imported: It is not a valid curriculum/) as string,
      });
      await expect(academy.packs.import(preview.previewId, {}, { curricula: ['nowhere'] })).rejects.toMatchObject({ code: 'invalid-argument', message: 'The pack has no curriculum "nowhere"' });
      // Left to the default, the whole pack is refused with the reason: its course would silently go missing.
      await expect(academy.packs.import(preview.previewId, {})).rejects.toMatchObject({
        code: 'invalid-argument',
        message: expect.stringMatching(/^Nothing was imported: the pack's curriculum "half-a-course" cannot be imported \(It is not a valid curriculum: .*\)\. Leave it out explicitly to import the rest of the pack\.$/) as string,
      });
      // Even when the caller lists only other courses, leaving it out must be explicit.
      await expect(academy.packs.import(preview.previewId, {}, { curricula: [] })).rejects.toMatchObject({ message: expect.stringMatching(/^Nothing was imported/) as string });
      await expect(academy.packs.import(preview.previewId, {}, { leaveOut: ['nowhere'] })).rejects.toMatchObject({ message: 'The pack has no curriculum "nowhere"' });
      expect(await snapshotDir(academy.dir)).toEqual(before);
      const result = await academy.packs.import(preview.previewId, {}, { leaveOut: ['half-a-course'] });
      expect(result.curricula).toEqual([]);
      expect(result.written.map((w) => w.moduleId)).toEqual([]);
    } finally {
      academy.store.close();
    }
  });
});

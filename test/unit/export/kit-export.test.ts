import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { openTestServices } from '../../helpers/open-test-store';
import { snapshotDir, tempDir } from '../../helpers/temp-dir';
import { readZip } from '../../helpers/zip-read';

type Services = Awaited<ReturnType<typeof openTestServices>>;

async function withServices(work: (services: Services, curriculumId: string) => Promise<void>): Promise<void> {
  const services = await openTestServices(await tempDir());
  try {
    const course = await services.handlers['curriculum:create']({ title: 'Use of force refresher', moduleIds: ['use-of-force-firearms'] });
    await work(services, course.id);
  } finally {
    services.store.close();
  }
}

describe('the export:kit channel', () => {
  it('answers with one .zip where the host has no folder dialog (the web harness), with progress under the task id', async () => {
    await withServices(async (services, id) => {
      const events: { taskId: string; done: number; total: number }[] = [];
      services.host.emit = (_event, payload) => {
        events.push(payload as (typeof events)[number]);
      };
      const result = await services.handlers['export:kit']({ curriculumId: id, paper: 'a4', taskId: 'kit-1' });
      if (result.kind !== 'zip') throw new Error(`expected a zip, got ${result.kind}`);
      expect(result.fileName).toBe('use-of-force-refresher-kit.zip');
      const entries = await readZip(Buffer.from(result.bytesBase64, 'base64'));
      expect([...entries.keys()]).toEqual(result.files.map((f) => `use-of-force-refresher-kit/${f}`));
      expect(result.files).toHaveLength(8);
      expect(result.omitted).toEqual([]);
      expect(events.length).toBeGreaterThan(8);
      expect(events.every((e) => e.taskId === 'kit-1' && e.total === 800)).toBe(true);
      expect(events.at(-1)?.done).toBe(800);
    });
  });

  it('writes into the folder the desktop user chose, and lets the app show the files it wrote', async () => {
    await withServices(async (services, id) => {
      const chosen = await tempDir();
      await writeFile(join(chosen, 'my-notes.txt'), 'keep me');
      const saved: string[] = [];
      services.host.chooseFolder = vi.fn(() => Promise.resolve(chosen));
      services.host.savedFiles = (paths) => saved.push(...paths);
      const result = await services.handlers['export:kit']({ curriculumId: id, paper: 'letter' });
      expect(services.host.chooseFolder).toHaveBeenCalledWith('use-of-force-refresher-kit');
      if (result.kind !== 'folder') throw new Error(`expected a folder, got ${result.kind}`);
      // The chosen folder was not empty: the kit went into a new folder inside it, beside the user's file.
      expect(result.path).toBe(join(chosen, 'use-of-force-refresher-kit'));
      expect((await readdir(chosen)).sort()).toEqual(['my-notes.txt', 'use-of-force-refresher-kit']);
      expect((await readdir(result.path)).sort()).toEqual([...result.files].sort());
      expect(result.paths).toEqual(result.files.map((f) => join(result.path, f)));
      expect(saved).toEqual(result.paths);
    });
  });

  it('builds nothing and writes nothing when the user closes the folder dialog', async () => {
    await withServices(async (services, id) => {
      const kit = vi.spyOn(services.exports, 'kit');
      services.host.chooseFolder = () => Promise.resolve(null);
      expect(await services.handlers['export:kit']({ curriculumId: id, paper: 'a4' })).toEqual({ kind: 'not-saved' });
      expect(kit).not.toHaveBeenCalled();
    });
  });

  it('writes nothing when the kit is refused or the course is unknown', async () => {
    await withServices(async (services) => {
      const chosen = await tempDir();
      services.host.chooseFolder = () => Promise.resolve(chosen);
      await expect(services.handlers['export:kit']({ curriculumId: 'no-such-course', paper: 'a4' })).rejects.toMatchObject({ code: 'not-found' });
      expect(await snapshotDir(chosen)).toEqual(new Map());
    });
  });

  it('can be cancelled with task:cancel, leaving the folder as it was', async () => {
    await withServices(async (services, id) => {
      const chosen = await tempDir();
      services.host.chooseFolder = () => Promise.resolve(chosen);
      services.host.emit = (_event, payload) => {
        void services.handlers['task:cancel']({ taskId: (payload as { taskId: string }).taskId });
      };
      await expect(services.handlers['export:kit']({ curriculumId: id, paper: 'a4', taskId: 'kit-2' })).rejects.toMatchObject({ code: 'cancelled' });
      expect(await readdir(chosen)).toEqual([]);
    });
  });
});

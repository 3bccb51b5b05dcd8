import { describe, expect, it } from 'vitest';
import { ExportService } from '../../../electron/services/export/export-service';
import { planExportJob, type ExportRunner, type ExportRunners } from '../../../electron/services/export/export-job';
import { runKitJob } from '../../../electron/services/export/kit-job';
import { ExportRequestSchema, type ExportRequest } from '../../../shared/schemas/export';
import { openTestServices } from '../../helpers/open-test-store';
import { tempDir } from '../../helpers/temp-dir';

const request = (raw: unknown): ExportRequest => ExportRequestSchema.parse(raw);

describe('export channels over the real services', () => {
  it('plans the seeded curriculum, a module and a lesson through the same builder', async () => {
    const { handlers, store } = await openTestServices(await tempDir());
    try {
      const course = await handlers['export:plan'](request({ target: { kind: 'curriculum', id: 'foundation-course' } }));
      expect(course.cover.title).toBe('Foundation course on human rights and community policing for recruits');
      expect(course.variant).toBe('full');
      const module = await handlers['export:plan'](request({ target: { kind: 'module', id: 'use-of-force-firearms' }, variant: 'trainer', annexes: false }));
      const lesson = await handlers['export:plan'](request({ target: { kind: 'lesson', id: 'use-of-force-firearms', lessonIndex: 0 }, variant: 'trainer', annexes: false }));
      // Trainer plans give each lesson its own section; one lesson without annexes is one section.
      expect(lesson.sections.length).toBe(1);
      expect(module.sections.length).toBeGreaterThan(lesson.sections.length);
    } finally {
      store.close();
    }
  });

  it('says what it cannot find', async () => {
    const { handlers, store } = await openTestServices(await tempDir());
    try {
      await expect(async () => handlers['export:plan'](request({ target: { kind: 'curriculum', id: 'nope' } }))).rejects.toMatchObject({ code: 'not-found' });
      await expect(async () => handlers['export:plan'](request({ target: { kind: 'module', id: 'nope' } }))).rejects.toMatchObject({ code: 'not-found' });
      await expect(async () => handlers['export:plan'](request({ target: { kind: 'lesson', id: 'use-of-force-firearms', lessonIndex: 11 } }))).rejects.toMatchObject({ code: 'not-found' });
    } finally {
      store.close();
    }
  });

  it('returns the .docx as base64 and reports progress under the task id', async () => {
    const events: { taskId: string; label?: string | undefined }[] = [];
    const services = await openTestServices(await tempDir());
    services.host.emit = (_event, payload) => {
      events.push(payload as { taskId: string; label?: string });
    };
    try {
      const { handlers } = services;
      const file = await handlers['export:docx']({ ...request({ target: { kind: 'module', id: 'use-of-force-firearms' } }), taskId: 'export-1' });
      expect(file.fileName).toMatch(/\.docx$/);
      expect(Buffer.from(file.bytesBase64, 'base64').subarray(0, 2).toString('latin1')).toBe('PK');
      expect(events.length).toBeGreaterThan(1);
      expect(events.every((e) => e.taskId === 'export-1')).toBe(true);
      expect(await handlers['app:reveal-file']({ path: '/tmp/x.docx', action: 'open' })).toEqual({ done: false });
    } finally {
      services.store.close();
    }
  });
});

describe('ExportService task handling', () => {
  /** A runner that waits until it is aborted, like a long export being cancelled. */
  const waitingRunner: ExportRunner = (_job, { signal }) =>
    new Promise((_resolve, reject) => {
      signal?.addEventListener('abort', () => {
        reject(Object.assign(new Error('The export was cancelled.'), { code: 'cancelled' }));
      });
    });
  const waiting: ExportRunners = { docx: waitingRunner, plan: planExportJob, kit: runKitJob };

  it('cancels a running export by task id, once', async () => {
    const { store } = await openTestServices(await tempDir());
    try {
      const service = new ExportService(store, waiting);
      const running = service.docx(request({ target: { kind: 'module', id: 'use-of-force-firearms' } }), { taskId: 't1' });
      await expect(service.docx(request({ target: { kind: 'module', id: 'use-of-force-firearms' } }), { taskId: 't1' })).rejects.toMatchObject({ code: 'conflict' });
      expect(service.cancel('t1')).toBe(true);
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      expect(service.cancel('t1')).toBe(false);
      expect(service.cancel('unknown')).toBe(false);
    } finally {
      store.close();
    }
  });

  it('hands the runner the curriculum, references, today and the logo from the settings', async () => {
    const { store } = await openTestServices(await tempDir());
    try {
      await store.update('settings', (s) => ({ ...s, logo: { base64: 'iVBORw0KGgo=', type: 'png' as const, width: 120, height: 40 } }));
      const service = new ExportService(store, waiting, () => new Date('2026-11-26T10:00:00Z'));
      const job = service.job(request({ target: { kind: 'curriculum', id: 'foundation-course' }, paper: 'letter', annexes: false }));
      expect(job.input.today).toBe('2026-11-26');
      expect(job.input.logo?.width).toBe(120);
      expect(job.input.references.length).toBeGreaterThan(10);
      expect(job.options).toEqual({ variant: 'full', paper: 'letter', annexes: false });
    } finally {
      store.close();
    }
  });
});

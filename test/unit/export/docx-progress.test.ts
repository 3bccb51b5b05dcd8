import { describe, expect, it } from 'vitest';
import { renderDocx } from '../../../electron/services/export/docx/render-docx';
import { AppError } from '../../../shared/errors';
import type { ExportPlan } from '../../../shared/domain/export/plan';
import { enFullCurriculumPlan } from '../../fixtures/export/plans/en-full-curriculum';
import { cell } from '../../fixtures/export/plans/plan-parts';
import { syntheticCurriculumPlan } from '../../fixtures/export/plans/synthetic-curriculum';

describe('renderDocx: progress and cancellation', () => {
  it('reports progress once per section and once for packing, ending at the total', async () => {
    const reports: [number, number][] = [];
    const bytes = await renderDocx(syntheticCurriculumPlan(5), { onProgress: (done, total) => reports.push([done, total]) });
    // The worker transfers the buffer: it must hold these bytes and nothing else.
    expect(bytes.byteOffset).toBe(0);
    expect(bytes.buffer.byteLength).toBe(bytes.byteLength);
    // The cover and contents, five modules, packing.
    expect(reports).toEqual([1, 2, 3, 4, 5, 6, 7].map((done) => [done, 7]));
  });

  it('rejects with code cancelled when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(renderDocx(enFullCurriculumPlan, { signal: controller.signal })).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('stops between sections when the signal is aborted while it renders', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const rendering = renderDocx(syntheticCurriculumPlan(20), {
      signal: controller.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done === 3) controller.abort();
      },
    });
    const error: unknown = await rendering.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'cancelled', message: 'Export cancelled' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('refuses a table row whose cells do not match the columns, naming the problem', async () => {
    const plan: ExportPlan = {
      ...enFullCurriculumPlan,
      sections: [{ id: 'bad', blocks: [{ kind: 'table', columns: [1, 1, 1], header: [], rows: [[cell('a'), cell('b')]] }] }],
    };
    await expect(renderDocx(plan)).rejects.toMatchObject({ code: 'invalid-argument', message: 'A table row has 2 cells but the table has 3 columns' });
  });

  it('refuses column widths that are not positive numbers', async () => {
    const plan: ExportPlan = {
      ...enFullCurriculumPlan,
      sections: [{ id: 'bad', blocks: [{ kind: 'table', columns: [1, 0], header: [], rows: [[cell('a'), cell('b')]] }] }],
    };
    await expect(renderDocx(plan)).rejects.toMatchObject({ code: 'invalid-argument', message: 'Table column widths must be positive numbers, got [1, 0]' });
  });
});

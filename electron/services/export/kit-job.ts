/**
 * The trainer kit from a course to bytes: every document of `kitContents`, one after the other, each built
 * and checked as a single export is (participant documents are refused if they would carry trainer-only
 * text, which refuses the whole kit). Progress runs over all documents as one bar. The desktop app and the
 * web harness run it in the export worker; the CLI runs it in-process.
 */
import { buildExportPlan, type PlanInput } from '../../../shared/domain/export/build-plan';
import { kitContents, type KitContents } from '../../../shared/domain/export/kit';
import type { ExportVariant, PaperSize } from '../../../shared/domain/export/plan';
import { AppError } from '../../../shared/errors';
import { renderDocx } from './docx/render-docx';
import type { ExportedFile, ExportRunOptions } from './export-job';

export type KitJob = { input: PlanInput; paper: PaperSize };

/** The kit's documents in memory, ready to be written to a folder or zipped. */
export type BuiltKit = { base: string; files: ExportedFile[]; omitted: KitContents['omitted'] };

/** Progress units per document: documents weigh the same, whatever their length, so the bar moves steadily. */
export const KIT_PROGRESS_STEPS = 100;

/** Progress labels: `kit:<variant>`, so that a UI can name the document being built in its own language. */
export function kitProgressLabel(variant: ExportVariant): string {
  return `kit:${variant}`;
}

export type KitRunner = (job: KitJob, options: ExportRunOptions) => Promise<BuiltKit>;

export const runKitJob: KitRunner = async (job, { onProgress, signal }) => {
  const contents = kitContents(job.input.curriculum);
  const total = contents.documents.length * KIT_PROGRESS_STEPS;
  const files: ExportedFile[] = [];
  for (const [index, document] of contents.documents.entries()) {
    if (signal?.aborted) throw new AppError('cancelled', 'The trainer kit was cancelled.');
    const label = kitProgressLabel(document.variant);
    const start = index * KIT_PROGRESS_STEPS;
    onProgress?.({ done: start, total, label });
    // Annexes always: the kit is the complete set.
    const plan = buildExportPlan(job.input, { variant: document.variant, paper: job.paper, annexes: true });
    const bytes = await renderDocx(plan, {
      ...(signal ? { signal } : {}),
      onProgress: (done, of) => onProgress?.({ done: start + Math.floor((KIT_PROGRESS_STEPS * done) / Math.max(1, of)), total, label }),
    });
    files.push({ fileName: document.fileName, bytes });
  }
  onProgress?.({ done: total, total, label: 'kit:done' });
  return { base: contents.base, files, omitted: contents.omitted };
};

/**
 * One export from start to bytes: build the plan (pure, shared with the print preview), check it is safe
 * for its readers, render it as .docx. The desktop app and the web harness run this in a worker thread
 * (`export-worker.ts`); the CLI, which has no UI to keep responsive, runs it in-process.
 */
import { buildExportPlan, type PlanInput } from '../../../shared/domain/export/build-plan';
import type { ExportOptions } from '../../../shared/domain/export/plan';
import { renderDocx } from './docx/render-docx';

export type ExportJob = { input: PlanInput; options: ExportOptions };

export type ExportProgress = { done: number; total: number; label: string };

export type ExportRunOptions = { onProgress?: (progress: ExportProgress) => void; signal?: AbortSignal };

export type ExportedFile = { fileName: string; bytes: Uint8Array };

/** Runs an export job: the same function the worker runs, so both paths produce identical documents. */
export type ExportRunner = (job: ExportJob, options: ExportRunOptions) => Promise<ExportedFile>;

export const runExportJob: ExportRunner = async (job, { onProgress, signal }) => {
  onProgress?.({ done: 0, total: 1, label: 'plan' });
  // buildExportPlan refuses participant documents that would carry trainer-only text.
  const plan = buildExportPlan(job.input, job.options);
  const bytes = await renderDocx(plan, {
    ...(signal ? { signal } : {}),
    onProgress: (done, total) => onProgress?.({ done, total, label: 'document' }),
  });
  return { fileName: plan.fileName, bytes };
};

/**
 * One export from start to bytes: build the plan (pure, shared with the print preview), check it is safe
 * for its readers, render it as .docx; or just the plan, for the print preview. The desktop app and the web
 * harness run both in a worker thread (`export-worker.ts`); the CLI, which has no UI to keep responsive,
 * runs them in-process.
 */
import { buildExportPlan, type PlanInput } from '../../../shared/domain/export/build-plan';
import type { ExportOptions, ExportPlan } from '../../../shared/domain/export/plan';
import { renderDocx } from './docx/render-docx';
import { runKitJob, type KitRunner } from './kit-job';

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

/** Builds the plan only (the print preview); participant plans are checked as for the .docx. */
export type PlanRunner = (job: ExportJob) => Promise<ExportPlan>;

export const planExportJob: PlanRunner = (job) =>
  new Promise((resolve) => {
    resolve(buildExportPlan(job.input, job.options));
  });

/** How a host runs export work: in a worker thread (desktop app, web harness) or in-process (CLI, tests). */
export type ExportRunners = { docx: ExportRunner; plan: PlanRunner; kit: KitRunner };

export const IN_PROCESS_EXPORT: ExportRunners = { docx: runExportJob, plan: planExportJob, kit: runKitJob };

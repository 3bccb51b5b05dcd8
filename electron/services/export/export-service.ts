/**
 * Exports over the store: finds what a request names (a curriculum, or a library module or lesson turned
 * into a one-module course so that it goes through the same plan), and runs the job with the host's
 * runner. Running exports are kept by task id so the renderer can cancel them.
 */
import { randomUUID } from 'node:crypto';
import { withPlaceholderDefaults } from '../../../shared/domain/placeholders';
import { kitContents, type KitContents } from '../../../shared/domain/export/kit';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import type { ExportPlan, PaperSize } from '../../../shared/domain/export/plan';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { ExportRequest } from '../../../shared/schemas/export';
import type { Store } from '../store/store';
import type { ExportedFile, ExportJob, ExportProgress, ExportRunners, ExportRunOptions } from './export-job';
import type { BuiltKit } from './kit-job';

type TaskOptions = { taskId?: string; onProgress?: (progress: ExportProgress) => void };

export class ExportService {
  private readonly running = new Map<string, AbortController>();

  constructor(
    private readonly store: Store,
    private readonly run: ExportRunners,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private curriculumOf(request: ExportRequest): Curriculum {
    const { target } = request;
    if (target.kind === 'curriculum') {
      const curriculum = this.store.read('curricula').curricula.find((c) => c.id === target.id);
      if (!curriculum) throw new AppError('not-found', `No curriculum with id "${target.id}"`);
      return curriculum;
    }
    const module = this.store.read('library').modules.find((m) => m.id === target.id);
    if (!module) throw new AppError('not-found', `No module with id "${target.id}" in the library`);
    return curriculumForModule(module, this.now(), target.kind === 'lesson' ? target.lessonIndex : undefined);
  }

  /** Everything the plan needs, as plain data that can cross into a worker. */
  job(request: ExportRequest): ExportJob {
    const logo = this.store.read('settings').logo;
    return {
      input: {
        // The academy's placeholder defaults (Settings) fill what the course leaves blank; its own values win.
        curriculum: withPlaceholderDefaults(this.curriculumOf(request), this.store.read('settings').placeholderDefaults),
        references: this.store.read('library').references,
        today: this.now().toISOString().slice(0, 10),
        ...(logo ? { logo } : {}),
        // A library module or lesson printed on its own keeps the library's numbers, as the library shows it.
        numbering: request.target.kind === 'curriculum' ? 'course' : 'library',
      },
      options: { variant: request.variant, paper: request.paper, annexes: request.annexes },
    };
  }

  /** The plan the print preview renders: the same one the .docx is made from. */
  plan(request: ExportRequest): Promise<ExportPlan> {
    return this.run.plan(this.job(request));
  }

  docx(request: ExportRequest, options: TaskOptions = {}): Promise<ExportedFile> {
    const job = this.job(request);
    return this.track(options, (run) => this.run.docx(job, run));
  }

  /**
   * Every document of a course's trainer kit, in memory (see kit-job.ts): the caller writes them to a folder
   * or zips them, so that nothing is written unless every document could be made.
   */
  kit(curriculumId: string, paper: PaperSize, options: TaskOptions = {}): Promise<BuiltKit> {
    const { input } = this.job({ target: { kind: 'curriculum', id: curriculumId }, variant: 'full', paper, annexes: true });
    return this.track(options, (run) => this.run.kit({ input, paper }, run));
  }

  /** What the kit of a curriculum holds, without building it (names for a folder dialog, what is left out). */
  kitContents(curriculumId: string): KitContents {
    return kitContents(this.curriculumOf({ target: { kind: 'curriculum', id: curriculumId }, variant: 'full', paper: 'a4', annexes: true }));
  }

  /** Runs a job under a task id that `cancel` can stop; one job per id at a time. */
  private async track<T>(options: TaskOptions, work: (run: ExportRunOptions) => Promise<T>): Promise<T> {
    const taskId = options.taskId ?? randomUUID();
    if (this.running.has(taskId)) throw new AppError('conflict', `An export with task id "${taskId}" is already running`);
    const controller = new AbortController();
    this.running.set(taskId, controller);
    try {
      return await work({ signal: controller.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) });
    } finally {
      this.running.delete(taskId);
    }
  }

  /** false when no export runs under that id (already finished, or another kind of task). */
  cancel(taskId: string): boolean {
    const controller = this.running.get(taskId);
    if (!controller) return false;
    controller.abort();
    return true;
  }
}

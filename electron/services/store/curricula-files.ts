import type { CurriculaData } from '../../../shared/schemas/curricula';
import type { Curriculum, CurriculumItem } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import { trustSnapshot } from './documents';
import { changedItems, FileProblem, sha256Of, SplitStorage, type FilePlan } from './document-files';
import type { FileWrite } from './journal';
import { FILE_DEFINITIONS, snapshotText, type CurriculaIndex, type SnapshotRef, type StoredCurriculum } from './file-definitions';
import { CURRICULA_DIR, CURRICULA_INDEX_FILE, curriculumFile, SNAPSHOTS_DIR, snapshotFile } from './layout';

const EMPTY: CurriculaData = { curricula: [], archived: [] };

/**
 * The curricula as `curricula/_index.json` and one file per course. A course's module snapshots are kept
 * once each under `snapshots/`, named by the SHA-256 of their content and shared by every course that
 * takes the same module at the same content: forty courses teaching the same module store it once.
 * Snapshot files are never rewritten or deleted (an old course backup may still name one).
 */
export class CurriculaFiles extends SplitStorage<CurriculaData> {
  private last: CurriculaData = EMPTY;
  private indexed = false;
  /** Hash of every snapshot object met (frozen, so the hash of an object never changes). */
  private readonly hashes = new WeakMap<Module, string>();
  /** Snapshot files on disk, by path; each is read once and shared by the courses that name it. */
  private readonly snapshots = new Map<string, Module>();

  async read(): Promise<CurriculaData | null> {
    const index = await this.readOne(CURRICULA_INDEX_FILE, FILE_DEFINITIONS.curriculaIndex);
    const stored = await this.readFolder(CURRICULA_DIR, FILE_DEFINITIONS.curriculum);
    if (!index) {
      if (stored.length === 0) return null;
      throw new FileProblem('store-corrupt', `The curricula's index (${CURRICULA_INDEX_FILE}) is missing, although courses exist.`, CURRICULA_INDEX_FILE, 'missing');
    }
    // Courses saved together write their new snapshots without a journal (see plan): a crash can leave temp files there.
    await this.tidySubfolders(SNAPSHOTS_DIR);
    const curricula: Curriculum[] = [];
    for (const course of stored) curricula.push(await this.withSnapshots(course));
    curricula.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
    const data: CurriculaData = { curricula, archived: index.archived };
    this.indexed = true;
    this.last = data;
    return data;
  }

  /** A course as its file holds it, with its snapshots read in (a course file's backup, for a restore). */
  async withSnapshots(course: StoredCurriculum): Promise<Curriculum> {
    const items: CurriculumItem[] = [];
    for (const item of course.items) {
      items.push(item.kind === 'module' ? { ...item, snapshot: await this.snapshot(item.snapshot, curriculumFile(course.id)) } : item);
    }
    return { ...course, items };
  }

  private async snapshot(ref: SnapshotRef, courseFile: string): Promise<Module> {
    const path = snapshotFile(ref.id, ref.revision, ref.sha256);
    const known = this.snapshots.get(path);
    if (known) return known;
    const module = await this.readOne(path, FILE_DEFINITIONS.snapshot);
    if (!module) throw new FileProblem('store-corrupt', `The course file ${courseFile} names a module snapshot that is missing (${path}).`, path, 'missing');
    if (module.id !== ref.id || module.revision !== ref.revision) {
      throw new FileProblem('store-corrupt', `The snapshot ${path} holds ${module.id} r${module.revision}, not ${ref.id} r${ref.revision}.`, path, 'corrupt');
    }
    this.snapshots.set(path, module);
    this.hashes.set(module, ref.sha256);
    trustSnapshot(module);
    return module;
  }

  plan(next: CurriculaData): FilePlan {
    const plan: FilePlan = { writes: [], removals: [] };
    const courses = changedItems(this.last.curricula, next.curricula, 'curricula');
    const planned = new Set<string>();
    const snapshots: FileWrite[] = [];
    const files: FileWrite[] = [];
    for (const course of courses.changed) {
      const items = course.items.map((item) => {
        if (item.kind !== 'module') return item;
        const { ref, write } = this.refOf(item.snapshot);
        if (write && !planned.has(write.path)) {
          planned.add(write.path);
          snapshots.push(write);
        }
        return { ...item, snapshot: ref };
      });
      files.push(this.encode({ ...course, items }, FILE_DEFINITIONS.curriculum, curriculumFile(course.id)));
    }
    plan.writes.push(...snapshots, ...files);
    for (const id of courses.removed) plan.removals.push(curriculumFile(id));
    if (!this.indexed || next.archived !== this.last.archived) {
      const index: CurriculaIndex = { archived: next.archived };
      plan.writes.push(this.encode(index, FILE_DEFINITIONS.curriculaIndex, CURRICULA_INDEX_FILE));
    } else if (plan.removals.length === 0) {
      // Courses saved together (autosaves joined in one write) stand each on its own: no journal. A snapshot
      // goes before the course files, which name it; it is never rewritten, so writing it early harms nothing.
      plan.stages = [snapshots, files].filter((stage) => stage.length > 0);
    }
    return plan;
  }

  /** A snapshot's reference, and its file when that is not on disk yet. */
  private refOf(module: Module): { ref: SnapshotRef; write: { path: string; bytes: string } | null } {
    let sha256 = this.hashes.get(module);
    let text: string | null = null;
    if (!sha256) {
      text = snapshotText(module);
      sha256 = sha256Of(text);
      this.hashes.set(module, sha256);
    }
    const path = snapshotFile(module.id, module.revision, sha256);
    const ref = { id: module.id, revision: module.revision, sha256 };
    if (this.present.has(path)) return { ref, write: null };
    return { ref, write: { path, bytes: text ?? snapshotText(module) } };
  }

  protected override backedUp(file: string): boolean {
    return !file.startsWith(`${SNAPSHOTS_DIR}/`);
  }

  protected remember(data: CurriculaData): void {
    this.last = data;
    this.indexed = true;
  }
}

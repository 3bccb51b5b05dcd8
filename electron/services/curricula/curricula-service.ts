import { checkCurriculum, type CurriculumCheck, type LibraryLookup } from '../../../shared/domain/curriculum/checks';
import { deepFreeze } from '../store/deep-freeze';
import { withPlaceholderDefaults } from '../../../shared/domain/placeholders';
import { curriculumCoverage } from '../../../shared/domain/curriculum/coverage';
import { dayModel } from '../../../shared/domain/curriculum/day-model';
import { assignDays } from '../../../shared/domain/curriculum/day-packer';
import { curriculumUnits, packUnit, scheduleCurriculum } from '../../../shared/domain/curriculum/schedule';
import { withStoredSnapshots } from '../../../shared/domain/curriculum/saved-snapshots';
import { shareUnchanged } from '../../../shared/domain/curriculum/share-unchanged';
import { uniqueId } from '../../../shared/domain/ids';
import { AppError } from '../../../shared/errors';
import type { CreateCurriculum, CurriculaData, CurriculumDetail, CurriculumSummary, SaveCurriculum } from '../../../shared/schemas/curricula';
import { COURSE_PACKAGE_DEFAULTS, DEFAULT_DAY_TEMPLATE, DEFAULT_REQUIRED_THEMES, MAX_DAYS, type Curriculum, type ModuleItem } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { Reference } from '../../../shared/schemas/reference';
import { laterStamp } from '../later-stamp';
import type { Store } from '../store/store';

/** What a course's checks and coverage need of the library, from the search index while the library is read. */
export type LibraryWhileLoading = () => Promise<{ lookup: LibraryLookup; references: readonly Reference[] }>;


/**
 * Curricula over the store: list, detail with schedule, checks and coverage, and editing.
 *
 * Concurrency: a save names the `updatedAt` of the version it edited (`baseUpdatedAt`) and is refused when
 * the stored curriculum has another one. Every write gives the curriculum a strictly later `updatedAt` than
 * the one it replaces (one millisecond later if the clock has not moved or went back), so two versions never
 * share a stamp and the stamp works as a revision counter that is also meaningful to people.
 */
export class CurriculaService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
    /** The library as a course's checks need it while the library itself is still being read (see `detail`). */
    private readonly libraryWhileLoading?: LibraryWhileLoading,
  ) {}

  private readonly computedCache = new WeakMap<Curriculum, { library: object; settings: object; value: Omit<CurriculumDetail, 'curriculum' | 'archived'> }>();

  private get data() {
    return this.store.read('curricula');
  }

  private find(id: string): Curriculum {
    const curriculum = this.data.curricula.find((c) => c.id === id);
    if (!curriculum) throw new AppError('not-found', `No curriculum with id "${id}"`);
    return curriculum;
  }

  private isArchived(id: string): boolean {
    return this.data.archived.includes(id);
  }

  summary(c: Curriculum): CurriculumSummary {
    return {
      id: c.id,
      title: c.title,
      status: c.status,
      days: c.days,
      modules: c.items.filter((i) => i.kind === 'module').length,
      language: c.language,
      updatedAt: c.updatedAt,
      archived: this.isArchived(c.id),
    };
  }

  /** Most recently changed first; archived curricula only when asked for. */
  list(options: { includeArchived?: boolean | undefined } = {}): CurriculumSummary[] {
    return this.data.curricula
      .map((c) => this.summary(c))
      .filter((s) => options.includeArchived === true || !s.archived)
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.title.localeCompare(b.title));
  }

  /** The library as the checks see it: the current revision of each module, for "update available". */
  private libraryLookup(): LibraryLookup {
    const modules = new Map(this.store.read('library').modules.map((m) => [m.id, m]));
    return (id) => modules.get(id);
  }

  get(id: string): CurriculumDetail {
    const curriculum = this.find(id);
    return { curriculum, archived: this.isArchived(id), ...this.computed(curriculum) };
  }

  /**
   * A course with its schedule, checks and coverage. While a large library is still being read (the first
   * seconds after start), the checks look modules up in the search index's rows (a module's revision and
   * source are all they ask) and the coverage takes the reference list from the library's index file: the
   * same answer as once the library is read (a test compares them), without waiting for thousands of modules.
   */
  async detail(id: string): Promise<CurriculumDetail> {
    if (!this.libraryWhileLoading || !this.store.isLoading('library')) return this.get(id);
    const curriculum = this.find(id);
    const { lookup, references } = await this.libraryWhileLoading();
    // Read meanwhile: the library in memory is the truth again.
    if (!this.store.isLoading('library')) return this.get(id);
    return { curriculum, archived: this.isArchived(id), ...deepFreeze(this.computeWith(curriculum, lookup, references)) };
  }

  /**
   * Schedule, checks and coverage of a course, kept until the course, the library or the settings change.
   * Stored data is frozen and replaced, never edited, so "changed" is a different object: opening a course
   * again, or reading it before each save, costs nothing while nobody changed what it depends on.
   */
  private computed(curriculum: Curriculum): Omit<CurriculumDetail, 'curriculum' | 'archived'> {
    const library = this.store.read('library');
    const settings = this.store.read('settings');
    const cached = this.computedCache.get(curriculum);
    if (cached?.library === library && cached.settings === settings) return cached.value;
    // Frozen like the stored data it comes from: it is handed to every reader, and the web harness encodes
    // a frozen answer once (json-body.ts).
    const value = deepFreeze(this.computeWith(curriculum, this.libraryLookup(), library.references));
    this.computedCache.set(curriculum, { library, settings, value });
    return value;
  }

  private computeWith(curriculum: Curriculum, lookup: LibraryLookup, references: readonly Reference[]): Omit<CurriculumDetail, 'curriculum' | 'archived'> {
    const schedule = scheduleCurriculum(curriculum);
    return {
      schedule,
      checks: checkCurriculum(this.withDefaults(curriculum), { library: lookup, schedule }),
      coverage: curriculumCoverage(curriculum, references),
    };
  }

  /** Every problem and hint the checks find, errors first. */
  check(id: string): CurriculumCheck[] {
    return checkCurriculum(this.withDefaults(this.find(id)), { library: this.libraryLookup() });
  }

  /** The course as exports print it: the academy's placeholder defaults (Settings) fill what it leaves blank. */
  private withDefaults(curriculum: Curriculum): Curriculum {
    return withPlaceholderDefaults(curriculum, this.store.read('settings').placeholderDefaults);
  }

  /** Curricula that teach a module (archived ones too: they still hold it), for the library's delete question. */
  usersOf(moduleId: string): { id: string; title: string }[] {
    return this.data.curricula
      .filter((c) => c.items.some((i) => i.kind === 'module' && i.moduleId === moduleId))
      .map((c) => ({ id: c.id, title: c.title }));
  }

  async create({ title, moduleIds, days, language }: CreateCurriculum): Promise<Curriculum> {
    const library = new Map(this.store.read('library').modules.map((m) => [m.id, m]));
    const taken = new Set<string>();
    const items: ModuleItem[] = moduleIds.map((moduleId) => {
      const module = library.get(moduleId);
      if (!module) throw new AppError('not-found', `No module with id "${moduleId}" in the library`);
      const id = uniqueId(moduleId, taken, 'item');
      taken.add(id);
      return snapshotItem(id, module);
    });
    const stamp = this.now().toISOString();
    const curriculum: Curriculum = {
      id: uniqueId(title, new Set(this.data.curricula.map((c) => c.id)), 'curriculum'),
      title,
      subtitle: '',
      academy: '',
      audiences: [],
      language: language ?? items[0]?.snapshot.language ?? 'en',
      courseCode: '',
      version: '1.0',
      status: 'draft',
      authors: [],
      createdAt: stamp,
      updatedAt: stamp,
      description: '',
      days: days ?? daysNeeded(items),
      dayTemplate: DEFAULT_DAY_TEMPLATE,
      requiredThemes: [...DEFAULT_REQUIRED_THEMES],
      placeholders: {},
      items,
      ...COURSE_PACKAGE_DEFAULTS,
    };
    const data = await this.store.update('curricula', (current) => ({ ...current, curricula: [...current.curricula, curriculum] }));
    return writtenCourse(data, curriculum.id);
  }

  /** Replaces a whole curriculum; see the class comment for `baseUpdatedAt`. `createdAt` stays the stored one. */
  async save({ curriculum, baseUpdatedAt }: SaveCurriculum): Promise<Curriculum> {
    const existing = this.find(curriculum.id);
    // Compared as text: the editor sends back the stamp exactly as it received it.
    if (existing.updatedAt !== baseUpdatedAt) {
      throw new AppError(
        'conflict',
        `"${existing.title}" was changed elsewhere (saved ${existing.updatedAt}; you edited the version of ${baseUpdatedAt}). Reopen it to see the changes.`,
      );
    }
    // The store validates the completed course as it writes it (one full parse per save, not two).
    return this.replace(existing, shareUnchanged({ ...curriculum, items: withStoredSnapshots(curriculum.items, existing), createdAt: existing.createdAt }, existing));
  }

  async rename(id: string, title: string): Promise<Curriculum> {
    const existing = this.find(id);
    return this.replace(existing, { ...existing, title });
  }

  async duplicate(id: string, title: string): Promise<Curriculum> {
    const source = this.find(id);
    const stamp = this.now().toISOString();
    // The copy is a new course: it starts as a draft whatever the approval state of the original.
    const copy: Curriculum = {
      ...source,
      id: uniqueId(title, new Set(this.data.curricula.map((c) => c.id)), 'curriculum'),
      title,
      status: 'draft',
      createdAt: stamp,
      updatedAt: stamp,
    };
    const data = await this.store.update('curricula', (current) => ({ ...current, curricula: [...current.curricula, copy] }));
    return writtenCourse(data, copy.id);
  }

  /** Archiving is about listing, not content, so it leaves `updatedAt` (and thus open editors) alone. */
  async setArchived(id: string, archived: boolean): Promise<CurriculumSummary> {
    this.find(id);
    const data = await this.store.update('curricula', (current) => ({
      ...current,
      archived: archived ? [...current.archived.filter((a) => a !== id), id] : current.archived.filter((a) => a !== id),
    }));
    return { ...this.summary(writtenCourse(data, id)), archived: data.archived.includes(id) };
  }

  /**
   * Deleting cannot be undone from the app (only by restoring a backup), so a course with content is only
   * deleted once the user has confirmed; an empty one goes without asking.
   */
  async delete(id: string, confirmed: boolean): Promise<CurriculumSummary> {
    const curriculum = this.find(id);
    const summary = this.summary(curriculum);
    if (!confirmed && curriculum.items.length > 0) {
      throw new AppError('conflict', `Deleting "${curriculum.title}" cannot be undone; confirm to delete it`);
    }
    await this.store.update('curricula', (data) => ({
      curricula: data.curricula.filter((c) => c.id !== id),
      archived: data.archived.filter((a) => a !== id),
    }));
    return summary;
  }

  private async replace(existing: Curriculum, next: Curriculum): Promise<Curriculum> {
    const saved: Curriculum = { ...next, updatedAt: laterStamp(this.now(), existing.updatedAt) };
    const data = await this.store.update('curricula', (current) => ({
      ...current,
      curricula: current.curricula.map((c) => (c.id === saved.id ? saved : c)),
    }));
    return writtenCourse(data, saved.id);
  }
}

/**
 * The course as a save wrote it, from the data that save wrote. Not `find` once the write is done: saves
 * that joined the same group commit may have changed the course since, and an editor that took their
 * version (its `updatedAt`) as the base of its next save would overwrite them unawares.
 */
function writtenCourse(data: CurriculaData, id: string): Curriculum {
  const course = data.curricula.find((c) => c.id === id);
  if (!course) throw new AppError('not-found', `No curriculum with id "${id}"`);
  return course;
}

/** A library module taken into a course as it is now. */
export function snapshotItem(id: string, module: Module): ModuleItem {
  return { kind: 'module', id, moduleId: module.id, revision: module.revision, snapshot: module, lessons: [] };
}

/** Days a course of these items needs in the default day (lessons are never split), at least one. */
function daysNeeded(items: ModuleItem[]): number {
  const units = curriculumUnits({ items });
  const assignments = assignDays(
    units.map((u) => packUnit(u)),
    dayModel(DEFAULT_DAY_TEMPLATE),
  );
  return Math.min(MAX_DAYS, Math.max(1, assignments.at(-1)?.day ?? 1));
}

/**
 * Brings back edits made in Word or LibreOffice to one of our exports (a full curriculum, trainer lesson
 * plans, a module document): recognises the document by its round-trip source, shows the diff per field,
 * and applies the chosen changes as the course's overrides or as library edits, with undo.
 *
 * Writes go through the store's `update`/`transaction`; the state before each apply is kept in a snapshot
 * file written in the same transaction, which `undoLast` puts back only if nothing changed since.
 */
import { randomUUID } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { buildExportPlan } from '../../../shared/domain/export/build-plan';
import { curriculumForModule } from '../../../shared/domain/export/module-curriculum';
import { parseSourceProperties, type RoundTripSource } from '../../../shared/domain/export/round-trip-marks';
import { withPlaceholderDefaults } from '../../../shared/domain/placeholders';
import { applyToCourseItem, applyToModule, type Skipped } from '../../../shared/domain/round-trip/apply-changes';
import { diffFields } from '../../../shared/domain/round-trip/field-diff';
import { fieldMarkdown, planFields } from '../../../shared/domain/round-trip/field-text';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { ApplyTarget, FieldChange, RoundTripPreview, RoundTripResult } from '../../../shared/schemas/round-trip';
import type { Store } from '../store/store';
import { readCustomProperties, readMarkedFields } from './marked-fields';
import { openRoundTripDocx } from './open-docx';

const UNDO_FOLDER = 'round-trips';
const UNDO_FILE = /^before-round-trip-\d{8}T\d{9}Z\.json$/;
/** Previews kept at once; an older one must be opened again. */
const PREVIEWS_KEPT = 5;

type PrintedNotes = { own: string; course: string };

type Kept = { preview: RoundTripPreview; source: RoundTripSource; baseline: string };

/** What undo puts back: the course as it was, or the library modules as they were; `after` is what apply wrote. */
type UndoRecord =
  | { kind: 'course'; before: Curriculum; afterUpdatedAt: string }
  | { kind: 'library'; before: Module[]; after: { id: string; revision: number; updatedAt: string }[] };

export class RoundTripService {
  private readonly previews = new Map<string, Kept>();

  constructor(
    private readonly store: Store,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private course(id: string): Curriculum {
    const course = this.store.read('curricula').curricula.find((c) => c.id === id);
    if (!course) throw new AppError('not-found', `The document comes from a course that is not here (id "${id}"): it was deleted, or exported elsewhere`);
    return course;
  }

  private module(id: string): Module {
    const module = this.store.read('library').modules.find((m) => m.id === id);
    if (!module) throw new AppError('not-found', `The document comes from a module that is not in the library (id "${id}")`);
    return module;
  }

  /** The source's present state as a course, with the placeholder defaults the export used. */
  private sourceCurriculum(source: RoundTripSource): Curriculum {
    const curriculum = source.kind === 'course' ? this.course(source.id) : curriculumForModule(this.module(source.id), this.now(), source.lesson);
    return withPlaceholderDefaults(curriculum, this.store.read('settings').placeholderDefaults);
  }

  /** Reads an edited document and computes its diff against its source. Writes nothing. */
  async preview(fileName: string, bytes: Buffer): Promise<RoundTripPreview> {
    const parts = await openRoundTripDocx(bytes, fileName);
    const parsed = parseSourceProperties(readCustomProperties(parts.get('docProps/custom.xml')));
    if (!parsed.ok)
      throw new AppError(
        'invalid-argument',
        parsed.reason === 'absent'
          ? `"${fileName}" was not exported by Curriculum Composer, or its document properties were removed: it carries no round-trip source`
          : `"${fileName}" has a damaged round-trip source in its document properties: it cannot be matched to a course or module`,
      );
    const { source } = parsed;
    const curriculum = this.sourceCurriculum(source);
    const plan = buildExportPlan(
      { curriculum, references: this.store.read('library').references, today: this.now().toISOString().slice(0, 10), numbering: source.kind === 'course' ? 'course' : 'library' },
      { variant: source.variant, paper: 'a4', annexes: false },
    );
    const read = readMarkedFields(parts.get('word/document.xml') ?? '', parts.get('word/numbering.xml'));
    const library = new Map(this.store.read('library').modules.map((m) => [m.id, m.revision]));
    const diff = diffFields({
      source,
      curriculum,
      plan,
      fields: read.fields,
      unusable: new Set(read.problems.flatMap((p) => (p.name === undefined ? [] : [p.name]))),
      libraryRevision: (id) => library.get(id),
    });
    const baseline = source.kind === 'course' ? curriculum.updatedAt : String(this.module(source.id).revision);
    const preview: RoundTripPreview = {
      previewId: randomUUID(),
      fileName,
      source: {
        kind: source.kind,
        id: source.id,
        title: curriculum.title,
        variant: source.variant,
        changedSinceExport: baseline !== source.version,
      },
      changes: diff.changes,
      unchanged: diff.unchanged,
      problems: [...read.problems, ...diff.problems],
    };
    this.previews.set(preview.previewId, { preview, source, baseline });
    for (const id of [...this.previews.keys()].slice(0, Math.max(0, this.previews.size - PREVIEWS_KEPT))) this.previews.delete(id);
    return preview;
  }

  /**
   * Applies the chosen changes of a preview (`names`; all when left out) as the course's overrides or as
   * library edits, in one transaction, with the state before kept for undo. Refuses when the source changed
   * since the preview.
   */
  async apply(previewId: string, target: ApplyTarget, options: { names?: readonly string[]; dryRun?: boolean } = {}): Promise<RoundTripResult> {
    const kept = this.previews.get(previewId);
    if (!kept) throw new AppError('not-found', 'This Word document preview has expired; open the document again.');
    const { preview, source } = kept;
    const chosen = new Set(options.names ?? preview.changes.map((c) => c.name));
    const unknown = [...chosen].find((name) => !preview.changes.some((c) => c.name === name));
    if (unknown !== undefined) throw new AppError('invalid-argument', `The preview has no change "${unknown}"`);
    const changes = preview.changes.filter((c) => chosen.has(c.name));
    if (target === 'overrides' && source.kind === 'module') throw new AppError('invalid-argument', 'A module document has no course to hold overrides: apply its changes as library edits');
    const present = source.kind === 'course' ? this.course(source.id).updatedAt : String(this.module(source.id).revision);
    if (present !== kept.baseline) throw new AppError('conflict', `"${preview.source.title}" was changed since this preview: open the document again`);
    const dryRun = options.dryRun === true;
    return target === 'overrides' ? this.applyOverrides(source.id, changes, dryRun) : this.applyLibrary(source, changes, dryRun);
  }

  private async applyOverrides(courseId: string, changes: readonly FieldChange[], dryRun: boolean): Promise<RoundTripResult> {
    const before = this.course(courseId);
    const notes = this.printedNotes(before, changes);
    const applied: string[] = [];
    const skipped: Skipped[] = [];
    const items = before.items.map((item) => {
      if (item.kind !== 'module') return item;
      const mine = changes.filter((c) => c.itemId === item.id);
      if (mine.length === 0) return item;
      const result = applyToCourseItem(item, mine, (name) => notes.get(name)?.own ?? '');
      applied.push(...result.applied);
      skipped.push(...result.skipped);
      return result.item;
    });
    if (dryRun || applied.length === 0) return { target: 'overrides', applied, skipped, dryRun };
    const updatedAt = this.nextStamp(before.updatedAt);
    const record: UndoRecord = { kind: 'course', before, afterUpdatedAt: updatedAt };
    await this.store.transaction(
      { curricula: (data) => ({ ...data, curricula: data.curricula.map((c) => (c.id === courseId ? { ...c, items, updatedAt } : c)) }) },
      { files: [this.undoFile(record)] },
    );
    return { target: 'overrides', applied, skipped, dryRun, undo: { kind: 'course', ids: [courseId] } };
  }

  private async applyLibrary(source: RoundTripSource, changes: readonly FieldChange[], dryRun: boolean): Promise<RoundTripResult> {
    const applied: string[] = [];
    const skipped: Skipped[] = [];
    const notes = source.kind === 'course' ? this.printedNotes(this.course(source.id), changes) : new Map<string, PrintedNotes>();
    const byModule = new Map<string, FieldChange[]>();
    for (const change of changes) {
      if (!change.libraryEditable) {
        skipped.push({ name: change.name, reason: 'The library has another revision of this module than the document was exported from' });
        continue;
      }
      byModule.set(change.moduleId, [...(byModule.get(change.moduleId) ?? []), change]);
    }
    const stamp = this.now().toISOString();
    const before: Module[] = [];
    const written: Module[] = [];
    for (const [moduleId, mine] of byModule) {
      const module = this.module(moduleId);
      const result = applyToModule(module, mine, (name) => notes.get(name)?.course ?? '');
      applied.push(...result.applied);
      skipped.push(...result.skipped);
      if (result.applied.length === 0) continue;
      before.push(module);
      written.push({ ...result.module, revision: module.revision + 1, updatedAt: stamp });
    }
    if (dryRun || written.length === 0) return { target: 'library', applied, skipped, dryRun };
    const record: UndoRecord = { kind: 'library', before, after: written.map((m) => ({ id: m.id, revision: m.revision, updatedAt: m.updatedAt })) };
    const replaced = new Map(written.map((m) => [m.id, m]));
    await this.store.transaction(
      { library: (data) => ({ ...data, modules: data.modules.map((m) => replaced.get(m.id) ?? m) }) },
      { files: [this.undoFile(record)] },
    );
    return { target: 'library', applied, skipped, dryRun, undo: { kind: 'library', ids: written.map((m) => m.id) } };
  }

  /**
   * The trainer notes of the changed lessons as the document printed them (the diff's Markdown form), split
   * into the lesson's own and the course's added ones, by marker name: the document prints them as one text.
   */
  private printedNotes(course: Curriculum, changes: readonly FieldChange[]): Map<string, PrintedNotes> {
    const names = changes.filter((c) => c.field === 'trainerNotes').map((c) => c.name);
    if (names.length === 0) return new Map();
    const full = withPlaceholderDefaults(course, this.store.read('settings').placeholderDefaults);
    const own: Curriculum = {
      ...full,
      items: full.items.map((item) => (item.kind === 'module' ? { ...item, lessons: item.lessons.map(({ trainerNotes: _notes, ...rest }) => rest) } : item)),
    };
    const print = (curriculum: Curriculum): Map<string, string> => {
      const plan = buildExportPlan(
        { curriculum, references: this.store.read('library').references, today: this.now().toISOString().slice(0, 10), numbering: 'course' },
        { variant: 'trainer', paper: 'a4', annexes: false },
      );
      return new Map([...planFields(plan)].map(([name, paragraphs]) => [name, fieldMarkdown(paragraphs)]));
    };
    const withCourse = print(full);
    const withoutCourse = print(own);
    return new Map(
      names.map((name) => {
        const ownText = withoutCourse.get(name) ?? '';
        const all = withCourse.get(name) ?? '';
        const ownBlocks = ownText === '' ? 0 : ownText.split('\n\n').length;
        return [name, { own: ownText, course: all.split('\n\n').slice(ownBlocks).join('\n\n') }];
      }),
    );
  }

  /** A course's stamp moves forward by at least a millisecond (see CurriculaService). */
  private nextStamp(previous: string): string {
    const now = this.now().getTime();
    return new Date(Math.max(now, Date.parse(previous) + 1)).toISOString();
  }

  private undoFile(record: UndoRecord): { path: string; bytes: string } {
    const name = `before-round-trip-${this.now().toISOString().replace(/[-:.]/g, '')}.json`;
    return { path: `${UNDO_FOLDER}/${name}`, bytes: JSON.stringify(record) };
  }

  private async lastRecord(): Promise<{ file: string; record: UndoRecord } | null> {
    const dir = join(this.store.dataDir, UNDO_FOLDER);
    const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => UNDO_FILE.test(f)).sort();
    const file = files.at(-1);
    if (!file) return null;
    try {
      return { file: join(dir, file), record: JSON.parse(await readFile(join(dir, file), 'utf8')) as UndoRecord };
    } catch (error) {
      throw new AppError('store-corrupt', `The state saved before the last Word round trip cannot be read (${(error as Error).message}); restore a backup instead.`);
    }
  }

  /**
   * Puts back what the last apply changed, if nothing was changed since (a later edit is never lost): the
   * course as it was, or each library module at the revision it had.
   */
  async undoLast(): Promise<{ kind: 'course' | 'library'; ids: string[] }> {
    const last = await this.lastRecord();
    if (!last) throw new AppError('not-found', 'There is no Word round trip to undo.');
    const { record } = last;
    if (record.kind === 'course') {
      const present = this.course(record.before.id);
      if (present.updatedAt !== record.afterUpdatedAt) throw new AppError('conflict', `"${present.title}" was changed after the round trip; undo it by hand`);
      await this.store.update('curricula', (data) => ({ ...data, curricula: data.curricula.map((c) => (c.id === record.before.id ? record.before : c)) }));
    } else {
      for (const after of record.after) {
        const present = this.module(after.id);
        if (present.revision !== after.revision || present.updatedAt !== after.updatedAt) throw new AppError('conflict', `"${present.title}" was changed after the round trip; undo it by hand`);
      }
      const before = new Map(record.before.map((m) => [m.id, m]));
      await this.store.update('library', (data) => ({ ...data, modules: data.modules.map((m) => before.get(m.id) ?? m) }));
    }
    await rm(last.file, { force: true });
    return { kind: record.kind, ids: record.kind === 'course' ? [record.before.id] : record.before.map((m) => m.id) };
  }
}

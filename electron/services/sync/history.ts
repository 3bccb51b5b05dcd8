/**
 * The history of one module or course, read from the sync repository: the commits that changed its file
 * (a merge that only took one side's version is left out, as `git log` leaves it out), any revision in
 * full, the fields that differ between two revisions, and a restore of an old revision as a new change
 * (a new revision that the next sync sends), with undo.
 */
import { structuralProblems } from '../../../shared/domain/module-checks';
import { compareFields } from '../../../shared/domain/packs/three-way';
import { AppError } from '../../../shared/errors';
import type { Curriculum } from '../../../shared/schemas/curriculum';
import type { Module } from '../../../shared/schemas/module';
import type { FieldValue } from '../../../shared/schemas/pack-import';
import type { HistoryDiff, HistoryEntry, HistoryList, HistoryRestore, HistoryRevision, HistorySubject } from '../../../shared/schemas/sync';
import { laterStamp } from '../later-stamp';
import type { Store } from '../store/store';
import { curriculumFile, moduleFile } from '../store/layout';
import { HistoryIndex, historyOf } from './history-index';
import { repoLoader } from './loader';
import { LocalRepo } from './repo';
import { readConfig, readState } from './state';

type Subject = { kind: 'module' | 'course'; id: string; path: string };

function subjectOf(subject: HistorySubject): Subject {
  return 'module' in subject ? { kind: 'module', id: subject.module, path: moduleFile(subject.module) } : { kind: 'course', id: subject.course, path: curriculumFile(subject.course) };
}

export class HistoryService {
  private lastRestore: { subject: HistorySubject; replaced: Module | Curriculum | null; restored: Module | Curriculum; from: string } | null = null;

  constructor(
    private readonly store: Store,
    private readonly gitdir: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The commit history starts from: the last sync's head (share), or the remote's (follow). */
  private async start(): Promise<string | null> {
    const config = await readConfig(this.store.dataDir);
    if (!config) return null;
    const state = await readState(this.store.dataDir, config.remote);
    return state.head ?? state.remoteHead;
  }

  private repo(): Promise<LocalRepo> {
    return LocalRepo.open(this.gitdir);
  }

  private async load(subject: Subject, commit: string, blob: string): Promise<Module | Curriculum> {
    const repo = await this.repo();
    const loader = repoLoader(repo);
    if (subject.kind === 'module') return loader.module(blob, subject.path);
    return loader.course(blob, subject.path, await repo.flatTreeOfCommit(commit));
  }

  /** Read from the history index (history-index.ts), which the syncs keep up to date: no walk of the repository. */
  async list(request: HistorySubject, limit = 200): Promise<HistoryList> {
    const start = await this.start();
    if (!start) return { available: false, entries: [] };
    const subject = subjectOf(request);
    const repo = await this.repo();
    const records = await HistoryIndex.of(repo).ensure(repo, [start]);
    const entries = historyOf(records, start, subject.path, limit).map(({ record, change: [, , change, title, revision] }): HistoryEntry => ({
      commit: record.c,
      author: { name: record.a.name, email: record.a.email },
      date: new Date(record.a.at * 1000).toISOString(),
      message: record.m,
      change,
      revision: subject.kind === 'module' ? revision : null,
      title,
    }));
    return { available: true, entries };
  }

  private async revision(request: HistorySubject, commit: string): Promise<{ subject: Subject; entry: HistoryEntry; item: Module | Curriculum | null }> {
    const subject = subjectOf(request);
    const repo = await this.repo();
    if (!(await repo.hasObject(commit))) throw new AppError('not-found', `No commit ${commit} in this library's history`);
    const blob = await repo.blobAt(commit, subject.path);
    const c = await repo.readCommit(commit);
    const item = blob ? await this.load(subject, commit, blob) : null;
    const entry: HistoryEntry = {
      commit,
      author: { name: c.author.name, email: c.author.email },
      date: new Date(c.author.timestamp * 1000).toISOString(),
      message: c.message.trim(),
      change: blob === null ? 'deleted' : 'changed',
      revision: item && subject.kind === 'module' ? (item as Module).revision : null,
      title: item?.title ?? null,
    };
    return { subject, entry, item };
  }

  async show(request: HistorySubject, commit: string): Promise<HistoryRevision> {
    const { subject, entry, item } = await this.revision(request, commit);
    if (!item) throw new AppError('not-found', `The ${subject.kind} "${subject.id}" did not exist at ${commit.slice(0, 10)}`);
    return subject.kind === 'module' ? { entry, module: item as Module } : { entry, course: item as Curriculum };
  }

  async diff(request: HistorySubject, from: string, to?: string): Promise<HistoryDiff> {
    const older = await this.revision(request, from);
    const newer = to ? await this.revision(request, to) : await this.current(request);
    const fields = older.subject.kind === 'module' ? moduleDiff(older.item as Module | null, newer.item as Module | null) : courseDiff(older.item as Curriculum | null, newer.item as Curriculum | null);
    return { from: older.entry, to: newer.entry, fields };
  }

  /** The version in the store now, as a history entry of the head commit (or of no commit yet). */
  private async current(request: HistorySubject): Promise<{ subject: Subject; entry: HistoryEntry; item: Module | Curriculum | null }> {
    const subject = subjectOf(request);
    const item = this.currentItem(subject);
    const head = (await this.start()) ?? '0'.repeat(40);
    return {
      subject,
      item,
      entry: {
        commit: head,
        author: { name: '', email: '' },
        date: this.now().toISOString(),
        message: 'The current version in this library',
        change: item ? 'changed' : 'deleted',
        revision: item && subject.kind === 'module' ? (item as Module).revision : null,
        title: item?.title ?? null,
      },
    };
  }

  private currentItem(subject: Subject): Module | Curriculum | null {
    if (subject.kind === 'module') return this.store.read('library').modules.find((m) => m.id === subject.id) ?? null;
    return this.store.read('curricula').curricula.find((c) => c.id === subject.id) ?? null;
  }

  /** Puts the version of `commit` back as a new change: a module gets a new revision, a course a new date. */
  async restore(request: HistorySubject, commit: string): Promise<HistoryRestore> {
    const { subject, item } = await this.revision(request, commit);
    if (!item) throw new AppError('not-found', `The ${subject.kind} "${subject.id}" did not exist at ${commit.slice(0, 10)}; there is nothing to restore`);
    const replaced = this.currentItem(subject);
    const restored = await this.put(subject, item, replaced);
    this.lastRestore = { subject: request, replaced, restored, from: commit };
    return { subject: request, from: commit, revision: subject.kind === 'module' ? (restored as Module).revision : null };
  }

  /** Puts back what the last restore replaced, unless the module or course was changed again since. */
  async undoRestore(): Promise<HistoryRestore> {
    const last = this.lastRestore;
    if (!last) throw new AppError('not-found', 'There is no restore to undo.');
    const subject = subjectOf(last.subject);
    if (this.currentItem(subject) !== last.restored) throw new AppError('conflict', `"${last.restored.title}" was changed again after the restore; restore the version you want from its history instead.`);
    if (!last.replaced) {
      if (subject.kind === 'module') await this.store.update('library', (l) => ({ ...l, modules: l.modules.filter((m) => m.id !== subject.id) }));
      else await this.store.update('curricula', (c) => ({ ...c, curricula: c.curricula.filter((x) => x.id !== subject.id) }));
      this.lastRestore = null;
      return { subject: last.subject, from: last.from, revision: null };
    }
    // Exactly what was there, revision and date included: the same file as the last sync's, so nothing is left to send.
    const replaced = last.replaced;
    if (subject.kind === 'module') await this.store.update('library', (l) => ({ ...l, modules: l.modules.map((m) => (m.id === subject.id ? (replaced as Module) : m)) }));
    else await this.store.update('curricula', (c) => ({ ...c, curricula: c.curricula.map((x) => (x.id === subject.id ? (replaced as Curriculum) : x)) }));
    this.lastRestore = null;
    return { subject: last.subject, from: last.from, revision: subject.kind === 'module' ? (replaced as Module).revision : null };
  }

  private async put(subject: Subject, version: Module | Curriculum, current: Module | Curriculum | null): Promise<Module | Curriculum> {
    if (subject.kind === 'module') {
      const library = this.store.read('library');
      const old = version as Module;
      const [problem] = structuralProblems(old, library.references);
      if (problem) throw new AppError('invalid-argument', `That revision of "${old.title}" cannot come back as it is: ${problem.path}: ${problem.message}`);
      const revision = Math.max(old.revision, (current as Module | null)?.revision ?? 0) + 1;
      const next: Module = { ...old, revision, updatedAt: this.now().toISOString() };
      await this.store.update('library', (l) => ({ ...l, modules: current ? l.modules.map((m) => (m.id === next.id ? next : m)) : [...l.modules, next] }));
      return this.currentItem(subject) as Module;
    }
    const old = version as Curriculum;
    const next: Curriculum = { ...old, updatedAt: laterStamp(this.now(), (current as Curriculum | null)?.updatedAt ?? old.updatedAt) };
    await this.store.update('curricula', (c) => ({ ...c, curricula: current ? c.curricula.map((x) => (x.id === next.id ? next : x)) : [...c.curricula, next] }));
    return this.currentItem(subject) as Curriculum;
  }
}

const absentModule = (like: Module): Module => ({ id: like.id, revision: like.revision, updatedAt: like.updatedAt, provenance: like.provenance, lessons: [] }) as unknown as Module;

function moduleDiff(before: Module | null, after: Module | null): HistoryDiff['fields'] {
  if (!before && !after) return [];
  const b = before ?? absentModule(after as Module);
  const a = after ?? absentModule(before as Module);
  return compareFields(undefined, a, b).map((f) => ({ key: f.key, before: f.mine, after: f.theirs }));
}

const json = (value: unknown): FieldValue => (value === undefined ? { kind: 'absent' } : { kind: 'json', text: JSON.stringify(value, null, 2) });

function courseDiff(before: Curriculum | null, after: Curriculum | null): HistoryDiff['fields'] {
  const at = (c: Curriculum | null, key: string): unknown => (c ? (c as Record<string, unknown>)[key] : undefined);
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})].filter((k) => k !== 'updatedAt'));
  return [...keys].filter((k) => JSON.stringify(at(before, k)) !== JSON.stringify(at(after, k))).map((key) => ({ key, before: json(at(before, key)), after: json(at(after, key)) }));
}
